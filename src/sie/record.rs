//! The typed records (poster) of an SIE file.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::value::YearMonth;

#[cfg(feature = "serde")]
use super::serde_decimal;

/// Objektreferens: one (dimension, object) pair of an object list, e.g. `{"1" "456"}`
/// = object 456 in dimension 1 (kostnadsställe).
///
/// ```
/// use kommunal_redovisning::sie::{ObjectRef, Reader, Record};
///
/// // A made-up row booked on kostnadsställe 110 and projekt P7.
/// let file = b"#VER A 1 20250101\n{\n#TRANS 5010 {1 \"110\" 6 \"P7\"} 100\n#TRANS 1930 {} -100\n}\n";
/// let Some(Record::Voucher(v)) = Reader::new(&file[..]).next_record()? else {
///     return Err("no voucher".into());
/// };
/// let cost_centre = ObjectRef { dimension: 1, object: "110".into() };
/// assert_eq!(v.rows[0].objects, [cost_centre, ObjectRef { dimension: 6, object: "P7".into() }]);
/// assert!(v.rows[1].objects.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "objekt")]
#[doc(alias = "objektlista")]
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ObjectRef {
    /// Dimensionsnummer: 1 kostnadsställe, 2 kostnadsbärare, 6 projekt, 20+ free.
    pub dimension: u32,
    /// Objektnummer within the dimension.
    pub object: String,
}

/// Kontotyp (`#KTYP`): T tillgång, S skuld, K kostnad, I intäkt.
///
/// ```
/// use kommunal_redovisning::sie::{AccountKind, Reader, Record};
///
/// let file = b"#KTYP 1930 T\n#KTYP 3010 I\n";
/// let kinds: Vec<Record> = Reader::new(&file[..]).collect::<Result<_, _>>()?;
/// assert_eq!(kinds[0], Record::AccountType { account: "1930".into(), kind: Some(AccountKind::Asset) });
/// assert_eq!(kinds[1], Record::AccountType { account: "3010".into(), kind: Some(AccountKind::Income) });
/// assert_eq!(AccountKind::from_letter("k"), Some(AccountKind::Cost));
/// assert_eq!(AccountKind::Liability.letter(), 'S');
/// # Ok::<(), kommunal_redovisning::sie::ReadError>(())
/// ```
#[doc(alias = "kontotyp")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum AccountKind {
    /// T: tillgång (asset).
    Asset,
    /// S: skuld (liability or equity).
    Liability,
    /// K: kostnad (cost).
    Cost,
    /// I: intäkt (income).
    Income,
}

impl AccountKind {
    /// The letter SIE uses.
    #[must_use]
    pub fn letter(self) -> char {
        match self {
            AccountKind::Asset => 'T',
            AccountKind::Liability => 'S',
            AccountKind::Cost => 'K',
            AccountKind::Income => 'I',
        }
    }

    /// Parses the SIE letter (case-insensitive).
    ///
    /// ```
    /// use kommunal_redovisning::sie::AccountKind;
    ///
    /// assert_eq!(AccountKind::from_letter("T"), Some(AccountKind::Asset));
    /// assert_eq!(AccountKind::from_letter("i"), Some(AccountKind::Income));
    /// assert_eq!(AccountKind::from_letter("X"), None); // the reader reports such a #KTYP
    /// ```
    #[must_use]
    pub fn from_letter(s: &str) -> Option<AccountKind> {
        match s {
            "T" | "t" => Some(AccountKind::Asset),
            "S" | "s" => Some(AccountKind::Liability),
            "K" | "k" => Some(AccountKind::Cost),
            "I" | "i" => Some(AccountKind::Income),
            _ => None,
        }
    }
}

