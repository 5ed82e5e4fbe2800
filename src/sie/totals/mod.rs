//! Summor: sums of voucher rows per account and per (dimension, object, account).

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::io::Read;

use rust_decimal::Decimal;

use super::account_map::AccountMap;
use super::encoding::{Encoding, detect_encoding};
use super::lexer::{
    NewlineFinder, PlainRow, Tok, TokKind, scan_plain_row_head, tokenize_limited, unescape,
};
use super::reader::{Label, MAX_OBJECTS, digit_key, key_text};
use super::record::Record;
use super::value::{parse_amount, parse_cents};

mod digit_row;
mod parallel;

use digit_row::digit_row;
pub(crate) use digit_row::{Decimals, DigitRow, digit_row_head, digit_row_head_into};
#[cfg(test)]
use parallel::{CHUNK, chunk_cuts};
pub use parallel::{ParallelSums, sum_transactions_parallel};
pub(crate) use parallel::{last_voucher_boundary, stretch_cuts, voucher_boundary};

/// Objektsummor: sums per dimension → object → account. An object's accounts are an
/// [`AccountMap`], compact for the few accounts most objects hold.
#[doc(alias = "objektsummor")]
pub type ObjectSums = BTreeMap<u32, BTreeMap<String, AccountMap<Decimal>>>;

/// Adds `amount` to `account` in one object's sums, saturating at the decimal limit.
#[inline]
fn add_under(map: &mut AccountMap<Decimal>, account: &str, amount: Decimal) {
    if let Some(sum) = map.slot(account) {
        *sum = sum.saturating_add(amount);
    }
}

/// Adds `amount` to `account` in one object's sums; false when the sum would leave the
/// range of a decimal (or, which cannot happen, the account's place is not found).
fn checked_under(map: &mut AccountMap<Decimal>, account: &str, amount: Decimal) -> bool {
    match map.slot(account).map(|sum| (sum.checked_add(amount), sum)) {
        Some((Some(s), sum)) => {
            *sum = s;
            true
        }
        _ => false,
    }
}

#[inline]
fn add_at(map: &mut BTreeMap<String, Decimal>, key: &str, amount: Decimal) {
    match map.get_mut(key) {
        Some(sum) => *sum = sum.saturating_add(amount),
        None => {
            map.insert(key.to_owned(), amount);
        }
    }
}

/// Summor: counts and sums of the voucher rows of an SIE file.
///
/// Sums count `#TRANS` and `#RTRANS` rows (the duplicate `#TRANS` after an `#RTRANS` is
/// not in the records), never the struck `#BTRANS` rows. `rows` counts every row kept,
/// struck ones included.
///
/// Build it from typed records with [`Totals::add`], or straight from bytes with the
/// faster [`sum_transactions`].
///
/// ```
/// use kommunal_redovisning::Decimal;
/// use kommunal_redovisning::sie::{Reader, Totals, sum_transactions};
///
/// // Two made-up vouchers, one booked on kostnadsställe 110.
/// let file = b"#VER A 1 20250101\n{\n#TRANS 5010 {1 \"110\"} 100\n#TRANS 1930 {} -100\n}\n\
///              #VER A 2 20250102\n{\n#TRANS 5010 {} 50\n#TRANS 1930 {} -50\n}\n";
/// let mut totals = Totals::default();
/// for record in Reader::new(&file[..]) {
///     totals.add(&record?);
/// }
/// assert_eq!((totals.vouchers, totals.rows), (2, 4));
/// assert_eq!(totals.by_account["5010"], Decimal::from(150));
/// assert_eq!(totals.by_object[&1]["110"].get("5010"), Some(&Decimal::from(100)));
/// // The same sums, straight from the bytes.
/// assert_eq!(sum_transactions(&file[..], None)?.by_account, totals.by_account);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "summor")]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    /// Records read (a voucher with its rows is one record).
    pub records: u64,
    /// Vouchers (`#VER`).
    pub vouchers: u64,
    /// Voucher rows.
    pub rows: u64,
    /// Sum of counted rows per account.
    pub by_account: BTreeMap<String, Decimal>,
    /// Sum of counted rows per dimension, object and account, for every pair in a row's
    /// object list.
    pub by_object: ObjectSums,
}

/// Summan flödar över: adding a row made an account's (or object's) sum leave the range
/// of a decimal, about 7,9 × 10²⁸ — an amount no real ledger holds.
///
/// ```
/// use kommunal_redovisning::sie::{Reader, SumOverflow, Totals};
///
/// // Two rows on 1930 whose sum exceeds the largest decimal (about 7,9 × 10²⁸).
/// let file = b"#VER A 1 20250101\n{\n#TRANS 1930 {} 79228162514264337593543950335\n#TRANS 1930 {} 1\n}\n";
/// let mut totals = Totals::default();
/// let mut overflow = None;
/// for record in Reader::new(&file[..]) {
///     overflow = totals.try_add(&record?).err().or(overflow);
/// }
/// assert_eq!(overflow, Some(SumOverflow { account: "1930".into() }));
/// # Ok::<(), kommunal_redovisning::sie::ReadError>(())
/// ```
#[doc(alias = "överflöde")]
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("summan för konto {account} blir för stor")]
pub struct SumOverflow {
    /// The account whose sum overflows.
    pub account: String,
}

fn checked_at(map: &mut BTreeMap<String, Decimal>, key: &str, amount: Decimal) -> bool {
    match map.get_mut(key) {
        Some(sum) => match sum.checked_add(amount) {
            Some(s) => {
                *sum = s;
                true
            }
            None => false,
        },
        None => {
            map.insert(key.to_owned(), amount);
            true
        }
    }
}

