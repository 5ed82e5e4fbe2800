//! Reading one field of a record: texts, amounts, dates, numbers, object lists, account numbers.

use super::*;

impl State {
    /// Decodes a text field: unescaped, trimmed, decoded.
    pub(super) fn text(&mut self, t: &Tok, line: &[u8], ln: u64, window: &[u8]) -> String {
        let mut out = String::new();
        self.text_into(t, line, ln, window, &mut out);
        out
    }

    /// Decodes a text field into `out` (cleared first), reusing its allocation.
    #[inline]
    pub(super) fn text_into(
        &mut self,
        t: &Tok,
        line: &[u8],
        ln: u64,
        window: &[u8],
        out: &mut String,
    ) {
        let raw = t.bytes(line);
        if t.kind != TokKind::Escaped && self.fast_texts {
            // Printable ASCII is the same in every encoding. A bare field ends at a
            // separator, so only quoted ones need trimming.
            let src = match raw {
                [b' ', ..] | [.., b' '] if t.kind != TokKind::Bare => trim(raw),
                _ => raw,
            };
            // Non-ASCII bytes are decoded on the way when the encoding is known;
            // otherwise (and on control characters or invalid UTF-8) the general path
            // below detects the encoding and cleans the field.
            if decode_plain_into(src, self.encoding, out) {
                return;
            }
        }
        self.text_general(t.kind, raw, ln, window, out);
    }

    /// [`State::text_into`] the general way: detects the encoding, reads control
    /// characters as spaces, unescapes, trims and decodes.
    #[inline(never)]
    fn text_general(
        &mut self,
        kind: TokKind,
        raw: &[u8],
        ln: u64,
        window: &[u8],
        out: &mut String,
    ) {
        out.clear();
        let enc = if raw.is_ascii() {
            Encoding::Cp437
        } else {
            self.ensure_encoding(ln, window)
        };
        if raw.iter().any(|&b| b < b' ' || b == 0x7f) {
            // Control characters may not occur in texts: read them as spaces.
            let cleaned: Vec<u8> = raw
                .iter()
                .map(|&b| if b < b' ' || b == 0x7f { b' ' } else { b })
                .collect();
            let u = if kind == TokKind::Escaped {
                unescape(&cleaned)
            } else {
                cleaned
            };
            enc.decode_into(trim(&u), out);
        } else if kind == TokKind::Escaped {
            let u = unescape(raw);
            enc.decode_into(trim(&u), out);
        } else {
            enc.decode_into(trim(raw), out);
        }
    }

    pub(super) fn opt_text(&mut self, cur: &mut Cur<'_>, ln: u64, window: &[u8]) -> String {
        match cur.scalar() {
            Some(t) => self.text(t, cur.line, ln, window),
            None => String::new(),
        }
    }

    pub(super) fn opt_text_into(
        &mut self,
        cur: &mut Cur<'_>,
        ln: u64,
        window: &[u8],
        out: &mut String,
    ) {
        match cur.scalar() {
            Some(t) => self.text_into(t, cur.line, ln, window, out),
            None => out.clear(),
        }
    }

    pub(super) fn req_text(
        &mut self,
        cur: &mut Cur<'_>,
        ln: u64,
        label: &str,
        what: &str,
        window: &[u8],
    ) -> Option<String> {
        match cur.scalar() {
            Some(t) => Some(self.text(t, cur.line, ln, window)),
            None => {
                self.missing(ln, label, what);
                None
            }
        }
    }

    pub(super) fn amount(
        &mut self,
        raw: &[u8],
        ln: u64,
        label: &'static str,
        what: &str,
    ) -> Option<Decimal> {
        // The commonest amounts, which draw no notice (no sign or comma, at most two
        // decimals), without the general parsing.
        if let Some(a) = parse_plain_amount(raw) {
            return Some(a);
        }
        match parse_amount(raw) {
            Some(a) => {
                if raw.first() == Some(&b'+') || raw.contains(&b',') {
                    self.repeat(
                        Repeat::PlusOrComma,
                        ln,
                        label,
                        "belopp med plustecken eller decimalkomma",
                    );
                } else if what == "belopp" && a.scale() > 2 {
                    self.repeat(
                        Repeat::ManyDecimals,
                        ln,
                        label,
                        "belopp med fler än två decimaler",
                    );
                }
                Some(a)
            }
            None => {
                let shown = String::from_utf8_lossy(raw);
                self.diag(
                    ln,
                    label,
                    Severity::Error,
                    format!("{what} \"{shown}\" kan inte läsas; posten ignoreras"),
                );
                None
            }
        }
    }

    pub(super) fn req_amount(
        &mut self,
        cur: &mut Cur<'_>,
        ln: u64,
        label: &'static str,
    ) -> Option<Decimal> {
        match cur.raw() {
            Some(raw) => self.amount(raw, ln, label, "belopp"),
            None => {
                self.diag(
                    ln,
                    label,
                    Severity::Error,
                    "belopp saknas; posten ignoreras".to_owned(),
                );
                None
            }
        }
    }

