//! The typed, diagnosing reader.

use std::collections::{HashMap, VecDeque};
use std::io::Read;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::crc::Crc32;
use super::diagnostic::{Diagnostic, ReadError, ReadOptions, Severity};
use super::encoding::{Encoding, cp437_char, detect_encoding};
use super::lexer::{
    LineEvent, Lines, PlainRow, PlainVer, Tok, TokKind, scan_plain_row, scan_plain_ver, unescape,
};
use super::record::{
    AccountKind, Balance, ObjectRef, PeriodAmount, Record, Row, Voucher, VoucherRowKind,
};
use super::value::{
    DateParse, YearMonth, is_account_number, parse_amount, parse_date, parse_plain_amount,
};

/// The labels the specification defines, with their group (1 flag, 2 identification,
/// 3 chart of accounts, 4 balances and vouchers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Label {
    Flagga,
    Program,
    Format,
    Gen,
    Sietyp,
    Prosa,
    Ftyp,
    Fnr,
    Orgnr,
    Adress,
    Fnamn,
    Rar,
    Taxar,
    Omfattn,
    Kptyp,
    Valuta,
    Konto,
    Ktyp,
    Enhet,
    Sru,
    Dim,
    Underdim,
    Objekt,
    Ib,
    Ub,
    Oib,
    Oub,
    Res,
    Psaldo,
    Pbudget,
    Ver,
    Trans,
    Rtrans,
    Btrans,
    Bkod,
    Ksumma,
}

const LABEL_COUNT: usize = 36;

impl Label {
    #[inline]
    pub(crate) fn from_bytes(b: &[u8]) -> Option<Label> {
        Some(match b {
            b"#TRANS" => Label::Trans,
            b"#VER" => Label::Ver,
            b"#RTRANS" => Label::Rtrans,
            b"#BTRANS" => Label::Btrans,
            b"#KONTO" => Label::Konto,
            b"#PSALDO" => Label::Psaldo,
            b"#PBUDGET" => Label::Pbudget,
            b"#SRU" => Label::Sru,
            b"#KTYP" => Label::Ktyp,
            b"#IB" => Label::Ib,
            b"#UB" => Label::Ub,
            b"#RES" => Label::Res,
            b"#OIB" => Label::Oib,
            b"#OUB" => Label::Oub,
            b"#OBJEKT" => Label::Objekt,
            b"#DIM" => Label::Dim,
            b"#UNDERDIM" => Label::Underdim,
            b"#ENHET" => Label::Enhet,
            b"#FLAGGA" => Label::Flagga,
            b"#PROGRAM" => Label::Program,
            b"#FORMAT" => Label::Format,
            b"#GEN" => Label::Gen,
            b"#SIETYP" => Label::Sietyp,
            b"#PROSA" => Label::Prosa,
            b"#FTYP" => Label::Ftyp,
            b"#FNR" => Label::Fnr,
            b"#ORGNR" => Label::Orgnr,
            b"#ADRESS" => Label::Adress,
            b"#FNAMN" => Label::Fnamn,
            b"#RAR" => Label::Rar,
            b"#TAXAR" => Label::Taxar,
            b"#OMFATTN" => Label::Omfattn,
            b"#KPTYP" => Label::Kptyp,
            b"#VALUTA" => Label::Valuta,
            b"#BKOD" => Label::Bkod,
            b"#KSUMMA" => Label::Ksumma,
            _ => return None,
        })
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            Label::Flagga => "#FLAGGA",
            Label::Program => "#PROGRAM",
            Label::Format => "#FORMAT",
            Label::Gen => "#GEN",
            Label::Sietyp => "#SIETYP",
            Label::Prosa => "#PROSA",
            Label::Ftyp => "#FTYP",
            Label::Fnr => "#FNR",
            Label::Orgnr => "#ORGNR",
            Label::Adress => "#ADRESS",
            Label::Fnamn => "#FNAMN",
            Label::Rar => "#RAR",
            Label::Taxar => "#TAXAR",
            Label::Omfattn => "#OMFATTN",
            Label::Kptyp => "#KPTYP",
            Label::Valuta => "#VALUTA",
            Label::Konto => "#KONTO",
            Label::Ktyp => "#KTYP",
            Label::Enhet => "#ENHET",
            Label::Sru => "#SRU",
            Label::Dim => "#DIM",
            Label::Underdim => "#UNDERDIM",
            Label::Objekt => "#OBJEKT",
            Label::Ib => "#IB",
            Label::Ub => "#UB",
            Label::Oib => "#OIB",
            Label::Oub => "#OUB",
            Label::Res => "#RES",
            Label::Psaldo => "#PSALDO",
            Label::Pbudget => "#PBUDGET",
            Label::Ver => "#VER",
            Label::Trans => "#TRANS",
            Label::Rtrans => "#RTRANS",
            Label::Btrans => "#BTRANS",
            Label::Bkod => "#BKOD",
            Label::Ksumma => "#KSUMMA",
        }
    }

    fn group(self) -> u8 {
        match self {
            Label::Flagga | Label::Ksumma => 1,
            Label::Program
            | Label::Format
            | Label::Gen
            | Label::Sietyp
            | Label::Prosa
            | Label::Ftyp
            | Label::Fnr
            | Label::Orgnr
            | Label::Adress
            | Label::Fnamn
            | Label::Rar
            | Label::Taxar
            | Label::Omfattn
            | Label::Kptyp
            | Label::Valuta
            | Label::Bkod => 2,
            Label::Konto
            | Label::Ktyp
            | Label::Enhet
            | Label::Sru
            | Label::Dim
            | Label::Underdim
            | Label::Objekt => 3,
            _ => 4,
        }
    }

    const ALL: [Label; LABEL_COUNT] = [
        Label::Flagga,
        Label::Program,
        Label::Format,
        Label::Gen,
        Label::Sietyp,
        Label::Prosa,
        Label::Ftyp,
        Label::Fnr,
        Label::Orgnr,
        Label::Adress,
        Label::Fnamn,
        Label::Rar,
        Label::Taxar,
        Label::Omfattn,
        Label::Kptyp,
        Label::Valuta,
        Label::Konto,
        Label::Ktyp,
        Label::Enhet,
        Label::Sru,
        Label::Dim,
        Label::Underdim,
        Label::Objekt,
        Label::Ib,
        Label::Ub,
        Label::Oib,
        Label::Oub,
        Label::Res,
        Label::Psaldo,
        Label::Pbudget,
        Label::Ver,
        Label::Trans,
        Label::Rtrans,
        Label::Btrans,
        Label::Bkod,
        Label::Ksumma,
    ];
}

/// Kinds of notices that are reported once per file with a count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Repeat {
    MissingBraces,
    ExtraFields,
    ZeroDate,
    IsoDate,
    OutOfOrder,
    ManyDecimals,
    PlusOrComma,
    UnknownLabel,
    EmptyVoucher,
    NoBlock,
    QuotedKeyword,
}

const REPEAT_COUNT: usize = 11;

/// Most (dimension, object) pairs kept from one object list; more is an error.
pub(crate) const MAX_OBJECTS: usize = 256;

/// Most kinds of diagnostics told apart; further kinds are only counted.
const MAX_KINDS: usize = 4096;

/// The first and last year a date may plausibly carry in a ledger.
const FIRST_YEAR: i32 = 1900;
const LAST_YEAR: i32 = 2099;

/// `true` when a date's year is one a ledger can hold.
fn plausible(d: NaiveDate) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&chrono::Datelike::year(&d))
}

/// The severity of a record dropped for want of a field: an error where the record
/// carries figures (balances, vouchers and their rows), a warning for records that only
/// describe (names, program, format, the financial year's dates).
fn dropped(label: &str) -> Severity {
    match Label::from_bytes(label.as_bytes()) {
        Some(l) if l.group() == 4 => Severity::Error,
        _ => Severity::Warning,
    }
}

/// The kind of a diagnostic: its severity, its label when it is one of the
/// specification's, and its message with digit runs and quoted values left out.
fn kind_of(severity: Severity, label: &str, message: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    mix(severity as u8);
    if Label::from_bytes(label.as_bytes()).is_some() {
        label.bytes().for_each(&mut mix);
    }
    mix(0);
    let mut quoted = false;
    let mut digits = false;
    for b in message.bytes() {
        if b == b'"' {
            quoted = !quoted;
            mix(b);
        } else if quoted {
        } else if b.is_ascii_digit() {
            if !digits {
                mix(b'0');
            }
            digits = true;
            continue;
        } else {
            mix(b);
        }
        digits = false;
    }
    h
}

