//! Skrivare: writes spec-clean SIE 4.

use std::io::{self, Write};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::crc::Crc32;
use super::encoding::Encoding;
use super::record::{Balance, ObjectRef, PeriodAmount, Record, Row, VoucherRowKind};
use super::value::format_date;

/// One field to write.
enum F<'a> {
    /// Written bare (numbers, dates, keywords).
    Bare(String),
    /// An identifier: bare when it can be, quoted otherwise.
    Id(&'a str),
    /// A text: always quoted.
    Text(&'a str),
    /// An object list.
    Objects(&'a [ObjectRef]),
    /// An absent optional field (written `""` when a later field has a value).
    None,
}

fn opt_text(s: &str) -> F<'_> {
    if s.is_empty() { F::None } else { F::Text(s) }
}

fn opt_date(d: Option<NaiveDate>) -> F<'static> {
    d.map_or(F::None, |d| F::Bare(format_date(d)))
}

fn opt_dec(d: Option<Decimal>) -> F<'static> {
    d.map_or(F::None, |d| F::Bare(d.to_string()))
}

fn dec(d: Decimal) -> F<'static> {
    F::Bare(d.to_string())
}

fn needs_quotes(s: &str) -> bool {
    s.is_empty()
        || s.starts_with(['{', '}', '#'])
        || s.chars()
            .any(|c| c <= ' ' || c == '"' || c == '\u{7f}' || c == '}')
}

/// Skrivare: writes [`Record`]s as SIE 4 text.
///
/// Output is what the specification asks for: code page 437 by default, one record per
/// line ending in LF, fields separated by one space, texts quoted with `\"` for `"`,
/// `""` for absent fields followed by present ones, object lists in braces, a voucher's
/// rows in a `{ … }` block, an `#RTRANS` followed by its duplicate `#TRANS`. Optionally
/// `#KSUMMA` (an opening one right after `#FLAGGA` and the closing one from
/// [`Writer::finish`]).
///
/// [`Record::Unknown`] and [`Record::Checksum`] records are not written: writers may only
/// emit labels the standard defines, and the checksum is the writer's own. The writer
/// writes the records it is given; putting the mandatory ones in (see the table for the
/// file type) is the caller's part.
///
/// A text cannot end in a backslash (`\"` would read as an escaped quote); the writer
/// adds a space after such a trailing backslash, which the reader trims. The series of a
/// voucher without a date is quoted, so that `#VER A 20250101` is not read back as a
/// series left out (number `A`, date 2025-01-01).
///
/// ```
/// use kommunal_redovisning::sie::{Reader, Record, Writer};
///
/// let records = vec![Record::Flag(0), Record::CompanyName("Göteborgs \"Stad\"".into())];
/// let mut w = Writer::new(Vec::new());
/// for r in &records {
///     w.write(r)?;
/// }
/// let bytes = w.finish()?;
/// assert_eq!(bytes, b"#FLAGGA 0\n#FNAMN \"G\x94teborgs \\\"Stad\\\"\"\n");
/// let back: Vec<Record> = Reader::new(&bytes[..]).collect::<Result<_, _>>()?;
/// assert_eq!(back, records);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "skrivare")]
pub struct Writer<W: Write> {
    out: W,
    encoding: Encoding,
    checksum: bool,
    crc: Option<Crc32>,
    line: Vec<u8>,
    content: Vec<u8>,
    /// Lines written so far.
    lines: u64,
    /// The label of the record being written.
    label: &'static str,
    /// A diagnostic for every change made to a text.
    diags: Vec<super::Diagnostic>,
    /// Refuse to change a text: a change is an error instead of a diagnostic.
    strict: bool,
    /// The first change made to the line being built.
    changed: Option<String>,
}

