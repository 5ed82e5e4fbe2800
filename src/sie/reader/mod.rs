//! The typed, diagnosing reader.

use std::collections::{HashMap, VecDeque};
use std::io::Read;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::crc::Crc32;
use super::diagnostic::{Diagnostic, ReadError, ReadOptions, Severity};
use super::encoding::{Encoding, decode_plain_into, detect_encoding};
use super::lexer::{
    DETECT_SAMPLE, LineEvent, Lines, PlainRow, PlainVer, Tok, TokKind, scan_plain_row,
    scan_plain_ver, scan_spaced_row_at, scan_spaced_ver_at, unescape,
};
use super::record::{
    AccountKind, Balance, ObjectRef, PeriodAmount, Record, Row, Voucher, VoucherRowKind,
};
use super::value::{
    DateParse, YearMonth, is_account_number, parse_amount, parse_date, parse_plain_amount,
};
pub(crate) use parallel::{Paused, Step, head_end, part_taken, read_stretch, tail_start};
pub use parallel_reader::{ParallelReader, read_records_parallel};
pub(crate) use sums::{KeyText, PlainSums, SumCell, digit_key, key_text};

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
/// specification's, and its message with figures and quoted values left out. A figure
/// is a run of digits with what Swedish formatting puts in it: a leading minus sign
/// (`−` or `-`) and a space, non-breaking space, comma or point between digits, so
/// "differens −1 234,50 kr" and "differens 5 kr" are one kind.
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
    let mut figure = false;
    let mut chars = message.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '"' {
            quoted = !quoted;
            figure = false;
            mix(b'"');
            continue;
        }
        if quoted {
            continue;
        }
        let digit_next = chars.peek().is_some_and(char::is_ascii_digit);
        let sign = !figure && digit_next && matches!(c, '\u{2212}' | '-');
        let separator =
            figure && digit_next && matches!(c, ' ' | '\u{a0}' | '\u{202f}' | ',' | '.');
        if c.is_ascii_digit() || sign {
            if !figure {
                mix(b'0');
            }
            figure = true;
        } else if !separator {
            figure = false;
            let mut buf = [0u8; 4];
            c.encode_utf8(&mut buf).bytes().for_each(&mut mix);
        }
    }
    h
}

/// An amount of the file for a message, in Swedish form with its unit: `−1 234,5 kr`.
fn kr(amount: Decimal) -> String {
    let d = amount.normalize();
    format!(
        "{}\u{a0}kr",
        crate::NumberFormat::swedish()
            .with_decimals(d.scale())
            .decimal(d)
    )
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
#[inline(always)]
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
    /// Rows added to [`State::sums`] in summing mode instead of being built.
    summed_rows: u64,
    /// Their amounts' sum in öre (for the balance check).
    summed_ore: i128,
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
/// Most object references kept from truncated object lists, for the next rows.
const SPARE_OBJECTS: usize = 256;
/// Most vouchers kept for reuse: one for a reading in order, which gives each back
/// before the next is read; as many as a stretch holds for [`ParallelReader`], which
/// hands a stretch's vouchers back together.
const SPARE_VOUCHERS: usize = 8192;

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
    /// The plausible dates read as `YYYYMMDD` ([`State::plain_date`]).
    dates: dates::DateCache,
    /// A voucher given back with [`Reader::recycle`], refilled in place.
    spare: Option<Voucher>,
    /// More vouchers given back before the next is read (at most [`SPARE_VOUCHERS`]).
    pool: Vec<Voucher>,
    /// Rows left over from recycled vouchers.
    spare_rows: Vec<Row>,
    /// Object references cut from rows' object lists, their strings reused.
    spare_objects: Vec<ObjectRef>,
    vouchers: u64,
    rows: u64,
    /// Read plain `#TRANS` rows and `#VER` lines without a token list, and the commonest
    /// voucher lines from the bytes ahead ([`Reader::line_ahead`]); off only in tests,
    /// to compare.
    plain_rows: bool,
    /// Decode printable and single-byte texts on the fast path (off only in tests, to
    /// compare with the general decoding).
    fast_texts: bool,
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
    /// Summing mode ([`Reader::sum_plain_rows`]): plain rows are summed here.
    sums: Option<Box<PlainSums>>,
    /// A diagnostic names a line in its text (not only in its `line`): a stretch read
    /// apart with it, numbered from its own first line, is read again in order
    /// ([`Paused::can_absorb`]).
    lines_in_messages: bool,
}