/// One kind of diagnostic seen: how often, and what to say about the ones not kept.
struct Kind {
    severity: Severity,
    label: String,
    count: u64,
    /// The line of the first diagnostic not kept, and of the last one.
    first_dropped: u64,
    last_line: u64,
    /// The first message of the kind, quoted in the summary.
    example: String,
}

/// The key of a stated balance (#IB, #UB, #RES, #OIB, #OUB, #PSALDO): label, year,
/// period, account and objects, hashed.
fn balance_key(
    label: Label,
    year: i32,
    period: Option<YearMonth>,
    account: &str,
    objects: &[ObjectRef],
) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (label as u8).hash(&mut h);
    year.hash(&mut h);
    period.map(|p| (p.year, p.month)).hash(&mut h);
    account.hash(&mut h);
    for o in objects {
        o.dimension.hash(&mut h);
        o.object.hash(&mut h);
    }
    h.finish()
}

/// An estimate of the memory a row holds: the row, its strings and its objects.
fn row_bytes(row: &Row) -> usize {
    std::mem::size_of::<Row>()
        + row.account.len()
        + row.text.len()
        + row.signature.len()
        + row
            .objects
            .iter()
            .map(|o| std::mem::size_of::<ObjectRef>() + o.object.len() + 16)
            .sum::<usize>()
        + 48
}

/// Voucher being assembled.
struct OpenVoucher {
    voucher: Voucher,
    line: u64,
    /// `{` seen.
    in_block: bool,
    /// A row was dropped, so the balance check would be meaningless.
    incomplete: bool,
    /// Rows `..used` of `voucher.rows` are this voucher's; the rest are recycled slots.
    used: usize,
    /// The last row was an `#RTRANS` (on this line); its duplicate `#TRANS` should follow.
    after_rtrans: Option<u64>,
    /// Estimated memory of the rows kept ([`ReadOptions::max_voucher_bytes`]).
    bytes: usize,
    /// Rows skipped because the voucher reached [`ReadOptions::max_voucher_bytes`].
    skipped: u64,
}

fn empty_row() -> Row {
    Row {
        kind: VoucherRowKind::Normal,
        account: String::new(),
        objects: Vec::new(),
        amount: Decimal::ZERO,
        date: None,
        text: String::new(),
        quantity: None,
        signature: String::new(),
    }
}

fn empty_voucher() -> Voucher {
    Voucher {
        series: String::new(),
        number: String::new(),
        date: None,
        text: String::new(),
        registered: None,
        signature: String::new(),
        rows: Vec::new(),
    }
}

/// Most spare rows kept for reuse.
const SPARE_ROWS: usize = 4096;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Checksum {
    Off,
    Running(Crc32),
    Done,
}

/// Reader state apart from the line source (split for the borrow checker).
struct State {
    opts: ReadOptions,
    encoding: Option<Encoding>,
    encoding_noted: bool,
    diags: Vec<Diagnostic>,
    checked: usize,
    /// Records read and not yet returned, with the line each begins on.
    out: VecDeque<(u64, Record)>,
    /// The line the last record returned begins on.
    record_line: u64,
    /// The voucher being read, boxed so that it can be detached from `self` cheaply
    /// while its rows are parsed in place.
    voucher: Option<Box<OpenVoucher>>,
    /// An emptied box for the next voucher.
    voucher_box: Option<Box<OpenVoucher>>,
    counts: [u64; LABEL_COUNT],
    first_line: [u64; LABEL_COUNT],
    repeats: [(u64, u64, &'static str, &'static str); REPEAT_COUNT],
    max_group: u8,
    records: u64,
    sie_type: Option<u8>,
    format: Option<String>,
    checksum: Checksum,
    finished: bool,
    rar_years: Vec<i32>,
    last_date: Option<([u8; 8], NaiveDate)>,
    /// A voucher given back with [`Reader::recycle`], refilled in place.
    spare: Option<Voucher>,
    /// Rows left over from recycled vouchers.
    spare_rows: Vec<Row>,
    vouchers: u64,
    rows: u64,
    /// Read plain `#TRANS` rows without a token list (off only in tests, to compare).
    plain_rows: bool,
    /// The fields of the last plain row.
    plain: PlainRow,
    /// The fields of the last plain voucher line.
    plain_ver: PlainVer,
    /// Kinds of diagnostics seen, in order of their first occurrence, and their index.
    kinds: Vec<Kind>,
    kind_index: HashMap<u64, usize>,
    /// Diagnostics of kinds beyond [`MAX_KINDS`]: how many, and the worst severity.
    unkinded: (u64, Severity),
    /// A diagnostic not kept that [`ReadOptions::fail_on`] rejects.
    pending_reject: Option<Diagnostic>,
    /// The current financial year (#RAR 0).
    rar0: Option<(NaiveDate, NaiveDate)>,
    /// Stated balances seen: key → (line, the amount).
    stated: HashMap<u64, (u64, Decimal)>,
}

/// Läsare: a streaming SIE 4 reader yielding typed [`Record`]s and collecting
/// [`Diagnostic`]s.
///
/// Memory stays bounded by the longest line and the largest voucher, whatever the file
/// size. The reader is an [`Iterator`] of `Result<Record, ReadError>`; an `Err` ends the
/// iteration. For speed over large files, give each record back with
/// [`Reader::recycle`] once done with it: the next voucher is then parsed into its
/// allocations.
///
/// ```
/// use kommunal_redovisning::sie::{Reader, Record, Severity};
///
/// let file = b"#FLAGGA 0\n#SIETYP 4\n#VER A 1 20250101 \"Hyra\"\n{\n#TRANS 5010 {} 100\n#TRANS 1930 {} -90\n}\n";
/// let mut reader = Reader::new(&file[..]);
/// let records: Vec<Record> = reader.by_ref().collect::<Result<_, _>>()?;
/// assert!(matches!(&records[2], Record::Voucher(v) if v.rows.len() == 2));
/// let unbalanced = reader.diagnostics().iter().find(|d| d.label == "#VER").unwrap();
/// assert_eq!(unbalanced.severity, Severity::Error);
/// assert_eq!(unbalanced.message, "voucher A 1 dated 2025-01-01 does not balance: difference 10");
/// # Ok::<(), kommunal_redovisning::sie::ReadError>(())
/// ```
#[doc(alias = "läsare")]
#[doc(alias = "SIE-fil")]
pub struct Reader<R> {
    lines: Lines<R>,
    st: State,
}

impl<R: Read> Reader<R> {
    /// A reader with the default [`ReadOptions`]. `R` is any byte source: a `&[u8]`, a
    /// `BufReader<File>`, stdin.
    pub fn new(source: R) -> Self {
        Self::with_options(source, ReadOptions::default())
    }

    /// A reader with the given options.
    pub fn with_options(source: R, opts: ReadOptions) -> Self {
        let max = opts.max_line_length;
        let mut lines = Lines::new(source, max);
        lines.tokenize = false;
        Reader {
            lines,
            st: State {
                encoding: opts.encoding,
                encoding_noted: false,
                opts,
                diags: Vec::new(),
                checked: 0,
                out: VecDeque::new(),
                record_line: 0,
                voucher: None,
                voucher_box: None,
                counts: [0; LABEL_COUNT],
                first_line: [0; LABEL_COUNT],
                repeats: [(0, 0, "", ""); REPEAT_COUNT],
                max_group: 0,
                records: 0,
                sie_type: None,
                format: None,
                checksum: Checksum::Off,
                finished: false,
                rar_years: Vec::new(),
                last_date: None,
                spare: None,
                spare_rows: Vec::new(),
                vouchers: 0,
                rows: 0,
                plain_rows: true,
                plain: PlainRow::EMPTY,
                plain_ver: PlainVer::EMPTY,
                kinds: Vec::new(),
                kind_index: HashMap::new(),
                unkinded: (0, Severity::Notice),
                pending_reject: None,
                rar0: None,
                stated: HashMap::new(),
            },
        }
    }

