//! Summor: sums of voucher rows per account and per (dimension, object, account).

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::io::Read;

use rust_decimal::Decimal;

use super::encoding::{Encoding, detect_encoding};
use super::lexer::{
    LineEvent, Lines, PlainRow, Tok, TokKind, scan_plain_row_head, tokenize_limited, unescape,
};
use super::reader::{Label, MAX_OBJECTS};
use super::record::Record;
use super::value::{parse_amount, parse_cents};

/// Objektsummor: sums per dimension → object → account.
#[doc(alias = "objektsummor")]
pub type ObjectSums = BTreeMap<u32, BTreeMap<String, BTreeMap<String, Decimal>>>;

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
#[doc(alias = "överflöde")]
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the sum of account {account} overflows")]
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
    /// let record = reader.next_record()?.unwrap();
    /// let err = totals.try_add(&record).unwrap_err();
    /// assert_eq!(err.account, "1930");
    /// assert_eq!(reader.record_line(), 1);
    /// # Ok::<(), kommunal_redovisning::sie::ReadError>(())
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
                ok &= checked_at(accounts, &row.account, row.amount);
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
                add_at(accounts, &row.account, row.amount);
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
                    .map(move |(account, sum)| (*dim, obj.as_str(), account.as_str(), *sum))
            })
        })
    }
}

/// A small fast hasher for byte keys (FxHash-like).
#[derive(Default, Clone, Copy)]
struct FastHasher(u64);

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

/// A (dimension, object, account) key, hashed as one word (one multiply instead of
/// three; [`FastHasher::finish`] mixes it).
#[derive(Clone, Copy, PartialEq, Eq)]
struct ObjectKey {
    dimension: u32,
    object: u64,
    account: u64,
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

#[derive(Default, Clone, Copy)]
struct Acc {
    cents: i128,
    extra: Decimal,
    /// The exact part left the decimal range.
    overflow: bool,
}

impl Acc {
    #[inline]
    fn add(&mut self, cents: Option<i64>, exact: Decimal) {
        match cents {
            // Cannot overflow in practice (2¹²⁷ öre); wrapping keeps debug builds panic-free.
            Some(c) => self.cents = self.cents.wrapping_add(i128::from(c)),
            None => match self.extra.checked_add(exact) {
                Some(e) => self.extra = e,
                None => self.overflow = true,
            },
        }
    }

    /// The sum; `None` when it leaves the decimal range.
    fn total(self) -> Option<Decimal> {
        if self.overflow {
            return None;
        }
        Decimal::try_from_i128_with_scale(self.cents, 2)
            .ok()?
            .checked_add(self.extra)
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
}

const INTERNED: u64 = 1 << 63;

impl Keys {
    #[inline]
    fn key(&mut self, bytes: &[u8]) -> u64 {
        if !bytes.is_empty() && bytes.len() <= 15 {
            let mut v = 0u64;
            let mut numeric = true;
            for &b in bytes {
                if b.is_ascii_digit() {
                    v = v * 10 + u64::from(b - b'0');
                } else {
                    numeric = false;
                    break;
                }
            }
            if numeric {
                return ((bytes.len() as u64) << 56) | v;
            }
        }
        if let Some(&id) = self.ids.get(bytes) {
            return id;
        }
        let id = INTERNED | self.names.len() as u64;
        self.names.push(bytes.to_vec());
        self.ids.insert(bytes.to_vec(), id);
        id
    }