impl Totals {
    /// Adds one record like [`Totals::add`], but stops at the first sum that would
    /// overflow instead of saturating.
    ///
    /// # Errors
    ///
    /// [`SumOverflow`] naming the account; the totals then hold the rows before it.
    ///
    /// ```
    /// use kommunal_redovisning::sie::{Reader, Totals};
    /// let big = "79228162514264337593543950335";
    /// let file = format!("#VER A 1 20250101\n{{\n#TRANS 1930 {{}} {big}\n#TRANS 1930 {{}} 1\n}}\n");
    /// let mut reader = Reader::new(file.as_bytes());
    /// let mut totals = Totals::default();
    /// let Some(record) = reader.next_record()? else { return Err("no record".into()) };
    /// let Err(err) = totals.try_add(&record) else { return Err("no overflow".into()) };
    /// assert_eq!(err.account, "1930");
    /// assert_eq!(reader.record_line(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_add(&mut self, record: &Record) -> Result<(), SumOverflow> {
        self.records += 1;
        let Record::Voucher(v) = record else {
            return Ok(());
        };
        self.vouchers += 1;
        self.rows += v.rows.len() as u64;
        for row in v.rows.iter().filter(|r| r.kind.counts()) {
            let mut ok = checked_at(&mut self.by_account, &row.account, row.amount);
            for o in &row.objects {
                let objects = self.by_object.entry(o.dimension).or_default();
                let accounts = match objects.get_mut(o.object.as_str()) {
                    Some(a) => a,
                    None => objects.entry(o.object.clone()).or_default(),
                };
                ok &= checked_under(accounts, &row.account, row.amount);
            }
            if !ok {
                return Err(SumOverflow {
                    account: row.account.clone(),
                });
            }
        }
        Ok(())
    }

    /// Adds one record: vouchers add to the sums, every record to the record count.
    /// Sums saturate at the decimal limit; [`Totals::try_add`] reports that instead.
    pub fn add(&mut self, record: &Record) {
        self.records += 1;
        let Record::Voucher(v) = record else { return };
        self.vouchers += 1;
        self.rows += v.rows.len() as u64;
        for row in v.rows.iter().filter(|r| r.kind.counts()) {
            add_at(&mut self.by_account, &row.account, row.amount);
            for o in &row.objects {
                let objects = self.by_object.entry(o.dimension).or_default();
                let accounts = match objects.get_mut(o.object.as_str()) {
                    Some(a) => a,
                    None => objects.entry(o.object.clone()).or_default(),
                };
                add_under(accounts, &row.account, row.amount);
            }
        }
    }

    /// The sums per (dimension, object, account), in order.
    ///
    /// ```
    /// use kommunal_redovisning::sie::sum_transactions;
    /// let file = b"#VER A 1 20250101\n{\n#TRANS 5010 {1 \"110\" 20 \"7\"} 10\n#TRANS 1930 {} -10\n}\n";
    /// let totals = sum_transactions(&file[..], None)?;
    /// let sums: Vec<String> = totals
    ///     .object_sums()
    ///     .map(|(dim, obj, account, sum)| format!("{dim}/{obj}/{account}: {sum}"))
    ///     .collect();
    /// assert_eq!(sums, ["1/110/5010: 10.00", "20/7/5010: 10.00"]);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn object_sums(&self) -> impl Iterator<Item = (u32, &str, &str, Decimal)> + '_ {
        self.by_object.iter().flat_map(|(dim, objects)| {
            objects.iter().flat_map(move |(obj, accounts)| {
                accounts
                    .iter()
                    .map(move |(account, sum)| (*dim, obj.as_str(), account, *sum))
            })
        })
    }
}

/// A small fast hasher for byte keys (FxHash-like).
#[derive(Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        self.0 = h;
    }

    #[inline]
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    #[inline]
    fn write_u32(&mut self, x: u32) {
        self.write_u64(u64::from(x));
    }

    #[inline]
    fn finish(&self) -> u64 {
        // Mix the high bits into the low ones, which pick the bucket.
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^ (h >> 33)
    }
}

type FastMap<K> = HashMap<K, Acc, BuildHasherDefault<FastHasher>>;

/// A hash map with [`FastHasher`].
pub(crate) type FastHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// A (dimension, object, account) key, hashed as one word (one multiply instead of
/// three; [`FastHasher::finish`] mixes it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ObjectKey {
    pub(crate) dimension: u32,
    pub(crate) object: u64,
    pub(crate) account: u64,
}

impl std::hash::Hash for ObjectKey {
    #[inline]
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(
            self.object.wrapping_mul(0x9e37_79b9_7f4a_7c15)
                ^ self.account.rotate_left(29)
                ^ u64::from(self.dimension).rotate_left(47),
        );
    }
}

/// Sorts object sums by [`object_order`] and hands each object's sums to `f` as one
/// group, so that each object is decoded and looked up once, not once per account.
///
/// Sums already in that order (as [`merged_object_sums`] gives them) are checked in one
/// pass; others are put in order by [`sort_by_object`].
///
/// The groups go from the last object to the first, and the vector is given back in
/// steps (an eighth, at least 65 536 sums) as it empties: with a million objects it and
/// what `f` builds from it are not held whole at once. The first error of `f` ends it.
pub(crate) fn object_groups<V, E>(
    mut sums: Vec<(ObjectKey, V)>,
    mut f: impl FnMut(&[(ObjectKey, V)]) -> Result<(), E>,
) -> Result<(), E> {
    if !sums.is_sorted_by_key(|(k, _)| object_order(k)) {
        sort_by_object(&mut sums);
    }
    let step = (sums.len() / 8).max(1 << 16);
    let mut given_back = sums.len();
    while let Some((last, _)) = sums.last() {
        let object = (last.dimension, last.object);
        let start = sums
            .iter()
            .rposition(|(k, _)| (k.dimension, k.object) != object)
            .map_or(0, |at| at + 1);
        f(sums.get(start..).unwrap_or_default())?;
        sums.truncate(start);
        if given_back - sums.len() >= step {
            sums.shrink_to_fit();
            given_back = sums.len();
        }
    }
    Ok(())
}

