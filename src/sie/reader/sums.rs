//! Summing mode: plain voucher rows summed as they are read, without building rows.
//!
//! [`crate::ledger::SieLedger`] needs, of a voucher's rows, only the sums per account
//! and per (dimension, object, account). In summing mode the reader checks a plain row
//! exactly as it does in its plain lane (every field read without a diagnostic) and,
//! when the account and objects are digit strings and the amount has at most two
//! decimals, adds the amount in öre to [`PlainSums`] instead of building a [`Row`]. Every
//! diagnostic of the voucher is still made (the balance check counts these rows), so the
//! diagnostics are exactly those of the ordinary reading; a voucher whose rows were all
//! summed is not handed out as a record.

use super::super::lexer::PLAIN_PAIRS;
use super::super::totals::{FastHashMap, ObjectKey};
use super::*;

/// The sum of a key's rows in öre, how many rows, and the most decimals an amount had
/// (so that the sum is given with the scale that adding the amounts as decimals gives).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SumCell {
    pub(crate) ore: i128,
    pub(crate) rows: u64,
    pub(crate) scale: u32,
}

impl SumCell {
    #[inline]
    fn add(&mut self, ore: i128, scale: u32) -> bool {
        self.ore = self.ore.wrapping_add(ore);
        self.rows += 1;
        self.scale = self.scale.max(scale);
        self.ore.unsigned_abs() <= LIMIT_ORE
    }

    /// The sum as a decimal with the scale the amounts had.
    pub(crate) fn amount(self) -> Option<Decimal> {
        let d = Decimal::try_from_i128_with_scale(self.ore, 2).ok()?;
        let mut r = d;
        r.rescale(self.scale);
        // Rescaling to fewer decimals is exact here (every term had at most `scale`).
        (r == d).then_some(r)
    }
}

/// 10¹⁹ kr in öre: the bound of [`crate::Amount`] (sums beyond it are an error).
const LIMIT_ORE: u128 = 1_000_000_000_000_000_000_000;

/// Sums of the rows read in summing mode. Keys are digit strings of at most 15 digits
/// as `(length << 56) | value`, so leading zeros stay distinct.
#[derive(Debug, Default)]
pub(crate) struct PlainSums {
    pub(crate) accounts: FastHashMap<u64, SumCell>,
    pub(crate) objects: FastHashMap<ObjectKey, SumCell>,
    /// The first sum to pass 10¹⁹ kr: its account key and the `#VER` line.
    pub(crate) overflow: Option<(u64, u64)>,
}

/// A digit string of 1 to `max` digits as a key, or `None`.
#[inline]
fn digit_key(bytes: &[u8], max: usize) -> Option<u64> {
    if bytes.is_empty() || bytes.len() > max {
        return None;
    }
    let mut v = 0u64;
    for &b in bytes {
        let d = b.wrapping_sub(b'0');
        if d >= 10 {
            return None;
        }
        v = v * 10 + u64::from(d);
    }
    Some(((bytes.len() as u64) << 56) | v)
}

/// The digit string of a key.
pub(crate) fn key_text(key: u64) -> String {
    let len = usize::try_from((key >> 56) & 0x7f).unwrap_or(0);
    let value = key & ((1 << 56) - 1);
    format!("{value:0len$}")
}

impl State {
    /// In summing mode, adds a plain row of the open voucher `v` to the sums; false, with
    /// nothing changed, when the row does not fit (the caller then builds the row).
    pub(super) fn sum_plain_row(
        &mut self,
        v: &mut OpenVoucher,
        line: &[u8],
        amount: Decimal,
    ) -> bool {
        let Some(sums) = self.sums.as_deref_mut() else {
            return false;
        };
        let p = &self.plain;
        let Some(account) = digit_key(p.account.bytes(line), 10) else {
            return false;
        };
        let mut objects = [(0u32, 0u64); PLAIN_PAIRS];
        for (slot, (dimension, t)) in objects.iter_mut().zip(p.pairs.iter().take(p.pairs_len)) {
            // A quoted object with spaces or escapes is not a plain digit string.
            if t.kind == TokKind::Escaped {
                return false;
            }
            let Some(object) = digit_key(t.bytes(line), 15) else {
                return false;
            };
            *slot = (*dimension, object);
        }
        let scale = amount.scale();
        let ore = match scale {
            0 => amount.mantissa() * 100,
            1 => amount.mantissa() * 10,
            2 => amount.mantissa(),
            _ => return false,
        };
        let mut ok = sums.accounts.entry(account).or_default().add(ore, scale);
        for &(dimension, object) in objects.iter().take(p.pairs_len) {
            let key = ObjectKey {
                dimension,
                object,
                account,
            };
            ok &= sums.objects.entry(key).or_default().add(ore, scale);
        }
        if !ok && sums.overflow.is_none() {
            sums.overflow = Some((account, v.line));
        }
        v.summed_rows += 1;
        v.summed_ore = v.summed_ore.wrapping_add(ore);
        v.bytes += std::mem::size_of::<Row>()
            + p.account.bytes(line).len()
            + p.pairs_len * (std::mem::size_of::<ObjectRef>() + 16 + 4)
            + 48;
        true
    }
}