/// Saldo: a balance post (`#IB`, `#UB`, `#RES`, and with objects `#OIB`, `#OUB`).
///
/// Amounts are debit-positive, credit-negative, as in the file.
///
/// ```
/// use kommunal_redovisning::Decimal;
/// use kommunal_redovisning::sie::{Balance, Reader, Record};
///
/// // A made-up opening balance of 1 500,00 kr on the bank account, this year.
/// let file = b"#IB 0 1930 1500.00\n";
/// let records: Vec<Record> = Reader::new(&file[..]).collect::<Result<_, _>>()?;
/// let opening = Balance {
///     year: 0,
///     account: "1930".into(),
///     objects: vec![],
///     amount: Decimal::new(1500_00, 2),
///     quantity: None,
/// };
/// assert_eq!(records, [Record::OpeningBalance(opening)]);
/// # Ok::<(), kommunal_redovisning::sie::ReadError>(())
/// ```
#[doc(alias = "saldo")]
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Balance {
    /// Årsnr: 0 the current financial year, −1 the previous one, and so on.
    pub year: i32,
    /// Kontonummer.
    pub account: String,
    /// Object list; empty for `#IB`, `#UB` and `#RES`.
    pub objects: Vec<ObjectRef>,
    /// Saldo (debit positive).
    #[cfg_attr(feature = "serde", serde(with = "serde_decimal"))]
    pub amount: Decimal,
    /// Kvantitet, if given.
    #[cfg_attr(feature = "serde", serde(with = "serde_decimal::option"))]
    pub quantity: Option<Decimal>,
}

/// Periodsaldo or periodbudget (`#PSALDO`, `#PBUDGET`): the change of an account (or an
/// account and object) in one calendar month.
///
/// ```
/// use kommunal_redovisning::Decimal;
/// use kommunal_redovisning::sie::{Reader, Record, YearMonth};
///
/// // A made-up budget: 2 500 kr of costs on account 5010 in June 2025.
/// let file = b"#PBUDGET 0 202506 5010 {} 2500\n";
/// let Some(Record::PeriodBudget(budget)) = Reader::new(&file[..]).next_record()? else {
///     return Err("no #PBUDGET".into());
/// };
/// assert_eq!(budget.period, YearMonth { year: 2025, month: 6 });
/// assert_eq!((budget.account.as_str(), budget.amount), ("5010", Decimal::from(2500)));
/// assert!(budget.objects.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "periodsaldo")]
#[doc(alias = "periodbudget")]
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PeriodAmount {
    /// Årsnr: 0 the current financial year, −1 the previous one.
    pub year: i32,
    /// Period (calendar year and month).
    pub period: YearMonth,
    /// Kontonummer.
    pub account: String,
    /// Object list; empty for the whole account.
    pub objects: Vec<ObjectRef>,
    /// The month's change (debit positive).
    #[cfg_attr(feature = "serde", serde(with = "serde_decimal"))]
    pub amount: Decimal,
    /// Kvantitet, if given.
    #[cfg_attr(feature = "serde", serde(with = "serde_decimal::option"))]
    pub quantity: Option<Decimal>,
}

/// Radtyp: what kind of voucher row (`#TRANS`, `#RTRANS`, `#BTRANS`).
///
/// ```
/// use kommunal_redovisning::sie::{Reader, Record, VoucherRowKind};
///
/// // A made-up voucher: 100 kr booked on 5010 was struck and booked again on 5020.
/// let file = b"#VER A 1 20250101\n{\n#TRANS 1930 {} -100\n#BTRANS 5010 {} 100\n\
///              #RTRANS 5020 {} 100\n#TRANS 5020 {} 100\n}\n";
/// let Some(Record::Voucher(v)) = Reader::new(&file[..]).next_record()? else {
///     return Err("no voucher".into());
/// };
/// let kinds: Vec<VoucherRowKind> = v.rows.iter().map(|r| r.kind).collect();
/// // The #TRANS repeating the #RTRANS is not a row of its own.
/// assert_eq!(kinds, [VoucherRowKind::Normal, VoucherRowKind::Removed, VoucherRowKind::Added]);
/// assert!(!VoucherRowKind::Removed.counts());
/// assert!(v.balance().is_zero());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "transaktion")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum VoucherRowKind {
    /// `#TRANS`: an ordinary row.
    Normal,
    /// `#RTRANS`: a row added after the voucher was first registered (its duplicate
    /// `#TRANS` in the file is skipped by the reader). Counted.
    Added,
    /// `#BTRANS`: a struck (removed) row, kept for the audit trail. Never counted.
    Removed,
}

impl VoucherRowKind {
    /// The SIE label of this kind of row.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            VoucherRowKind::Normal => "#TRANS",
            VoucherRowKind::Added => "#RTRANS",
            VoucherRowKind::Removed => "#BTRANS",
        }
    }

    /// Whether rows of this kind count towards balances (everything except struck rows).
    #[must_use]
    pub fn counts(self) -> bool {
        !matches!(self, VoucherRowKind::Removed)
    }
}

