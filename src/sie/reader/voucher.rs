//! Vouchers (#VER) and their rows (#TRANS, #RTRANS, #BTRANS), plain and tokenized.

use super::*;

impl State {
    pub(super) fn row(&mut self, ln: u64, label: Label, cur: &mut Cur<'_>, window: &[u8]) {
        let name = label.name();
        let kind = match label {
            Label::Rtrans => VoucherRowKind::Added,
            Label::Btrans => VoucherRowKind::Removed,
            _ => VoucherRowKind::Normal,
        };
        let Some(mut v) = self.voucher.take() else {
            self.diag(
                ln,
                name,
                Severity::Error,
                "transaktionsrad utanför en verifikation ignoreras".to_owned(),
            );
            return;
        };
        if v.skipped > 0 || v.bytes.saturating_add(cur.line.len()) > self.opts.max_voucher_bytes {
            if v.skipped == 0 {
                let msg = format!(
                    "verifikation {} {} har transaktionsrader på mer än {} byte: resten hoppas \
                     över (saknas dess avslutande }}?)",
                    v.voucher.series, v.voucher.number, self.opts.max_voucher_bytes
                );
                self.diag(ln, name, Severity::Error, msg);
            }
            v.skipped += 1;
            v.incomplete = true;
            v.in_block = true;
            self.voucher = Some(v);
            return;
        }
        // Parse into the slot at `used`: a recycled row when there is one.
        if v.voucher.rows.len() <= v.used {
            let spare = self.spare_rows.pop().unwrap_or_else(empty_row);
            v.voucher.rows.push(spare);
        }
        let ok = match v.voucher.rows.get_mut(v.used) {
            Some(slot) => self.parse_row_into(ln, name, kind, cur, window, slot),
            None => false,
        };
        let mut no_block = false;
        let mut lone_rtrans = None;
        if !v.in_block {
            v.in_block = true;
            no_block = true;
        }
        let mut keep = ok;
        if !ok {
            v.incomplete = true;
            v.after_rtrans = None;
        } else if let Some(rline) = v.after_rtrans.take() {
            let prev = v.used.checked_sub(1).and_then(|i| v.voucher.rows.get(i));
            let this = v.voucher.rows.get(v.used);
            let duplicate = kind == VoucherRowKind::Normal
                && match (prev, this) {
                    (Some(p), Some(r)) => {
                        p.account == r.account && p.amount == r.amount && p.objects == r.objects
                    }
                    _ => false,
                };
            if duplicate {
                // The duplicate #TRANS written for readers that do not know #RTRANS.
                keep = false;
            } else {
                lone_rtrans = Some(rline);
            }
        }
        if keep && kind == VoucherRowKind::Added {
            v.after_rtrans = Some(ln);
        }
        if keep {
            if let Some(r) = v.voucher.rows.get(v.used) {
                v.bytes += row_bytes(r);
            }
            v.used += 1;
            self.rows += 1;
        }
        self.voucher = Some(v);
        if no_block {
            self.repeat(
                Repeat::NoBlock,
                ln,
                "#VER",
                "verifikation utan ett { … }-block med rader",
            );
        }
        if let Some(rline) = lone_rtrans {
            self.diag(
                rline,
                "#RTRANS",
                Severity::Notice,
                "#RTRANS följs inte av sin dubblett #TRANS".to_owned(),
            );
        }
    }

    /// Reads a plain `#TRANS` row ([`scan_plain_row`]) of the open voucher straight from
    /// the line. False, with nothing changed, when the line is not such a row or reading
    /// it field by field could say anything about it (a diagnostic, an `#RTRANS` to
    /// match, a running checksum): the caller then tokenizes it and reads it as usual.
    pub(super) fn plain_row(&mut self, ln: u64, line: &[u8], window: &[u8]) -> bool {
        if self.sum_lane(ln, line, window) {
            return true;
        }
        if !self.plain_rows || matches!(self.checksum, Checksum::Running(_)) {
            return false;
        }
        scan_plain_row(line, &mut self.plain) && self.scanned_row(ln, line, window)
    }

    /// Whether the next line may be read by [`State::scanned_row`] straight after
    /// [`scan_spaced_row_at`] has split it from the bytes ahead (the typed reading,
    /// the encoding known, a voucher's block open): where this is true,
    /// [`State::plain_row`] would scan the line the same way and go on as
    /// [`State::scanned_row`] does.
    #[inline(always)]
    pub(super) fn row_ahead(&self) -> bool {
        self.sums.is_none()
            && self.plain_rows
            && self.encoding.is_some()
            && !matches!(self.checksum, Checksum::Running(_))
            && self.voucher.as_ref().is_some_and(|v| v.in_block)
    }