    /// The diagnostics collected so far (all of them once the reader is exhausted).
    #[must_use]
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.st.diags
    }

    /// Takes the diagnostics collected so far out of the reader.
    pub fn take_diagnostics(&mut self) -> Vec<Diagnostic> {
        self.st.checked = 0;
        std::mem::take(&mut self.st.diags)
    }

    /// The encoding in use: forced, detected, or `None` while only ASCII has been seen.
    #[must_use]
    pub fn encoding(&self) -> Option<Encoding> {
        self.st.encoding
    }

    /// The number of the last line read (1-based).
    #[must_use]
    pub fn line(&self) -> u64 {
        self.lines.line_no
    }

    /// The line the last record returned by [`Reader::next_record`] begins on (for a
    /// voucher, its `#VER` line); 0 before the first.
    #[must_use]
    pub fn record_line(&self) -> u64 {
        self.st.record_line
    }

    /// The number of bytes read from the source so far.
    #[must_use]
    pub fn bytes_read(&self) -> u64 {
        self.lines.bytes_read
    }

    /// The `#SIETYP` of the file, once read.
    #[must_use]
    pub fn sie_type(&self) -> Option<u8> {
        self.st.sie_type
    }

    /// Counts so far: (records, vouchers, voucher rows).
    #[must_use]
    pub fn counts(&self) -> (u64, u64, u64) {
        (self.st.records, self.st.vouchers, self.st.rows)
    }

    /// Gives a record back to the reader so that the next voucher reuses its
    /// allocations (strings, rows, object lists): reading then allocates almost nothing
    /// per voucher. Records other than vouchers are simply dropped.
    ///
    /// ```
    /// use kommunal_redovisning::sie::{Reader, Totals};
    ///
    /// let file = b"#VER A 1 20250101\n{\n#TRANS 5010 {} 10\n#TRANS 1930 {} -10\n}\n\
    ///              #VER A 2 20250102\n{\n#TRANS 5010 {} 5\n#TRANS 1930 {} -5\n}\n";
    /// let mut reader = Reader::new(&file[..]);
    /// let mut totals = Totals::default();
    /// while let Some(record) = reader.next_record()? {
    ///     totals.add(&record);
    ///     reader.recycle(record);
    /// }
    /// assert_eq!(totals.by_account["5010"].to_string(), "15");
    /// # Ok::<(), kommunal_redovisning::sie::ReadError>(())
    /// ```
    pub fn recycle(&mut self, record: Record) {
        if let Record::Voucher(v) = record {
            self.st.spare = Some(v);
        }
    }

    /// The next record, `Ok(None)` at the end of the file.
    ///
    /// # Errors
    ///
    /// [`ReadError::Io`] when the source fails; [`ReadError::Rejected`] for the first
    /// diagnostic at or above [`ReadOptions::fail_on`].
    pub fn next_record(&mut self) -> Result<Option<Record>, ReadError> {
        loop {
            self.st.check_fail()?;
            if let Some((line, r)) = self.st.out.pop_front() {
                self.st.record_line = line;
                return Ok(Some(r));
            }
            if self.st.finished {
                return Ok(None);
            }
            let event = self.lines.advance().map_err(|source| ReadError::Io {
                line: self.lines.line_no,
                source,
            })?;
            match event {
                LineEvent::Line => {
                    let ln = self.lines.line_no;
                    if self.lines.no_line_end {
                        let last = trim(self.lines.line());
                        if last == b"}" || last.is_empty() {
                            self.st.diag(
                                ln,
                                "",
                                Severity::Notice,
                                "the last line has no line end".into(),
                            );
                        } else {
                            self.st.diag(
                                ln,
                                "",
                                Severity::Error,
                                "the last line has no line end: the file looks truncated, \
                                 its last record may be cut"
                                    .into(),
                            );
                        }
                    }
                    if ln == 1 && self.lines.bom {
                        self.st.diag(
                            ln,
                            "",
                            Severity::Notice,
                            "file begins with a utf-8 byte order mark; read as utf-8".into(),
                        );
                        if self.st.encoding.is_none() {
                            self.st.encoding = Some(Encoding::Utf8);
                            self.st.encoding_noted = true;
                        }
                    }
                    // A voucher's braces and the commonest row are read without
                    // tokenizing; anything else is tokenized and read field by field.
                    let brace = match self.lines.line() {
                        b"{" => Some(TokKind::Open),
                        b"}" => Some(TokKind::Close),
                        _ => None,
                    };
                    if let Some(kind) = brace {
                        let toks = [Tok::new(0, 1, kind)];
                        self.st
                            .line(ln, self.lines.line(), &toks, self.lines.window());
                        continue;
                    }
                    let (line, window) = (self.lines.line(), self.lines.window());
                    if self.st.plain_row(ln, line, window) || self.st.plain_ver(ln, line, window) {
                        continue;
                    }
                    self.lines.tokenize_line();
                    let line = self.lines.line();
                    let toks = self.lines.toks.as_slice();
                    if self.lines.unterminated {
                        self.st.diag(
                            ln,
                            "",
                            Severity::Warning,
                            "quoted field not closed before the end of the line".into(),
                        );
                    }
                    self.st.line(ln, line, toks, self.lines.window());
                }
                LineEvent::Overlong => {
                    let ln = self.lines.line_no;
                    let msg = format!(
                        "line longer than {} bytes skipped",
                        self.st.opts.max_line_length
                    );
                    self.st.diag(ln, "", Severity::Error, msg);
                }
                LineEvent::Eof => self.st.finish(self.lines.line_no),
            }
        }
    }
}

impl<R: Read> Iterator for Reader<R> {
    type Item = Result<Record, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        match self.next_record() {
            Ok(Some(r)) => Some(Ok(r)),
            Ok(None) => None,
            Err(e) => {
                self.st.finished = true;
                self.st.out.clear();
                Some(Err(e))
            }
        }
    }
}

/// A cursor over the fields of one line.
struct Cur<'a> {
    line: &'a [u8],
    toks: &'a [Tok],
    i: usize,
}

impl<'a> Cur<'a> {
    #[inline]
    fn peek(&self) -> Option<&'a Tok> {
        self.toks.get(self.i)
    }

    /// The next field if it is a scalar.
    #[inline]
    fn scalar(&mut self) -> Option<&'a Tok> {
        let t = self.toks.get(self.i)?;
        if t.is_scalar() {
            self.i += 1;
            Some(t)
        } else {
            None
        }
    }

    /// Raw bytes of the next scalar (escapes not removed).
    #[inline]
    fn raw(&mut self) -> Option<&'a [u8]> {
        let line = self.line;
        self.scalar().map(|t| t.bytes(line))
    }

    fn remaining(&self) -> usize {
        self.toks.len().saturating_sub(self.i)
    }
}

/// A decimal `u32` (digits only).
#[inline]
fn parse_u32(raw: &[u8]) -> Option<u32> {
    if raw.is_empty() || raw.len() > 9 || !raw.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(
        raw.iter()
            .fold(0u32, |acc, &b| acc * 10 + u32::from(b - b'0')),
    )
}

/// Whether a voucher's counted rows provably sum to zero, added as whole öre in an `i64`:
/// true only when every amount has at most two decimals and every partial sum stays below
/// 10¹⁸ öre, where [`Voucher::balance`]'s saturating decimal sum is exact too. False means
/// "not proven": the caller then computes the balance as decimals.
fn balances_in_ore(rows: &[Row]) -> bool {
    const BOUND: u64 = 1_000_000_000_000_000_000;
    let mut sum: i64 = 0;
    for r in rows.iter().filter(|r| r.kind.counts()) {
        let m = r.amount.mantissa();
        let ore = match r.amount.scale() {
            0 => m.checked_mul(100),
            1 => m.checked_mul(10),
            2 => Some(m),
            _ => None,
        };
        let Some(ore) = ore.and_then(|o| i64::try_from(o).ok()) else {
            return false;
        };
        match sum.checked_add(ore) {
            Some(s) if s.unsigned_abs() < BOUND => sum = s,
            _ => return false,
        }
    }
    sum == 0
}

/// `#VER  1 20170101 …`: the fields after the label are a number, a valid date and then
/// no valid date — the series was left out, so every field is one place early.
fn missing_series(cur: &Cur<'_>) -> bool {
    let field = |k: usize| cur.toks.get(cur.i + k).filter(|t| t.is_scalar());
    let (Some(first), Some(second)) = (field(0), field(1)) else {
        return false;
    };
    let is_date = |t: &Tok| {
        matches!(
            parse_date(trim(t.bytes(cur.line))),
            DateParse::Ok(_) | DateParse::Iso(_) | DateParse::Zero
        )
    };
    first.kind == TokKind::Bare
        && second.kind == TokKind::Bare
        && is_date(second)
        && !is_date(first)
        && field(2).is_none_or(|t| !is_date(t) && t.kind != TokKind::Bare)
}

fn trim(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|&b| b != b' ').unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|&b| b != b' ')
        .map_or(start, |e| e + 1);
    bytes.get(start..end).unwrap_or_default()
}

