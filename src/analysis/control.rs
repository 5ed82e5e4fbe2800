//! Kontroll: prognossäkerhet (each forecast made during the year against the outcome)
//! and budgetföljsamhet (the outcome against the budget), per drift unit and in total,
//! in kronor and in percent.
//!
//! Sign convention as everywhere in the crate: avvikelse = utfall − prognos (or −
//! budget), so a positive deviation is better for a unit's net (a smaller nettokostnad
//! or a larger surplus). The percentage is the deviation over the absolute value of
//! the outcome (prognossäkerhet) or of the budget (budgetföljsamhet); it is absent when
//! that is zero.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::money::{Amount, Percent, Scale};
use crate::present::{Column, RatioRow, Table, TableRow, ValueKind};
use crate::statement::{OperatingStatement, StatementRowKind};

/// A forecast made during the year (prognostillfälle): its name, its date and the
/// helårsprognos per unit (names as in the driftredovisning, paths joined by `/`).
///
/// ```
/// use kommunal_redovisning::NaiveDate;
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::analysis::ForecastRound;
///
/// let d = NaiveDate::from_ymd_opt(2025, 4, 30).ok_or("date")?;
/// let r = ForecastRound::new("Prognos april", d)
///     .with_unit("Barn och utbildning", Amount::tkr(-412_000));
/// assert_eq!(r.units.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "prognostillfälle")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ForecastRound {
    /// E.g. "Delårsrapport augusti".
    pub label: String,
    /// When the forecast was made.
    pub date: NaiveDate,
    /// (unit id, helårsprognos of its net), in the driftredovisning's sign.
    pub units: Vec<(String, Amount)>,
}

impl ForecastRound {
    /// A round without figures.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, NaiveDate};
    /// use kommunal_redovisning::analysis::ForecastRound;
    ///
    /// // Kommunalförbundet Lystkom, delårsrapport 2025, 1.3: Prognos 2025 per verksamhet (tkr).
    /// let date = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("date")?;
    /// let round = ForecastRound::new("Delårsrapport juni", date)
    ///     .with_unit("IT", Amount::tkr(958))
    ///     .with_unit("Kundtjänst", Amount::tkr(355));
    /// assert_eq!((round.label.as_str(), round.date), ("Delårsrapport juni", date));
    /// assert_eq!(round.units[1], ("Kundtjänst".to_owned(), Amount::tkr(355)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(label: impl Into<String>, date: NaiveDate) -> ForecastRound {
        ForecastRound {
            label: label.into(),
            date,
            units: Vec::new(),
        }
    }

    /// With the forecast of one unit.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, NaiveDate};
    /// use kommunal_redovisning::analysis::ForecastRound;
    ///
    /// // Kommunalförbundet Lystkom, delårsrapport 2025, 1.3: Prognos 2025 for Revision (tkr).
    /// let round = ForecastRound::new("Delårsrapport juni", NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("date")?)
    ///     .with_unit("Revision", Amount::tkr(-195));
    /// assert_eq!(round.units, [("Revision".to_owned(), Amount::tkr(-195))]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_unit(mut self, unit: impl Into<String>, forecast: Amount) -> ForecastRound {
        self.units.push((unit.into(), forecast));
        self
    }

    /// The forecasts of the top-level units of a driftredovisning made at that time
    /// (e.g. the delårsrapport's), by unit name.
    ///
    /// # Errors
    ///
    /// [`Error::Refused`] when a top-level unit has no helårsprognos;
    /// [`Error::Overflow`].
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Budget, NaiveDate, OperatingStatement, OperatingUnit, UnitFigures};
    /// use kommunal_redovisning::analysis::ForecastRound;
    ///
    /// // Kommunalförbundet Lystkom, delårsrapport 2025, 1.3: budget and prognos 2025 (tkr).
    /// let unit = |name: &str, budget, forecast| OperatingUnit::leaf(name,
    ///     UnitFigures::new(Budget::new(Amount::tkr(budget))).with_forecast(Amount::tkr(forecast)));
    /// let drift = OperatingStatement::new(vec![
    ///     unit("IT", 760, 958), unit("Kundtjänst", 82, 355), unit("Revision", -195, -195), unit("Lystkom", 212, 256),
    /// ])?;
    /// let date = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("date")?;
    /// let round = ForecastRound::from_operating_statement("Delårsrapport juni", date, &drift)?;
    /// let total: Amount = round.units.iter().map(|(_, a)| *a).sum();
    /// assert_eq!((round.units.len(), total), (4, Amount::tkr(1_374))); // as printed: Totalt 1 374
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_operating_statement(
        label: impl Into<String>,
        date: NaiveDate,
        statement: &OperatingStatement,
    ) -> Result<ForecastRound> {
        let label = label.into();
        let mut round = ForecastRound::new(label.clone(), date);
        for unit in &statement.units {
            let totals = statement.unit_totals(&unit.name)?;
            let forecast = totals
                .and_then(|t| t.forecast)
                .ok_or_else(|| Error::Refused {
                    what: format!("prognos {label}"),
                    reason: format!("enheten {:?} har ingen helårsprognos", unit.name),
                })?;
            round.units.push((unit.name.clone(), forecast));
        }
        Ok(round)
    }
}

