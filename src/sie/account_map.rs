//! Konto → värde for one object: the accounts under an object of a trial balance
//! ([`TrialBalance`](crate::ledger::TrialBalance)) and of [`Totals::by_object`](super::Totals).
//!
//! Most objects of a real ledger (an ansvar, a verksamhet, a projekt) are posted to a
//! few accounts, and a ledger may have a million objects. A `BTreeMap` allocates a
//! node for eleven entries even for one, and a `String` key is an allocation of its
//! own, so each object would cost over half a kilobyte whatever it holds. Here an
//! object's accounts are a vector sorted by account while there are at most [`SMALL`]
//! of them, and a `BTreeMap` beyond: lookups and inserts stay logarithmic, and memory
//! follows what is held. The account numbers are kept in place, without an allocation
//! each ([`InlineStr`]).

use std::collections::BTreeMap;

use super::inline_str::InlineStr;

/// The most accounts kept in a sorted vector; the next one moves them into a B-tree.
const SMALL: usize = 32;

/// Kontosummor för ett objekt: account → value, iterated in account order (byte order,
/// as a `BTreeMap<String, _>` orders), kept compact for the few accounts most objects
/// hold.
///
/// ```
/// use kommunal_redovisning::Decimal;
/// use kommunal_redovisning::sie::sum_transactions;
///
/// // A made-up voucher booked on kostnadsställe 110.
/// let file = b"#VER A 1 20250101\n{\n#TRANS 5010 {1 \"110\"} 100\n#TRANS 4010 {1 \"110\"} -100\n}\n";
/// let totals = sum_transactions(&file[..], None)?;
/// let accounts = &totals.by_object[&1]["110"];
/// assert_eq!(accounts.get("5010"), Some(&Decimal::from(100)));
/// assert_eq!(accounts.len(), 2);
/// let order: Vec<&str> = accounts.iter().map(|(account, _)| account).collect();
/// assert_eq!(order, ["4010", "5010"]);
/// # Ok::<(), std::io::Error>(())
/// ```
#[doc(alias = "kontosummor")]
#[derive(Clone, PartialEq, Eq)]
pub struct AccountMap<V>(Form<V>);

/// The form follows the length alone (a vector up to [`SMALL`] accounts, a tree beyond;
/// nothing is ever removed), so two maps with the same entries compare equal.
#[derive(Clone, PartialEq, Eq)]
enum Form<V> {
    Small(Vec<(InlineStr, V)>),
    Large(BTreeMap<InlineStr, V>),
}

impl<V> Default for AccountMap<V> {
    fn default() -> Self {
        AccountMap(Form::Small(Vec::new()))
    }
}

impl<V> AccountMap<V> {
    /// An empty map.
    ///
    /// ```
    /// use kommunal_redovisning::sie::AccountMap;
    /// let map = AccountMap::<u32>::new();
    /// assert!(map.is_empty());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// The value under `account`, if any.
    ///
    /// ```
    /// use kommunal_redovisning::sie::AccountMap;
    /// let map: AccountMap<u32> = [("3010", 1)].into_iter().collect();
    /// assert_eq!(map.get("3010"), Some(&1));
    /// assert_eq!(map.get("3011"), None);
    /// ```
    pub fn get(&self, account: &str) -> Option<&V> {
        match &self.0 {
            Form::Small(v) => v
                .binary_search_by(|(k, _)| k.as_bytes().cmp(account.as_bytes()))
                .ok()
                .and_then(|at| v.get(at))
                .map(|(_, value)| value),
            Form::Large(tree) => tree.get(account.as_bytes()),
        }
    }

    /// How many accounts the map holds.
    ///
    /// ```
    /// use kommunal_redovisning::sie::AccountMap;
    /// let map: AccountMap<u32> = [("3010", 1), ("3010", 2)].into_iter().collect();
    /// assert_eq!(map.len(), 1);
    /// ```
    pub fn len(&self) -> usize {
        match &self.0 {
            Form::Small(v) => v.len(),
            Form::Large(tree) => tree.len(),
        }
    }