impl State {
    /// Records a diagnostic: kept with its line while its kind has been seen at most
    /// [`ReadOptions::max_repeats`] times, counted afterwards.
    fn diag(&mut self, line: u64, label: &str, severity: Severity, message: String) {
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
    fn summarize_kinds(&mut self) {
        let max = self.opts.max_repeats.max(1) as u64;
        for k in &self.kinds {
            if k.count > max {
                let more = k.count - max;
                self.diags.push(Diagnostic {
                    line: k.first_dropped,
                    label: k.label.clone(),
                    severity: k.severity,
                    message: format!(
                        "{more} more of this kind on lines {}–{}, not listed: {}",
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
                    "{} more diagnostics of {MAX_KINDS}+ other kinds, not listed",
                    self.unkinded.0
                ),
            });
        }
    }

    #[inline]
    fn check_fail(&mut self) -> Result<(), ReadError> {
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
    fn repeat(&mut self, kind: Repeat, line: u64, label: &'static str, message: &'static str) {
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

    fn ensure_encoding(&mut self, line: u64, window: &[u8]) -> Encoding {
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
                .unwrap_or_else(|| "no #FORMAT".to_owned());
            self.diag(
                line,
                "",
                Severity::Notice,
                format!(
                    "file declares {declared} but is {}; decoded as {}",
                    detected.name(),
                    detected.name()
                ),
            );
        }
        detected
    }

    /// Decodes a text field: unescaped, trimmed, decoded.
    fn text(&mut self, t: &Tok, line: &[u8], ln: u64, window: &[u8]) -> String {
        let mut out = String::new();
        self.text_into(t, line, ln, window, &mut out);
        out
    }

    /// Decodes a text field into `out` (cleared first), reusing its allocation.
    fn text_into(&mut self, t: &Tok, line: &[u8], ln: u64, window: &[u8], out: &mut String) {
        out.clear();
        let raw = t.bytes(line);
        if t.kind != TokKind::Escaped {
            // Printable ASCII is the same in every encoding: copy it byte by byte (faster
            // than validating and copying short fields as a str). A bare field ends at a
            // separator, so only quoted ones need trimming.
            let src = if t.kind == TokKind::Bare {
                raw
            } else {
                trim(raw)
            };
            out.reserve(src.len());
            // Non-ASCII bytes are decoded on the way when the encoding is known and
            // decodes byte by byte; otherwise (and on control characters) the slow path
            // below detects the encoding and cleans the field.
            let high = match self.encoding {
                Some(Encoding::Cp437) => Some(false),
                Some(Encoding::Latin1) => Some(true),
                _ => None,
            };
            // Pushed into a local string: its length stays in a register instead of
            // being stored through `out` after every byte.
            let mut s = std::mem::take(out);
            let mut done = true;
            for &b in src {
                if (b' '..0x7f).contains(&b) {
                    s.push(char::from(b));
                } else if b >= 0x80 && high.is_some() {
                    s.push(if high == Some(true) {
                        char::from(b)
                    } else {
                        cp437_char(b)
                    });
                } else {
                    done = false;
                    break;
                }
            }
            *out = s;
            if done {
                return;
            }
            out.clear();
        }
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
            let u = if t.kind == TokKind::Escaped {
                unescape(&cleaned)
            } else {
                cleaned
            };
            enc.decode_into(trim(&u), out);
        } else if t.kind == TokKind::Escaped {
            let u = unescape(raw);
            enc.decode_into(trim(&u), out);
        } else {
            enc.decode_into(trim(raw), out);
        }
    }

    fn opt_text(&mut self, cur: &mut Cur<'_>, ln: u64, window: &[u8]) -> String {
        match cur.scalar() {
            Some(t) => self.text(t, cur.line, ln, window),
            None => String::new(),
        }
    }

    fn opt_text_into(&mut self, cur: &mut Cur<'_>, ln: u64, window: &[u8], out: &mut String) {
        match cur.scalar() {
            Some(t) => self.text_into(t, cur.line, ln, window, out),
            None => out.clear(),
        }
    }

    fn req_text(
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
                self.diag(
                    ln,
                    label,
                    dropped(label),
                    format!("{what} missing; record ignored"),
                );
                None
            }
        }
    }