impl State {
    /// The state before the first line of a file read with `opts`.
    fn new(opts: ReadOptions) -> Self {
        State {
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
            dates: dates::DateCache::default(),
            spare: None,
            pool: Vec::new(),
            spare_rows: Vec::new(),
            spare_objects: Vec::new(),
            vouchers: 0,
            rows: 0,
            plain_rows: true,
            fast_texts: true,
            plain: PlainRow::EMPTY,
            plain_ver: PlainVer::EMPTY,
            kinds: Vec::new(),
            kind_index: HashMap::new(),
            unkinded: (0, Severity::Notice),
            pending_reject: None,
            rar0: None,
            stated: HashMap::new(),
            sums: None,
            lines_in_messages: false,
        }
    }
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
/// assert_eq!(
///     unbalanced.message,
///     "verifikation A 1 daterad 2025-01-01 balanserar inte: differens 10\u{a0}kr"
/// );
/// # Ok::<(), kommunal_redovisning::sie::ReadError>(())
/// ```
#[doc(alias = "läsare")]
#[doc(alias = "SIE-fil")]
pub struct Reader<R> {
    lines: Lines<R>,
    st: State,
    /// Reading one stretch of a file ([`Reader::resume`]): the end of the source is not
    /// the end of the file, so nothing is concluded there.
    stretch: bool,
    /// For a stretch read from a seed on another thread: where the seed started.
    seeded: Option<Box<parallel::Seed>>,
}

impl<R: Read> Reader<R> {
    /// A reader with the default [`ReadOptions`]. `R` is any byte source: a `&[u8]`, a
    /// `BufReader<File>`, stdin.
    ///
    /// ```
    /// use std::{fs::File, io::BufReader};
    /// use kommunal_redovisning::sie::{Reader, Record};
    ///
    /// // The crate's made-up example ledger (every amount invented), read as a stream.
    /// let file = File::open(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/exempelkommun.se"))?;
    /// let mut reader = Reader::new(BufReader::new(file));
    /// let mut name = None;
    /// while let Some(record) = reader.next_record()? {
    ///     if let Record::CompanyName(n) = &record {
    ///         name = Some(n.clone());
    ///     }
    ///     reader.recycle(record);
    /// }
    /// assert_eq!(name.as_deref(), Some("Exempelkommunen (påhittad)"));
    /// assert_eq!((reader.sie_type(), reader.counts().1), (Some(4), 42)); // 42 vouchers
    /// assert!(reader.diagnostics().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(source: R) -> Self {
        Self::with_options(source, ReadOptions::default())
    }

