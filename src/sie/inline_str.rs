//! A short string kept in place: the account numbers under the objects of a trial balance
//! and of [`Totals`](super::Totals).
//!
//! A ledger with a million objects holds a few million (object, account) balances, each
//! keyed by its account number. As a `String` each number is a heap allocation of its
//! own: 32 bytes with the allocator's overhead on top of the 24 of the `String`, and an
//! allocation to make and free. Account numbers are a few digits, so a string of up to
//! [`INLINE`] bytes is kept inside the 24-byte key itself; only a longer one goes to the
//! heap.

use std::borrow::Borrow;
use std::cmp::Ordering;

/// The longest string kept inside the key.
const INLINE: usize = 22;

/// A string, ordered and compared as `str` is (byte by byte).
#[derive(Clone)]
pub(crate) enum InlineStr {
    /// Up to [`INLINE`] bytes, the first `len` of `bytes`.
    Inline { len: u8, bytes: [u8; INLINE] },
    /// A longer string.
    Heap(Box<str>),
}

impl InlineStr {
    /// `s`, in place when it is short.
    pub(crate) fn new(s: &str) -> Self {
        let b = s.as_bytes();
        let mut bytes = [0u8; INLINE];
        match (bytes.get_mut(..b.len()), u8::try_from(b.len())) {
            (Some(to), Ok(len)) => {
                to.copy_from_slice(b);
                InlineStr::Inline { len, bytes }
            }
            _ => InlineStr::Heap(s.into()),
        }
    }

    /// The string's bytes.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        match self {
            InlineStr::Inline { len, bytes } => bytes.get(..usize::from(*len)).unwrap_or_default(),
            InlineStr::Heap(s) => s.as_bytes(),
        }
    }

    /// The string.
    pub(crate) fn as_str(&self) -> &str {
        match self {
            // Always valid: the bytes are a whole `str` copied in `new`.
            InlineStr::Inline { .. } => std::str::from_utf8(self.as_bytes()).unwrap_or_default(),
            InlineStr::Heap(s) => s,
        }
    }
}

impl PartialEq for InlineStr {
    fn eq(&self, other: &Self) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl Eq for InlineStr {}

impl PartialOrd for InlineStr {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for InlineStr {
    /// As `str` orders: byte by byte.
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_bytes().cmp(other.as_bytes())
    }
}

/// Looked up by a string's bytes in a `BTreeMap` (their order is `str`'s), without the
/// UTF-8 check that giving a `&str` would make at every comparison.
impl Borrow<[u8]> for InlineStr {
    fn borrow(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl std::fmt::Debug for InlineStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever the string (empty, at the inline limit, longer, not ASCII), it is
        /// given back whole, and two compare and order as their strings do.
        #[test]
        fn holds_and_orders_as_its_string(a in "\\PC{0,30}", b in "[0-9Ö]{0,24}") {
            let (x, y) = (InlineStr::new(&a), InlineStr::new(&b));
            prop_assert_eq!(x.as_str(), a.as_str());
            prop_assert_eq!(y.as_str(), b.as_str());
            prop_assert_eq!(x.cmp(&y), a.cmp(&b));
            prop_assert_eq!(x == y, a == b);
            let borrowed: &[u8] = x.borrow();
            prop_assert_eq!(borrowed, a.as_bytes());
        }
    }

    #[test]
    fn short_strings_stay_in_place() {
        assert!(matches!(
            InlineStr::new("3010"),
            InlineStr::Inline { len: 4, .. }
        ));
        assert!(matches!(
            InlineStr::new(&"9".repeat(INLINE)),
            InlineStr::Inline { .. }
        ));
        assert!(matches!(
            InlineStr::new(&"9".repeat(INLINE + 1)),
            InlineStr::Heap(_)
        ));
        assert_eq!(std::mem::size_of::<InlineStr>(), 24);
    }
}