/// Transaktion: one row of a voucher (`#TRANS`, `#RTRANS` or `#BTRANS`).
///
/// ```
/// use kommunal_redovisning::{Decimal, NaiveDate};
/// use kommunal_redovisning::sie::{Reader, Record, VoucherRowKind};
///
/// // A made-up row with its own date, text and quantity (3 hours).
/// let file = b"#VER A 1 20250101\n{\n#TRANS 5010 {} 750.50 20250103 \"Konsult\" 3\n#TRANS 1930 {} -750.50\n}\n";
/// let Some(Record::Voucher(v)) = Reader::new(&file[..]).next_record()? else {
///     return Err("no voucher".into());
/// };
/// let row = &v.rows[0];
/// assert_eq!((row.kind, row.account.as_str()), (VoucherRowKind::Normal, "5010"));
/// assert_eq!(row.amount, Decimal::new(750_50, 2));
/// assert_eq!(row.date, NaiveDate::from_ymd_opt(2025, 1, 3));
/// assert_eq!((row.text.as_str(), row.quantity), ("Konsult", Some(Decimal::from(3))));
/// assert_eq!(v.rows[1].date, None); // the voucher's date applies
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "transaktion")]
#[doc(alias = "verifikationsrad")]
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Row {
    /// Ordinary, added or struck.
    pub kind: VoucherRowKind,
    /// Kontonummer.
    pub account: String,
    /// Objektlista.
    pub objects: Vec<ObjectRef>,
    /// Belopp (debit positive).
    #[cfg_attr(feature = "serde", serde(with = "serde_decimal"))]
    pub amount: Decimal,
    /// Transdat; `None` means the voucher's date.
    pub date: Option<NaiveDate>,
    /// Transtext; empty when absent.
    pub text: String,
    /// Kvantitet, if given.
    #[cfg_attr(feature = "serde", serde(with = "serde_decimal::option"))]
    pub quantity: Option<Decimal>,
    /// Sign (signature); empty when absent.
    pub signature: String,
}

/// Verifikation (`#VER` with its rows in `{ … }`).
///
/// ```
/// use kommunal_redovisning::NaiveDate;
/// use kommunal_redovisning::sie::{Reader, Record};
///
/// // A made-up voucher: a rent of 100 kr paid from the bank account.
/// let file = b"#VER A 17 20250131 \"Hyra januari\" 20250202\n{\n#TRANS 5010 {} 100\n#TRANS 1930 {} -100\n}\n";
/// let Some(Record::Voucher(v)) = Reader::new(&file[..]).next_record()? else {
///     return Err("no voucher".into());
/// };
/// assert_eq!((v.series.as_str(), v.number.as_str(), v.text.as_str()), ("A", "17", "Hyra januari"));
/// assert_eq!(v.date, NaiveDate::from_ymd_opt(2025, 1, 31));
/// assert_eq!(v.registered, NaiveDate::from_ymd_opt(2025, 2, 2));
/// assert_eq!(v.rows.len(), 2);
/// assert!(v.balance().is_zero());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "verifikation")]
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Voucher {
    /// Serie (e.g. `A`); may be empty in 4I files.
    pub series: String,
    /// Verifikationsnummer; may be empty in 4I files.
    pub number: String,
    /// Verdatum; `None` when the file gives no valid date.
    pub date: Option<NaiveDate>,
    /// Vertext; empty when absent.
    pub text: String,
    /// Regdatum (registration date), if given.
    pub registered: Option<NaiveDate>,
    /// Sign (signature); empty when absent.
    pub signature: String,
    /// The rows, in file order (the duplicate `#TRANS` after each `#RTRANS` omitted).
    pub rows: Vec<Row>,
}

impl Voucher {
    /// The sum of the counted rows (`#TRANS` and `#RTRANS`); zero for a balanced voucher.
    ///
    /// ```
    /// use kommunal_redovisning::sie::Voucher;
    /// let v = Voucher {
    ///     series: "A".into(), number: "1".into(), date: None, text: String::new(),
    ///     registered: None, signature: String::new(), rows: vec![],
    /// };
    /// assert!(v.balance().is_zero());
    /// ```
    #[must_use]
    pub fn balance(&self) -> Decimal {
        self.rows
            .iter()
            .filter(|r| r.kind.counts())
            .fold(Decimal::ZERO, |acc, r| acc.saturating_add(r.amount))
    }
}

