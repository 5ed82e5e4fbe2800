//! The end of the file: truncation, the checksum, account types and the summary.

use super::*;

impl State {
    pub(super) fn finish(&mut self, last_line: u64) {
        if self.finished {
            return;
        }
        if let Some(v) = self.voucher.take() {
            let msg = format!(
                "filen slutar inne i verifikation {} {} (ingen avslutande }}): filen ser avkortad ut",
                v.voucher.series, v.voucher.number
            );
            self.diag(v.line, "#VER", Severity::Error, msg);
            self.close_voucher(v, last_line);
        }
        if let Checksum::Running(_) = self.checksum {
            self.diag(
                last_line,
                "#KSUMMA",
                Severity::Error,
                "filen slutar utan den avslutande #KSUMMA: filen ser avkortad ut".to_owned(),
            );
        }
        for (i, r) in self.repeats.iter().enumerate() {
            if r.0 > 1 && i != Repeat::UnknownLabel as usize {
                let msg = format!("{} (på {} rader till efter rad {})", r.3, r.0 - 1, r.1);
                self.diags.push(Diagnostic {
                    line: 0,
                    label: r.2.to_owned(),
                    severity: Severity::Notice,
                    message: msg,
                });
            }
        }
        self.check_types();
        self.summarize_kinds();
        self.finished = true;
    }

    pub(super) fn seen(&self, l: Label) -> bool {
        self.counts.get(l as usize).is_some_and(|&c| c > 0)
    }

    pub(super) fn check_types(&mut self) {
        if self.records == 0 {
            self.diags.push(Diagnostic {
                line: 0,
                label: String::new(),
                severity: Severity::Error,
                message: "inga SIE-poster hittades".to_owned(),
            });
            return;
        }
        let ty = self.sie_type.unwrap_or(1);
        let import =
            ty == 4 && !self.seen(Label::Ib) && !self.seen(Label::Ub) && !self.seen(Label::Res);
        let type_name = match (ty, import) {
            (4, true) => "4I".to_owned(),
            (4, false) => "4E".to_owned(),
            (t, _) => t.to_string(),
        };
        use Label as L;
        let mut mandatory = vec![L::Flagga, L::Program, L::Format, L::Gen, L::Fnamn];
        if self.sie_type.is_none() {
            // Assumed type 1; #SIETYP is optional there.
        }
        match (ty, import) {
            (4, true) => mandatory.push(L::Sietyp),
            (4, false) => mandatory.extend([L::Sietyp, L::Rar, L::Konto, L::Ub]),
            (1, _) => mandatory.extend([L::Rar, L::Konto, L::Ub]),
            _ => mandatory.extend([L::Sietyp, L::Rar, L::Konto, L::Ub, L::Omfattn]),
        }
        for l in mandatory {
            if !self.seen(l) {
                let msg = format!(
                    "{} saknas; posten är obligatorisk i filer av typ {type_name}",
                    l.name()
                );
                let severity = if l == L::Format || l == L::Omfattn {
                    Severity::Notice
                } else {
                    Severity::Warning
                };
                self.diags.push(Diagnostic {
                    line: 0,
                    label: l.name().to_owned(),
                    severity,
                    message: msg,
                });
            }
        }
        if !import && self.seen(L::Rar) && !self.rar_years.contains(&0) {
            self.diags.push(Diagnostic {
                line: 0,
                label: "#RAR".to_owned(),
                severity: Severity::Warning,
                message: "ingen #RAR för innevarande räkenskapsår (årsindex 0)".to_owned(),
            });
        }
        let forbidden: &[Label] = match (ty, import) {
            (1, _) => &[
                L::Omfattn,
                L::Dim,
                L::Underdim,
                L::Objekt,
                L::Oib,
                L::Oub,
                L::Psaldo,
                L::Pbudget,
                L::Ver,
            ],
            (2, _) => &[L::Dim, L::Underdim, L::Objekt, L::Oib, L::Oub, L::Ver],
            (3, _) => &[L::Ver],
            (4, true) => &[L::Bkod, L::Omfattn, L::Oib, L::Oub, L::Psaldo, L::Pbudget],
            _ => &[],
        };
        for &l in Label::ALL.iter().filter(|l| forbidden.contains(l)) {
            if self.seen(l) {
                let line = self.first_line.get(l as usize).copied().unwrap_or(0);
                let n = self.counts.get(l as usize).copied().unwrap_or(0);
                let msg = format!(
                    "{n} {}-poster, som filer av typ {type_name} inte får innehålla",
                    l.name()
                );
                self.diags.push(Diagnostic {
                    line,
                    label: l.name().to_owned(),
                    severity: Severity::Warning,
                    message: msg,
                });
            }
        }
    }
}
