//! Balances (#IB, #UB, #OIB, #OUB, #RES), period amounts (#PSALDO, #PBUDGET) and the other records.

use super::*;

impl State {
    pub(super) fn balance(
        &mut self,
        ln: u64,
        label: &'static str,
        cur: &mut Cur<'_>,
        with_objects: bool,
        window: &[u8],
    ) -> Option<Balance> {
        let year = self.int::<i32>(cur, ln, label, "årsindex")?;
        let account = self.req_text(cur, ln, label, "konto", window)?;
        self.check_account(ln, label, &account);
        let objects = if with_objects {
            match self.objects(cur, ln, label, window) {
                Some(o) => o,
                None => {
                    self.repeat(
                        Repeat::MissingBraces,
                        ln,
                        label,
                        "objektlista utan klammerparenteser {}",
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

    pub(super) fn period_amount(
        &mut self,
        ln: u64,
        label: &'static str,
        cur: &mut Cur<'_>,
        window: &[u8],
    ) -> Option<PeriodAmount> {
        let year = self.int::<i32>(cur, ln, label, "årsindex")?;
        let raw = cur.raw().unwrap_or_default();
        let Some(period) = YearMonth::parse_bytes(trim(raw)) else {
            let shown = String::from_utf8_lossy(raw);
            self.diag(
                ln,
                label,
                Severity::Error,
                format!("perioden \"{shown}\" kan inte läsas, väntade ÅÅÅÅMM; posten ignoreras"),
            );
            return None;
        };
        let account = self.req_text(cur, ln, label, "konto", window)?;
        self.check_account(ln, label, &account);
        let objects = match self.objects(cur, ln, label, window) {
            Some(o) => o,
            None => {
                self.repeat(
                    Repeat::MissingBraces,
                    ln,
                    label,
                    "objektlista utan klammerparenteser {}",
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

    pub(super) fn keyword(
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
                "citerat värde där ett ociterat väntas",
            );
        }
        self.text(t, line, ln, window)
    }

    pub(super) fn record(
        &mut self,
        ln: u64,
        label: Label,
        cur: &mut Cur<'_>,
        window: &[u8],
    ) -> Option<Record> {
        let name = label.name();
        let rec = match label {
            Label::Flagga => {
                let v = self.int::<u8>(cur, ln, name, "flagga")?;
                if v > 1 {
                    self.diag(
                        ln,
                        name,
                        Severity::Warning,
                        format!("flaggan {v} är varken 0 eller 1"),
                    );
                }
                Record::Flag(v)
            }
            Label::Program => {
                let name_ = self.req_text(cur, ln, name, "programnamn", window)?;
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
                        "värde saknas; posten ignoreras".to_owned(),
                    );
                    return None;
                };
                let v = self.keyword(t, cur.line, ln, name, window);
                if !v.eq_ignore_ascii_case("PC8") {
                    self.diag(
                        ln,
                        name,
                        Severity::Notice,
                        format!("#FORMAT {v}: specifikationen tillåter bara PC8"),
                    );
                }
                self.format = Some(v.clone());
                Record::Format(v)
            }
            Label::Gen => {
                let date = self.opt_date(cur, ln, name, "genereringsdatum");
                let signature = self.opt_text(cur, ln, window);
                Record::Generated { date, signature }
            }
            Label::Sietyp => {
                let v = self.int::<u8>(cur, ln, name, "typ")?;
                if !(1..=4).contains(&v) {
                    self.diag(ln, name, Severity::Warning, format!("okänd SIE-typ {v}"));
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
                        format!("organisationsnumret \"{number}\" är inte skrivet NNNNNN-NNNN"),
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
                let year = self.int::<i32>(cur, ln, name, "årsindex")?;
                let start = self.req_date(cur, ln, name, "startdatum")?;
                let end = self.req_date(cur, ln, name, "slutdatum")?;
                if end < start {
                    self.diag(
                        ln,
                        name,
                        Severity::Error,
                        format!("räkenskapsår {year} slutar {end} innan det börjar {start}"),
                    );
                }
                self.rar_years.push(year);
                if year == 0 && start <= end {
                    self.rar0 = Some((start, end));
                }
                Record::FinancialYear { year, start, end }
            }
            Label::Taxar => Record::TaxYear(self.int::<i32>(cur, ln, name, "taxeringsår")?),
            Label::Omfattn => Record::Scope(self.req_date(cur, ln, name, "datum")?),
            Label::Kptyp => {
                let Some(t) = cur.scalar() else {
                    self.diag(
                        ln,
                        name,
                        Severity::Warning,
                        "värde saknas; posten ignoreras".to_owned(),
                    );
                    return None;
                };
                Record::ChartType(self.keyword(t, cur.line, ln, name, window))
            }
            Label::Valuta => Record::Currency(self.opt_text(cur, ln, window)),
            Label::Konto => {
                let number = self.req_text(cur, ln, name, "konto", window)?;
                if !is_account_number(&number) {
                    self.diag(
                        ln,
                        name,
                        Severity::Warning,
                        format!("kontonumret \"{number}\" är inte 1 till 10 siffror"),
                    );
                }
                let name_ = self.opt_text(cur, ln, window);
                Record::Account {
                    number,
                    name: name_,
                }
            }
            Label::Ktyp => {
                let account = self.req_text(cur, ln, name, "konto", window)?;
                let letter = self.opt_text(cur, ln, window);
                let kind = AccountKind::from_letter(&letter);
                if kind.is_none() {
                    self.diag(ln, name, Severity::Warning, format!("konto {account} har ingen giltig kontotyp (\"{letter}\"); väntade T, S, K eller I"));
                }
                Record::AccountType { account, kind }
            }
            Label::Enhet => {
                let account = self.req_text(cur, ln, name, "konto", window)?;
                Record::Unit {
                    account,
                    unit: self.opt_text(cur, ln, window),
                }
            }
            Label::Sru => {
                let account = self.req_text(cur, ln, name, "konto", window)?;
                Record::Sru {
                    account,
                    code: self.opt_text(cur, ln, window),
                }
            }
            Label::Dim => {
                let number = self.int::<u32>(cur, ln, name, "dimensionsnummer")?;
                Record::Dimension {
                    number,
                    name: self.opt_text(cur, ln, window),
                }
            }
            Label::Underdim => {
                let number = self.int::<u32>(cur, ln, name, "dimensionsnummer")?;
                let name_ = self.opt_text(cur, ln, window);
                let parent = self.int::<u32>(cur, ln, name, "överordnad dimension")?;
                Record::SubDimension {
                    number,
                    name: name_,
                    parent,
                }
            }
            Label::Objekt => {
                let dimension = self.int::<u32>(cur, ln, name, "dimensionsnummer")?;
                let id = self.req_text(cur, ln, name, "objektnummer", window)?;
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
                let mut v = self.spare_voucher();
                if missing_series(cur) {
                    // `#VER  1 20170101 "text"`: an empty series written as nothing.
                    v.series.clear();
                    self.opt_text_into(cur, ln, window, &mut v.number);
                    let msg = format!(
                        "fältet för serie saknas (en tom serie skrivs \"\"): \"{}\" läses \
                         som verifikationsnummer och nästa fält som dess datum",
                        v.number
                    );
                    self.diag(ln, name, Severity::Warning, msg);
                } else {
                    self.opt_text_into(cur, ln, window, &mut v.series);
                    self.opt_text_into(cur, ln, window, &mut v.number);
                }
                v.date = self.opt_date(cur, ln, name, "verifikationsdatum");
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
                        format!("verifikation {} {} saknar datum", v.series, v.number),
                    );
                }
                self.opt_text_into(cur, ln, window, &mut v.text);
                v.registered = self.opt_date(cur, ln, name, "registreringsdatum");
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
                            "en andra inledande #KSUMMA".to_owned(),
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
                            format!("kontrollsumman \"{shown}\" kan inte läsas"),
                        );
                        return None;
                    };
                    match self.checksum {
                        Checksum::Running(crc) => {
                            let computed = crc.value();
                            if computed != value {
                                let hint = match self.encoding {
                                    Some(e) if e != Encoding::Cp437 => format!(
                                        " (filen är {}, kontrollsumman räknas på cp437-byte)",
                                        e.name()
                                    ),
                                    _ => String::new(),
                                };
                                self.diag(ln, name, Severity::Error, format!("kontrollsumman stämmer inte: filen anger {value}, innehållet ger {computed}{hint}"));
                            }
                        }
                        Checksum::Off => self.diag(
                            ln,
                            name,
                            Severity::Warning,
                            "avslutande #KSUMMA utan inledande".to_owned(),
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
}