/// One unit's (or the total's) figure against the outcome (avvikelse per enhet).
///
/// ```
/// use kommunal_redovisning::{Amount, Budget, OperatingStatement, OperatingUnit, Percent, UnitFigures};
/// use kommunal_redovisning::analysis::BudgetAdherence;
///
/// // Made-up figures (tkr): budget −400, intäkter 20, kostnader −428.
/// let figures = UnitFigures::new(Budget::new(Amount::tkr(-400))).with_outcome(Amount::tkr(20), Amount::tkr(-428));
/// let drift = OperatingStatement::new(vec![OperatingUnit::leaf("Skola", figures)])?;
/// let skola = &BudgetAdherence::of(&drift)?.units[0];
/// assert_eq!(skola.unit, "Skola");
/// assert_eq!((skola.compared, skola.outcome), (Amount::tkr(-400), Amount::tkr(-408)));
/// assert_eq!(skola.deviation, Amount::tkr(-8)); // utfall − budget: 8 tkr over budget
/// assert_eq!(skola.percent, Some(Percent::new((-2).into()))); // of |budget|
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "avvikelse per enhet")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct UnitDeviation {
    /// The unit (or "Totalt").
    pub unit: String,
    /// The forecast or budget compared.
    pub compared: Amount,
    /// The outcome (utfall, nettokostnad or result).
    pub outcome: Amount,
    /// utfall − compared.
    pub deviation: Amount,
    /// The deviation in percent of |utfall| (prognossäkerhet) or |budget|
    /// (budgetföljsamhet); `None` when that is zero.
    pub percent: Option<Percent>,
}

/// Prognossäkerhet of one forecast round.
///
/// ```
/// use kommunal_redovisning::{Amount, Budget, NaiveDate, OperatingStatement, OperatingUnit, UnitFigures};
/// use kommunal_redovisning::analysis::{ForecastAccuracy, ForecastRound};
///
/// // Made-up figures (tkr): the outcome −105, forecast in April −100 and in August −104.
/// let figures = UnitFigures::new(Budget::new(Amount::tkr(-100))).with_outcome(Amount::ZERO, Amount::tkr(-105));
/// let outcome = OperatingStatement::new(vec![OperatingUnit::leaf("Skola", figures)])?;
/// let april = ForecastRound::new("Prognos april", NaiveDate::from_ymd_opt(2025, 4, 30).ok_or("date")?)
///     .with_unit("Skola", Amount::tkr(-100));
/// let august = ForecastRound::new("Delår augusti", NaiveDate::from_ymd_opt(2025, 8, 31).ok_or("date")?)
///     .with_unit("Skola", Amount::tkr(-104));
/// let accuracy = ForecastAccuracy::measure(&outcome, &[april, august])?;
/// let deviations: Vec<Amount> = accuracy.rounds.iter().map(|r| r.total.deviation).collect();
/// assert_eq!(deviations, [Amount::tkr(-5), Amount::tkr(-1)]); // the later forecast was closer
/// assert_eq!(accuracy.rounds[1].label, "Delår augusti");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "prognossäkerhet")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct RoundAccuracy {
    /// The round's label.
    pub label: String,
    /// Its date.
    pub date: NaiveDate,
    /// Per unit, in the order of the round.
    pub units: Vec<UnitDeviation>,
    /// All units of the round together.
    pub total: UnitDeviation,
}

