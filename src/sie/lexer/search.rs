//! Searching bytes for a line's end, a quote or another byte: with memchr (AVX2 where the
//! processor has it) over long stretches, and eight bytes at a time in a word for the
//! short fields of a line, where a call costs about as much as the search.

use super::{HI, LO};

/// Position of the first `\n`.
#[inline]
pub(crate) fn find_newline(hay: &[u8]) -> Option<usize> {
    // SIMD over the buffer's rest (as the sum path splits its lines).
    memchr::memchr(b'\n', hay)
}

/// Finds line ends (`\n`) with a searcher chosen once (AVX2 where the processor has
/// it): for short lines cheaper than [`memchr::memchr`], which dispatches on every call
/// (about 25 instructions a line less).
#[derive(Clone, Copy)]
pub(crate) struct NewlineFinder {
    #[cfg(target_arch = "x86_64")]
    avx2: Option<memchr::arch::x86_64::avx2::memchr::One>,
}

impl NewlineFinder {
    pub(crate) fn new() -> Self {
        NewlineFinder {
            #[cfg(target_arch = "x86_64")]
            avx2: memchr::arch::x86_64::avx2::memchr::One::new(b'\n'),
        }
    }

    /// Position of the first `\n` in `hay`.
    #[inline(always)]
    pub(crate) fn find(&self, hay: &[u8]) -> Option<usize> {
        #[cfg(target_arch = "x86_64")]
        if let Some(one) = &self.avx2 {
            return one.find(hay);
        }
        find_newline(hay)
    }
}

/// The top bit of each zero byte of `x` (and possibly of bytes above one: the lowest is
/// always a true one, as a false flag needs a borrow from a zero byte below it).
#[inline(always)]
fn zero_bytes(x: u64) -> u64 {
    x.wrapping_sub(LO) & !x & HI
}

/// A word of eight bytes `b`.
#[inline(always)]
fn splat(b: u8) -> u64 {
    LO * u64::from(b)
}

/// Position of the first byte of `hay` that `is` holds, eight bytes at a time: `flags`
/// sets the top bit of each such byte of a word (and possibly of bytes above one), so
/// that its lowest flag is the first.
#[inline(always)]
pub(crate) fn first_flagged(
    hay: &[u8],
    flags: impl Fn(u64) -> u64,
    is: impl Fn(u8) -> bool,
) -> Option<usize> {
    let mut chunks = hay.chunks_exact(8);
    let mut base = 0usize;
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let t = flags(u64::from_le_bytes(w));
        if t != 0 {
            return Some(base + (t.trailing_zeros() / 8) as usize);
        }
        base += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| is(b))
        .map(|p| base + p)
}

/// [`first_flagged`] with the first 24 bytes (where most texts of a ledger's rows end)
/// looked at in three words at once, and the place taken from them without a branch:
/// a loop a word at a time is left after a number of words that varies from row to
/// row, which the processor mispredicts. More instructions, less time where the length
/// varies at random: for the ends of the ledger's row texts, +2 % instructions and
/// 3 % less time than [`first_flagged`] (1 M generated vouchers, 31 interleaved
/// rounds); for the voucher lines' texts it saved the ledger nothing measurable and
/// cost the typed reader 3 % more time, so is not used there. `flags` must flag no byte
/// below the first true one, and flag a byte of the word's bytes wherever `is` holds it.
#[inline(always)]
pub(crate) fn first_flagged_wide(
    hay: &[u8],
    flags: impl Fn(u64) -> u64,
    is: impl Fn(u8) -> bool,
) -> Option<usize> {
    const WIDE: usize = 24;
    let word = |i: usize| -> Option<u64> {
        let w: [u8; 8] = hay.get(i..i + 8)?.try_into().ok()?;
        Some(u64::from_le_bytes(w))
    };
    let (Some(w0), Some(w1), Some(w2)) = (word(0), word(8), word(16)) else {
        return first_flagged(hay, flags, is);
    };
    // The place of each word's first flagged byte, 8 when it has none.
    let at = |w: u64| (flags(w).trailing_zeros() / 8) as usize;
    let (p0, p1, p2) = (at(w0), at(w1), at(w2));
    let p = p0 + usize::from(p0 == 8) * (p1 + usize::from(p1 == 8) * p2);
    if p < WIDE {
        return Some(p);
    }
    first_flagged(hay.get(WIDE..)?, flags, is).map(|p| p + WIDE)
}

/// Position of the first `"` or `\n`, eight bytes at a time.
#[inline(always)]
pub(super) fn quote_or_newline(hay: &[u8]) -> Option<usize> {
    first_flagged(hay, quotes_or_newlines, |b| b == b'"' || b == b'\n')
}

/// The top bit of each byte of `w` that is `"` or `\n` (and possibly of bytes above
/// one, as [`zero_bytes`] flags them).
#[inline(always)]
pub(crate) fn quotes_or_newlines(w: u64) -> u64 {
    zero_bytes(w ^ splat(b'"')) | zero_bytes(w ^ splat(b'\n'))
}

/// Position of the first `N`, eight bytes at a time (written out where it is called: the
/// fields searched are short, and a call would cost about as much as the search).
#[inline(always)]
pub(crate) fn find_byte<const N: u8>(hay: &[u8]) -> Option<usize> {
    first_flagged(hay, |w| zero_bytes(w ^ splat(N)), |b| b == N)
}