/// Sorts `sums` by [`object_order`] in time linear in their number where objects have
/// several accounts each (the common case): each object is numbered once, through a
/// hash map, the objects alone are sorted, each sum is moved straight to its place, and
/// then each object's few sums are sorted by account. A comparison sort of the whole
/// vector costs about five times as many instructions on a generated municipal ledger
/// (9 000 sums of 450 objects). Besides `sums`, it holds a word per sum and a map of
/// the objects while it runs.
fn sort_by_object<V>(sums: &mut [(ObjectKey, V)]) {
    // Each sum's object, numbered as first met (later its place), and each object's
    // count of sums.
    let mut number: FastHashMap<(u32, u64), usize> = FastHashMap::default();
    let mut objects: Vec<((u32, u64), usize)> = Vec::new();
    let mut place: Vec<usize> = Vec::with_capacity(sums.len());
    for (k, _) in sums.iter() {
        let next = objects.len();
        let i = *number.entry((k.dimension, k.object)).or_insert(next);
        if i == next {
            objects.push(((k.dimension, k.object), 0));
        }
        if let Some((_, n)) = objects.get_mut(i) {
            *n += 1;
        }
        place.push(i);
    }
    drop(number);
    let mut order: Vec<usize> = (0..objects.len()).collect();
    order.sort_unstable_by_key(|&i| objects.get(i).map(|(object, _)| *object));
    // Where the next sum of each object goes.
    let mut next = vec![0usize; objects.len()];
    let mut at = 0;
    for &i in &order {
        if let (Some(start), Some((_, n))) = (next.get_mut(i), objects.get(i)) {
            *start = at;
            at += n;
        }
    }
    for p in &mut place {
        if let Some(start) = next.get_mut(*p) {
            *p = *start;
            *start += 1;
        }
    }
    // Each swap puts one sum at its place for good, so this ends after at most as
    // many swaps as sums.
    for j in 0..sums.len() {
        while let Some(&to) = place.get(j) {
            if to == j || to >= sums.len() {
                break;
            }
            sums.swap(j, to);
            place.swap(j, to);
        }
    }
    let mut rest = sums;
    for &i in &order {
        let n = objects.get(i).map_or(0, |(_, n)| *n);
        let Some((group, tail)) = rest.split_at_mut_checked(n) else {
            break;
        };
        group.sort_unstable_by_key(|(k, _)| k.account);
        rest = tail;
    }
}

/// The order in which object sums are merged: by dimension, object and account.
#[inline]
fn object_order(k: &ObjectKey) -> (u32, u64, u64) {
    (k.dimension, k.object, k.account)
}

/// Fewer object sums than this are sorted on the calling thread: a thread costs more
/// than it saves.
const PARALLEL_SORT: usize = 1 << 16;

/// The object sums of several runs (each from one state's table, keys unique within a
/// run) as one vector, sorted by [`object_order`], with the sums of a key found in
/// several runs added. Each run is sorted on a thread of its own (up to `threads`, the
/// calling thread one of them) when the runs are large, and the sorted runs are then
/// merged in one pass. Merging the tables key by key instead costs a lookup in a table
/// of millions of keys for each, every one of them a wait on memory: with a million
/// objects that made two threads slower than one.
fn merged_object_sums(
    mut runs: Vec<Vec<(ObjectKey, Acc)>>,
    threads: usize,
) -> Vec<(ObjectKey, Acc)> {
    let total: usize = runs.iter().map(Vec::len).sum();
    let sort = |run: &mut Vec<(ObjectKey, Acc)>| run.sort_unstable_by_key(|(k, _)| object_order(k));
    if threads > 1 && total >= PARALLEL_SORT && runs.len() > 1 {
        let per = runs.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let mut chunks = runs.chunks_mut(per);
            let here = chunks.next();
            for chunk in chunks {
                scope.spawn(move || chunk.iter_mut().for_each(sort));
            }
            if let Some(chunk) = here {
                chunk.iter_mut().for_each(sort);
            }
        });
    } else {
        runs.iter_mut().for_each(sort);
    }
    let mut merged = runs.pop().unwrap_or_default();
    while let Some(run) = runs.pop() {
        merged = merge_sorted_runs(merged, run);
    }
    merged
}

/// Two runs sorted by [`object_order`], keys unique within each, as one such run.
fn merge_sorted_runs(a: Vec<(ObjectKey, Acc)>, b: Vec<(ObjectKey, Acc)>) -> Vec<(ObjectKey, Acc)> {
    if a.is_empty() {
        return b;
    }
    if b.is_empty() {
        return a;
    }
    let mut out = Vec::with_capacity(a.len().max(b.len()));
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some((x, _)), Some((y, _))) => match object_order(x).cmp(&object_order(y)) {
                std::cmp::Ordering::Less => a.next(),
                std::cmp::Ordering::Greater => b.next(),
                std::cmp::Ordering::Equal => match (a.next(), b.next()) {
                    (Some((k, mut x)), Some((_, y))) => {
                        x.add(y.cents());
                        Some((k, x))
                    }
                    (x, y) => x.or(y),
                },
            },
            (Some(_), None) => a.next(),
            (None, _) => b.next(),
        };
        match next {
            Some(entry) => out.push(entry),
            None => return out,
        }
    }
}

