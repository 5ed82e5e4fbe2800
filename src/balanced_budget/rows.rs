//! The printed form of a balanskravsutredning: its heading and its rows in printed
//! order, with the statutory Swedish labels (overridable by row id).

use crate::money::Amount;
use crate::statement::{Labels, StatementRow, StatementRowKind};

use super::statement::EARLIER_DEFICITS_LABEL;
use super::{Adjustment, BalancedBudgetStatement};

impl BalancedBudgetStatement {
    /// A heading, e.g. "Balanskravsutredning 2025 (prognos för helåret, delårsrapport)".
    #[must_use]
    pub fn heading(&self) -> String {
        format!(
            "Balanskravsutredning {} ({}, {})",
            self.data.year,
            self.data.basis.label(),
            self.data.basis.report()
        )
    }

    /// The rows in printed order with the default Swedish labels: lines, the subtotal
    /// "Årets resultat efter balanskravsjusteringar" and the total "Årets
    /// balanskravsresultat"; with earlier deficits shown, also the restoration rows.
    /// Adjustment rows are kept when zero (the table layer may hide them).
    #[must_use]
    pub fn rows(&self) -> Vec<StatementRow> {
        self.rows_with_labels(&Labels::default())
    }

    /// The rows with label overrides by row id.
    #[must_use]
    pub fn rows_with_labels(&self, labels: &Labels) -> Vec<StatementRow> {
        let year = self.data.year;
        let kind = self.reserve_kind();
        let mut rows = Vec::with_capacity(14 + self.data.exceptional.len());
        let mut push = |id: &str, label: &str, kind: StatementRowKind, amount: Amount| {
            rows.push(StatementRow {
                id: id.to_owned(),
                label: labels.get(id, label).to_owned(),
                kind,
                depth: 0,
                amount: Some(amount),
                note: None,
            });
        };
        push(
            "arets_resultat",
            "Årets resultat",
            StatementRowKind::Line,
            self.data.result_for_the_year,
        );
        for adj in Adjustment::ALL {
            push(
                adj.id(),
                adj.label(year),
                StatementRowKind::Line,
                self.adjustment(adj),
            );
        }
        push(
            "resultat_efter_balanskravsjusteringar",
            "Årets resultat efter balanskravsjusteringar",
            StatementRowKind::Subtotal,
            self.derived.adjusted,
        );
        push(
            "reservering_till_reserv",
            kind.reservation_label(),
            StatementRowKind::Line,
            self.data.reservation,
        );
        push(
            "anvandning_av_reserv",
            kind.use_label(),
            StatementRowKind::Line,
            self.data.reserve_use,
        );
        for (i, e) in self.data.exceptional.iter().enumerate() {
            let id = format!("synnerliga_skal/{}", i.saturating_add(1));
            let label = format!("Synnerliga skäl: {}", e.motivation);
            push(&id, &label, StatementRowKind::Line, e.amount);
        }
        push(
            "balanskravsresultat",
            "Årets balanskravsresultat",
            StatementRowKind::Total,
            self.derived.result,
        );
        if let (Some(d), Some(after)) = (self.data.earlier_deficits, self.derived.after_restoration)
        {
            push(
                "underskott_tidigare_ar",
                EARLIER_DEFICITS_LABEL,
                StatementRowKind::Line,
                d,
            );
            push(
                "balanskravsresultat_efter_aterstallande",
                "Balanskravsresultat efter återställande",
                StatementRowKind::Total,
                after,
            );
            push(
                "att_aterstalla",
                "Balanskravsresultat att återställa",
                StatementRowKind::Line,
                self.to_restore(),
            );
        }
        rows
    }
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
mod tests {
    use super::super::test_support::{amount, non_neg, y};
    use super::*;
    use crate::balanced_budget::ResultBasis;
    use proptest::prelude::*;

