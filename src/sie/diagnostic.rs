//! Diagnostics (anmärkningar) about an SIE file, returned as data, and the reader's
//! options and error type.

use super::encoding::Encoding;

/// Allvarlighetsgrad: how serious a diagnostic is.
///
/// ```
/// use kommunal_redovisning::sie::{Reader, Severity};
///
/// // A made-up voucher that does not balance: 100 kr debit, 90 kr credit.
/// let file = b"#FLAGGA 0\n#SIETYP 4\n#VER A 1 20250101\n{\n#TRANS 5010 {} 100\n#TRANS 1930 {} -90\n}\n";
/// let mut reader = Reader::new(&file[..]);
/// for record in reader.by_ref() {
///     record?;
/// }
/// let worst = reader.diagnostics().iter().map(|d| d.severity).max();
/// assert_eq!(worst, Some(Severity::Error));
/// assert!(Severity::Notice < Severity::Warning && Severity::Warning < Severity::Error);
/// # Ok::<(), kommunal_redovisning::sie::ReadError>(())
/// ```
#[doc(alias = "allvarlighetsgrad")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Severity {
    /// A tolerated deviation with one documented reading; the content was understood
    /// completely (see the severity policy in the [module docs](super)).
    Notice,
    /// The file breaks the specification, but every amount, account, object and date
    /// was still read completely and unambiguously.
    Warning,
    /// Figures built from the file may be wrong: content was dropped or guessed, the
    /// file contradicts itself (an unbalanced voucher, a checksum that does not match,
    /// two different values for one balance), or it looks truncated.
    Error,
}

/// Swedish, for a person: `notis`, `varning`, `fel`. The serde names (`notice`,
/// `warning`, `error`) are the machine form and stay English.
///
/// ```
/// use kommunal_redovisning::sie::Severity;
/// assert_eq!(Severity::Warning.to_string(), "varning");
/// ```
impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Severity::Notice => "notis",
            Severity::Warning => "varning",
            Severity::Error => "fel",
        })
    }
}

/// Anmärkning: one problem found in an SIE file, with where it is.
///
/// ```
/// use kommunal_redovisning::sie::{Diagnostic, Severity};
/// let d = Diagnostic {
///     line: 12,
///     label: "#TRANS".into(),
///     severity: Severity::Warning,
///     message: "transaktionsrad utanför en verifikation ignoreras".into(),
/// };
/// assert_eq!(
///     d.to_string(),
///     "rad 12: #TRANS: varning: transaktionsrad utanför en verifikation ignoreras"
/// );
/// ```
#[doc(alias = "anmärkning")]
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Diagnostic {
    /// Line number (1-based); 0 for the file as a whole.
    pub line: u64,
    /// The record's label (e.g. `#VER`), or empty when the problem is not in a record.
    pub label: String,
    /// How serious it is.
    pub severity: Severity,
    /// Plain Swedish words: lowercase, without a trailing period.
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line > 0 {
            write!(f, "rad {}: ", self.line)?;
        }
        if !self.label.is_empty() {
            write!(f, "{}: ", self.label)?;
        }
        write!(f, "{}: {}", self.severity, self.message)
    }
}

/// Läsinställningar: options for reading an SIE file.
///
/// ```
/// use kommunal_redovisning::sie::{Encoding, ReadOptions, Severity};
/// let strict = ReadOptions::default()
///     .unbalanced_voucher(Severity::Error)
///     .max_voucher_bytes(8 << 20)
///     .fail_on(Severity::Error)
///     .encoding(Encoding::Cp437);
/// assert_eq!(strict.fail_on, Some(Severity::Error));
/// ```
#[doc(alias = "läsinställningar")]
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReadOptions {
    /// Force an encoding; `None` (the default) detects UTF-8 and ISO-8859-1 and otherwise
    /// reads CP437 as the specification says.
    pub encoding: Option<Encoding>,
    /// Severity of an unbalanced voucher (default [`Severity::Error`]: its rows cannot
    /// all be right).
    pub unbalanced_voucher: Severity,
    /// Stop with [`ReadError::Rejected`] at the first diagnostic of at least this
    /// severity; `None` (the default) never stops for a diagnostic.
    pub fail_on: Option<Severity>,
    /// Verify `#KSUMMA` (default true).
    pub verify_checksum: bool,
    /// Lines longer than this many bytes are skipped with an error diagnostic (default
    /// 1 MiB; at least 1 KiB, at most 1 GiB); it bounds the reader's memory.
    pub max_line_length: usize,
    /// The most memory one voucher may hold, in bytes, estimated from its rows (default
    /// 32 MiB, about 150 000 ordinary rows). Rows beyond it are skipped with an error:
    /// a voucher that large is almost always a missing `}`. It bounds the reader's
    /// memory together with [`ReadOptions::max_line_length`].
    pub max_voucher_bytes: usize,
    /// How many diagnostics of one kind are kept with their lines (default 10); the
    /// rest are counted in one closing diagnostic of the same severity. A kind is a
    /// message with its figures and quoted values left out, so `belopp "x" kan inte
    /// läsas` on line 7 and `belopp "y" kan inte läsas` on line 9 are one kind.
    pub max_repeats: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            encoding: None,
            unbalanced_voucher: Severity::Error,
            fail_on: None,
            verify_checksum: true,
            max_line_length: 1 << 20,
            max_voucher_bytes: 32 << 20,
            max_repeats: 10,
        }
    }
}