/// A running sum in öre, two's complement in two words: 16 bytes aligned to 8 (an
/// `i128` would align every map entry to 16), so that an entry of the object sums is 40
/// bytes, not 80 as with the exact part beside it. The rare amounts that are not whole
/// öre are summed apart ([`Exact`]).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Acc {
    lo: u64,
    hi: u64,
}

impl Acc {
    /// The sum in öre.
    #[inline(always)]
    pub(crate) fn cents(self) -> i128 {
        ((u128::from(self.hi) << 64) | u128::from(self.lo)) as i128
    }

    /// Adds öre. Cannot overflow in practice (2¹²⁷ öre); wrapping keeps debug builds
    /// panic-free.
    #[inline(always)]
    pub(crate) fn add(&mut self, cents: i128) {
        let sum = self.cents().wrapping_add(cents);
        self.lo = sum as u64;
        self.hi = ((sum as u128) >> 64) as u64;
    }

    /// The sum with the exact part `extra` of the same key; `None` when it leaves the
    /// decimal range.
    fn total(self, extra: Option<&Exact>) -> Option<Decimal> {
        let cents = Decimal::try_from_i128_with_scale(self.cents(), 2).ok()?;
        match extra {
            None => Some(cents),
            Some(e) if e.overflow => None,
            Some(e) => cents.checked_add(e.sum),
        }
    }
}

/// The part of a key's sum from amounts that are not whole öre.
#[derive(Default, Clone, Copy)]
struct Exact {
    sum: Decimal,
    /// The sum left the decimal range.
    overflow: bool,
}

impl Exact {
    fn add(&mut self, amount: Decimal) {
        match self.sum.checked_add(amount) {
            Some(e) => self.sum = e,
            None => self.overflow = true,
        }
    }

    fn merge(&mut self, other: Exact) {
        self.add(other.sum);
        self.overflow |= other.overflow;
    }
}

type ExactMap<K> = HashMap<K, Exact, BuildHasherDefault<FastHasher>>;

/// Adds öre to the sum of `key` (made when new): a lookup first, the common case and
/// cheaper than the entry API.
#[inline(always)]
fn add_cents<K: std::hash::Hash + Eq>(map: &mut FastMap<K>, key: K, cents: i128) {
    if let Some(acc) = map.get_mut(&key) {
        acc.add(cents);
        return;
    }
    let mut acc = Acc::default();
    acc.add(cents);
    map.insert(key, acc);
}

/// A map of running sums in öre.
trait CentsMap<K> {
    /// Adds öre to the sum of `key` (made when new).
    fn add_cents(&mut self, key: K, cents: i128);
}

impl<K: std::hash::Hash + Eq> CentsMap<K> for FastMap<K> {
    #[inline(always)]
    fn add_cents(&mut self, key: K, cents: i128) {
        add_cents(self, key, cents);
    }
}

/// Sums per account key (as [`Keys::key`] and the reader's summing mode make them):
/// accounts of four digits, the commonest (BAS, Kommun-Bas), found through a table
/// indexed by their number, which costs an index instead of a hash lookup; the others
/// in a map. Used by the sum path (`V` = [`Acc`]) and the ledger's summing mode.
#[derive(Debug)]
pub(crate) struct AccountTable<V> {
    /// For each four-digit account `0000`–`9999`, one more than its place in `four`
    /// (0: none yet); empty until the first.
    index: Vec<u32>,
    four: Vec<(u64, V)>,
    other: FastHashMap<u64, V>,
}

impl<V> Default for AccountTable<V> {
    fn default() -> Self {
        AccountTable {
            index: Vec::new(),
            four: Vec::new(),
            other: FastHashMap::default(),
        }
    }
}

/// The key length of the accounts in [`AccountTable::four`].
const FOUR_DIGITS: u64 = 4 << 56;

impl<V: Default> AccountTable<V> {
    /// Applies `f` to the sum of `key`, made (as `V::default()`) when new.
    #[inline(always)]
    pub(crate) fn update<R>(&mut self, key: u64, f: impl FnOnce(&mut V) -> R) -> R {
        if key & !((1 << 56) - 1) == FOUR_DIGITS {
            if self.index.is_empty() {
                self.index = vec![0; 10_000];
            }
            if let Some(slot) = self.index.get_mut((key & ((1 << 56) - 1)) as usize) {
                if *slot == 0 {
                    self.four.push((key, V::default()));
                    *slot = u32::try_from(self.four.len()).unwrap_or(0);
                }
                if let Some((_, v)) = self.four.get_mut((*slot as usize).wrapping_sub(1)) {
                    return f(v);
                }
            }
        }
        // A lookup first: the common case, and cheaper than the entry API.
        if let Some(v) = self.other.get_mut(&key) {
            return f(v);
        }
        let mut v = V::default();
        let r = f(&mut v);
        self.other.insert(key, v);
        r
    }

    /// Every key with a sum, and the sum.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (u64, &V)> + '_ {
        let four = self.four.iter().map(|(k, v)| (*k, v));
        four.chain(self.other.iter().map(|(k, v)| (*k, v)))
    }

    /// How many keys have a sum.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.four.len() + self.other.len()
    }
}

impl<V> IntoIterator for AccountTable<V> {
    type Item = (u64, V);
    type IntoIter = std::iter::Chain<
        std::vec::IntoIter<(u64, V)>,
        std::collections::hash_map::IntoIter<u64, V>,
    >;

    /// Every key with a sum, and the sum.
    fn into_iter(self) -> Self::IntoIter {
        self.four.into_iter().chain(self.other)
    }
}

impl CentsMap<u64> for AccountTable<Acc> {
    #[inline(always)]
    fn add_cents(&mut self, key: u64, cents: i128) {
        self.update(key, |acc| acc.add(cents));
    }
}