    #[test]
    fn rows_in_order_with_kinds_and_labels() {
        let mut bk =
            BalancedBudgetStatement::from_result(y(2015), ResultBasis::Outcome, Amount::mnkr(563));
        bk.set_adjustment(Adjustment::AllRealisedGains, Amount::mnkr(-23))
            .unwrap();
        bk.set_earlier_deficits(Amount::mnkr(-193)).unwrap();
        let rows = bk.rows();
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "arets_resultat",
                "samtliga_realisationsvinster",
                "realisationsvinster_undantag",
                "realisationsforluster_undantag",
                "orealiserade_vardepapper",
                "aterforing_orealiserade_forluster",
                "resultat_efter_balanskravsjusteringar",
                "reservering_till_reserv",
                "anvandning_av_reserv",
                "balanskravsresultat",
                "underskott_tidigare_ar",
                "balanskravsresultat_efter_aterstallande",
                "att_aterstalla",
            ]
        );
        assert_eq!(rows[6].kind, StatementRowKind::Subtotal);
        assert_eq!(rows[9].kind, StatementRowKind::Total);
        assert_eq!(rows[7].label, "Reservering till resultatutjämningsreserv");
        let mut labels = Labels::default();
        labels.set("arets_resultat", "Årets resultat enligt resultaträkningen");
        assert_eq!(
            bk.rows_with_labels(&labels)[0].label,
            "Årets resultat enligt resultaträkningen"
        );
        let later =
            BalancedBudgetStatement::from_result(y(2025), ResultBasis::Forecast, Amount::tkr(1));
        assert_eq!(later.rows()[7].label, "Reservering till resultatreserv");
        assert_eq!(later.rows()[8].label, "Användning av resultatreserv");
        assert_eq!(
            later.heading(),
            "Balanskravsutredning 2025 (prognos för helåret, delårsrapport)"
        );
    }

    proptest! {
        /// The utredning's arithmetic holds for any inputs: the subtotal is årets resultat
        /// plus the adjustment rows, the total is the subtotal plus the rows between.
        #[test]
        fn arithmetic_holds(
            result in amount(),
            year in 2013i32..2030,
            deductions in proptest::collection::vec(non_neg(), 2),
            additions in proptest::collection::vec(non_neg(), 2),
            securities in amount(),
            use_ in non_neg(),
            exceptional in proptest::collection::vec(non_neg(), 0..3),
            earlier in proptest::option::of(non_neg()),
        ) {
            let year = y(year);
            let mut bk = BalancedBudgetStatement::from_result(year, ResultBasis::Outcome, result);
            bk.set_adjustment(Adjustment::AllRealisedGains, -deductions[0]).unwrap();
            bk.set_adjustment(Adjustment::ReversalOfUnrealisedLosses, -deductions[1]).unwrap();
            bk.set_adjustment(Adjustment::ExemptRealisedGains, additions[0]).unwrap();
            bk.set_adjustment(Adjustment::ExemptRealisedLosses, additions[1]).unwrap();
            let sec = if year.year() >= 2019 { securities } else { securities.abs() };
            bk.set_adjustment(Adjustment::UnrealisedSecurities, sec).unwrap();
            bk.use_reserve(use_, "konjunkturnedgång").unwrap();
            for (i, e) in exceptional.iter().enumerate() {
                bk.add_exceptional_reason(*e, format!("skäl {i}")).unwrap();
            }
            if let Some(e) = earlier {
                bk.set_earlier_deficits(-e).unwrap();
            }
            let rows = bk.rows();
            let amt = |id: &str| rows.iter().find(|r| r.id == id).and_then(|r| r.amount).unwrap();
            let sub_index = rows.iter().position(|r| r.kind == StatementRowKind::Subtotal).unwrap();
            let total_index = rows.iter().position(|r| r.id == "balanskravsresultat").unwrap();
            let above = Amount::checked_sum(rows[..sub_index].iter().map(|r| r.amount.unwrap())).unwrap();
            prop_assert_eq!(above, bk.adjusted_result());
            prop_assert_eq!(rows[sub_index].amount, Some(bk.adjusted_result()));
            let between = Amount::checked_sum(rows[sub_index..total_index].iter().map(|r| r.amount.unwrap())).unwrap();
            prop_assert_eq!(between, bk.balanced_budget_result());
            prop_assert_eq!(amt("balanskravsresultat"), bk.balanced_budget_result());
            prop_assert_eq!(bk.is_met(), !bk.balanced_budget_result().is_negative());
            if let Some(e) = earlier {
                let after = bk.balanced_budget_result().checked_sub(e).unwrap();
                prop_assert_eq!(amt("balanskravsresultat_efter_aterstallande"), after);
                prop_assert_eq!(amt("att_aterstalla"), if after.is_negative() { -after } else { Amount::ZERO });
            }
            prop_assert!(!bk.to_restore().is_negative());
        }
    }
}
