//! Dates read as `YYYYMMDD`, remembered: a year's vouchers carry a few hundred distinct
//! dates, each written many times, and reading one costs a hundred instructions or more.

use chrono::NaiveDate;

/// A direct-mapped cache of dates by their eight bytes, as written.
pub(super) struct DateCache {
    /// (the eight bytes as a little-endian word, the date); 0 marks an empty slot (eight
    /// NUL bytes are no date).
    slots: Vec<(u64, NaiveDate)>,
}

/// Room for every day of a year, each in a place of its own ([`slot`]).
const SLOTS: usize = 512;

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

/// The place of a date by its month and day, `month · 32 + day`: the days of one year
/// never share a place (a year's vouchers are dated across all of it), and the same day
/// of other years shares it with them. Bytes that are no date get some place too.
#[inline(always)]
fn slot(key: u64) -> usize {
    let [.., m1, m2, d1, d2] = key.to_le_bytes();
    let month = usize::from(m1 & 1) * 10 + usize::from(m2 & 15);
    let day = usize::from(d1 & 3) * 10 + usize::from(d2 & 15);
    (month * 32 + day) % SLOTS
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
        // Every date of a year has a place of its own: all of them are remembered at
        // once. The same day of another year takes its place.
        let key =
            |d: NaiveDate| word(d.format("%Y%m%d").to_string().as_bytes()).unwrap_or_default();
        let first = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
        let days: Vec<NaiveDate> = first.iter_days().take(366).collect();
        for &d in &days {
            c.put(key(d), d);
        }
        for &d in &days {
            assert_eq!(c.get(key(d)), Some(d));
        }
        let next = NaiveDate::from_ymd_opt(2025, 3, 31).unwrap_or_default();
        c.put(key(next), next);
        assert_eq!(c.get(key(next)), Some(next));
        assert_eq!(
            c.get(key(NaiveDate::from_ymd_opt(2024, 3, 31).unwrap_or_default())),
            None
        );
        assert_eq!(
            c.get(key(NaiveDate::from_ymd_opt(2024, 3, 30).unwrap_or_default())),
            Some(NaiveDate::from_ymd_opt(2024, 3, 30).unwrap_or_default())
        );
    }
}