/// Adds an amount read the general way to the sum of `key`: in öre, or (`cents` is
/// `None`) exactly, apart. The key's öre sum is made either way, so that every key
/// with a row has one.
#[inline]
fn add_amount<K: std::hash::Hash + Eq + Copy>(
    map: &mut impl CentsMap<K>,
    exact: &mut ExactMap<K>,
    key: K,
    cents: Option<i64>,
    amount: Decimal,
) {
    map.add_cents(key, cents.map_or(0, i128::from));
    if cents.is_none() {
        exact.entry(key).or_default().add(amount);
    }
}

/// A dimension number (digits only, at most nine).
#[inline]
fn parse_dim(raw: &[u8]) -> Option<u32> {
    if raw.is_empty() || raw.len() > 9 || !raw.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(
        raw.iter()
            .fold(0u32, |acc, &b| acc * 10 + u32::from(b - b'0')),
    )
}

/// Account and object numbers as `u64` keys: digit strings of up to 15 digits are
/// encoded as (length, value) so that leading zeros stay distinct; anything else is
/// interned and gets an id with the top bit set.
#[derive(Default)]
struct Keys {
    ids: HashMap<Vec<u8>, u64, BuildHasherDefault<FastHasher>>,
    names: Vec<Vec<u8>>,
    /// File offset of each name's first appearance.
    first: Vec<u64>,
}

const INTERNED: u64 = 1 << 63;

impl Keys {
    #[inline]
    fn key(&mut self, bytes: &[u8], offset: u64) -> u64 {
        match digit_key(bytes, 15) {
            Some(key) => key,
            None => self.key_at(bytes, offset),
        }
    }

    /// The id of a name that is not a short digit string, first seen at `offset` (an
    /// earlier first appearance is kept).
    fn key_at(&mut self, bytes: &[u8], offset: u64) -> u64 {
        if let Some(&id) = self.ids.get(bytes) {
            let idx = usize::try_from(id & !INTERNED).unwrap_or(usize::MAX);
            if let Some(first) = self.first.get_mut(idx) {
                *first = (*first).min(offset);
            }
            return id;
        }
        let id = INTERNED | self.names.len() as u64;
        self.names.push(bytes.to_vec());
        self.first.push(offset);
        self.ids.insert(bytes.to_vec(), id);
        id
    }

    /// The first 4 096 non-ASCII bytes of the names, in the order the names first
    /// appear in the file: the sample the encoding is detected from.
    fn high_sample(&self) -> Vec<u8> {
        let mut order: Vec<(u64, &Vec<u8>)> = self
            .first
            .iter()
            .copied()
            .zip(&self.names)
            .filter(|(_, n)| !n.is_ascii())
            .collect();
        order.sort_by_key(|&(first, _)| first);
        order
            .into_iter()
            .flat_map(|(_, n)| n.iter().copied())
            .filter(|b| !b.is_ascii())
            .take(4096)
            .collect()
    }

    fn bytes(&self, key: u64) -> Vec<u8> {
        if key & INTERNED != 0 {
            let idx = usize::try_from(key & !INTERNED).unwrap_or(usize::MAX);
            return self.names.get(idx).cloned().unwrap_or_default();
        }
        key_text(key).into_bytes()
    }
}

fn token_bytes<'a>(t: &Tok, line: &'a [u8], scratch: &'a mut Vec<u8>) -> &'a [u8] {
    let raw = t.bytes(line);
    if t.kind == TokKind::Bare {
        // A bare field ends at a separator: nothing to trim.
        return raw;
    }
    let raw = if t.kind == TokKind::Escaped {
        *scratch = unescape(raw);
        scratch.as_slice()
    } else {
        raw
    };
    let start = raw.iter().position(|&b| b != b' ').unwrap_or(raw.len());
    let end = raw
        .iter()
        .rposition(|&b| b != b' ')
        .map_or(start, |e| e + 1);
    raw.get(start..end).unwrap_or_default()
}

/// Longest line read, in bytes without the line end; longer lines are skipped (as the
/// typed reader's default [`ReadOptions::max_line_length`](super::ReadOptions)).
const MAX_LINE: usize = 1 << 20;

/// The sums a stretch collects: per account and per (dimension, object, account) key,
/// in öre, and exactly apart for the amounts that are not whole öre.
#[derive(Default)]
struct Sums {
    keys: Keys,
    accounts: AccountTable<Acc>,
    objects: FastMap<ObjectKey>,
    /// The exact parts of the sums, for the keys that have amounts not in whole öre.
    exact_accounts: ExactMap<u64>,
    exact_objects: ExactMap<ObjectKey>,
}

impl Sums {
    /// Adds an amount read the general way (see [`add_amount`]) to the account written
    /// `raw`, found at byte `at` of the file: the account's key.
    #[inline]
    fn add_to_account(&mut self, raw: &[u8], at: u64, cents: Option<i64>, exact: Decimal) -> u64 {
        let account = self.keys.key(raw, at);
        add_amount(
            &mut self.accounts,
            &mut self.exact_accounts,
            account,
            cents,
            exact,
        );
        account
    }

    /// The same to the object written `raw` (at byte `at`) of `dimension` and the
    /// account `account`.
    #[inline]
    fn add_to_object(
        &mut self,
        dimension: u32,
        raw: &[u8],
        at: u64,
        account: u64,
        cents: Option<i64>,
        exact: Decimal,
    ) {
        let key = ObjectKey {
            dimension,
            object: self.keys.key(raw, at),
            account,
        };
        add_amount(
            &mut self.objects,
            &mut self.exact_objects,
            key,
            cents,
            exact,
        );
    }
}