impl ReadOptions {
    /// Forces an encoding instead of detecting it.
    ///
    /// ```
    /// use kommunal_redovisning::sie::{Encoding, ReadOptions, Reader, Record};
    ///
    /// // "Företag" in ISO-8859-1 (ö is the byte 0xF6).
    /// let file = b"#FNAMN \"F\xf6retag\"\n";
    /// let opts = ReadOptions::default().encoding(Encoding::Latin1);
    /// let mut reader = Reader::with_options(&file[..], opts);
    /// let records: Vec<Record> = reader.by_ref().collect::<Result<_, _>>()?;
    /// assert_eq!(records, [Record::CompanyName("Företag".into())]);
    /// assert_eq!(reader.encoding(), Some(Encoding::Latin1));
    /// # Ok::<(), kommunal_redovisning::sie::ReadError>(())
    /// ```
    #[must_use]
    pub fn encoding(mut self, encoding: Encoding) -> Self {
        self.encoding = Some(encoding);
        self
    }

    /// Sets the severity of an unbalanced voucher.
    ///
    /// ```
    /// use kommunal_redovisning::sie::{ReadOptions, Reader, Severity};
    ///
    /// // A made-up voucher that does not balance (a difference of 10 kr).
    /// let file = b"#FLAGGA 0\n#SIETYP 4\n#VER A 1 20250101\n{\n#TRANS 5010 {} 100\n#TRANS 1930 {} -90\n}\n";
    /// let opts = ReadOptions::default().unbalanced_voucher(Severity::Warning);
    /// let mut reader = Reader::with_options(&file[..], opts);
    /// for record in reader.by_ref() {
    ///     record?;
    /// }
    /// let unbalanced = reader.diagnostics().iter().find(|d| d.label == "#VER").ok_or("none")?;
    /// assert_eq!(unbalanced.severity, Severity::Warning);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn unbalanced_voucher(mut self, severity: Severity) -> Self {
        self.unbalanced_voucher = severity;
        self
    }

    /// Stops reading at the first diagnostic of at least this severity.
    ///
    /// ```
    /// use kommunal_redovisning::sie::{ReadError, ReadOptions, Reader, Record, Severity};
    ///
    /// // A made-up voucher that does not balance: an error by default.
    /// let file = b"#FLAGGA 0\n#SIETYP 4\n#VER A 1 20250101\n{\n#TRANS 5010 {} 100\n#TRANS 1930 {} -90\n}\n";
    /// let opts = ReadOptions::default().fail_on(Severity::Error);
    /// let read: Result<Vec<Record>, ReadError> = Reader::with_options(&file[..], opts).collect();
    /// assert!(matches!(read, Err(ReadError::Rejected(d)) if d.label == "#VER"));
    /// ```
    #[must_use]
    pub fn fail_on(mut self, severity: Severity) -> Self {
        self.fail_on = Some(severity);
        self
    }

    /// Turns the `#KSUMMA` verification on or off.
    ///
    /// ```
    /// use kommunal_redovisning::sie::{ReadOptions, Reader, Severity};
    ///
    /// // A made-up file whose closing #KSUMMA does not match its contents.
    /// let file = b"#FLAGGA 0\n#KSUMMA\n#SIETYP 4\n#FNAMN \"Lystkom\"\n#KSUMMA 12345\n";
    /// let errors = |opts: ReadOptions| -> Result<usize, kommunal_redovisning::sie::ReadError> {
    ///     let mut reader = Reader::with_options(&file[..], opts);
    ///     for record in reader.by_ref() {
    ///         record?;
    ///     }
    ///     Ok(reader.diagnostics().iter().filter(|d| d.severity == Severity::Error).count())
    /// };
    /// assert_eq!(errors(ReadOptions::default())?, 1);
    /// assert_eq!(errors(ReadOptions::default().verify_checksum(false))?, 0);
    /// # Ok::<(), kommunal_redovisning::sie::ReadError>(())
    /// ```
    #[must_use]
    pub fn verify_checksum(mut self, verify: bool) -> Self {
        self.verify_checksum = verify;
        self
    }

    /// Sets the longest line accepted, in bytes.
    ///
    /// ```
    /// use kommunal_redovisning::sie::{ReadOptions, Reader, Record, Severity};
    ///
    /// let file = format!("#FNAMN \"{}\"\n#SIETYP 4\n", "x".repeat(2000));
    /// let opts = ReadOptions::default().max_line_length(1024);
    /// let mut reader = Reader::with_options(file.as_bytes(), opts);
    /// let records: Vec<Record> = reader.by_ref().collect::<Result<_, _>>()?;
    /// // The 2 010-byte line is skipped, with an error; the next line is read.
    /// assert_eq!(records, [Record::SieType(4)]);
    /// assert!(reader.diagnostics().iter().any(|d| d.line == 1 && d.severity == Severity::Error));
    /// # Ok::<(), kommunal_redovisning::sie::ReadError>(())
    /// ```
    #[must_use]
    pub fn max_line_length(mut self, bytes: usize) -> Self {
        self.max_line_length = bytes;
        self
    }

    /// Sets the most memory one voucher may hold, in bytes (at least 64 KiB).
    ///
    /// ```
    /// use kommunal_redovisning::sie::{ReadOptions, Reader, Record, Severity};
    ///
    /// // A made-up voucher of 2 000 rows, larger than the 64 KiB allowed below.
    /// let mut file = String::from("#VER A 1 20250101\n{\n");
    /// file.push_str(&"#TRANS 5010 {} 1\n#TRANS 1930 {} -1\n".repeat(1000));
    /// file.push_str("}\n");
    /// let opts = ReadOptions::default().max_voucher_bytes(0);
    /// assert_eq!(opts.max_voucher_bytes, 64 << 10); // raised to the least allowed
    /// let mut reader = Reader::with_options(file.as_bytes(), opts);
    /// let records: Vec<Record> = reader.by_ref().collect::<Result<_, _>>()?;
    /// assert!(matches!(records.first(), Some(Record::Voucher(v)) if v.rows.len() < 2000));
    /// assert!(reader.diagnostics().iter().any(|d| d.severity == Severity::Error));
    /// # Ok::<(), kommunal_redovisning::sie::ReadError>(())
    /// ```
    #[must_use]
    pub fn max_voucher_bytes(mut self, bytes: usize) -> Self {
        self.max_voucher_bytes = bytes.max(64 << 10);
        self
    }

    /// Sets how many diagnostics of one kind are kept with their lines (at least 1).
    ///
    /// ```
    /// use kommunal_redovisning::sie::{ReadOptions, Reader, Severity};
    ///
    /// // Five lines with a label SIE does not define: five notices of one kind.
    /// let file = "#FLAGGA 0\n#SIETYP 4\n".to_owned() + &"#EGEN 1\n".repeat(5);
    /// let mut reader = Reader::with_options(file.as_bytes(), ReadOptions::default().max_repeats(2));
    /// for record in reader.by_ref() {
    ///     record?;
    /// }
    /// let unknown: Vec<(u64, Severity)> = reader.diagnostics().iter()
    ///     .filter(|d| d.label == "#EGEN")
    ///     .map(|d| (d.line, d.severity))
    ///     .collect();
    /// // Lines 3 and 4 are listed; one notice on line 5 counts the three not listed.
    /// assert_eq!(unknown, [(3, Severity::Notice), (4, Severity::Notice), (5, Severity::Notice)]);
    /// # Ok::<(), kommunal_redovisning::sie::ReadError>(())
    /// ```
    #[must_use]
    pub fn max_repeats(mut self, n: usize) -> Self {
        self.max_repeats = n.max(1);
        self
    }
}

