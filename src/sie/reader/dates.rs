//! Dates read as `YYYYMMDD`, remembered: a year's vouchers carry a few hundred distinct
//! dates, each written many times, and reading one costs a hundred instructions or more.

use chrono::NaiveDate;

/// A direct-mapped cache of dates by their eight bytes, as written.
pub(super) struct DateCache {
    /// (the eight bytes as a little-endian word, the date); 0 marks an empty slot (eight
    /// NUL bytes are no date).
    slots: Vec<(u64, NaiveDate)>,
}

const SLOTS: usize = 256;

impl Default for DateCache {
    fn default() -> Self {
        DateCache {
            slots: vec![(0, NaiveDate::MIN); SLOTS],
        }
    }
}

/// The eight bytes of a date field as one word (`None` for another length).
#[inline(always)]
pub(super) fn word(raw: &[u8]) -> Option<u64> {
    <[u8; 8]>::try_from(raw).ok().map(u64::from_le_bytes)
}

#[inline(always)]
fn slot(key: u64) -> usize {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 56) as usize % SLOTS
}

impl DateCache {
    /// The date remembered for the eight bytes `key`.
    #[inline]
    pub(super) fn get(&self, key: u64) -> Option<NaiveDate> {
        match self.slots.get(slot(key)) {
            Some(&(k, d)) if k == key && key != 0 => Some(d),
            _ => None,
        }
    }

    /// Remembers that the eight bytes `key` read as `date`.
    #[inline]
    pub(super) fn put(&mut self, key: u64, date: NaiveDate) {
        if let Some(s) = self.slots.get_mut(slot(key)) {
            *s = (key, date);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_dates_by_their_bytes_and_nothing_else() {
        let mut c = DateCache::default();
        let d = NaiveDate::from_ymd_opt(2025, 3, 31).unwrap_or_default();
        let key = word(b"20250331").unwrap_or_default();
        assert_eq!(c.get(key), None);
        c.put(key, d);
        assert_eq!(c.get(key), Some(d));
        assert_eq!(c.get(word(b"20250330").unwrap_or_default()), None);
        // An empty slot is no date, even for eight NUL bytes.
        assert_eq!(c.get(0), None);
        assert_eq!(word(b"2025033"), None);
        // Every date of a year has its place; one that shares a slot replaces the other.
        let mut day = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default();
        for _ in 0..365 {
            let k = word(day.format("%Y%m%d").to_string().as_bytes()).unwrap_or_default();
            c.put(k, day);
            assert_eq!(c.get(k), Some(day));
            day = day.succ_opt().unwrap_or_default();
        }
    }
}