/// Running sums over stretches of an SIE file. Every stretch after the first begins
/// at a line that starts with `#VER` and a separator, where the row logic's state
/// (inside a voucher or not, a pending `#RTRANS`) is reset whatever came before, so
/// stretches can be summed in any order, by any thread, and merged exactly.
struct SumState {
    sums: Sums,
    records: u64,
    vouchers: u64,
    rows: u64,
    in_voucher: bool,
    rtrans_sig: Option<Vec<u8>>,
    sig: Vec<u8>,
    scratch: Vec<u8>,
    scratch2: Vec<u8>,
    toks: Vec<Tok>,
    plain: PlainRow,
    /// The fields of the last row [`digit_row()`] read.
    head: DigitRow,
    /// Offset in the whole file of the line being summed (for first appearances).
    offset: u64,
    /// Object sums of states merged into this one, their keys renumbered into this
    /// state's, each as its table gave them ([`SumState::merge`]).
    object_runs: Vec<Vec<(ObjectKey, Acc)>>,
}

impl SumState {
    fn new() -> Self {
        SumState {
            sums: Sums::default(),
            records: 0,
            vouchers: 0,
            rows: 0,
            in_voucher: false,
            rtrans_sig: None,
            sig: Vec::with_capacity(64),
            scratch: Vec::new(),
            scratch2: Vec::new(),
            toks: Vec::with_capacity(16),
            plain: PlainRow::EMPTY,
            head: DigitRow::EMPTY,
            offset: 0,
            object_runs: Vec::new(),
        }
    }

    /// Sums the complete lines of `data`, which begins at byte `base` of the file
    /// (`base` 0: the file's first line, where a byte order mark is skipped). A last
    /// line without a line end is a line too.
    fn lines(&mut self, data: &[u8], base: u64) {
        let mut rest = data;
        let mut first = base == 0;
        let mut at = base;
        let newline = NewlineFinder::new();
        while !rest.is_empty() {
            // A voucher's brace lines, the commonest after its rows, without a search
            // for their end.
            if let Some(&[brace @ (b'{' | b'}'), b'\n']) = rest.get(..2) {
                first = false;
                self.offset = at;
                at += 2;
                rest = rest.get(2..).unwrap_or_default();
                if brace == b'}' {
                    self.in_voucher = false;
                }
                continue;
            }
            let (mut line, next) = match newline.find(rest) {
                Some(i) => (
                    rest.get(..i).unwrap_or_default(),
                    rest.get(i + 1..).unwrap_or_default(),
                ),
                None => (rest, &[][..]),
            };
            let len = (rest.len() - next.len()) as u64;
            rest = next;
            self.offset = at;
            at += len;
            if line.len() > MAX_LINE {
                first = false;
                continue;
            }
            if first {
                first = false;
                line = line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(line);
            }
            while let [head @ .., b'\r'] = line {
                line = head;
            }
            self.line(line);
        }
    }

    /// A stretch ends: a voucher still open counts as a record, as it does when the
    /// next `#VER` line (the next stretch's first line) closes it.
    fn end_stretch(&mut self) {
        if self.in_voucher {
            self.records += 1;
        }
        self.in_voucher = false;
        self.rtrans_sig = None;
    }

    #[inline]
    fn line(&mut self, line: &[u8]) {
        // The commonest row, split without a token list (an #RTRANS before it needs the
        // signature comparison below).
        if self.in_voucher && self.rtrans_sig.is_none() && digit_row(line, &mut self.head).is_some()
        {
            let row = &self.head;
            self.rows += 1;
            let cents = i128::from(row.cents);
            self.sums.accounts.add_cents(row.account, cents);
            for &(dimension, object) in row.pairs.iter().take(row.pairs_len) {
                let key = ObjectKey {
                    dimension,
                    object,
                    account: row.account,
                };
                add_cents(&mut self.sums.objects, key, cents);
            }
            return;
        }
        if self.in_voucher
            && self.rtrans_sig.is_none()
            && scan_plain_row_head(line, &mut self.plain)
        {
            let p = &self.plain;
            let amount_raw = p.amount.bytes(line);
            let cents = parse_cents(amount_raw);
            let exact = match cents {
                Some(_) => Decimal::ZERO,
                // A row whose amount cannot be read is dropped, as the reader drops it.
                None => match parse_amount(amount_raw) {
                    Some(a) => a,
                    None => return,
                },
            };
            self.rows += 1;
            let offset = self.offset;
            let account = self.sums.add_to_account(
                token_bytes(&p.account, line, &mut self.scratch),
                offset + p.account.start(),
                cents,
                exact,
            );
            for (dim, t) in p.pairs.iter().take(p.pairs_len) {
                let raw = token_bytes(t, line, &mut self.scratch2);
                let at = offset + t.start();
                self.sums
                    .add_to_object(*dim, raw, at, account, cents, exact);
            }
            return;
        }
        // A voucher's braces and its head: nothing to split (a line whose first field
        // is `#VER` starts a voucher, whatever follows).
        match line {
            b"{" => return,
            b"}" => {
                self.in_voucher = false;
                return;
            }
            [b'#', b'V', b'E', b'R', sep, ..] if *sep <= b' ' || *sep == 0x7f => {
                if self.in_voucher {
                    self.records += 1;
                }
                self.in_voucher = true;
                self.vouchers += 1;
                self.rtrans_sig = None;
                return;
            }
            _ => {}
        }
        self.general_line(line);
    }