    /// A reader with the given options.
    ///
    /// ```
    /// use kommunal_redovisning::sie::{ReadError, ReadOptions, Reader, Record, Severity};
    ///
    /// // A made-up file with a row whose account is no number (line 5): it fits no statement line.
    /// let file = b"#FLAGGA 0\n#SIETYP 4\n#VER A 1 20250101\n{\n#TRANS 19x0 {} 100\n#TRANS 1930 {} -100\n}\n";
    /// // Read tolerantly, the problem is a diagnostic ...
    /// let mut tolerant = Reader::new(&file[..]);
    /// let records: Vec<Record> = tolerant.by_ref().collect::<Result<_, _>>()?;
    /// assert!(matches!(records.last(), Some(Record::Voucher(v)) if v.rows[0].account == "19x0"));
    /// assert!(tolerant.diagnostics().iter().any(|d| d.line == 5 && d.severity == Severity::Error));
    /// // ... read strictly, it stops the reader.
    /// let strict = Reader::with_options(&file[..], ReadOptions::default().fail_on(Severity::Error));
    /// let read: Result<Vec<Record>, ReadError> = strict.collect();
    /// assert!(matches!(read, Err(ReadError::Rejected(d)) if d.line == 5));
    /// # Ok::<(), ReadError>(())
    /// ```
    pub fn with_options(source: R, opts: ReadOptions) -> Self {
        let max = opts.max_line_length;
        let mut lines = Lines::new(source, max);
        lines.tokenize = false;
        Reader {
            lines,
            st: State::new(opts),
            stretch: false,
            seeded: None,
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

    /// Summing mode (for [`crate::ledger::SieLedger`]): plain voucher rows whose account
    /// and objects are digit strings are summed per account and per (dimension, object,
    /// account) instead of being built; a voucher whose rows were all summed is not
    /// handed out, and the texts of vouchers (`#VER`'s text and signature) are not
    /// decoded. Diagnostics are exactly those of an ordinary reading.
    pub(crate) fn sum_plain_rows(&mut self) {
        if self.st.sums.is_none() {
            self.st.sums = Some(Box::default());
        }
    }

    /// The sums of summing mode, once the file is read.
    pub(crate) fn take_plain_sums(&mut self) -> Option<Box<PlainSums>> {
        self.st.sums.take()
    }

    /// Gives a record back to the reader so that the next voucher reuses its
    /// allocations (strings, rows, object lists): reading then allocates almost nothing
    /// per voucher. Records other than vouchers are simply dropped. Vouchers given back
    /// together (up to 8 192) are all kept, one for each of the next vouchers.
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
        self.st.give_back(record);
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
            if self.line_ahead() {
                continue;
            }
            let event = self.lines.advance().map_err(|source| ReadError::Io {
                line: self.lines.line_no,
                source,
            })?;
            match event {
                LineEvent::Line => {
                    let ln = self.lines.line_no;
                    if self.st.encoding.is_none() && !self.lines.line().is_ascii() {
                        // The encoding may be detected on this line: from the whole
                        // sample, whatever the source's reads gave so far.
                        self.lines
                            .lookahead(DETECT_SAMPLE)
                            .map_err(|source| ReadError::Io { line: ln, source })?;
                    }
                    if self.lines.no_line_end {
                        let last = trim(self.lines.line());
                        if last == b"}" || last.is_empty() {
                            self.st.diag(
                                ln,
                                "",
                                Severity::Notice,
                                "sista raden saknar radslut".into(),
                            );
                        } else {
                            self.st.diag(
                                ln,
                                "",
                                Severity::Error,
                                "sista raden saknar radslut: filen ser avkortad ut, \
                                 dess sista post kan vara avkapad"
                                    .into(),
                            );
                        }
                    }
                    if ln == 1 && self.lines.bom {
                        self.st.diag(
                            ln,
                            "",
                            Severity::Notice,
                            "filen börjar med en utf-8-byteordningsmarkering; läses som utf-8"
                                .into(),
                        );
                        if self.st.encoding.is_none() {
                            self.st.encoding = Some(Encoding::Utf8);
                            self.st.encoding_noted = true;
                        }
                    }
                    // A voucher's braces and the commonest row are read without
                    // tokenizing; anything else is tokenized and read field by field.
                    let line = self.lines.line();
                    // The sample for encoding detection is read only while the encoding
                    // is open (State::ensure_encoding); once it is settled, the line
                    // stands in for it.
                    let window = if self.st.encoding.is_some() {
                        line
                    } else {
                        self.lines.window()
                    };
                    let brace = match line {
                        b"{" => Some(TokKind::Open),
                        b"}" => Some(TokKind::Close),
                        _ => None,
                    };
                    if let Some(kind) = brace {
                        let toks = [Tok::new(0, 1, kind)];
                        self.st.line(ln, line, &toks, window);
                        continue;
                    }
                    // A `#VER` line is never a plain row (State::plain_row reads only
                    // `#TRANS` lines): it goes to the voucher lane straight away.
                    let plain = if line.starts_with(b"#VER") {
                        self.st.plain_ver(ln, line, window)
                    } else {
                        self.st.plain_row(ln, line, window) || self.st.plain_ver(ln, line, window)
                    };
                    if !plain {
                        self.tokenized();
                    }
                }
                LineEvent::Overlong => {
                    let ln = self.lines.line_no;
                    let msg = format!(
                        "rad längre än {} byte hoppas över",
                        self.st.opts.max_line_length
                    );
                    self.st.diag(ln, "", Severity::Error, msg);
                }
                LineEvent::Eof if self.stretch => return Ok(None),
                LineEvent::Eof => self.st.finish(self.lines.line_no),
            }
        }
    }
}