    /// An optional quantity: absent or `""` is `None`; a malformed one is a warning.
    pub(super) fn opt_quantity(
        &mut self,
        cur: &mut Cur<'_>,
        ln: u64,
        label: &'static str,
    ) -> Option<Decimal> {
        let raw = trim(cur.raw()?);
        if raw.is_empty() {
            return None;
        }
        match parse_amount(raw) {
            Some(q) => Some(q),
            None => {
                let shown = String::from_utf8_lossy(raw);
                self.diag(
                    ln,
                    label,
                    Severity::Error,
                    format!("kvantiteten \"{shown}\" kan inte läsas och ignoreras"),
                );
                None
            }
        }
    }

    pub(super) fn date(
        &mut self,
        raw: &[u8],
        ln: u64,
        label: &'static str,
        what: &str,
    ) -> Option<NaiveDate> {
        // Rows of a voucher usually repeat one date: remember the last one parsed.
        if let Some((bytes, d)) = self.last_date {
            if raw == bytes {
                return Some(d);
            }
        }
        match parse_date(raw) {
            DateParse::Ok(d) | DateParse::Iso(d) if !plausible(d) => {
                let shown = String::from_utf8_lossy(raw);
                self.diag(
                    ln,
                    label,
                    Severity::Error,
                    format!(
                        "{what} \"{shown}\" har ett omöjligt år (utanför {FIRST_YEAR}–{LAST_YEAR}); läses som inget datum"
                    ),
                );
                None
            }
            DateParse::Ok(d) => {
                if let Ok(bytes) = <[u8; 8]>::try_from(raw) {
                    self.last_date = Some((bytes, d));
                }
                Some(d)
            }
            DateParse::Iso(d) => {
                self.repeat(
                    Repeat::IsoDate,
                    ln,
                    label,
                    "datum skrivet som ÅÅÅÅ-MM-DD i stället för ÅÅÅÅMMDD",
                );
                Some(d)
            }
            DateParse::Zero => {
                self.repeat(
                    Repeat::ZeroDate,
                    ln,
                    label,
                    "datumet 00000000 läses som inget datum",
                );
                None
            }
            DateParse::Invalid => {
                let shown = String::from_utf8_lossy(raw);
                self.diag(
                    ln,
                    label,
                    Severity::Error,
                    format!("{what} \"{shown}\" är inget giltigt datum; läses som inget datum"),
                );
                None
            }
        }
    }

    pub(super) fn opt_date(
        &mut self,
        cur: &mut Cur<'_>,
        ln: u64,
        label: &'static str,
        what: &str,
    ) -> Option<NaiveDate> {
        let raw = trim(cur.raw()?);
        if raw.is_empty() {
            return None;
        }
        self.date(raw, ln, label, what)
    }

    /// The diagnostic of a required field (`what`) that the record lacks: the record
    /// is dropped.
    fn missing(&mut self, ln: u64, label: &str, what: &str) {
        self.diag(
            ln,
            label,
            dropped(label),
            format!("{what} saknas; posten ignoreras"),
        );
    }

    pub(super) fn req_date(
        &mut self,
        cur: &mut Cur<'_>,
        ln: u64,
        label: &'static str,
        what: &str,
    ) -> Option<NaiveDate> {
        let Some(raw) = cur.raw() else {
            self.missing(ln, label, what);
            return None;
        };
        match parse_date(trim(raw)) {
            DateParse::Ok(d) | DateParse::Iso(d) if !plausible(d) => {
                let shown = String::from_utf8_lossy(raw);
                self.diag(
                    ln,
                    label,
                    dropped(label),
                    format!(
                        "{what} \"{shown}\" har ett omöjligt år (utanför {FIRST_YEAR}–{LAST_YEAR}); posten ignoreras"
                    ),
                );
                None
            }
            DateParse::Ok(d) => Some(d),
            DateParse::Iso(d) => {
                self.repeat(
                    Repeat::IsoDate,
                    ln,
                    label,
                    "datum skrivet som ÅÅÅÅ-MM-DD i stället för ÅÅÅÅMMDD",
                );
                Some(d)
            }
            _ => {
                let shown = String::from_utf8_lossy(raw);
                self.diag(
                    ln,
                    label,
                    dropped(label),
                    format!("{what} \"{shown}\" är inget giltigt datum; posten ignoreras"),
                );
                None
            }
        }
    }

    pub(super) fn int<T: std::str::FromStr>(
        &mut self,
        cur: &mut Cur<'_>,
        ln: u64,
        label: &'static str,
        what: &str,
    ) -> Option<T> {
        let Some(raw) = cur.raw() else {
            self.missing(ln, label, what);
            return None;
        };
        let parsed = std::str::from_utf8(trim(raw))
            .ok()
            .and_then(|s| s.parse::<T>().ok());
        if parsed.is_none() {
            let shown = String::from_utf8_lossy(raw);
            self.diag(
                ln,
                label,
                dropped(label),
                format!("{what} \"{shown}\" kan inte läsas; posten ignoreras"),
            );
        }
        parsed
    }