    /// Any other line, tokenized.
    fn general_line(&mut self, line: &[u8]) {
        let toks = &mut self.toks;
        // Label, account, {objects}, amount: nothing after the amount is needed.
        tokenize_limited(line, toks, 3);
        let Some(first) = toks.first() else { return };
        // Labels as the reader reads them: bare, in any case; an unknown label or a line
        // that is no record leaves the voucher open.
        let label = match first.kind {
            TokKind::Open => return,
            TokKind::Close => {
                self.in_voucher = false;
                return;
            }
            TokKind::Bare => {
                let raw = first.bytes(line);
                Label::from_bytes(raw).or_else(|| Label::from_bytes(&raw.to_ascii_uppercase()))
            }
            _ => None,
        };
        let Some(label) = label else {
            if first.kind == TokKind::Bare && first.bytes(line).first() == Some(&b'#') {
                self.records += 1;
            }
            return;
        };
        let kind = match label {
            Label::Trans => 0u8,
            Label::Rtrans => 1,
            Label::Btrans => 2,
            _ => {
                if self.in_voucher {
                    self.records += 1;
                }
                self.in_voucher = label == Label::Ver;
                if self.in_voucher {
                    self.vouchers += 1;
                } else {
                    self.records += 1;
                }
                self.rtrans_sig = None;
                return;
            }
        };
        if !self.in_voucher {
            return;
        }
        let Some(acct_tok) = toks.get(1).filter(|t| t.is_scalar()) else {
            self.rtrans_sig = None;
            return;
        };
        let mut i = 2;
        let list_start = i;
        if toks.get(i).map(|t| t.kind) == Some(TokKind::Open) {
            i += 1;
            while let Some(t) = toks.get(i) {
                i += 1;
                if t.kind == TokKind::Close {
                    break;
                }
            }
        }
        let list_end = i;
        let Some(amount_tok) = toks.get(i).filter(|t| t.is_scalar()) else {
            self.rtrans_sig = None;
            return;
        };
        let amount_raw = amount_tok.bytes(line);
        let Some(amount) = parse_amount(amount_raw) else {
            // Dropped, as the reader drops it; an #RTRANS before it is no longer matched.
            self.rtrans_sig = None;
            return;
        };
        // The duplicate #TRANS after an #RTRANS: compare account, objects and amount as
        // the reader does (parsed, not as written).
        if kind == 1 || self.rtrans_sig.is_some() {
            let sig = &mut self.sig;
            sig.clear();
            sig.extend_from_slice(token_bytes(acct_tok, line, &mut self.scratch));
            sig.push(0xff);
            let mut dim: Option<Option<u32>> = None;
            for t in toks
                .get(list_start + 1..list_end.saturating_sub(1))
                .unwrap_or_default()
                .iter()
                .filter(|t| t.is_scalar())
            {
                match dim.take() {
                    None => dim = Some(parse_dim(token_bytes(t, line, &mut self.scratch2))),
                    Some(None) => {}
                    Some(Some(d)) => {
                        sig.extend_from_slice(&d.to_le_bytes());
                        sig.extend_from_slice(token_bytes(t, line, &mut self.scratch2));
                        sig.push(0);
                    }
                }
            }
            sig.push(0xff);
            sig.extend_from_slice(amount.normalize().to_string().as_bytes());
        }
        if kind == 0 {
            if let Some(prev) = self.rtrans_sig.take() {
                if prev == self.sig {
                    return;
                }
            }
        } else {
            self.rtrans_sig = if kind == 1 {
                Some(self.sig.clone())
            } else {
                None
            };
        }
        self.rows += 1;
        if kind == 2 {
            return;
        }
        let cents = parse_cents(amount_raw);
        let exact = match cents {
            Some(_) => Decimal::ZERO,
            None => amount,
        };
        let offset = self.offset;
        let account = self.sums.add_to_account(
            token_bytes(acct_tok, line, &mut self.scratch),
            offset + acct_tok.start(),
            cents,
            exact,
        );
        let mut pending_dim: Option<u32> = None;
        let mut have_dim = false;
        // The reader keeps the first MAX_OBJECTS pairs of a list.
        let mut pairs = 0usize;
        for t in toks
            .get(list_start + 1..list_end.saturating_sub(1))
            .unwrap_or_default()
        {
            if !t.is_scalar() {
                continue;
            }
            if !have_dim {
                let raw = token_bytes(t, line, &mut self.scratch2);
                pending_dim = parse_dim(raw);
                have_dim = true;
                continue;
            }
            have_dim = false;
            let Some(dim) = pending_dim.take() else {
                continue;
            };
            pairs += 1;
            if pairs > MAX_OBJECTS {
                break;
            }
            let raw = token_bytes(t, line, &mut self.scratch2);
            let at = offset + t.start();
            self.sums.add_to_object(dim, raw, at, account, cents, exact);
        }
    }

    /// Adds `other`'s sums to these (interned keys are renumbered into this state's).
    fn merge(&mut self, other: SumState) {
        self.records += other.records;
        self.vouchers += other.vouchers;
        self.rows += other.rows;
        let (sums, other) = (&mut self.sums, other.sums);
        let keys = &mut sums.keys;
        let mut remap = |k: u64| -> u64 {
            if k & INTERNED == 0 {
                return k;
            }
            let idx = usize::try_from(k & !INTERNED).unwrap_or(usize::MAX);
            match (other.keys.names.get(idx), other.keys.first.get(idx)) {
                (Some(name), Some(&first)) => keys.key_at(name, first),
                _ => k,
            }
        };
        for (k, acc) in other.accounts {
            sums.accounts.add_cents(remap(k), acc.cents());
        }
        for (k, e) in other.exact_accounts {
            sums.exact_accounts.entry(remap(k)).or_default().merge(e);
        }
        let mut remap_object = |k: ObjectKey| ObjectKey {
            dimension: k.dimension,
            object: remap(k.object),
            account: remap(k.account),
        };
        // The object sums are not added into this state's table (with a million
        // objects each add waits on memory) but kept as a run, sorted and merged in
        // order at the end ([`merged_object_sums`]).
        let run = other
            .objects
            .into_iter()
            .map(|(k, acc)| (remap_object(k), acc))
            .collect();
        self.object_runs.push(run);
        for (k, e) in other.exact_objects {
            sums.exact_objects
                .entry(remap_object(k))
                .or_default()
                .merge(e);
        }
    }