    /// [`State::plain_row`] once [`scan_plain_row`] has split the line into
    /// `self.plain`.
    #[inline(never)]
    pub(super) fn scanned_row(&mut self, ln: u64, line: &[u8], window: &[u8]) -> bool {
        // The scan has checked the account (1 to 10 digits) and read the amount as
        // parse_amount reads it without a notice.
        let p = &self.plain;
        let (account, amount, date_tok, text_tok, pairs_len, digit_objects) = (
            p.account,
            p.value,
            p.date,
            p.text,
            p.pairs_len,
            p.digit_objects,
        );
        if !self.voucher.as_ref().is_some_and(|v| {
            v.in_block
                && v.after_rtrans.is_none()
                && v.skipped == 0
                && v.bytes.saturating_add(line.len() * 2 + 512) <= self.opts.max_voucher_bytes
        }) {
            return false;
        }
        // A date that State::date reads without a diagnostic, or the row is read as usual.
        let date = match date_tok {
            None => None,
            Some(t) => match self.plain_date(t.bytes(line)) {
                Some(d) => Some(d),
                None => return false,
            },
        };
        let Some(mut v) = self.voucher.take() else {
            return false;
        };
        let idx = Label::Trans as usize;
        if let Some(c) = self.counts.get_mut(idx) {
            if *c == 0 {
                if let Some(f) = self.first_line.get_mut(idx) {
                    *f = ln;
                }
            }
            *c += 1;
        }
        if self.sums.is_some() {
            if self.encoding.is_none() && text_tok.is_some_and(|t| !t.bytes(line).is_ascii()) {
                // A text not decoded in summing mode still sets the encoding where the
                // ordinary reading would detect it.
                self.ensure_encoding(ln, window);
            }
            if self.sum_plain_row(&mut v, line, amount) {
                self.rows += 1;
                self.voucher = Some(v);
                return true;
            }
        }
        if v.voucher.rows.len() <= v.used {
            let spare = self.spare_rows.pop().unwrap_or_else(empty_row);
            v.voucher.rows.push(spare);
        }
        if let Some(row) = v.voucher.rows.get_mut(v.used) {
            row.kind = VoucherRowKind::Normal;
            // Digit strings are the same characters in every encoding.
            fields::set_digits(&mut row.account, account.bytes(line));
            let mut used = 0usize;
            if digit_objects {
                // Into the references already there, then into kept or new ones.
                let pairs = self.plain.pairs.get(..pairs_len).unwrap_or_default();
                for &(dimension, t) in pairs {
                    let digits = t.bytes(line);
                    if let Some(slot) = row.objects.get_mut(used) {
                        slot.dimension = dimension;
                        fields::set_digits(&mut slot.object, digits);
                    } else {
                        let mut slot = self.spare_objects.pop().unwrap_or_else(|| ObjectRef {
                            dimension,
                            object: String::new(),
                        });
                        slot.dimension = dimension;
                        fields::set_digits(&mut slot.object, digits);
                        row.objects.push(slot);
                    }
                    used += 1;
                }
            } else {
                for k in 0..pairs_len {
                    let Some(&(dimension, t)) = self.plain.pairs.get(k) else {
                        break;
                    };
                    self.object_into(&mut row.objects, used, dimension, &t, line, ln, window);
                    used += 1;
                }
            }
            if row.objects.len() > used {
                self.truncate_objects(&mut row.objects, used);
            }
            row.amount = amount;
            row.date = date;
            match text_tok {
                // `""` (common) is what text_into makes of it: nothing.
                Some(t) if !t.is_empty() => self.text_into(&t, line, ln, window, &mut row.text),
                _ => row.text.clear(),
            }
            row.quantity = None;
            row.signature.clear();
            v.bytes += row_bytes(row);
            v.used += 1;
            self.rows += 1;
        }
        self.voucher = Some(v);
        true
    }

    /// Takes back a record handed out: a voucher is kept (up to [`SPARE_VOUCHERS`])
    /// and the next vouchers are read into its allocations.
    #[inline(always)]
    pub(super) fn give_back(&mut self, record: Record) {
        if let Record::Voucher(v) = record {
            self.keep_voucher(v);
        }
    }

    /// Keeps `v` for the next voucher to be read into (up to [`SPARE_VOUCHERS`]).
    #[inline(always)]
    pub(super) fn keep_voucher(&mut self, v: Voucher) {
        if self.spare.is_none() {
            self.spare = Some(v);
        } else if self.pool.len() < SPARE_VOUCHERS {
            self.pool.push(v);
        }
    }

    /// A voucher to read the next into: one given back, else a new one.
    #[inline]
    pub(super) fn spare_voucher(&mut self) -> Voucher {
        match self.spare.take() {
            Some(v) => v,
            None => self.pool.pop().unwrap_or_else(empty_voucher),
        }
    }