/// Prognossäkerhet over the year (forecast accuracy): each round against the outcome.
///
/// # Example
///
/// ```
/// use kommunal_redovisning::NaiveDate;
/// use kommunal_redovisning::{Amount, Budget, UnitFigures, OperatingStatement, OperatingUnit};
/// use kommunal_redovisning::analysis::{ForecastAccuracy, ForecastRound};
///
/// let unit = |name: &str, net: i64| OperatingUnit::leaf(name,
///     UnitFigures::new(Budget::new(Amount::tkr(-100))).with_outcome(Amount::ZERO, Amount::tkr(net)));
/// let outcome = OperatingStatement::new(vec![unit("Skola", -105), unit("Omsorg", -200)])?;
/// let aug = NaiveDate::from_ymd_opt(2025, 8, 31).ok_or("date")?;
/// let round = ForecastRound::new("Delår augusti", aug)
///     .with_unit("Skola", Amount::tkr(-100))
///     .with_unit("Omsorg", Amount::tkr(-210));
/// let acc = ForecastAccuracy::measure(&outcome, &[round])?;
/// assert_eq!(acc.rounds[0].units[0].deviation, Amount::tkr(-5)); // 5 tkr worse than forecast
/// assert_eq!(acc.rounds[0].total.deviation, Amount::tkr(5));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "prognossäkerhet")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ForecastAccuracy {
    /// One entry per round, in the order given.
    pub rounds: Vec<RoundAccuracy>,
}

fn unit_outcome(statement: &OperatingStatement, unit: &str) -> Result<Amount> {
    let totals = statement.unit_totals(unit)?.ok_or_else(|| Error::Refused {
        what: format!("avvikelse för {unit:?}"),
        reason: "driftredovisningen har ingen sådan enhet".to_owned(),
    })?;
    totals.net()?.ok_or_else(|| Error::Refused {
        what: format!("avvikelse för {unit:?}"),
        reason: "enheten har inget utfall".to_owned(),
    })
}

fn deviation(
    unit: String,
    compared: Amount,
    outcome: Amount,
    base: Amount,
) -> Result<UnitDeviation> {
    let deviation = outcome.checked_sub(compared)?;
    let percent = if base.is_zero() {
        None
    } else {
        Some(Percent::of(deviation, base.abs(), "bas")?)
    };
    Ok(UnitDeviation {
        unit,
        compared,
        outcome,
        deviation,
        percent,
    })
}

