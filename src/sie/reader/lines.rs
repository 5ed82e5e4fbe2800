//! Dispatching a line: the first statement, extra fields, unknown labels.

use super::*;

impl State {
    /// Whether this is the first statement of a balance (`key` from [`balance_key`]).
    /// A repeat is reported and dropped: the first value is the one used.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn first_statement(
        &mut self,
        key: u64,
        ln: u64,
        label: &'static str,
        year: i32,
        account: &str,
        period: Option<YearMonth>,
        amount: Decimal,
    ) -> bool {
        let Some(&(first, value)) = self.stated.get(&key) else {
            self.stated.insert(key, (ln, amount));
            return true;
        };
        let what = match period {
            Some(p) => format!("{label} för årsindex {year}, period {p}, konto {account}"),
            None => format!("{label} för årsindex {year}, konto {account}"),
        };
        if value == amount {
            self.diag(
                ln,
                label,
                Severity::Notice,
                format!("{what} upprepar rad {first} med samma belopp; läses en gång"),
            );
        } else {
            self.diag(
                ln,
                label,
                Severity::Error,
                format!(
                    "en andra {what} ({}) motsäger rad {first} ({}): den första används, \
                     denna ignoreras",
                    kr(amount),
                    kr(value)
                ),
            );
        }
        false
    }

    pub(super) fn extra(&mut self, cur: &Cur<'_>, ln: u64, label: &'static str) {
        if cur.remaining() > 0 {
            self.repeat(
                Repeat::ExtraFields,
                ln,
                label,
                "extra fält i slutet av posten ignoreras",
            );
        }
    }

    /// A line that was tokenized (`unterminated`: a quoted field ran to the line's end).
    pub(super) fn tokenized_line(
        &mut self,
        ln: u64,
        line: &[u8],
        toks: &[Tok],
        unterminated: bool,
        window: &[u8],
    ) {
        if unterminated {
            self.diag(
                ln,
                "",
                Severity::Warning,
                "citerat fält avslutas inte före radens slut".into(),
            );
        }
        self.line(ln, line, toks, window);
    }

    pub(super) fn line(&mut self, ln: u64, line: &[u8], toks: &[Tok], window: &[u8]) {
        let Some(first) = toks.first() else { return };
        // Checksum over everything between the opening and the closing #KSUMMA.
        if let Checksum::Running(mut crc) = self.checksum {
            let is_ksumma = first.kind == TokKind::Bare && first.bytes(line) == b"#KSUMMA";
            if !is_ksumma {
                for t in toks {
                    match t.kind {
                        TokKind::Open | TokKind::Close => {}
                        TokKind::Escaped => crc.update(&unescape(t.bytes(line))),
                        _ => crc.update(t.bytes(line)),
                    }
                }
                self.checksum = Checksum::Running(crc);
            }
        }
        match first.kind {
            TokKind::Open => {
                match self.voucher.as_mut() {
                    Some(v) if !v.in_block => v.in_block = true,
                    _ => self.diag(
                        ln,
                        "",
                        Severity::Warning,
                        "{ utan #VER före ignoreras".to_owned(),
                    ),
                }
                return;
            }
            TokKind::Close => {
                match self.voucher.take() {
                    Some(v) if v.in_block => self.close_voucher(v, ln),
                    Some(v) => {
                        self.diag(
                            ln,
                            "#VER",
                            Severity::Warning,
                            "} utan { i verifikationen".to_owned(),
                        );
                        self.close_voucher(v, ln);
                    }
                    None => self.diag(
                        ln,
                        "",
                        Severity::Warning,
                        "} utan verifikation ignoreras".to_owned(),
                    ),
                }
                return;
            }
            _ => {}
        }
        let label_bytes = first.bytes(line);
        if first.kind != TokKind::Bare || label_bytes.first() != Some(&b'#') {
            self.diag(
                ln,
                "",
                Severity::Error,
                "raden börjar inte med en #etikett; ignoreras".to_owned(),
            );
            return;
        }
        let mut cur = Cur { line, toks, i: 1 };
        let label = match Label::from_bytes(label_bytes) {
            Some(l) => l,
            None => match Label::from_bytes(&label_bytes.to_ascii_uppercase()) {
                Some(l) => l,
                None => {
                    self.unknown(ln, &mut cur, label_bytes, window);
                    return;
                }
            },
        };
        let idx = label as usize;
        if let Some(c) = self.counts.get_mut(idx) {
            if *c == 0 {
                if let Some(f) = self.first_line.get_mut(idx) {
                    *f = ln;
                }
            }
            *c += 1;
        }
        // Rows belong to the open voucher.
        if matches!(label, Label::Trans | Label::Rtrans | Label::Btrans) {
            self.row(ln, label, &mut cur, window);
            return;
        }
        if let Some(v) = self.voucher.take() {
            if v.in_block {
                self.lines_in_messages = true;
                self.diag(
                    v.line,
                    "#VER",
                    Severity::Warning,
                    format!("verifikationen avslutas inte med }} före rad {ln}"),
                );
            } else {
                self.repeat(
                    Repeat::NoBlock,
                    v.line,
                    "#VER",
                    "verifikation utan ett { … }-block med rader",
                );
            }
            self.close_voucher(v, ln);
        }
        let group = label.group();
        if group < self.max_group && label != Label::Ksumma {
            self.repeat(Repeat::OutOfOrder, ln, label.name(), "posten står utanför gruppordningen (flagga, identifikation, kontoplan, saldon och verifikationer)");
        }
        self.max_group = self.max_group.max(group);
        if self.records == 0 && label != Label::Flagga {
            self.diag(
                ln,
                label.name(),
                Severity::Warning,
                "första posten är inte #FLAGGA".to_owned(),
            );
        }
        if let Some(r) = self.record(ln, label, &mut cur, window) {
            self.records += 1;
            self.out.push_back((ln, r));
        }
    }

    pub(super) fn unknown(
        &mut self,
        ln: u64,
        cur: &mut Cur<'_>,
        label_bytes: &[u8],
        window: &[u8],
    ) {
        let label = String::from_utf8_lossy(label_bytes).into_owned();
        if let Some(slot) = self.repeats.get_mut(Repeat::UnknownLabel as usize) {
            slot.0 += 1;
        }
        self.diag(
            ln,
            &label,
            Severity::Notice,
            "okänd etikett ignoreras".to_owned(),
        );
        let mut fields = Vec::new();
        while let Some(t) = cur.toks.get(cur.i) {
            cur.i += 1;
            fields.push(match t.kind {
                TokKind::Open => "{".to_owned(),
                TokKind::Close => "}".to_owned(),
                _ => self.text(t, cur.line, ln, window),
            });
        }
        self.records += 1;
        self.out.push_back((ln, Record::Unknown { label, fields }));
    }
}