    /// Whether the map holds no account.
    ///
    /// ```
    /// use kommunal_redovisning::sie::AccountMap;
    /// assert!(AccountMap::<u32>::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every account with its value, in account order.
    ///
    /// ```
    /// use kommunal_redovisning::sie::AccountMap;
    /// let map: AccountMap<u32> = [("5010", 2), ("3010", 1)].into_iter().collect();
    /// assert_eq!(map.iter().collect::<Vec<_>>(), [("3010", &1), ("5010", &2)]);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        let (small, large) = match &self.0 {
            Form::Small(v) => (Some(v.iter().map(|(k, y)| (k.as_str(), y))), None),
            Form::Large(t) => (None, Some(t.iter().map(|(k, y)| (k.as_str(), y)))),
        };
        small
            .into_iter()
            .flatten()
            .chain(large.into_iter().flatten())
    }

    /// Room for `additional` more accounts while they fit in the vector: an object
    /// whose accounts come together gets a vector of their number, not one doubled
    /// past it as it grows.
    pub(crate) fn reserve(&mut self, additional: usize) {
        if let Form::Small(v) = &mut self.0 {
            if v.len().saturating_add(additional) <= SMALL {
                v.reserve_exact(additional);
            }
        }
    }
}

impl<V: Default> AccountMap<V> {
    /// The value of `account`, made (as `V::default()`) when new. `None` cannot happen
    /// (the position found is in range); the callers turn it into an internal error.
    pub(crate) fn slot(&mut self, account: &str) -> Option<&mut V> {
        let key = account.as_bytes();
        // Where the account is or goes in the vector. Accounts that come in order (as a
        // trial balance is built from sorted sums) go on the end, with no search.
        let place = match &self.0 {
            Form::Small(v) => Some(match v.last() {
                Some((k, _)) if k.as_bytes() >= key => {
                    v.binary_search_by(|(k, _)| k.as_bytes().cmp(key))
                }
                _ => Err(v.len()),
            }),
            Form::Large(_) => None,
        };
        if let (Form::Small(v), Some(Err(_))) = (&mut self.0, place) {
            if v.len() >= SMALL {
                let tree = std::mem::take(v).into_iter().collect();
                self.0 = Form::Large(tree);
            }
        }
        match (&mut self.0, place) {
            (Form::Small(v), Some(Ok(at))) => v.get_mut(at).map(|(_, y)| y),
            (Form::Small(v), Some(Err(at))) => {
                v.insert(at, (InlineStr::new(account), V::default()));
                v.get_mut(at).map(|(_, y)| y)
            }
            (Form::Small(_), None) => None,
            (Form::Large(tree), _) => {
                // A key is allocated only for a new account.
                if !tree.contains_key(key) {
                    tree.insert(InlineStr::new(account), V::default());
                }
                tree.get_mut(key)
            }
        }
    }
}

/// Built from (account, value) pairs in any order; a later value for an account
/// replaces the earlier one, as in a `BTreeMap`.
impl<K: AsRef<str>, V: Default> FromIterator<(K, V)> for AccountMap<V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        let mut map = AccountMap::default();
        for (account, value) in pairs {
            if let Some(slot) = map.slot(account.as_ref()) {
                *slot = value;
            }
        }
        map
    }
}

/// Shown as a map of account → value, as a `BTreeMap` is.
impl<V: std::fmt::Debug> std::fmt::Debug for AccountMap<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// Serialized as a map of account → value, as a `BTreeMap` is.
#[cfg(feature = "serde")]
impl<V: serde::Serialize> serde::Serialize for AccountMap<V> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