impl<W: Write> Writer<W> {
    /// A writer in code page 437 without `#KSUMMA`.
    ///
    /// ```
    /// use kommunal_redovisning::sie::{Record, Writer};
    ///
    /// let mut w = Writer::new(Vec::new());
    /// w.write(&Record::Flag(0))?;
    /// w.write(&Record::CompanyName("Kommunalförbundet Lystkom".into()))?;
    /// // Code page 437: ö is the byte 0x94; no #KSUMMA.
    /// assert_eq!(w.finish()?, b"#FLAGGA 0\n#FNAMN \"Kommunalf\x94rbundet Lystkom\"\n");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(out: W) -> Self {
        Writer {
            out,
            encoding: Encoding::Cp437,
            checksum: false,
            crc: None,
            line: Vec::with_capacity(256),
            content: Vec::new(),
            lines: 0,
            label: "",
            diags: Vec::new(),
            strict: false,
            changed: None,
        }
    }

    /// Refuses to change a text: with `true`, a text that cannot be written as it is
    /// (a character the encoding lacks, a control character such as a tab or a line
    /// end, spaces at its ends that readers trim) makes [`Writer::write`] fail with
    /// [`io::ErrorKind::InvalidData`]; the failing line is not written (a voucher may be
    /// left half written: treat the output as unusable). By default each change is
    /// written and reported in [`Writer::diagnostics`], so that reading the file back
    /// gives every text unchanged exactly when there is no diagnostic.
    ///
    /// ```
    /// use kommunal_redovisning::sie::{Record, Severity, Writer};
    ///
    /// let mut w = Writer::new(Vec::new());
    /// w.write(&Record::CompanyName("Lystkom\tkommunalförbund ✓".into()))?;
    /// let d = w.diagnostics();
    /// assert_eq!(d.len(), 2);
    /// assert_eq!(d[0].severity, Severity::Warning);
    /// assert_eq!(d[0].line, 1);
    /// assert!(d[0].message.contains("en tabb skrevs som mellanslag"), "{}", d[0].message);
    /// assert!(d[1].message.contains("'✓' kan inte skrivas i cp437"), "{}", d[1].message);
    ///
    /// let mut strict = Writer::new(Vec::new()).with_strict_text(true);
    /// assert!(strict.write(&Record::CompanyName("a\nb".into())).is_err());
    /// assert!(strict.finish()?.is_empty());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[must_use]
    pub fn with_strict_text(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// Every change the writer made to a text so far, one [`super::Diagnostic`] each
    /// (severity [`super::Severity::Warning`], with the line written and the label).
    #[must_use]
    pub fn diagnostics(&self) -> &[super::Diagnostic] {
        &self.diags
    }

    /// Takes the diagnostics collected so far out of the writer.
    pub fn take_diagnostics(&mut self) -> Vec<super::Diagnostic> {
        std::mem::take(&mut self.diags)
    }

    /// Writes `#KSUMMA` (the checksum is only meaningful in CP437).
    ///
    /// ```
    /// use kommunal_redovisning::sie::{Reader, Record, Writer};
    ///
    /// let mut w = Writer::new(Vec::new()).with_checksum(true);
    /// w.write(&Record::Flag(0))?;
    /// w.write(&Record::SieType(4))?;
    /// let bytes = w.finish()?;
    /// assert!(bytes.starts_with(b"#FLAGGA 0\n#KSUMMA\n#SIETYP 4\n#KSUMMA "));
    /// // The reader verifies the checksum: nothing to remark on it.
    /// let mut reader = Reader::new(&bytes[..]);
    /// let records: Vec<Record> = reader.by_ref().collect::<Result<_, _>>()?;
    /// assert!(matches!(records.last(), Some(Record::Checksum(Some(_)))));
    /// assert!(reader.diagnostics().iter().all(|d| d.label != "#KSUMMA"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_checksum(mut self, on: bool) -> Self {
        self.checksum = on;
        self
    }

    /// Writes in another encoding (not spec-clean; for tools that need UTF-8).
    ///
    /// ```
    /// use kommunal_redovisning::sie::{Encoding, Record, Writer};
    ///
    /// let mut w = Writer::new(Vec::new()).with_encoding(Encoding::Utf8);
    /// w.write(&Record::CompanyName("Växjö kommun".into()))?;
    /// assert_eq!(w.finish()?, "#FNAMN \"Växjö kommun\"\n".as_bytes());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[must_use]
    pub fn with_encoding(mut self, encoding: Encoding) -> Self {
        self.encoding = encoding;
        self
    }

    /// Writes one record.
    ///
    /// # Errors
    ///
    /// The output's I/O errors.
    pub fn write(&mut self, record: &Record) -> io::Result<()> {
        match record {
            Record::Flag(v) => {
                self.post("#FLAGGA", &[F::Bare(v.to_string())])?;
                if self.checksum && self.crc.is_none() {
                    self.lines += 1;
                    self.out.write_all(b"#KSUMMA\n")?;
                    self.crc = Some(Crc32::new());
                }
                Ok(())
            }
            Record::Program { name, version } => {
                self.post("#PROGRAM", &[F::Text(name), F::Text(version)])
            }
            Record::Format(v) => self.post("#FORMAT", &[F::Id(v)]),
            Record::Generated { date, signature } => {
                self.post("#GEN", &[opt_date(*date), opt_text(signature)])
            }
            Record::SieType(v) => self.post("#SIETYP", &[F::Bare(v.to_string())]),
            Record::Prose(t) => self.post("#PROSA", &[F::Text(t)]),
            Record::CompanyType(t) => self.post("#FTYP", &[F::Id(t)]),
            Record::CompanyId(t) => self.post("#FNR", &[F::Id(t)]),
            Record::OrganisationNumber {
                number,
                acquisition,
                activity,
            } => self.post(
                "#ORGNR",
                &[F::Id(number), opt_text(acquisition), opt_text(activity)],
            ),
            Record::Address {
                contact,
                street,
                postal,
                phone,
            } => self.post(
                "#ADRESS",
                &[
                    F::Text(contact),
                    F::Text(street),
                    F::Text(postal),
                    F::Text(phone),
                ],
            ),
            Record::CompanyName(t) => self.post("#FNAMN", &[F::Text(t)]),
            Record::FinancialYear { year, start, end } => self.post(
                "#RAR",
                &[
                    F::Bare(year.to_string()),
                    F::Bare(format_date(*start)),
                    F::Bare(format_date(*end)),
                ],
            ),
            Record::TaxYear(y) => self.post("#TAXAR", &[F::Bare(y.to_string())]),
            Record::Scope(d) => self.post("#OMFATTN", &[F::Bare(format_date(*d))]),
            Record::ChartType(t) => self.post("#KPTYP", &[F::Id(t)]),
            Record::Currency(t) => self.post("#VALUTA", &[F::Id(t)]),
            Record::Account { number, name } => {
                self.post("#KONTO", &[F::Id(number), F::Text(name)])
            }
            Record::AccountType { account, kind } => {
                let k = kind.map_or(F::None, |k| F::Bare(k.letter().to_string()));
                self.post("#KTYP", &[F::Id(account), k])
            }
            Record::Unit { account, unit } => self.post("#ENHET", &[F::Id(account), F::Text(unit)]),
            Record::Sru { account, code } => self.post("#SRU", &[F::Id(account), F::Id(code)]),
            Record::Dimension { number, name } => {
                self.post("#DIM", &[F::Bare(number.to_string()), F::Text(name)])
            }
            Record::SubDimension {
                number,
                name,
                parent,
            } => self.post(
                "#UNDERDIM",
                &[
                    F::Bare(number.to_string()),
                    F::Text(name),
                    F::Bare(parent.to_string()),
                ],
            ),
            Record::Object {
                dimension,
                id,
                name,
            } => self.post(
                "#OBJEKT",
                &[F::Bare(dimension.to_string()), F::Id(id), F::Text(name)],
            ),
            Record::OpeningBalance(b) => self.balance("#IB", b, false),
            Record::ClosingBalance(b) => self.balance("#UB", b, false),
            Record::YearResult(b) => self.balance("#RES", b, false),
            Record::ObjectOpeningBalance(b) => self.balance("#OIB", b, true),
            Record::ObjectClosingBalance(b) => self.balance("#OUB", b, true),
            Record::PeriodBalance(p) => self.period("#PSALDO", p),
            Record::PeriodBudget(p) => self.period("#PBUDGET", p),
            Record::IndustryCode(t) => self.post("#BKOD", &[F::Id(t)]),
            Record::Voucher(v) => {
                // Without a date, a bare series before a number that reads as a date
                // would be read back as a series left out (`#VER  1 20170101`, every
                // field one place early): the series is then quoted.
                let series = match v.date {
                    Some(_) => F::Id(&v.series),
                    None => F::Text(&v.series),
                };
                self.post(
                    "#VER",
                    &[
                        series,
                        F::Id(&v.number),
                        opt_date(v.date),
                        opt_text(&v.text),
                        opt_date(v.registered),
                        opt_text(&v.signature),
                    ],
                )?;
                self.lines += 1;
                self.out.write_all(b"{\n")?;
                for row in &v.rows {
                    match row.kind {
                        VoucherRowKind::Normal => self.row("#TRANS", row)?,
                        VoucherRowKind::Removed => self.row("#BTRANS", row)?,
                        VoucherRowKind::Added => {
                            self.row("#RTRANS", row)?;
                            self.row("#TRANS", row)?;
                        }
                    }
                }
                self.lines += 1;
                self.out.write_all(b"}\n")
            }
            Record::Checksum(_) | Record::Unknown { .. } => Ok(()),
        }
    }

    /// Writes the closing `#KSUMMA` if enabled, flushes and returns the output.
    ///
    /// # Errors
    ///
    /// The output's I/O errors.
    pub fn finish(mut self) -> io::Result<W> {
        if let Some(crc) = self.crc.take() {
            writeln!(self.out, "#KSUMMA {}", crc.value())?;
        }
        self.out.flush()?;
        Ok(self.out)
    }

    fn balance(&mut self, label: &'static str, b: &Balance, objects: bool) -> io::Result<()> {
        let year = F::Bare(b.year.to_string());
        if objects {
            self.post(
                label,
                &[
                    year,
                    F::Id(&b.account),
                    F::Objects(&b.objects),
                    dec(b.amount),
                    opt_dec(b.quantity),
                ],
            )
        } else {
            self.post(
                label,
                &[year, F::Id(&b.account), dec(b.amount), opt_dec(b.quantity)],
            )
        }
    }

    fn period(&mut self, label: &'static str, p: &PeriodAmount) -> io::Result<()> {
        self.post(
            label,
            &[
                F::Bare(p.year.to_string()),
                F::Bare(p.period.to_string()),
                F::Id(&p.account),
                F::Objects(&p.objects),
                dec(p.amount),
                opt_dec(p.quantity),
            ],
        )
    }

    fn row(&mut self, label: &'static str, r: &Row) -> io::Result<()> {
        self.post(
            label,
            &[
                F::Id(&r.account),
                F::Objects(&r.objects),
                dec(r.amount),
                opt_date(r.date),
                opt_text(&r.text),
                opt_dec(r.quantity),
                opt_text(&r.signature),
            ],
        )
    }

    /// Reports a change made to text `s`.
    fn change(&mut self, s: &str, what: &str) {
        let shown: String = s.chars().take(60).collect();
        let message = format!("texten {shown:?} ändrades: {what}");
        if self.changed.is_none() {
            self.changed = Some(message.clone());
        }
        if !self.strict {
            self.diags.push(super::Diagnostic {
                line: self.lines,
                label: self.label.to_owned(),
                severity: super::Severity::Warning,
                message,
            });
        }
    }

    /// Appends a text's bytes (quoted or not) to the line and its content to the CRC.
    fn text(&mut self, s: &str, quote: bool) {
        self.content.clear();
        if let Some(c) = s.chars().find(|&c| c < ' ' || c == '\u{7f}') {
            let what = match c {
                '\t' => "en tabb skrevs som mellanslag".to_owned(),
                '\n' | '\r' => "ett radslut skrevs som mellanslag".to_owned(),
                c => format!("styrtecknet U+{:04X} skrevs som mellanslag", u32::from(c)),
            };
            self.change(s, &what);
        }
        let cleaned: String = s
            .chars()
            .map(|c| if c < ' ' || c == '\u{7f}' { ' ' } else { c })
            .collect();
        if !self.encoding.can_encode(&cleaned) {
            let lost: String = cleaned
                .chars()
                .filter(|c| !self.encoding.can_encode(c.encode_utf8(&mut [0; 4])))
                .take(8)
                .map(|c| format!("'{c}'"))
                .collect::<Vec<_>>()
                .join(", ");
            let what = format!(
                "{lost} kan inte skrivas i {} och blev ?",
                self.encoding.name()
            );
            self.change(s, &what);
        }
        if quote && cleaned.trim_matches(' ') != cleaned {
            self.change(s, "mellanslag i början eller slutet, som läsare tar bort");
        }
        self.encoding.encode_into(&cleaned, &mut self.content);
        if quote {
            self.line.push(b'"');
            for &b in &self.content {
                if b == b'"' {
                    self.line.push(b'\\');
                }
                self.line.push(b);
            }
            if self.content.last() == Some(&b'\\') {
                self.line.push(b' ');
                self.content.push(b' ');
            }
            self.line.push(b'"');
        } else {
            self.line.extend_from_slice(&self.content);
        }
        if let Some(crc) = self.crc.as_mut() {
            crc.update(&self.content);
        }
    }

    fn post(&mut self, label: &'static str, fields: &[F<'_>]) -> io::Result<()> {
        self.lines += 1;
        self.label = label;
        self.changed = None;
        let crc_before = self.crc;
        self.line.clear();
        self.line.extend_from_slice(label.as_bytes());
        if let Some(crc) = self.crc.as_mut() {
            crc.update(label.as_bytes());
        }
        let used = fields
            .iter()
            .rposition(|f| !matches!(f, F::None))
            .map_or(0, |i| i + 1);
        for f in fields.iter().take(used) {
            self.line.push(b' ');
            match f {
                F::Bare(s) => self.text(s, false),
                F::Id(s) => self.text(s, needs_quotes(s)),
                F::Text(s) => self.text(s, true),
                F::None => self.line.extend_from_slice(b"\"\""),
                F::Objects(list) => {
                    self.line.push(b'{');
                    for (i, o) in list.iter().enumerate() {
                        if i > 0 {
                            self.line.push(b' ');
                        }
                        self.text(&o.dimension.to_string(), false);
                        self.line.push(b' ');
                        self.text(&o.object, true);
                    }
                    self.line.push(b'}');
                }
            }
        }
        self.line.push(b'\n');
        if self.strict {
            if let Some(message) = self.changed.take() {
                // Nothing of the line is written, and the checksum does not count it.
                self.lines -= 1;
                self.crc = crc_before;
                let message = format!("rad {}: {label}: {message}", self.lines + 1);
                return Err(io::Error::new(io::ErrorKind::InvalidData, message));
            }
        }
        self.out.write_all(&self.line)
    }
}