    fn amount(&mut self, raw: &[u8], ln: u64, label: &'static str, what: &str) -> Option<Decimal> {
        match parse_amount(raw) {
            Some(a) => {
                if raw.first() == Some(&b'+') || raw.contains(&b',') {
                    self.repeat(
                        Repeat::PlusOrComma,
                        ln,
                        label,
                        "amount with a plus sign or a decimal comma",
                    );
                } else if what == "amount" && a.scale() > 2 {
                    self.repeat(
                        Repeat::ManyDecimals,
                        ln,
                        label,
                        "amount with more than two decimals",
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
                    format!("malformed {what} \"{shown}\"; record ignored"),
                );
                None
            }
        }
    }

    fn req_amount(&mut self, cur: &mut Cur<'_>, ln: u64, label: &'static str) -> Option<Decimal> {
        match cur.raw() {
            Some(raw) => self.amount(raw, ln, label, "amount"),
            None => {
                self.diag(
                    ln,
                    label,
                    Severity::Error,
                    "amount missing; record ignored".to_owned(),
                );
                None
            }
        }
    }

    /// An optional quantity: absent or `""` is `None`; a malformed one is a warning.
    fn opt_quantity(&mut self, cur: &mut Cur<'_>, ln: u64, label: &'static str) -> Option<Decimal> {
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
                    format!("malformed quantity \"{shown}\" ignored"),
                );
                None
            }
        }
    }

    fn date(&mut self, raw: &[u8], ln: u64, label: &'static str, what: &str) -> Option<NaiveDate> {
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
                        "{what} \"{shown}\" has an impossible year (outside {FIRST_YEAR}–{LAST_YEAR}); read as no date"
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
                    "date written as YYYY-MM-DD instead of YYYYMMDD",
                );
                Some(d)
            }
            DateParse::Zero => {
                self.repeat(Repeat::ZeroDate, ln, label, "date 00000000 read as no date");
                None
            }
            DateParse::Invalid => {
                let shown = String::from_utf8_lossy(raw);
                self.diag(
                    ln,
                    label,
                    Severity::Error,
                    format!("invalid {what} \"{shown}\" read as no date"),
                );
                None
            }
        }
    }

    fn opt_date(
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

    fn req_date(
        &mut self,
        cur: &mut Cur<'_>,
        ln: u64,
        label: &'static str,
        what: &str,
    ) -> Option<NaiveDate> {
        let Some(raw) = cur.raw() else {
            self.diag(
                ln,
                label,
                dropped(label),
                format!("{what} missing; record ignored"),
            );
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
                        "{what} \"{shown}\" has an impossible year (outside {FIRST_YEAR}–{LAST_YEAR}); record ignored"
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
                    "date written as YYYY-MM-DD instead of YYYYMMDD",
                );
                Some(d)
            }
            _ => {
                let shown = String::from_utf8_lossy(raw);
                self.diag(
                    ln,
                    label,
                    dropped(label),
                    format!("invalid {what} \"{shown}\"; record ignored"),
                );
                None
            }
        }
    }

    fn int<T: std::str::FromStr>(
        &mut self,
        cur: &mut Cur<'_>,
        ln: u64,
        label: &'static str,
        what: &str,
    ) -> Option<T> {
        let Some(raw) = cur.raw() else {
            self.diag(
                ln,
                label,
                dropped(label),
                format!("{what} missing; record ignored"),
            );
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
                format!("invalid {what} \"{shown}\"; record ignored"),
            );
        }
        parsed
    }

    /// An object list `{dim obj …}`; `None` (nothing consumed) when the next field is not `{`.
    fn objects(
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
    fn objects_into(
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
                            self.diag(ln, label, Severity::Error, format!("invalid dimension number \"{shown}\" in object list; pair ignored"));
                        }
                        pending_dim = Some(dim);
                    }
                    Some(dim) => {
                        if let Some(dimension) = dim {
                            if used >= MAX_OBJECTS {
                                // Counted, not kept: reported below.
                            } else if let Some(slot) = list.get_mut(used) {
                                slot.dimension = dimension;
                                self.text_into(t, cur.line, ln, window, &mut slot.object);
                            } else {
                                let object = self.text(t, cur.line, ln, window);
                                list.push(ObjectRef { dimension, object });
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
                format!("object list with {used} objects; only the first {MAX_OBJECTS} are kept"),
            );
            used = MAX_OBJECTS;
        }
        list.truncate(used);
        if !closed {
            self.diag(
                ln,
                label,
                Severity::Error,
                "object list not closed with }: the line looks cut, the file may be truncated"
                    .to_owned(),
            );
        }
        if pending_dim.is_some() {
            self.diag(
                ln,
                label,
                Severity::Error,
                "object list has a dimension without an object; it is ignored".to_owned(),
            );
        }
        true
    }

    /// An account number in a row or a balance must be 1 to 10 digits: anything else
    /// cannot be placed in the chart of accounts.
    fn check_account(&mut self, ln: u64, label: &'static str, account: &str) {
        if !is_account_number(account) {
            self.diag(
                ln,
                label,
                Severity::Error,
                format!(
                    "account number \"{account}\" is not 1 to 10 digits; it cannot be mapped \
                     to a statement line"
                ),
            );
        }
    }

    /// Whether this is the first statement of a balance (`key` from [`balance_key`]).
    /// A repeat is reported and dropped: the first value is the one used.
    #[allow(clippy::too_many_arguments)]
    fn first_statement(
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
            Some(p) => format!("{label} for year {year}, period {p}, account {account}"),
            None => format!("{label} for year {year}, account {account}"),
        };
        if value == amount {
            self.diag(
                ln,
                label,
                Severity::Notice,
                format!("{what} repeats line {first} with the same amount; read once"),
            );
        } else {
            self.diag(
                ln,
                label,
                Severity::Error,
                format!(
                    "a second {what} ({}) contradicts line {first} ({}): the first is used, \
                     this one is ignored",
                    amount.normalize(),
                    value.normalize()
                ),
            );
        }
        false
    }

    fn extra(&mut self, cur: &Cur<'_>, ln: u64, label: &'static str) {
        if cur.remaining() > 0 {
            self.repeat(
                Repeat::ExtraFields,
                ln,
                label,
                "extra fields at the end of a record ignored",
            );
        }
    }

    fn line(&mut self, ln: u64, line: &[u8], toks: &[Tok], window: &[u8]) {
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
                        "{ without a #VER before it ignored".to_owned(),
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
                            "} without { in voucher".to_owned(),
                        );
                        self.close_voucher(v, ln);
                    }
                    None => self.diag(
                        ln,
                        "",
                        Severity::Warning,
                        "} without a voucher ignored".to_owned(),
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
                "line does not start with a #label; ignored".to_owned(),
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
                self.diag(
                    v.line,
                    "#VER",
                    Severity::Warning,
                    format!("voucher not closed with }} before line {ln}"),
                );
            } else {
                self.repeat(
                    Repeat::NoBlock,
                    v.line,
                    "#VER",
                    "voucher without a { … } block of rows",
                );
            }
            self.close_voucher(v, ln);
        }
        let group = label.group();
        if group < self.max_group && label != Label::Ksumma {
            self.repeat(Repeat::OutOfOrder, ln, label.name(), "record out of group order (flag, identification, chart of accounts, balances and vouchers)");
        }
        self.max_group = self.max_group.max(group);
        if self.records == 0 && label != Label::Flagga {
            self.diag(
                ln,
                label.name(),
                Severity::Warning,
                "the first record is not #FLAGGA".to_owned(),
            );
        }
        if let Some(r) = self.record(ln, label, &mut cur, window) {
            self.records += 1;
            self.out.push_back((ln, r));
        }
    }

    fn unknown(&mut self, ln: u64, cur: &mut Cur<'_>, label_bytes: &[u8], window: &[u8]) {
        let label = String::from_utf8_lossy(label_bytes).into_owned();
        if let Some(slot) = self.repeats.get_mut(Repeat::UnknownLabel as usize) {
            slot.0 += 1;
        }
        self.diag(
            ln,
            &label,
            Severity::Notice,
            "unknown label ignored".to_owned(),
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

    fn row(&mut self, ln: u64, label: Label, cur: &mut Cur<'_>, window: &[u8]) {
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
                "row outside a voucher ignored".to_owned(),
            );
            return;
        };
        if v.skipped > 0 || v.bytes.saturating_add(cur.line.len()) > self.opts.max_voucher_bytes {
            if v.skipped == 0 {
                let msg = format!(
                    "voucher {} {} holds more than {} bytes of rows: its remaining rows are \
                     skipped (is its closing }} missing?)",
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
                "voucher without a { … } block of rows",
            );
        }
        if let Some(rline) = lone_rtrans {
            self.diag(
                rline,
                "#RTRANS",
                Severity::Notice,
                "#RTRANS not followed by its duplicate #TRANS".to_owned(),
            );
        }
    }

    /// Reads a plain `#TRANS` row ([`scan_plain_row`]) of the open voucher straight from
    /// the line. False, with nothing changed, when the line is not such a row or reading
    /// it field by field could say anything about it (a diagnostic, an `#RTRANS` to
    /// match, a running checksum): the caller then tokenizes it and reads it as usual.
    fn plain_row(&mut self, ln: u64, line: &[u8], window: &[u8]) -> bool {
        if !self.plain_rows || matches!(self.checksum, Checksum::Running(_)) {
            return false;
        }
        if !scan_plain_row(line, &mut self.plain) {
            return false;
        }
        let p = &self.plain;
        let (account, amount_tok, date_tok, text_tok, pairs_len) =
            (p.account, p.amount, p.date, p.text, p.pairs_len);
        if !self.voucher.as_ref().is_some_and(|v| {
            v.in_block
                && v.after_rtrans.is_none()
                && v.skipped == 0
                && v.bytes.saturating_add(line.len() * 2 + 512) <= self.opts.max_voucher_bytes
        }) || !account.bytes(line).iter().all(u8::is_ascii_digit)
            || !(1..=10).contains(&account.bytes(line).len())
        {
            return false;
        }
        // An amount that parse_amount reads without a notice, or the row is read as usual.
        let Some(amount) = parse_plain_amount(amount_tok.bytes(line)) else {
            return false;
        };
        let date = match date_tok {
            None => None,
            Some(t) => {
                let raw = t.bytes(line);
                match self.last_date {
                    Some((bytes, d)) if raw == bytes => Some(d),
                    _ => match parse_date(raw) {
                        DateParse::Ok(d) if plausible(d) => {
                            if let Ok(bytes) = <[u8; 8]>::try_from(raw) {
                                self.last_date = Some((bytes, d));
                            }
                            Some(d)
                        }
                        _ => return false,
                    },
                }
            }
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
        if v.voucher.rows.len() <= v.used {
            let spare = self.spare_rows.pop().unwrap_or_else(empty_row);
            v.voucher.rows.push(spare);
        }
        if let Some(row) = v.voucher.rows.get_mut(v.used) {
            row.kind = VoucherRowKind::Normal;
            self.text_into(&account, line, ln, window, &mut row.account);
            let mut used = 0usize;
            for k in 0..pairs_len {
                let Some(&(dimension, t)) = self.plain.pairs.get(k) else {
                    break;
                };
                if let Some(slot) = row.objects.get_mut(used) {
                    slot.dimension = dimension;
                    self.text_into(&t, line, ln, window, &mut slot.object);
                } else {
                    let object = self.text(&t, line, ln, window);
                    row.objects.push(ObjectRef { dimension, object });
                }
                used += 1;
            }
            row.objects.truncate(used);
            row.amount = amount;
            row.date = date;
            match text_tok {
                Some(t) => self.text_into(&t, line, ln, window, &mut row.text),
                None => row.text.clear(),
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

    /// Makes `v` (read from the `#VER` on line `ln`) the open voucher.
    fn open_voucher(&mut self, v: Voucher, ln: u64) {
        let open = OpenVoucher {
            voucher: v,
            line: ln,
            in_block: false,
            incomplete: false,
            used: 0,
            after_rtrans: None,
            bytes: 0,
            skipped: 0,
        };
        self.voucher = Some(match self.voucher_box.take() {
            Some(mut b) => {
                *b = open;
                b
            }
            None => Box::new(open),
        });
    }

    /// A date that [`State::date`] reads without a diagnostic (from the cache or as
    /// `YYYYMMDD`); `None` for anything else.
    #[inline]
    fn plain_date(&mut self, raw: &[u8]) -> Option<NaiveDate> {
        if let Some((bytes, d)) = self.last_date {
            if raw == bytes {
                return Some(d);
            }
        }
        match parse_date(raw) {
            DateParse::Ok(d) if plausible(d) => {
                if let Ok(bytes) = <[u8; 8]>::try_from(raw) {
                    self.last_date = Some((bytes, d));
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
    fn plain_ver(&mut self, ln: u64, line: &[u8], window: &[u8]) -> bool {
        if !self.plain_rows
            || matches!(self.checksum, Checksum::Running(_))
            || self.voucher.is_some()
            || self.records == 0
            || !scan_plain_ver(line, &mut self.plain_ver)
        {
            return false;
        }
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
        let mut v = self.spare.take().unwrap_or_else(empty_voucher);
        self.text_into(&p.series, line, ln, window, &mut v.series);
        self.text_into(&p.number, line, ln, window, &mut v.number);
        v.date = Some(date);
        match p.text {
            Some(t) => self.text_into(&t, line, ln, window, &mut v.text),
            None => v.text.clear(),
        }
        v.registered = registered;
        match p.signature {
            Some(t) => self.text_into(&t, line, ln, window, &mut v.signature),
            None => v.signature.clear(),
        }
        self.open_voucher(v, ln);
        true
    }

    /// Parses a row into `row`, reusing its strings; false (with a diagnostic) when the
    /// row cannot be read.
    fn parse_row_into(
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
                "account missing; record ignored".to_owned(),
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
                "object list without braces {}",
            );
        }
        let Some(amount) = self.req_amount(cur, ln, label) else {
            return false;
        };
        row.amount = amount;
        row.date = self.opt_date(cur, ln, label, "transaction date");
        self.opt_text_into(cur, ln, window, &mut row.text);
        row.quantity = self.opt_quantity(cur, ln, label);
        self.opt_text_into(cur, ln, window, &mut row.signature);
        self.extra(cur, ln, label);
        true
    }

    fn close_voucher(&mut self, mut v: Box<OpenVoucher>, ln: u64) {
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
                "#RTRANS not followed by its duplicate #TRANS".to_owned(),
            );
        }
        if v.skipped > 0 {
            let msg = format!(
                "voucher {} {}: {} rows skipped beyond the size limit",
                v.voucher.series, v.voucher.number, v.skipped
            );
            self.diag(v.line, "#VER", Severity::Error, msg);
        }
        let voucher = std::mem::replace(&mut v.voucher, empty_voucher());
        let line = v.line;
        let incomplete = v.incomplete;
        self.voucher_box = Some(v);
        if let (Some(d), Some((start, end))) = (voucher.date, self.rar0) {
            if d < start || d > end {
                let msg = format!(
                    "voucher {} {} dated {d} lies outside the financial year {start} – {end} \
                     (#RAR 0), yet its rows are counted in it",
                    voucher.series, voucher.number
                );
                self.diag(line, "#VER", Severity::Error, msg);
            }
        }
        if voucher.rows.is_empty() {
            self.repeat(Repeat::EmptyVoucher, line, "#VER", "voucher without rows");
        } else if !incomplete && !balances_in_ore(&voucher.rows) {
            let diff = voucher.balance();
            if !diff.is_zero() {
                let date = voucher
                    .date
                    .map_or_else(|| "without a date".to_owned(), |d| format!("dated {d}"));
                let msg = format!(
                    "voucher {} {} {date} does not balance: difference {}",
                    voucher.series,
                    voucher.number,
                    diff.normalize()
                );
                self.diag(line, "#VER", self.opts.unbalanced_voucher, msg);
            }
        }
        let _ = ln;
        self.vouchers += 1;
        self.records += 1;
        self.out.push_back((line, Record::Voucher(voucher)));
    }

    fn balance(
        &mut self,
        ln: u64,
        label: &'static str,
        cur: &mut Cur<'_>,
        with_objects: bool,
        window: &[u8],
    ) -> Option<Balance> {
        let year = self.int::<i32>(cur, ln, label, "year index")?;
        let account = self.req_text(cur, ln, label, "account", window)?;
        self.check_account(ln, label, &account);
        let objects = if with_objects {
            match self.objects(cur, ln, label, window) {
                Some(o) => o,
                None => {
                    self.repeat(
                        Repeat::MissingBraces,
                        ln,
                        label,
                        "object list without braces {}",
                    );
                    Vec::new()
                }
            }
        } else {
            Vec::new()
        };
        let amount = self.req_amount(cur, ln, label)?;
        let quantity = self.opt_quantity(cur, ln, label);
        self.extra(cur, ln, label);
        Some(Balance {
            year,
            account,
            objects,
            amount,
            quantity,
        })
    }

    fn period_amount(
        &mut self,
        ln: u64,
        label: &'static str,
        cur: &mut Cur<'_>,
        window: &[u8],
    ) -> Option<PeriodAmount> {
        let year = self.int::<i32>(cur, ln, label, "year index")?;
        let raw = cur.raw().unwrap_or_default();
        let Some(period) = YearMonth::parse_bytes(trim(raw)) else {
            let shown = String::from_utf8_lossy(raw);
            self.diag(
                ln,
                label,
                Severity::Error,
                format!("invalid period \"{shown}\", expected YYYYMM; record ignored"),
            );
            return None;
        };
        let account = self.req_text(cur, ln, label, "account", window)?;
        self.check_account(ln, label, &account);
        let objects = match self.objects(cur, ln, label, window) {
            Some(o) => o,
            None => {
                self.repeat(
                    Repeat::MissingBraces,
                    ln,
                    label,
                    "object list without braces {}",
                );
                Vec::new()
            }
        };
        let amount = self.req_amount(cur, ln, label)?;
        let quantity = self.opt_quantity(cur, ln, label);
        self.extra(cur, ln, label);
        Some(PeriodAmount {
            year,
            period,
            account,
            objects,
            amount,
            quantity,
        })
    }

    fn keyword(
        &mut self,
        t: &Tok,
        line: &[u8],
        ln: u64,
        label: &'static str,
        window: &[u8],
    ) -> String {
        if t.kind != TokKind::Bare {
            self.repeat(
                Repeat::QuotedKeyword,
                ln,
                label,
                "quoted value where a bare one is expected",
            );
        }
        self.text(t, line, ln, window)
    }

    fn record(
        &mut self,
        ln: u64,
        label: Label,
        cur: &mut Cur<'_>,
        window: &[u8],
    ) -> Option<Record> {
        let name = label.name();
        let rec = match label {
            Label::Flagga => {
                let v = self.int::<u8>(cur, ln, name, "flag")?;
                if v > 1 {
                    self.diag(
                        ln,
                        name,
                        Severity::Warning,
                        format!("flag {v} is neither 0 nor 1"),
                    );
                }
                Record::Flag(v)
            }
            Label::Program => {
                let name_ = self.req_text(cur, ln, name, "program name", window)?;
                let version = self.opt_text(cur, ln, window);
                Record::Program {
                    name: name_,
                    version,
                }
            }
            Label::Format => {
                let Some(t) = cur.scalar() else {
                    self.diag(
                        ln,
                        name,
                        Severity::Warning,
                        "value missing; record ignored".to_owned(),
                    );
                    return None;
                };
                let v = self.keyword(t, cur.line, ln, name, window);
                if !v.eq_ignore_ascii_case("PC8") {
                    self.diag(
                        ln,
                        name,
                        Severity::Notice,
                        format!("#FORMAT {v}: the specification allows only PC8"),
                    );
                }
                self.format = Some(v.clone());
                Record::Format(v)
            }
            Label::Gen => {
                let date = self.opt_date(cur, ln, name, "generation date");
                let signature = self.opt_text(cur, ln, window);
                Record::Generated { date, signature }
            }
            Label::Sietyp => {
                let v = self.int::<u8>(cur, ln, name, "type")?;
                if !(1..=4).contains(&v) {
                    self.diag(ln, name, Severity::Warning, format!("unknown sie type {v}"));
                }
                self.sie_type = Some(v);
                Record::SieType(v)
            }
            Label::Prosa => {
                // Some exporters leave a text with spaces unquoted: take all its words.
                let mut words = Vec::new();
                while let Some(t) = cur.scalar() {
                    let word = self.text(t, cur.line, ln, window);
                    if !word.is_empty() {
                        words.push(word);
                    }
                }
                Record::Prose(words.join(" "))
            }
            Label::Ftyp => Record::CompanyType(self.opt_text(cur, ln, window)),
            Label::Fnr => Record::CompanyId(self.opt_text(cur, ln, window)),
            Label::Orgnr => {
                let number = self.opt_text(cur, ln, window);
                let b = number.as_bytes();
                let hyphenated = b.len() == 11
                    && b.get(6) == Some(&b'-')
                    && b.iter()
                        .enumerate()
                        .all(|(i, c)| i == 6 || c.is_ascii_digit());
                if !hyphenated {
                    self.diag(
                        ln,
                        name,
                        Severity::Notice,
                        format!("organisation number \"{number}\" is not written NNNNNN-NNNN"),
                    );
                }
                let acquisition = self.opt_text(cur, ln, window);
                let activity = self.opt_text(cur, ln, window);
                Record::OrganisationNumber {
                    number,
                    acquisition,
                    activity,
                }
            }
            Label::Adress => {
                let contact = self.opt_text(cur, ln, window);
                let street = self.opt_text(cur, ln, window);
                let postal = self.opt_text(cur, ln, window);
                let phone = self.opt_text(cur, ln, window);
                Record::Address {
                    contact,
                    street,
                    postal,
                    phone,
                }
            }
            Label::Fnamn => Record::CompanyName(self.opt_text(cur, ln, window)),
            Label::Rar => {
                let year = self.int::<i32>(cur, ln, name, "year index")?;
                let start = self.req_date(cur, ln, name, "start date")?;
                let end = self.req_date(cur, ln, name, "end date")?;
                if end < start {
                    self.diag(
                        ln,
                        name,
                        Severity::Error,
                        format!("financial year {year} ends {end} before it starts {start}"),
                    );
                }
                self.rar_years.push(year);
                if year == 0 && start <= end {
                    self.rar0 = Some((start, end));
                }
                Record::FinancialYear { year, start, end }
            }
            Label::Taxar => Record::TaxYear(self.int::<i32>(cur, ln, name, "tax year")?),
            Label::Omfattn => Record::Scope(self.req_date(cur, ln, name, "date")?),
            Label::Kptyp => {
                let Some(t) = cur.scalar() else {
                    self.diag(
                        ln,
                        name,
                        Severity::Warning,
                        "value missing; record ignored".to_owned(),
                    );
                    return None;
                };
                Record::ChartType(self.keyword(t, cur.line, ln, name, window))
            }
            Label::Valuta => Record::Currency(self.opt_text(cur, ln, window)),
            Label::Konto => {
                let number = self.req_text(cur, ln, name, "account", window)?;
                if !is_account_number(&number) {
                    self.diag(
                        ln,
                        name,
                        Severity::Warning,
                        format!("account number \"{number}\" is not 1 to 10 digits"),
                    );
                }
                let name_ = self.opt_text(cur, ln, window);
                Record::Account {
                    number,
                    name: name_,
                }
            }
            Label::Ktyp => {
                let account = self.req_text(cur, ln, name, "account", window)?;
                let letter = self.opt_text(cur, ln, window);
                let kind = AccountKind::from_letter(&letter);
                if kind.is_none() {
                    self.diag(ln, name, Severity::Warning, format!("account {account} has no valid type (\"{letter}\"); expected T, S, K or I"));
                }
                Record::AccountType { account, kind }
            }
            Label::Enhet => {
                let account = self.req_text(cur, ln, name, "account", window)?;
                Record::Unit {
                    account,
                    unit: self.opt_text(cur, ln, window),
                }
            }
            Label::Sru => {
                let account = self.req_text(cur, ln, name, "account", window)?;
                Record::Sru {
                    account,
                    code: self.opt_text(cur, ln, window),
                }
            }
            Label::Dim => {
                let number = self.int::<u32>(cur, ln, name, "dimension number")?;
                Record::Dimension {
                    number,
                    name: self.opt_text(cur, ln, window),
                }
            }
            Label::Underdim => {
                let number = self.int::<u32>(cur, ln, name, "dimension number")?;
                let name_ = self.opt_text(cur, ln, window);
                let parent = self.int::<u32>(cur, ln, name, "superior dimension")?;
                Record::SubDimension {
                    number,
                    name: name_,
                    parent,
                }
            }
            Label::Objekt => {
                let dimension = self.int::<u32>(cur, ln, name, "dimension number")?;
                let id = self.req_text(cur, ln, name, "object number", window)?;
                Record::Object {
                    dimension,
                    id,
                    name: self.opt_text(cur, ln, window),
                }
            }
            Label::Ib | Label::Ub | Label::Res | Label::Oib | Label::Oub => {
                let b = self.balance(
                    ln,
                    name,
                    cur,
                    matches!(label, Label::Oib | Label::Oub),
                    window,
                )?;
                let key = balance_key(label, b.year, None, &b.account, &b.objects);
                if !self.first_statement(key, ln, name, b.year, &b.account, None, b.amount) {
                    return None;
                }
                match label {
                    Label::Ib => Record::OpeningBalance(b),
                    Label::Ub => Record::ClosingBalance(b),
                    Label::Res => Record::YearResult(b),
                    Label::Oib => Record::ObjectOpeningBalance(b),
                    _ => Record::ObjectClosingBalance(b),
                }
            }
            Label::Psaldo => {
                let p = self.period_amount(ln, name, cur, window)?;
                let key = balance_key(label, p.year, Some(p.period), &p.account, &p.objects);
                if !self.first_statement(
                    key,
                    ln,
                    name,
                    p.year,
                    &p.account,
                    Some(p.period),
                    p.amount,
                ) {
                    return None;
                }
                Record::PeriodBalance(p)
            }
            Label::Pbudget => Record::PeriodBudget(self.period_amount(ln, name, cur, window)?),
            Label::Bkod => Record::IndustryCode(self.opt_text(cur, ln, window)),
            Label::Ver => {
                let mut v = self.spare.take().unwrap_or_else(empty_voucher);
                if missing_series(cur) {
                    // `#VER  1 20170101 "text"`: an empty series written as nothing.
                    v.series.clear();
                    self.opt_text_into(cur, ln, window, &mut v.number);
                    let msg = format!(
                        "the series field is missing (an empty series must be written \"\"): \
                         \"{}\" read as the voucher number and the next field as its date",
                        v.number
                    );
                    self.diag(ln, name, Severity::Warning, msg);
                } else {
                    self.opt_text_into(cur, ln, window, &mut v.series);
                    self.opt_text_into(cur, ln, window, &mut v.number);
                }
                v.date = self.opt_date(cur, ln, name, "voucher date");
                if v.date.is_none()
                    && self
                        .repeats
                        .get(Repeat::ZeroDate as usize)
                        .is_none_or(|r| r.0 == 0)
                {
                    self.diag(
                        ln,
                        name,
                        Severity::Error,
                        format!("voucher {} {} has no date", v.series, v.number),
                    );
                }
                self.opt_text_into(cur, ln, window, &mut v.text);
                v.registered = self.opt_date(cur, ln, name, "registration date");
                self.opt_text_into(cur, ln, window, &mut v.signature);
                self.extra(cur, ln, name);
                self.open_voucher(v, ln);
                return None;
            }
            Label::Ksumma => {
                let raw = cur.raw().map(trim).unwrap_or_default();
                if raw.is_empty() {
                    if self.checksum != Checksum::Off {
                        self.diag(
                            ln,
                            name,
                            Severity::Warning,
                            "a second opening #KSUMMA".to_owned(),
                        );
                    }
                    self.checksum = if self.opts.verify_checksum {
                        Checksum::Running(Crc32::new())
                    } else {
                        Checksum::Done
                    };
                    Record::Checksum(None)
                } else {
                    let value = std::str::from_utf8(raw)
                        .ok()
                        .and_then(|s| s.parse::<i64>().ok())
                        .and_then(|v| u32::try_from(v.rem_euclid(1 << 32)).ok());
                    let Some(value) = value else {
                        let shown = String::from_utf8_lossy(raw);
                        self.diag(
                            ln,
                            name,
                            Severity::Error,
                            format!("malformed checksum \"{shown}\""),
                        );
                        return None;
                    };
                    match self.checksum {
                        Checksum::Running(crc) => {
                            let computed = crc.value();
                            if computed != value {
                                let hint = match self.encoding {
                                    Some(e) if e != Encoding::Cp437 => format!(
                                        " (the file is {}, the checksum is defined on cp437 bytes)",
                                        e.name()
                                    ),
                                    _ => String::new(),
                                };
                                self.diag(ln, name, Severity::Error, format!("checksum mismatch: the file says {value}, the content gives {computed}{hint}"));
                            }
                        }
                        Checksum::Off => self.diag(
                            ln,
                            name,
                            Severity::Warning,
                            "closing #KSUMMA without an opening one".to_owned(),
                        ),
                        Checksum::Done => {}
                    }
                    self.checksum = Checksum::Done;
                    Record::Checksum(Some(value))
                }
            }
            Label::Trans | Label::Rtrans | Label::Btrans => return None,
        };
        if !matches!(
            label,
            Label::Program | Label::Adress | Label::Orgnr | Label::Gen | Label::Ver
        ) {
            self.extra(cur, ln, name);
        }
        Some(rec)
    }

    fn finish(&mut self, last_line: u64) {
        if self.finished {
            return;
        }
        if let Some(v) = self.voucher.take() {
            let msg = format!(
                "file ends inside voucher {} {} (no closing }}): the file looks truncated",
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
                "file ends without the closing #KSUMMA: the file looks truncated".to_owned(),
            );
        }
        for (i, r) in self.repeats.iter().enumerate() {
            if r.0 > 1 && i != Repeat::UnknownLabel as usize {
                let msg = format!("{} (on {} more lines after line {})", r.3, r.0 - 1, r.1);
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

    fn seen(&self, l: Label) -> bool {
        self.counts.get(l as usize).is_some_and(|&c| c > 0)
    }

    fn check_types(&mut self) {
        if self.records == 0 {
            self.diags.push(Diagnostic {
                line: 0,
                label: String::new(),
                severity: Severity::Error,
                message: "no sie records found".to_owned(),
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
                    "{} missing; it is mandatory in type {type_name} files",
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
                message: "no #RAR for the current year (year index 0)".to_owned(),
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
                    "{n} {} records, which type {type_name} files may not contain",
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

#[cfg(test)]
mod tests {
    use super::*;

    fn read(file: &[u8], plain_rows: bool) -> (Vec<Record>, Vec<Diagnostic>) {
        let mut reader = Reader::new(file);
        reader.st.plain_rows = plain_rows;
        let records = reader.by_ref().collect::<Result<Vec<_>, _>>().unwrap();
        (records, reader.take_diagnostics())
    }

    /// Rows read straight from the line give the same records and diagnostics as rows
    /// read from tokens, for plain rows and for every near miss.
    #[test]
    fn plain_rows_read_as_tokenized_rows() {
        let rows: &[&[u8]] = &[
            b"#TRANS 3010 {1 \"1176\" 20 \"388\"} 11791.77 20251022 \"St\x84dning skolor\"",
            b"#TRANS 1930 {} -17236.82 \"\" \"\x8eldreomsorg\"",
            b"#TRANS 1930 {} -0.00",
            b"#TRANS 1930 {} 5 20250101",
            b"#TRANS\t1930\t{ 1  \" 7 \" }\t5.5  20250101 \"  x  \"  ",
            b"#TRANS 1930 {1 7 20 abc} 5",
            b"#TRANS 1930 {1 {7} 5",
            b"#TRANS 1930 {1 \"7\"20 \"8\"} 5",
            b"#TRANS 1930 {1} 5",
            b"#TRANS 1930 {\"1\" \"7\"} 5",
            b"#TRANS 1930 {1 \"7} 5",
            b"#TRANS 1930 {1 \"7\\\"\"} 5",
            b"#TRANS 1930 {1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18} 5",
            b"#TRANS 1930 {1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16} 5",
            b"#TRANS 1930 {1234567890 7} 5",
            b"#TRANS 1930 5",
            b"#TRANS \"1930\" {} 5",
            b"#TRANS 1930 {} +5",
            b"#TRANS 1930 {} 5,5",
            b"#TRANS 1930 {} 5.555",
            b"#TRANS 1930 {} x",
            b"#TRANS 1930 {} 5 00000000",
            b"#TRANS 1930 {} 5 2025-01-01",
            b"#TRANS 1930 {} 5 20250230",
            b"#TRANS 1930 {} 5 \"20250101\"",
            b"#TRANS 1930 {} 5 \"\"\"t\"",
            b"#TRANS 1930 {} 5 20250101 text",
            b"#TRANS 1930 {} 5 20250101 \"t\" 2",
            b"#TRANS 1930 {} 5 20250101 \"t\" 2 \"sign\"",
            b"#TRANS 1930 {} 5 20250101 \"t\"x",
            b"#TRANS 1930 {} 5 20250101 \"a \\\"b\\\"\"",
            b"#TRANS 1930 {} 5 20250101 \"a\x01b\"",
            b"#TRANS 1930 {} 5 20250101 \"open",
            b"#TRANS 1930 {}",
            b"#TRANS",
            b"#TRANSX 1930 {} 5",
            b"#trans 1930 {} 5",
            b"#RTRANS 1930 {} 5",
            b"#TRANS 1930 {} 5",
            b"#BTRANS 1930 {} 5",
        ];
        for row in rows {
            for head in [&b"#VER A 1 20250101 \"v\"\n{\n"[..], b"#VER A 1 20250101\n"] {
                let mut file = b"#FLAGGA 0\n#SIETYP 4\n".to_vec();
                file.extend_from_slice(head);
                file.extend_from_slice(row);
                file.extend_from_slice(b"\n#TRANS 2440 {} -5\n}\n");
                let fast = read(&file, true);
                let slow = read(&file, false);
                assert_eq!(fast, slow, "{}", String::from_utf8_lossy(row));
                // The byte-path sums read plain rows the same way too (other labels
                // end a voucher there: not compared).
                if !row.starts_with(b"#TRANS ") && !row.starts_with(b"#TRANS\t") {
                    continue;
                }
                let mut totals = super::super::Totals::default();
                for r in &fast.0 {
                    totals.add(r);
                }
                let sums = super::super::sum_transactions(&file[..], None).unwrap();
                assert_eq!(
                    sums.by_account,
                    totals.by_account,
                    "{}",
                    String::from_utf8_lossy(row)
                );
                assert_eq!(
                    sums.by_object,
                    totals.by_object,
                    "{}",
                    String::from_utf8_lossy(row)
                );
            }
        }
        let vers: &[&[u8]] = &[
            b"#VER A 1 20250101 \"v\"",
            b"#VER A 1 20250101",
            b"#VER \"A\" \"1\" 20250101 \"\x8eldre\" 20250102 \"Anna \x8fberg\"",
            b"#VER A 1 20250101 \"v\" \"\" \"sign\"",
            b"#VER A 1 20250101 \"v\" 20250102",
            b"#VER\tA\t1\t20250101\t\" t \"  ",
            b"#VER \"\" \"\" 20250101",
            b"#VER A 1",
            b"#VER A",
            b"#VER",
            b"#VER A 1 00000000 \"v\"",
            b"#VER A 1 2025-01-01 \"v\"",
            b"#VER A 1 20250230 \"v\"",
            b"#VER A 1 \"\" \"v\"",
            b"#VER A 1 \"20250101\" \"v\"",
            b"#VER A 1 20250101 \"v\" 20250230",
            b"#VER A 1 20250101 \"v\" 00000000",
            b"#VER A 1 20250101 \"v\" \"x\"",
            b"#VER A 1 20250101 \"v\" 20250101 \"s\" extra",
            b"#VER A 1 20250101 \"a \\\"b\\\"\"",
            b"#VER A 1 20250101 \"open",
            b"#VER A 1 20250101 v w x",
            b"#VER A 1 20250101 \"v\"x",
            b"#VER A 1 20250101 \"\"\"\"",
            b"#VER A 1 20250101 \"\"\"",
            b"#VER A {1} 20250101",
            b"#VER A 1 20250101 \"a\x01b\"",
            b"#VERX A 1 20250101",
            b"#ver A 1 20250101",
        ];
        for ver in vers {
            let mut file = b"#FLAGGA 0\n#SIETYP 4\n".to_vec();
            for (n, close) in [(1, true), (2, false), (3, true)] {
                file.extend_from_slice(ver);
                file.extend_from_slice(
                    format!("\n{{\n#TRANS 1930 {{}} {n}\n#TRANS 2440 {{}} -{n}\n").as_bytes(),
                );
                if close {
                    file.extend_from_slice(b"}\n");
                }
            }
            let fast = read(&file, true);
            let slow = read(&file, false);
            assert_eq!(fast, slow, "{}", String::from_utf8_lossy(ver));
        }
        // A #VER as the first record is read the usual way (it draws a warning).
        assert_eq!(
            read(b"#VER A 1 20250101\n", true),
            read(b"#VER A 1 20250101\n", false)
        );
        // Both ways read the voucher: the test compares real rows.
        let (records, diags) = read(
            b"#FLAGGA 0\n#VER A 1 20250101\n{\n#TRANS 1930 {1 \"7\"} 5\n#TRANS 2440 {} -5\n}\n",
            true,
        );
        assert!(diags.iter().all(|d| d.line < 3), "{diags:?}");
        let Some(Record::Voucher(v)) = records.get(1) else {
            panic!("{records:?}")
        };
        assert_eq!(v.rows.len(), 2);
        assert_eq!(v.rows[0].objects[0].object, "7");
        assert_eq!(v.rows[0].amount, Decimal::new(5, 0));
    }
}
