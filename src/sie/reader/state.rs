//! Recording diagnostics: kinds, repeats, the strictness check and the encoding notice.

use super::*;

impl State {
    /// Records a diagnostic: kept with its line while its kind has been seen at most
    /// [`ReadOptions::max_repeats`] times, counted afterwards.
    pub(super) fn diag(&mut self, line: u64, label: &str, severity: Severity, message: String) {
        let key = kind_of(severity, label, &message);
        let max = self.opts.max_repeats.max(1) as u64;
        let found = self.kind_index.get(&key).copied();
        let keep = if let Some(k) = found.and_then(|i| self.kinds.get_mut(i)) {
            k.count += 1;
            if k.count == max + 1 {
                k.first_dropped = line;
            }
            k.last_line = line;
            k.count <= max
        } else if self.kinds.len() < MAX_KINDS {
            self.kind_index.insert(key, self.kinds.len());
            self.kinds.push(Kind {
                severity,
                label: label.to_owned(),
                count: 1,
                first_dropped: 0,
                last_line: line,
                example: message.clone(),
            });
            true
        } else {
            self.unkinded.0 += 1;
            self.unkinded.1 = self.unkinded.1.max(severity);
            false
        };
        let d = Diagnostic {
            line,
            label: label.to_owned(),
            severity,
            message,
        };
        if keep {
            self.diags.push(d);
        } else if self.pending_reject.is_none()
            && self.opts.fail_on.is_some_and(|level| severity >= level)
        {
            self.pending_reject = Some(d);
        }
    }

    /// The closing diagnostics for the kinds whose later occurrences were only counted.
    pub(super) fn summarize_kinds(&mut self) {
        let max = self.opts.max_repeats.max(1) as u64;
        for k in &self.kinds {
            if k.count > max {
                let more = k.count - max;
                self.diags.push(Diagnostic {
                    line: k.first_dropped,
                    label: k.label.clone(),
                    severity: k.severity,
                    message: format!(
                        "{more} till av samma slag på raderna {}–{} listas inte: {}",
                        k.first_dropped, k.last_line, k.example
                    ),
                });
            }
        }
        if self.unkinded.0 > 0 {
            self.diags.push(Diagnostic {
                line: 0,
                label: String::new(),
                severity: self.unkinded.1,
                message: format!(
                    "{} anmärkningar till av {MAX_KINDS}+ andra slag listas inte",
                    self.unkinded.0
                ),
            });
        }
    }

    #[inline]
    pub(super) fn check_fail(&mut self) -> Result<(), ReadError> {
        if let Some(d) = self.pending_reject.take() {
            return Err(ReadError::Rejected(d));
        }
        if let Some(level) = self.opts.fail_on {
            while let Some(d) = self.diags.get(self.checked) {
                self.checked += 1;
                if d.severity >= level {
                    return Err(ReadError::Rejected(d.clone()));
                }
            }
        }
        Ok(())
    }

    /// A notice reported on its first occurrence and counted afterwards.
    pub(super) fn repeat(
        &mut self,
        kind: Repeat,
        line: u64,
        label: &'static str,
        message: &'static str,
    ) {
        let Some(slot) = self.repeats.get_mut(kind as usize) else {
            return;
        };
        if slot.0 == 0 {
            *slot = (1, line, label, message);
            let severity = if kind == Repeat::NoBlock {
                Severity::Warning
            } else {
                Severity::Notice
            };
            self.diag(line, label, severity, message.to_owned());
        } else {
            slot.0 += 1;
        }
    }

    pub(super) fn ensure_encoding(&mut self, line: u64, window: &[u8]) -> Encoding {
        if let Some(e) = self.encoding {
            return e;
        }
        let detected = detect_encoding(window).unwrap_or(Encoding::Cp437);
        self.encoding = Some(detected);
        if detected != Encoding::Cp437 && !self.encoding_noted {
            self.encoding_noted = true;
            let declared = self
                .format
                .clone()
                .unwrap_or_else(|| "ingen #FORMAT".to_owned());
            self.diag(
                line,
                "",
                Severity::Notice,
                format!(
                    "filen anger {declared} men är {}; avkodas som {}",
                    detected.name(),
                    detected.name()
                ),
            );
        }
        detected
    }
}