    /// Makes `v` (read from the `#VER` on line `ln`) the open voucher.
    pub(super) fn open_voucher(&mut self, v: Voucher, ln: u64) {
        let open = OpenVoucher {
            voucher: v,
            line: ln,
            in_block: false,
            incomplete: false,
            used: 0,
            after_rtrans: None,
            bytes: 0,
            skipped: 0,
            summed_rows: 0,
            summed_ore: 0,
        };
        self.voucher = Some(match self.voucher_box.take() {
            Some(mut b) => {
                *b = open;
                b
            }
            None => Box::new(open),
        });
    }

    /// [`State::plain_date`] with its commonest case, the date read last, inline (for
    /// the lane that reads whole vouchers, where dates repeat most). Another date is
    /// compared once more inside [`State::plain_date`]: splitting that function to
    /// spare it made the lane inline the cache and cost 2 % more instructions.
    #[inline(always)]
    pub(super) fn plain_date_inline(&mut self, raw: &[u8]) -> Option<NaiveDate> {
        if let (Some((bytes, d)), Some(k)) = (self.last_date, dates::word(raw)) {
            if u64::from_le_bytes(bytes) == k {
                return Some(d);
            }
        }
        self.plain_date(raw)
    }

    /// A date that [`State::date`] reads without a diagnostic (from the cache or as
    /// `YYYYMMDD`); `None` for anything else.
    #[inline]
    pub(super) fn plain_date(&mut self, raw: &[u8]) -> Option<NaiveDate> {
        let key = dates::word(raw);
        if let (Some((bytes, d)), Some(k)) = (self.last_date, key) {
            if u64::from_le_bytes(bytes) == k {
                return Some(d);
            }
        }
        if let Some(d) = key.and_then(|k| self.dates.get(k)) {
            self.last_date = key.map(|k| (k.to_le_bytes(), d));
            return Some(d);
        }
        match parse_date(raw) {
            DateParse::Ok(d) if plausible(d) => {
                if let Some(k) = key {
                    self.last_date = Some((k.to_le_bytes(), d));
                    self.dates.put(k, d);
                }
                Some(d)
            }
            _ => None,
        }
    }

    /// Reads a plain `#VER` line ([`scan_plain_ver`]) straight from the line. False,
    /// with nothing changed but the date cache, when the line is not such a line or
    /// reading it field by field could say anything about it (a diagnostic, a voucher
    /// still open, the first record, a running checksum): the caller then tokenizes it
    /// and reads it as usual.
    pub(super) fn plain_ver(&mut self, ln: u64, line: &[u8], window: &[u8]) -> bool {
        self.ver_ahead()
            && scan_plain_ver(line, &mut self.plain_ver)
            && self.scanned_ver(ln, line, window)
    }

    /// Whether a voucher line may be read by [`State::plain_ver`] (and so by
    /// [`State::scanned_ver`] once it is split) as far as the reader's state goes: no
    /// voucher open, not the first record, no running checksum.
    #[inline(always)]
    pub(super) fn ver_ahead(&self) -> bool {
        self.plain_rows
            && !matches!(self.checksum, Checksum::Running(_))
            && self.voucher.is_none()
            && self.records > 0
    }

    /// [`State::plain_ver`] once [`scan_plain_ver`] has split the line into
    /// `self.plain_ver`.
    pub(super) fn scanned_ver(&mut self, ln: u64, line: &[u8], window: &[u8]) -> bool {
        let p = self.plain_ver;
        let Some(date) = self.plain_date(p.date.bytes(line)) else {
            return false;
        };
        let registered = match p.registered {
            None => None,
            Some(t) => match self.plain_date(t.bytes(line)) {
                Some(d) => Some(d),
                None => return false,
            },
        };
        let idx = Label::Ver as usize;
        if let Some(c) = self.counts.get_mut(idx) {
            if *c == 0 {
                if let Some(f) = self.first_line.get_mut(idx) {
                    *f = ln;
                }
            }
            *c += 1;
        }
        self.max_group = self.max_group.max(Label::Ver.group());
        let mut v = self.spare_voucher();
        self.text_into(&p.series, line, ln, window, &mut v.series);
        self.text_into(&p.number, line, ln, window, &mut v.number);
        v.date = Some(date);
        v.registered = registered;
        if self.sums.is_some() {
            // Summing mode: nothing reads a voucher's text; a text that the ordinary
            // reading would detect the encoding from still does.
            v.text.clear();
            v.signature.clear();
            let high = |t: Option<Tok>| t.is_some_and(|t| !t.bytes(line).is_ascii());
            if self.encoding.is_none() && (high(p.text) || high(p.signature)) {
                self.ensure_encoding(ln, window);
            }
        } else {
            match p.text {
                Some(t) => self.text_into(&t, line, ln, window, &mut v.text),
                None => v.text.clear(),
            }
            match p.signature {
                Some(t) => self.text_into(&t, line, ln, window, &mut v.signature),
                None => v.signature.clear(),
            }
        }
        self.open_voucher(v, ln);
        true
    }