/// Post: one typed record of an SIE file.
///
/// Every label the SIE 4B/4C specification defines has a variant; anything else is
/// [`Record::Unknown`]. Texts are decoded and trimmed; optional texts that are absent are
/// empty strings.
///
/// ```
/// use kommunal_redovisning::sie::{Reader, Record};
///
/// // The head of a made-up SIE 4 file.
/// let file = b"#FLAGGA 0\n#SIETYP 4\n#FNAMN \"Kommunalf\x94rbundet Lystkom\"\n#KONTO 1930 \"Bank\"\n#EGEN x\n";
/// let records: Vec<Record> = Reader::new(&file[..]).collect::<Result<_, _>>()?;
/// assert_eq!(records[0], Record::Flag(0));
/// assert_eq!(records[1], Record::SieType(4));
/// assert_eq!(records[2], Record::CompanyName("Kommunalförbundet Lystkom".into()));
/// assert_eq!(records[3], Record::Account { number: "1930".into(), name: "Bank".into() });
/// assert_eq!(records[4].label(), "#EGEN"); // kept as Record::Unknown
/// # Ok::<(), kommunal_redovisning::sie::ReadError>(())
/// ```
#[doc(alias = "post")]
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum Record {
    /// `#FLAGGA`: 0 when written, 1 after an accumulating import.
    Flag(u8),
    /// `#PROGRAM`: the program that wrote the file.
    Program {
        /// Program name.
        name: String,
        /// Program version.
        version: String,
    },
    /// `#FORMAT`: the character set; `PC8` is the only value allowed.
    Format(String),
    /// `#GEN`: when (and by whom) the file was generated.
    Generated {
        /// Generation date.
        date: Option<NaiveDate>,
        /// Signature; empty when absent.
        signature: String,
    },
    /// `#SIETYP`: file type 1–4.
    SieType(u8),
    /// `#PROSA`: free text.
    Prose(String),
    /// `#FTYP`: företagstyp (AB, E, HB, KB, EK, …).
    CompanyType(String),
    /// `#FNR`: the company's id in the exporting program.
    CompanyId(String),
    /// `#ORGNR`: organisationsnummer, with förvärvsnummer and verksamhetsnummer.
    OrganisationNumber {
        /// Organisationsnummer, e.g. `212000-1234`.
        number: String,
        /// Förvärvsnummer; empty when absent.
        acquisition: String,
        /// Verksamhetsnummer; empty when absent.
        activity: String,
    },
    /// `#ADRESS`: contact, street address, postal address, telephone.
    Address {
        /// Kontaktperson.
        contact: String,
        /// Utdelningsadress.
        street: String,
        /// Postadress.
        postal: String,
        /// Telefon.
        phone: String,
    },
    /// `#FNAMN`: the company's legal name.
    CompanyName(String),
    /// `#RAR`: räkenskapsår, the bounds of a financial year by year index.
    FinancialYear {
        /// Årsnr: 0 current, −1 previous, …
        year: i32,
        /// First day.
        start: NaiveDate,
        /// Last day.
        end: NaiveDate,
    },
    /// `#TAXAR`: taxeringsår.
    TaxYear(i32),
    /// `#OMFATTN`: the date up to which balances are included.
    Scope(NaiveDate),
    /// `#KPTYP`: kontoplanstyp (BAS95, BAS96, EUBAS97, NE2007, BAS2…).
    ChartType(String),
    /// `#VALUTA`: the file's currency (ISO 4217); SEK when absent.
    Currency(String),
    /// `#KONTO`: an account and its name.
    Account {
        /// Kontonummer.
        number: String,
        /// Kontonamn.
        name: String,
    },
    /// `#KTYP`: kontotyp of an account; `None` when the file gives none or an unknown one.
    AccountType {
        /// Kontonummer.
        account: String,
        /// The type.
        kind: Option<AccountKind>,
    },
    /// `#ENHET`: the unit of an account's quantities.
    Unit {
        /// Kontonummer.
        account: String,
        /// Enhet, e.g. `st`, `tim`.
        unit: String,
    },
    /// `#SRU`: the tax-form code of an account.
    Sru {
        /// Kontonummer.
        account: String,
        /// SRU-kod.
        code: String,
    },
    /// `#DIM`: a dimension.
    Dimension {
        /// Dimensionsnummer.
        number: u32,
        /// Name.
        name: String,
    },
    /// `#UNDERDIM`: a sub-dimension of another dimension.
    SubDimension {
        /// Dimensionsnummer.
        number: u32,
        /// Name.
        name: String,
        /// The superior dimension.
        parent: u32,
    },
    /// `#OBJEKT`: an object in a dimension.
    Object {
        /// Dimensionsnummer.
        dimension: u32,
        /// Objektnummer.
        id: String,
        /// Name.
        name: String,
    },
    /// `#IB`: ingående balans.
    OpeningBalance(Balance),
    /// `#UB`: utgående balans.
    ClosingBalance(Balance),
    /// `#OIB`: ingående balans per object.
    ObjectOpeningBalance(Balance),
    /// `#OUB`: utgående balans per object.
    ObjectClosingBalance(Balance),
    /// `#RES`: resultat of a result account for a year.
    YearResult(Balance),
    /// `#PSALDO`: periodsaldo, the change in one month.
    PeriodBalance(PeriodAmount),
    /// `#PBUDGET`: periodbudget, the budgeted change in one month.
    PeriodBudget(PeriodAmount),
    /// `#VER` with its rows.
    Voucher(Voucher),
    /// `#BKOD`: branschkod (SNI).
    IndustryCode(String),
    /// `#KSUMMA`: the checksum posts; `None` for the opening one. The reader verifies
    /// the closing value itself.
    Checksum(Option<u32>),
    /// A label this reader does not know (kept, as the specification requires readers to
    /// ignore them), with its fields as text.
    Unknown {
        /// The label, with `#`.
        label: String,
        /// The fields as text (`{` and `}` of object lists as their own fields).
        fields: Vec<String>,
    },
}