impl<R: Read> Reader<R> {
    /// The commonest lines of a voucher (a brace alone, a row of an open voucher, a
    /// voucher line), split from the bytes ahead without a search for their line end
    /// first, and read as the line by line reading in [`Reader::next_record`] reads
    /// them: true when the next line was read so.
    ///
    /// The arms for rows and voucher lines are written out alike on purpose: merged
    /// (one take and one fallback after the match), the typed reading cost 1–2 % more
    /// instructions (807,6 M and 815,3 M against 797,9 M on 100 000 vouchers).
    #[inline(always)]
    fn line_ahead(&mut self) -> bool {
        let Some(rest) = self.lines.ahead() else {
            return false;
        };
        match rest {
            [b'{' | b'}', b'\n', ..] if self.st.plain_rows => {
                let kind = if rest.first() == Some(&b'{') {
                    TokKind::Open
                } else {
                    TokKind::Close
                };
                if !self.lines.take_line(1) {
                    return false;
                }
                let ln = self.lines.line_no;
                let line = self.lines.line();
                let window = if self.st.encoding.is_some() {
                    line
                } else {
                    self.lines.window()
                };
                self.st.line(ln, line, &[Tok::new(0, 1, kind)], window);
                true
            }
            [b'#', b'T', ..] if self.st.row_ahead() => {
                let Some(len) = scan_spaced_row_at(rest, &mut self.st.plain) else {
                    return false;
                };
                if !self.lines.take_line(len) {
                    return false;
                }
                let (ln, line) = (self.lines.line_no, self.lines.line());
                if !self.st.scanned_row(ln, line, line) {
                    self.tokenized();
                }
                true
            }
            [b'#', b'V', ..] if self.st.encoding.is_some() && self.st.ver_ahead() => {
                let Some(len) = scan_spaced_ver_at(rest, &mut self.st.plain_ver) else {
                    return false;
                };
                if !self.lines.take_line(len) {
                    return false;
                }
                let (ln, line) = (self.lines.line_no, self.lines.line());
                if !self.st.scanned_ver(ln, line, line) {
                    self.tokenized();
                }
                true
            }
            _ => false,
        }
    }

    /// Tokenizes the current line and reads it field by field.
    fn tokenized(&mut self) {
        self.lines.tokenize_line();
        let ln = self.lines.line_no;
        let line = self.lines.line();
        let window = if self.st.encoding.is_some() {
            line
        } else {
            self.lines.window()
        };
        let toks = self.lines.toks.as_slice();
        let unterminated = self.lines.unterminated;
        self.st.tokenized_line(ln, line, toks, unterminated, window);
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

mod block;
mod dates;
mod fields;
mod finish;
mod lines;
mod parallel;
mod parallel_reader;
mod records;
mod scan;
mod state;
mod sums;
mod voucher;

#[cfg(test)]
mod tests;