    /// Parses a row into `row`, reusing its strings; false (with a diagnostic) when the
    /// row cannot be read.
    pub(super) fn parse_row_into(
        &mut self,
        ln: u64,
        label: &'static str,
        kind: VoucherRowKind,
        cur: &mut Cur<'_>,
        window: &[u8],
        row: &mut Row,
    ) -> bool {
        row.kind = kind;
        let Some(t) = cur.scalar() else {
            self.diag(
                ln,
                label,
                Severity::Error,
                "konto saknas; posten ignoreras".to_owned(),
            );
            return false;
        };
        self.text_into(t, cur.line, ln, window, &mut row.account);
        self.check_account(ln, label, &row.account);
        if !self.objects_into(cur, ln, label, window, &mut row.objects) {
            self.repeat(
                Repeat::MissingBraces,
                ln,
                label,
                "objektlista utan klammerparenteser {}",
            );
        }
        let Some(amount) = self.req_amount(cur, ln, label) else {
            return false;
        };
        row.amount = amount;
        row.date = self.opt_date(cur, ln, label, "transaktionsdatum");
        self.opt_text_into(cur, ln, window, &mut row.text);
        row.quantity = self.opt_quantity(cur, ln, label);
        self.opt_text_into(cur, ln, window, &mut row.signature);
        self.extra(cur, ln, label);
        true
    }

    pub(super) fn close_voucher(&mut self, mut v: Box<OpenVoucher>, ln: u64) {
        let room = SPARE_ROWS.saturating_sub(self.spare_rows.len());
        let extra = v.voucher.rows.len().saturating_sub(v.used);
        if extra > 0 {
            self.spare_rows
                .extend(v.voucher.rows.drain(v.used..).take(room));
        }
        if let Some(rline) = v.after_rtrans.take() {
            self.diag(
                rline,
                "#RTRANS",
                Severity::Notice,
                "#RTRANS följs inte av sin dubblett #TRANS".to_owned(),
            );
        }
        if v.skipped > 0 {
            let msg = format!(
                "verifikation {} {}: {} transaktionsrader över storleksgränsen hoppades över",
                v.voucher.series, v.voucher.number, v.skipped
            );
            self.diag(v.line, "#VER", Severity::Error, msg);
        }
        let voucher = std::mem::replace(&mut v.voucher, empty_voucher());
        let line = v.line;
        let incomplete = v.incomplete;
        let (summed_rows, summed_ore) = (v.summed_rows, v.summed_ore);
        self.voucher_box = Some(v);
        if let (Some(d), Some((start, end))) = (voucher.date, self.rar0) {
            if d < start || d > end {
                let msg = format!(
                    "verifikation {} {} daterad {d} ligger utanför räkenskapsåret {start} – {end} \
                     (#RAR 0), men dess rader räknas in i det",
                    voucher.series, voucher.number
                );
                self.diag(line, "#VER", Severity::Error, msg);
            }
        }
        if voucher.rows.is_empty() && summed_rows == 0 {
            self.repeat(
                Repeat::EmptyVoucher,
                line,
                "#VER",
                "verifikation utan rader",
            );
        } else if summed_rows > 0 && summed_ore == 0 && voucher.rows.is_empty() {
            // Summing mode, every row summed to zero öre: balanced.
        } else if !incomplete && (summed_rows > 0 || !balances_in_ore(&voucher.rows)) {
            let diff = if summed_rows > 0 {
                Decimal::try_from_i128_with_scale(summed_ore, 2)
                    .ok()
                    .and_then(|s| s.checked_add(voucher.balance()))
                    .unwrap_or(Decimal::MAX)
            } else {
                voucher.balance()
            };
            if !diff.is_zero() {
                let date = voucher
                    .date
                    .map_or_else(|| "utan datum".to_owned(), |d| format!("daterad {d}"));
                let msg = format!(
                    "verifikation {} {} {date} balanserar inte: differens {}",
                    voucher.series,
                    voucher.number,
                    kr(diff)
                );
                self.diag(line, "#VER", self.opts.unbalanced_voucher, msg);
            }
        }
        let _ = ln;
        self.vouchers += 1;
        self.records += 1;
        if summed_rows > 0 && voucher.rows.is_empty() {
            // Summing mode: every row is in the sums; the voucher is reused.
            self.keep_voucher(voucher);
            return;
        }
        self.out.push_back((line, Record::Voucher(voucher)));
    }
}