    /// The sums, account and object numbers decoded with `encoding` (detected from
    /// the non-ASCII numbers, in the order they first appear in the file, when `None`).
    /// The runs of merged states are sorted on up to `threads` threads.
    fn finish(self, encoding: Option<Encoding>, threads: usize) -> Result<Totals, SumOverflow> {
        let mut totals = Totals {
            records: self.records,
            vouchers: self.vouchers,
            rows: self.rows,
            ..Totals::default()
        };
        let sums = self.sums;
        let keys = sums.keys;
        let enc = encoding
            .or_else(|| detect_encoding(&keys.high_sample()))
            .unwrap_or(Encoding::Cp437);
        for (k, acc) in sums.accounts {
            let account = enc.decode(&keys.bytes(k));
            let Some(total) = acc.total(sums.exact_accounts.get(&k)) else {
                return Err(SumOverflow { account });
            };
            // Two numbers that decode alike (invalid UTF-8 read as U+FFFD) are one
            // account, as the reader gives them.
            if !checked_at(&mut totals.by_account, &account, total) {
                return Err(SumOverflow { account });
            }
        }
        let exact_objects = &sums.exact_objects;
        let by_object = &mut totals.by_object;
        let mut runs = self.object_runs;
        runs.push(sums.objects.into_iter().collect());
        // Sorted already: `object_groups` sorts again only to find its groups, which
        // on sorted sums is one pass.
        object_groups(merged_object_sums(runs, threads), |group| {
            let Some((first, _)) = group.first() else {
                return Ok(());
            };
            let accounts = by_object
                .entry(first.dimension)
                .or_default()
                .entry(enc.decode(&keys.bytes(first.object)))
                .or_default();
            accounts.reserve(group.len());
            for (key, acc) in group {
                let account = enc.decode(&keys.bytes(key.account));
                let Some(total) = acc.total(exact_objects.get(key)) else {
                    return Err(SumOverflow { account });
                };
                if !checked_under(accounts, &account, total) {
                    return Err(SumOverflow { account });
                }
            }
            Ok(())
        })?;
        Ok(totals)
    }
}

/// Summerar transaktioner: sums the voucher rows of an SIE file per account and per
/// (dimension, object, account) straight from the bytes, without building records or
/// decoding texts that are not needed — the fast path for large files.
///
/// It applies the same row semantics as [`Reader`](super::Reader) (struck `#BTRANS` rows
/// not counted, the duplicate `#TRANS` after an `#RTRANS` skipped, rows outside a voucher
/// ignored) but reports no diagnostics; malformed amounts are skipped. `records` counts
/// non-row records, with a voucher as one record. `encoding` decodes account and object
/// numbers (detected when `None`). Lines longer than 1 MiB are skipped. For a file in
/// memory, [`sum_transactions_parallel`] gives the same sums on several threads.
///
/// # Errors
///
/// The source's I/O errors.
///
/// # Example
///
/// ```
/// use kommunal_redovisning::sie::sum_transactions;
///
/// let file = b"#VER A 1 20250101\n{\n#TRANS 5010 {1 \"110\"} 100.50\n#TRANS 1930 {} -100.50\n}\n";
/// let totals = sum_transactions(&file[..], None)?;
/// assert_eq!(totals.by_account["5010"].to_string(), "100.50");
/// assert_eq!(totals.rows, 2);
/// # Ok::<(), std::io::Error>(())
/// ```
#[doc(alias = "summera")]
pub fn sum_transactions<R: Read>(
    mut source: R,
    encoding: Option<Encoding>,
) -> std::io::Result<Totals> {
    let mut st = SumState::new();
    // Room for a longest line and its line end, and a read after it.
    let mut buf = vec![0u8; 2 * MAX_LINE + 2];
    let (mut start, mut end) = (0usize, 0usize);
    // Offset in the file of `buf[start]`.
    let mut base = 0u64;
    // Inside a line longer than MAX_LINE: dropped up to its line end.
    let mut skipping = false;
    loop {
        if end == buf.len() {
            buf.copy_within(start..end, 0);
            end -= start;
            start = 0;
        }
        let n = loop {
            match source.read(buf.get_mut(end..).unwrap_or_default()) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        };
        if n == 0 {
            if !skipping {
                st.lines(buf.get(start..end).unwrap_or_default(), base);
            }
            break;
        }
        end += n;
        if skipping {
            match memchr::memchr(b'\n', buf.get(start..end).unwrap_or_default()) {
                Some(i) => {
                    skipping = false;
                    base += (i + 1) as u64;
                    start += i + 1;
                }
                None => {
                    base += (end - start) as u64;
                    start = end;
                    continue;
                }
            }
        }
        let pending = buf.get(start..end).unwrap_or_default();
        match memchr::memrchr(b'\n', pending) {
            Some(i) => {
                st.lines(pending.get(..=i).unwrap_or_default(), base);
                base += (i + 1) as u64;
                start += i + 1;
            }
            None if pending.len() > MAX_LINE => {
                skipping = true;
                base += pending.len() as u64;
                start = end;
            }
            None => {}
        }
    }
    st.end_stretch();
    st.finish(encoding, 1)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}

#[cfg(test)]
mod tests;