    fn bytes(&self, key: u64) -> Vec<u8> {
        if key & INTERNED != 0 {
            let idx = usize::try_from(key & !INTERNED).unwrap_or(usize::MAX);
            return self.names.get(idx).cloned().unwrap_or_default();
        }
        let len = usize::try_from((key >> 56) & 0x7f).unwrap_or(0);
        let value = key & ((1 << 56) - 1);
        format!("{value:0len$}").into_bytes()
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

/// Summerar transaktioner: sums the voucher rows of an SIE file per account and per
/// (dimension, object, account) straight from the bytes, without building records or
/// decoding texts that are not needed — the fast path for large files.
///
/// It applies the same row semantics as [`Reader`](super::Reader) (struck `#BTRANS` rows
/// not counted, the duplicate `#TRANS` after an `#RTRANS` skipped, rows outside a voucher
/// ignored) but reports no diagnostics; malformed amounts are skipped. `records` counts
/// non-row records, with a voucher as one record. `encoding` decodes account and object
/// numbers (detected when `None`).
///
/// # Errors
///
/// The source's I/O errors, and an [`std::io::ErrorKind::InvalidData`] error holding a
/// [`SumOverflow`] when an account's sum leaves the decimal range (never saturated).
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
pub fn sum_transactions<R: Read>(source: R, encoding: Option<Encoding>) -> std::io::Result<Totals> {
    let mut lines = Lines::new(source, 1 << 20);
    lines.tokenize = false;
    let mut toks: Vec<Tok> = Vec::with_capacity(16);
    let mut keys = Keys::default();
    let mut accounts: FastMap<u64> = FastMap::default();
    let mut objects: FastMap<ObjectKey> = FastMap::default();
    let mut totals = Totals::default();
    let mut in_voucher = false;
    let mut rtrans_sig: Option<Vec<u8>> = None;
    let mut sig = Vec::with_capacity(64);
    let mut scratch = Vec::new();
    let mut scratch2 = Vec::new();
    let mut plain = PlainRow::EMPTY;
    loop {
        match lines.advance()? {
            LineEvent::Eof => break,
            LineEvent::Overlong => continue,
            LineEvent::Line => {}
        }
        let line = lines.line();
        // The commonest row, split without a token list (an #RTRANS before it needs the
        // signature comparison below).
        if in_voucher && rtrans_sig.is_none() && scan_plain_row_head(line, &mut plain) {
            let p = &plain;
            let amount_raw = p.amount.bytes(line);
            let cents = parse_cents(amount_raw);
            let exact = match cents {
                Some(_) => Decimal::ZERO,
                // A row whose amount cannot be read is dropped, as the reader drops it.
                None => match parse_amount(amount_raw) {
                    Some(a) => a,
                    None => continue,
                },
            };
            totals.rows += 1;
            let account = keys.key(token_bytes(&p.account, line, &mut scratch));
            accounts.entry(account).or_default().add(cents, exact);
            for (dim, t) in p.pairs.iter().take(p.pairs_len) {
                let object = keys.key(token_bytes(t, line, &mut scratch2));
                objects
                    .entry(ObjectKey {
                        dimension: *dim,
                        object,
                        account,
                    })
                    .or_default()
                    .add(cents, exact);
            }
            continue;
        }
        // A voucher's braces: nothing to split.
        match line {
            b"{" => continue,
            b"}" => {
                in_voucher = false;
                continue;
            }
            _ => {}
        }
        // Label, account, {objects}, amount: nothing after the amount is needed.
        tokenize_limited(line, &mut toks, 3);
        let Some(first) = toks.first() else { continue };
        // Labels as the reader reads them: bare, in any case; an unknown label or a line
        // that is no record leaves the voucher open.
        let label = match first.kind {
            TokKind::Open => continue,
            TokKind::Close => {
                in_voucher = false;
                continue;
            }
            TokKind::Bare => {
                let raw = first.bytes(line);
                Label::from_bytes(raw).or_else(|| Label::from_bytes(&raw.to_ascii_uppercase()))
            }
            _ => None,
        };
        let Some(label) = label else {
            if first.kind == TokKind::Bare && first.bytes(line).first() == Some(&b'#') {
                totals.records += 1;
            }
            continue;
        };
        let kind = match label {
            Label::Trans => 0u8,
            Label::Rtrans => 1,
            Label::Btrans => 2,
            _ => {
                if in_voucher {
                    totals.records += 1;
                }
                in_voucher = label == Label::Ver;
                if in_voucher {
                    totals.vouchers += 1;
                } else {
                    totals.records += 1;
                }
                rtrans_sig = None;
                continue;
            }
        };
        if !in_voucher {
            continue;
        }
        let Some(acct_tok) = toks.get(1).filter(|t| t.is_scalar()) else {
            rtrans_sig = None;
            continue;
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
            rtrans_sig = None;
            continue;
        };
        let amount_raw = amount_tok.bytes(line);
        let Some(amount) = parse_amount(amount_raw) else {
            // Dropped, as the reader drops it; an #RTRANS before it is no longer matched.
            rtrans_sig = None;
            continue;
        };
        // The duplicate #TRANS after an #RTRANS: compare account, objects and amount as
        // the reader does (parsed, not as written).
        if kind == 1 || rtrans_sig.is_some() {
            sig.clear();
            sig.extend_from_slice(token_bytes(acct_tok, line, &mut scratch));
            sig.push(0xff);
            let mut dim: Option<Option<u32>> = None;
            for t in toks
                .get(list_start + 1..list_end.saturating_sub(1))
                .unwrap_or_default()
                .iter()
                .filter(|t| t.is_scalar())
            {
                match dim.take() {
                    None => dim = Some(parse_dim(token_bytes(t, line, &mut scratch2))),
                    Some(None) => {}
                    Some(Some(d)) => {
                        sig.extend_from_slice(&d.to_le_bytes());
                        sig.extend_from_slice(token_bytes(t, line, &mut scratch2));
                        sig.push(0);
                    }
                }
            }
            sig.push(0xff);
            sig.extend_from_slice(amount.normalize().to_string().as_bytes());
        }
        if kind == 0 {
            if let Some(prev) = rtrans_sig.take() {
                if prev == sig {
                    continue;
                }
            }
        } else {
            rtrans_sig = if kind == 1 { Some(sig.clone()) } else { None };
        }
        totals.rows += 1;
        if kind == 2 {
            continue;
        }
        let cents = parse_cents(amount_raw);
        let exact = match cents {
            Some(_) => Decimal::ZERO,
            None => amount,
        };
        let account = keys.key(token_bytes(acct_tok, line, &mut scratch));
        accounts.entry(account).or_default().add(cents, exact);
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
                let raw = token_bytes(t, line, &mut scratch2);
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
            let object = keys.key(token_bytes(t, line, &mut scratch2));
            objects
                .entry(ObjectKey {
                    dimension: dim,
                    object,
                    account,
                })
                .or_default()
                .add(cents, exact);
        }
    }
    if in_voucher {
        totals.records += 1;
    }
    let high: Vec<u8> = keys
        .names
        .iter()
        .flatten()
        .copied()
        .filter(|b| !b.is_ascii())
        .take(4096)
        .collect();
    let enc = encoding
        .or_else(|| detect_encoding(&high))
        .unwrap_or(Encoding::Cp437);
    let overflow = |account: String| {
        std::io::Error::new(std::io::ErrorKind::InvalidData, SumOverflow { account })
    };
    for (k, acc) in accounts {
        let account = enc.decode(&keys.bytes(k));
        let Some(total) = acc.total() else {
            return Err(overflow(account));
        };
        totals.by_account.insert(account, total);
    }
    for (
        ObjectKey {
            dimension,
            object,
            account,
        },
        acc,
    ) in objects
    {
        let account = enc.decode(&keys.bytes(account));
        let Some(total) = acc.total() else {
            return Err(overflow(account));
        };
        totals
            .by_object
            .entry(dimension)
            .or_default()
            .entry(enc.decode(&keys.bytes(object)))
            .or_default()
            .insert(account, total);
    }
    Ok(totals)
}