impl ForecastAccuracy {
    /// Each round against the outcome driftredovisning.
    ///
    /// # Errors
    ///
    /// [`Error::Refused`] naming a unit of a round that the outcome does not have or
    /// that has no outcome; [`Error::Overflow`].
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Budget, NaiveDate, OperatingStatement, OperatingUnit, Percent, UnitFigures};
    /// use kommunal_redovisning::analysis::{ForecastAccuracy, ForecastRound};
    ///
    /// // Made-up figures (tkr): the outcome −210 against an August forecast of −200.
    /// let figures = UnitFigures::new(Budget::new(Amount::tkr(-200))).with_outcome(Amount::ZERO, Amount::tkr(-210));
    /// let outcome = OperatingStatement::new(vec![OperatingUnit::leaf("Omsorg", figures)])?;
    /// let august = ForecastRound::new("Delår augusti", NaiveDate::from_ymd_opt(2025, 8, 31).ok_or("date")?)
    ///     .with_unit("Omsorg", Amount::tkr(-200));
    /// let omsorg = &ForecastAccuracy::measure(&outcome, &[august])?.rounds[0].units[0];
    /// assert_eq!(omsorg.deviation, Amount::tkr(-10)); // utfall − prognos
    /// assert_eq!(omsorg.percent.map(|p| p.round(1, kommunal_redovisning::RoundingMode::HalfAwayFromZero)),
    ///     Some(Percent::new("-4.8".parse()?))); // of |utfall| 210
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn measure(
        outcome: &OperatingStatement,
        rounds: &[ForecastRound],
    ) -> Result<ForecastAccuracy> {
        let mut out = Vec::with_capacity(rounds.len());
        for round in rounds {
            let mut units = Vec::with_capacity(round.units.len());
            let mut forecast_total = Amount::ZERO;
            let mut outcome_total = Amount::ZERO;
            for (unit, forecast) in &round.units {
                let o = unit_outcome(outcome, unit)?;
                forecast_total = forecast_total.checked_add(*forecast)?;
                outcome_total = outcome_total.checked_add(o)?;
                units.push(deviation(unit.clone(), *forecast, o, o)?);
            }
            let total = deviation(
                "Totalt".to_owned(),
                forecast_total,
                outcome_total,
                outcome_total,
            )?;
            out.push(RoundAccuracy {
                label: round.label.clone(),
                date: round.date,
                units,
                total,
            });
        }
        Ok(ForecastAccuracy { rounds: out })
    }

    /// Two tables: the deviations in `scale` (utfall, then per round prognos and
    /// avvikelse) and the deviations in percent of the outcome (one column per round).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] when the rounds name different units.
    pub fn to_tables(&self, scale: Scale) -> Result<(Table, Table)> {
        let Some(first) = self.rounds.first() else {
            return Ok((
                Table::new("Prognossäkerhet", scale, Vec::new()),
                Table::new("Prognossäkerhet i procent av utfallet", scale, Vec::new()),
            ));
        };
        let names: Vec<&str> = first.units.iter().map(|u| u.unit.as_str()).collect();
        for r in &self.rounds {
            let these: Vec<&str> = r.units.iter().map(|u| u.unit.as_str()).collect();
            if these != names {
                return Err(Error::InvalidRule(format!(
                    "prognosomgången {:?} har andra enheter än {:?}",
                    r.label, first.label
                )));
            }
        }
        let mut columns = vec![Column::outcome("Utfall")];
        for r in &self.rounds {
            columns.push(Column::forecast(r.label.clone()));
            columns.push(Column::deviation(format!(
                "Avvikelse mot {}",
                r.label.to_lowercase()
            )));
        }
        let mut amounts = Table::new("Prognossäkerhet", scale, columns);
        let mut percent = Table::new(
            "Prognossäkerhet: avvikelse i procent av utfallet",
            scale,
            self.rounds
                .iter()
                .map(|r| Column::deviation(r.label.clone()))
                .collect(),
        );
        let row_of = |i: Option<usize>| -> Vec<&UnitDeviation> {
            self.rounds
                .iter()
                .filter_map(|r| match i {
                    Some(i) => r.units.get(i),
                    None => Some(&r.total),
                })
                .collect()
        };
        let mut ids = Vec::with_capacity(names.len());
        for i in (0..names.len()).map(Some).chain([None]) {
            let devs = row_of(i);
            let Some(head) = devs.first() else { continue };
            let mut cells = vec![Some(head.outcome)];
            for d in &devs {
                cells.push(Some(d.compared));
                cells.push(Some(d.deviation));
            }
            let (id, kind) = match i {
                Some(i) => (format!("enhet_{}", i + 1), StatementRowKind::Line),
                None => ("totalt".to_owned(), StatementRowKind::Total),
            };
            let mut row =
                TableRow::new(id.clone(), head.unit.clone(), kind, ValueKind::Flow, cells);
            if i.is_none() {
                row = row.with_sum_of(ids.clone());
            } else {
                ids.push(id);
            }
            amounts.push_row(row)?;
            percent.push_ratio(RatioRow {
                label: head.unit.clone(),
                values: devs.iter().map(|d| d.percent).collect(),
                decimals: 1,
            })?;
        }
        Ok((amounts, percent))
    }
}

/// Budgetföljsamhet (budget adherence) of a driftredovisning: every unit's outcome
/// against its budget (ursprunglig budget + anslagsförändringar), top-level units and
/// the total.
///
/// ```
/// use kommunal_redovisning::{Amount, Budget, UnitFigures, OperatingStatement, OperatingUnit, RoundingMode};
/// use kommunal_redovisning::analysis::BudgetAdherence;
///
/// let drift = OperatingStatement::new(vec![OperatingUnit::leaf("Skola",
///     UnitFigures::new(Budget::new(Amount::tkr(-400))).with_outcome(Amount::tkr(20), Amount::tkr(-428)))])?;
/// let b = BudgetAdherence::of(&drift)?;
/// assert_eq!(b.total.deviation, Amount::tkr(-8));
/// assert_eq!(b.total.percent.map(|p| p.round(1, RoundingMode::HalfAwayFromZero).to_string()), Some("-2".into()));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "budgetföljsamhet")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct BudgetAdherence {
    /// The top-level units.
    pub units: Vec<UnitDeviation>,
    /// The whole driftredovisning.
    pub total: UnitDeviation,
}