/// Läsfel: what stops reading an SIE file.
///
/// ```
/// use kommunal_redovisning::sie::{ReadError, ReadOptions, Reader, Severity};
///
/// // A made-up file with an amount that is no number: its row is dropped (an error).
/// let file = b"#FLAGGA 0\n#SIETYP 4\n#VER A 1 20250101\n{\n#TRANS 5010 {} tio\n}\n";
/// let mut reader = Reader::with_options(&file[..], ReadOptions::default().fail_on(Severity::Error));
/// let read = reader.by_ref().collect::<Result<Vec<_>, _>>();
/// let Err(ReadError::Rejected(d)) = read else {
///     return Err("an unreadable amount must stop the reader".into());
/// };
/// assert_eq!((d.line, d.severity), (5, Severity::Error));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "läsfel")]
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The underlying reader failed.
    #[error("läsfel efter rad {line}: {source}")]
    Io {
        /// The last line read.
        line: u64,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A diagnostic at or above [`ReadOptions::fail_on`].
    #[error("{0}")]
    Rejected(Diagnostic),
    /// A [`super::ParallelReader`] was given more after an error had ended its reading.
    #[error("läsningen av SIE-filen avbröts redan av ett tidigare fel")]
    Ended,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn severity_reads_swedish_and_travels_in_its_machine_name() {
        let all = [Severity::Notice, Severity::Warning, Severity::Error];
        let shown: Vec<String> = all.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["notis", "varning", "fel"]);
        #[cfg(feature = "serde")]
        for (s, name) in all.iter().zip(["\"notice\"", "\"warning\"", "\"error\""]) {
            assert_eq!(serde_json::to_string(s).unwrap(), name);
            assert_eq!(serde_json::from_str::<Severity>(name).unwrap(), *s);
        }
        let d = Diagnostic {
            line: 0,
            label: String::new(),
            severity: Severity::Error,
            message: "inga SIE-poster hittades".into(),
        };
        assert_eq!(d.to_string(), "fel: inga SIE-poster hittades");
    }
}
