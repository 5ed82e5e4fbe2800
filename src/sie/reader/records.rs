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

    pub(super) fn period_amount(
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
                "quoted value where a bare one is expected",
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
}