impl BudgetAdherence {
    /// The adherence of a full-year driftredovisning.
    ///
    /// # Errors
    ///
    /// [`Error::Refused`] when a unit has no outcome; [`Error::Overflow`].
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Budget, OperatingStatement, OperatingUnit, UnitFigures};
    /// use kommunal_redovisning::analysis::BudgetAdherence;
    ///
    /// // Made-up figures (tkr): two units, one under and one over its budget.
    /// let unit = |name: &str, budget: i64, net: i64| OperatingUnit::leaf(name,
    ///     UnitFigures::new(Budget::new(Amount::tkr(budget))).with_outcome(Amount::ZERO, Amount::tkr(net)));
    /// let drift = OperatingStatement::new(vec![unit("Skola", -400, -390), unit("Omsorg", -600, -612)])?;
    /// let adherence = BudgetAdherence::of(&drift)?;
    /// let per_unit: Vec<Amount> = adherence.units.iter().map(|u| u.deviation).collect();
    /// assert_eq!(per_unit, [Amount::tkr(10), Amount::tkr(-12)]);
    /// assert_eq!(adherence.total.deviation, Amount::tkr(-2));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    pub fn of(statement: &OperatingStatement) -> Result<BudgetAdherence> {
        let mut units = Vec::with_capacity(statement.units.len());
        for unit in &statement.units {
            let totals = statement
                .unit_totals(&unit.name)?
                .ok_or_else(|| Error::Refused {
                    what: format!("budgetföljsamhet för {:?}", unit.name),
                    reason: "enheten hittades inte".to_owned(),
                })?;
            let outcome = unit_outcome(statement, &unit.name)?;
            let budget = totals.budget()?;
            units.push(deviation(unit.name.clone(), budget, outcome, budget)?);
        }
        let total = statement.total()?;
        let outcome = total.net()?.ok_or_else(|| Error::Refused {
            what: "budgetföljsamhet".to_owned(),
            reason: "driftredovisningen har inget utfall".to_owned(),
        })?;
        let budget = total.budget()?;
        Ok(BudgetAdherence {
            units,
            total: deviation("Totalt".to_owned(), budget, outcome, budget)?,
        })
    }

    /// The adherence as a table: budget, utfall, avvikelse in `scale`, and the
    /// deviation in percent of the budget as ratio rows.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] for two units with the same name.
    pub fn to_table(&self, scale: Scale) -> Result<Table> {
        let mut t = Table::new(
            "Budgetföljsamhet",
            scale,
            vec![
                Column::budget("Budget"),
                Column::outcome("Utfall"),
                Column::deviation("Avvikelse"),
            ],
        );
        let mut ids = Vec::with_capacity(self.units.len());
        for (i, u) in self.units.iter().enumerate() {
            let id = format!("enhet_{}", i + 1);
            t.push_row(TableRow::new(
                id.clone(),
                u.unit.clone(),
                StatementRowKind::Line,
                ValueKind::Flow,
                vec![Some(u.compared), Some(u.outcome), Some(u.deviation)],
            ))?;
            ids.push(id);
        }
        t.push_row(
            TableRow::new(
                "totalt",
                "Totalt",
                StatementRowKind::Total,
                ValueKind::Flow,
                vec![
                    Some(self.total.compared),
                    Some(self.total.outcome),
                    Some(self.total.deviation),
                ],
            )
            .with_sum_of(ids),
        )?;
        for u in self.units.iter().chain([&self.total]) {
            t.push_ratio(RatioRow {
                label: format!("{}: avvikelse i procent av budget", u.unit),
                values: vec![None, None, u.percent],
                decimals: 1,
            })?;
        }
        Ok(t)
    }
}