    /// An object list `{dim obj …}`; `None` (nothing consumed) when the next field is not `{`.
    pub(super) fn objects(
        &mut self,
        cur: &mut Cur<'_>,
        ln: u64,
        label: &'static str,
        window: &[u8],
    ) -> Option<Vec<ObjectRef>> {
        let mut list = Vec::new();
        self.objects_into(cur, ln, label, window, &mut list)
            .then_some(list)
    }

    /// An object list `{dim obj …}` into `list` (reusing its strings); false (nothing
    /// consumed, `list` emptied) when the next field is not `{`.
    pub(super) fn objects_into(
        &mut self,
        cur: &mut Cur<'_>,
        ln: u64,
        label: &'static str,
        window: &[u8],
        list: &mut Vec<ObjectRef>,
    ) -> bool {
        if cur.peek().map(|t| t.kind) != Some(TokKind::Open) {
            list.clear();
            return false;
        }
        cur.i += 1;
        let mut used = 0usize;
        let mut closed = false;
        let mut pending_dim: Option<Option<u32>> = None;
        while let Some(t) = cur.toks.get(cur.i) {
            cur.i += 1;
            match t.kind {
                TokKind::Close => {
                    closed = true;
                    break;
                }
                TokKind::Open => {}
                _ => match pending_dim.take() {
                    None => {
                        let raw = trim(t.bytes(cur.line));
                        let dim = parse_u32(raw);
                        if dim.is_none() {
                            let shown = String::from_utf8_lossy(raw);
                            self.diag(ln, label, Severity::Error, format!("dimensionsnumret \"{shown}\" i objektlistan kan inte läsas; paret ignoreras"));
                        }
                        pending_dim = Some(dim);
                    }
                    Some(dim) => {
                        if let Some(dimension) = dim {
                            if used >= MAX_OBJECTS {
                                // Counted, not kept: reported below.
                            } else {
                                self.object_into(list, used, dimension, t, cur.line, ln, window);
                            }
                            used += 1;
                        }
                    }
                },
            }
        }
        if used > MAX_OBJECTS {
            self.diag(
                ln,
                label,
                Severity::Error,
                format!("objektlista med {used} objekt; bara de första {MAX_OBJECTS} behålls"),
            );
            used = MAX_OBJECTS;
        }
        self.truncate_objects(list, used);
        if !closed {
            self.diag(
                ln,
                label,
                Severity::Error,
                "objektlistan avslutas inte med }: raden ser avkapad ut, filen kan vara avkortad"
                    .to_owned(),
            );
        }
        if pending_dim.is_some() {
            self.diag(
                ln,
                label,
                Severity::Error,
                "objektlistan har en dimension utan objekt; den ignoreras".to_owned(),
            );
        }
        true
    }

    /// Reads object `t` of `dimension` into `list[used]`: into the reference already
    /// there, or one kept from a truncated list ([`State::truncate_objects`]), or a new
    /// one.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn object_into(
        &mut self,
        list: &mut Vec<ObjectRef>,
        used: usize,
        dimension: u32,
        t: &Tok,
        line: &[u8],
        ln: u64,
        window: &[u8],
    ) {
        if let Some(slot) = list.get_mut(used) {
            slot.dimension = dimension;
            self.text_into(t, line, ln, window, &mut slot.object);
        } else {
            let mut slot = self.spare_objects.pop().unwrap_or_else(|| ObjectRef {
                dimension,
                object: String::new(),
            });
            slot.dimension = dimension;
            self.text_into(t, line, ln, window, &mut slot.object);
            list.push(slot);
        }
    }

    /// Shortens `list` to `used` references, keeping the ones cut off (up to
    /// [`SPARE_OBJECTS`]) for [`State::object_into`].
    #[inline]
    pub(super) fn truncate_objects(&mut self, list: &mut Vec<ObjectRef>, used: usize) {
        if list.len() > used {
            let room = SPARE_OBJECTS.saturating_sub(self.spare_objects.len());
            self.spare_objects.extend(list.drain(used..).take(room));
        }
    }

    /// An account number in a row or a balance must be 1 to 10 digits: anything else
    /// cannot be placed in the chart of accounts.
    pub(super) fn check_account(&mut self, ln: u64, label: &'static str, account: &str) {
        if !is_account_number(account) {
            self.diag(
                ln,
                label,
                Severity::Error,
                format!(
                    "kontonumret \"{account}\" är inte 1 till 10 siffror; det kan inte kopplas \
                     till en rad i rapporterna"
                ),
            );
        }
    }
}

/// Sets `out` to the ASCII digits `digits` (what [`State::text_into`] makes of a field of
/// digits in any encoding), reusing its allocation.
#[inline(always)]
pub(super) fn set_digits(out: &mut String, digits: &[u8]) {
    out.clear();
    out.reserve(digits.len());
    for &b in digits {
        // `& 0x7f` tells the compiler the character is one byte long.
        out.push(char::from(b & 0x7f));
    }
}