#[cfg(feature = "serde")]
impl<'de, V: serde::Deserialize<'de>> serde::Deserialize<'de> for AccountMap<V> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let tree = BTreeMap::<String, V>::deserialize(d)?;
        let keyed = tree.into_iter().map(|(k, y)| (InlineStr::new(&k), y));
        Ok(AccountMap(if keyed.len() <= SMALL {
            Form::Small(keyed.collect())
        } else {
            Form::Large(keyed.collect())
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever the order (at random, or in order) and repetition of the accounts
        /// added, and the room reserved, the map holds what one `BTreeMap` holds, in
        /// the same order, finds what it finds, and its form follows its length.
        #[test]
        fn holds_what_a_tree_holds(
            mut adds in prop::collection::vec((0u16..120, -1000i64..1000), 0..300),
            reserve in 0usize..40,
            in_order in any::<bool>(),
        ) {
            if in_order {
                // In the order of their text, repeats together, as a trial balance
                // is built from sorted sums: each new account goes on the end.
                adds.sort_by_key(|(account, _)| format!("{account}"));
            }
            let mut ours = AccountMap::<(i64, u64)>::default();
            let mut tree: BTreeMap<String, (i64, u64)> = BTreeMap::new();
            // Room reserved (or not, past the vector's size) changes nothing held.
            ours.reserve(reserve);
            for (i, (account, kr)) in adds.into_iter().enumerate() {
                if i == 20 {
                    ours.reserve(reserve);
                }
                let key = format!("{account}");
                let y = ours.slot(&key).ok_or_else(|| TestCaseError::fail("no slot"))?;
                *y = (y.0 + kr, y.1 + 1);
                let t = tree.entry(key).or_default();
                *t = (t.0 + kr, t.1 + 1);
            }
            let got: Vec<_> = ours.iter().map(|(k, y)| (k.to_owned(), *y)).collect();
            let want: Vec<_> = tree.iter().map(|(k, y)| (k.clone(), *y)).collect();
            prop_assert_eq!(got, want);
            prop_assert_eq!(ours.len(), tree.len());
            for account in 0u16..121 {
                let key = format!("{account}");
                prop_assert_eq!(ours.get(&key), tree.get(&key));
            }
            let small = matches!(ours.0, Form::Small(_));
            prop_assert_eq!(small, tree.len() <= SMALL);
            // Collected from the tree's pairs, in reverse, it is the same map.
            let collected: AccountMap<(i64, u64)> = tree.iter().rev().map(|(k, y)| (k, *y)).collect();
            prop_assert_eq!(&collected, &ours);
            prop_assert_eq!(format!("{collected:?}"), format!("{tree:?}"));
        }
    }

    #[test]
    fn moves_into_a_tree_past_the_small_size() {
        let mut ours = AccountMap::<u32>::default();
        for a in 0..SMALL {
            assert!(ours.slot(&format!("{:04}", 1000 + a)).is_some());
        }
        assert!(matches!(ours.0, Form::Small(_)));
        // An account already there keeps the vector.
        assert!(ours.slot("1000").is_some());
        assert!(matches!(ours.0, Form::Small(_)));
        assert!(ours.slot("0999").is_some());
        assert!(matches!(ours.0, Form::Large(_)));
        assert_eq!(ours.iter().count(), SMALL + 1);
        assert_eq!(ours.iter().next().map(|(k, _)| k), Some("0999"));
        assert_eq!(ours.get("0999"), Some(&0));
    }

    #[test]
    fn a_later_value_replaces_an_earlier_one() {
        let map: AccountMap<u32> = [("3010", 1), ("2010", 5), ("3010", 2)]
            .into_iter()
            .collect();
        assert_eq!(map.iter().collect::<Vec<_>>(), [("2010", &5), ("3010", &2)]);
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serializes_as_a_map_both_forms() -> Result<(), serde_json::Error> {
        for n in [0usize, 3, SMALL, SMALL + 1, 100] {
            let tree: BTreeMap<String, u32> = (0..n).map(|i| (format!("{i:04}"), 1)).collect();
            let ours: AccountMap<u32> = tree.iter().map(|(k, v)| (k, *v)).collect();
            let json = serde_json::to_string(&ours)?;
            assert_eq!(json, serde_json::to_string(&tree)?);
            assert_eq!(serde_json::from_str::<AccountMap<u32>>(&json)?, ours);
        }
        Ok(())
    }
}
