//! The accounts of one object in a trial balance: account → [`AccountYear`].
//!
//! Most objects of a real ledger (an ansvar, a verksamhet, a projekt) are posted to a
//! few accounts, and a ledger may have a million objects. A `BTreeMap` allocates a
//! node for eleven entries even for one, so each object would cost over a kilobyte
//! whatever it holds. Here an object's accounts are a vector sorted by account while
//! there are at most [`SMALL`] of them, and a `BTreeMap` beyond: lookups and inserts
//! stay logarithmic, and memory follows what is held. The account numbers are kept in
//! place, without an allocation each ([`InlineStr`]).

use std::collections::BTreeMap;

use super::inline_str::InlineStr;
use super::trial_balance::AccountYear;

/// The most accounts kept in a sorted vector; the next one moves them into a B-tree.
const SMALL: usize = 32;

/// Account → balances for one object, iterated in account order. The form follows
/// the length alone (a vector up to [`SMALL`] accounts, a tree beyond; nothing is ever
/// removed), so two maps with the same accounts and balances compare equal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum AccountYears {
    Small(Vec<(InlineStr, AccountYear)>),
    Large(BTreeMap<InlineStr, AccountYear>),
}

impl Default for AccountYears {
    fn default() -> Self {
        AccountYears::Small(Vec::new())
    }
}

impl AccountYears {
    /// The balances of `account`, made (all zero) when new. `None` cannot happen (the
    /// position found is in range); the callers turn it into an internal error.
    pub(super) fn slot(&mut self, account: &str) -> Option<&mut AccountYear> {
        if let AccountYears::Small(v) = self {
            if v.len() >= SMALL
                && v.binary_search_by(|(k, _)| k.as_bytes().cmp(account.as_bytes()))
                    .is_err()
            {
                let tree = std::mem::take(v).into_iter().collect();
                *self = AccountYears::Large(tree);
            }
        }
        match self {
            AccountYears::Small(v) => {
                let at = match v.binary_search_by(|(k, _)| k.as_bytes().cmp(account.as_bytes())) {
                    Ok(at) => at,
                    Err(at) => {
                        v.insert(at, (InlineStr::new(account), AccountYear::default()));
                        at
                    }
                };
                v.get_mut(at).map(|(_, y)| y)
            }
            AccountYears::Large(tree) => {
                // A key is allocated only for a new account.
                if !tree.contains_key(account.as_bytes()) {
                    tree.insert(InlineStr::new(account), AccountYear::default());
                }
                tree.get_mut(account.as_bytes())
            }
        }
    }

    /// Room for `additional` more accounts while they fit in the vector: an object
    /// whose accounts come together gets a vector of their number, not one doubled
    /// past it as it grows.
    pub(super) fn reserve(&mut self, additional: usize) {
        if let AccountYears::Small(v) = self {
            if v.len().saturating_add(additional) <= SMALL {
                v.reserve_exact(additional);
            }
        }
    }

    /// Every account with its balances, in account order.
    pub(super) fn iter(&self) -> impl Iterator<Item = (&str, &AccountYear)> {
        let (small, large) = match self {
            AccountYears::Small(v) => (Some(v.iter().map(|(k, y)| (k.as_str(), y))), None),
            AccountYears::Large(t) => (None, Some(t.iter().map(|(k, y)| (k.as_str(), y)))),
        };
        small
            .into_iter()
            .flatten()
            .chain(large.into_iter().flatten())
    }
}

/// Serialized as a map of account → balances, as a `BTreeMap` is.
#[cfg(feature = "serde")]
impl serde::Serialize for AccountYears {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for AccountYears {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let tree = BTreeMap::<String, AccountYear>::deserialize(d)?;
        let keyed = tree.into_iter().map(|(k, y)| (InlineStr::new(&k), y));
        Ok(if keyed.len() <= SMALL {
            AccountYears::Small(keyed.collect())
        } else {
            AccountYears::Large(keyed.collect())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Amount;
    use proptest::prelude::*;

    proptest! {
        /// Whatever the order and repetition of the accounts added, and the room
        /// reserved, the map holds what one `BTreeMap` holds, in the same order, and its
        /// form follows its length.
        #[test]
        fn holds_what_a_tree_holds(
            adds in prop::collection::vec((0u16..120, -1000i64..1000), 0..300),
            reserve in 0usize..40,
        ) {
            let mut ours = AccountYears::default();
            let mut tree: BTreeMap<String, AccountYear> = BTreeMap::new();
            // Room reserved (or not, past the vector's size) changes nothing held.
            ours.reserve(reserve);
            for (i, (account, kr)) in adds.into_iter().enumerate() {
                if i == 20 {
                    ours.reserve(reserve);
                }
                let key = format!("{account}");
                let y = ours.slot(&key).ok_or_else(|| TestCaseError::fail("no slot"))?;
                y.movement = y.movement.checked_add(Amount::kr(kr)).map_err(|e| TestCaseError::fail(e.to_string()))?;
                y.rows += 1;
                let t = tree.entry(key).or_default();
                t.movement = t.movement.checked_add(Amount::kr(kr)).map_err(|e| TestCaseError::fail(e.to_string()))?;
                t.rows += 1;
            }
            let got: Vec<_> = ours.iter().map(|(k, y)| (k.to_owned(), y.clone())).collect();
            let want: Vec<_> = tree.iter().map(|(k, y)| (k.clone(), y.clone())).collect();
            prop_assert_eq!(got, want);
            let small = matches!(ours, AccountYears::Small(_));
            prop_assert_eq!(small, tree.len() <= SMALL);
        }
    }

    #[test]
    fn moves_into_a_tree_past_the_small_size() {
        let mut ours = AccountYears::default();
        for a in 0..SMALL {
            assert!(ours.slot(&format!("{:04}", 1000 + a)).is_some());
        }
        assert!(matches!(ours, AccountYears::Small(_)));
        // An account already there keeps the vector.
        assert!(ours.slot("1000").is_some());
        assert!(matches!(ours, AccountYears::Small(_)));
        assert!(ours.slot("0999").is_some());
        assert!(matches!(ours, AccountYears::Large(_)));
        assert_eq!(ours.iter().count(), SMALL + 1);
        assert_eq!(ours.iter().next().map(|(k, _)| k), Some("0999"));
    }
}