impl Record {
    /// The SIE label of this record, e.g. `"#KONTO"`.
    ///
    /// ```
    /// use kommunal_redovisning::sie::Record;
    /// assert_eq!(Record::Flag(0).label(), "#FLAGGA");
    /// ```
    #[must_use]
    pub fn label(&self) -> &str {
        match self {
            Record::Flag(_) => "#FLAGGA",
            Record::Program { .. } => "#PROGRAM",
            Record::Format(_) => "#FORMAT",
            Record::Generated { .. } => "#GEN",
            Record::SieType(_) => "#SIETYP",
            Record::Prose(_) => "#PROSA",
            Record::CompanyType(_) => "#FTYP",
            Record::CompanyId(_) => "#FNR",
            Record::OrganisationNumber { .. } => "#ORGNR",
            Record::Address { .. } => "#ADRESS",
            Record::CompanyName(_) => "#FNAMN",
            Record::FinancialYear { .. } => "#RAR",
            Record::TaxYear(_) => "#TAXAR",
            Record::Scope(_) => "#OMFATTN",
            Record::ChartType(_) => "#KPTYP",
            Record::Currency(_) => "#VALUTA",
            Record::Account { .. } => "#KONTO",
            Record::AccountType { .. } => "#KTYP",
            Record::Unit { .. } => "#ENHET",
            Record::Sru { .. } => "#SRU",
            Record::Dimension { .. } => "#DIM",
            Record::SubDimension { .. } => "#UNDERDIM",
            Record::Object { .. } => "#OBJEKT",
            Record::OpeningBalance(_) => "#IB",
            Record::ClosingBalance(_) => "#UB",
            Record::ObjectOpeningBalance(_) => "#OIB",
            Record::ObjectClosingBalance(_) => "#OUB",
            Record::YearResult(_) => "#RES",
            Record::PeriodBalance(_) => "#PSALDO",
            Record::PeriodBudget(_) => "#PBUDGET",
            Record::Voucher(_) => "#VER",
            Record::IndustryCode(_) => "#BKOD",
            Record::Checksum(_) => "#KSUMMA",
            Record::Unknown { label, .. } => label,
        }
    }
}