/// Writes records as SIE 4 in code page 437 without `#KSUMMA`, into a byte vector.
///
/// ```
/// use kommunal_redovisning::sie::{Record, write_records};
/// assert_eq!(write_records(&[Record::SieType(4)]), b"#SIETYP 4\n");
/// ```
#[doc(alias = "skriv")]
#[must_use]
pub fn write_records(records: &[Record]) -> Vec<u8> {
    let mut w = Writer::new(Vec::new());
    for r in records {
        // Writing into a Vec cannot fail.
        let _ = w.write(r);
    }
    w.finish().unwrap_or_default()
}

/// Granskar poster: what a reader would say about a file made of these records — the
/// mandatory and forbidden records of its type, unbalanced vouchers, group order — so
/// that a caller can make sure the file it writes is spec-clean.
///
/// ```
/// use kommunal_redovisning::sie::{Record, check_records};
/// let findings = check_records(&[Record::Flag(0), Record::SieType(4)]);
/// assert!(findings
///     .iter()
///     .any(|d| d.message == "#PROGRAM saknas; posten är obligatorisk i filer av typ 4I"));
/// ```
#[doc(alias = "granska")]
#[must_use]
pub fn check_records(records: &[Record]) -> Vec<super::Diagnostic> {
    let bytes = write_records(records);
    let mut reader = super::Reader::new(&bytes[..]);
    while let Ok(Some(_)) = reader.next_record() {}
    reader.take_diagnostics()
}
