//! Calendar dates as day numbers, and the ISO 8601 date parser.
//!
//! A [`Day`] counts days since 1970-01-01 in the proleptic Gregorian calendar,
//! so differences between dates are plain integer subtraction.

use std::fmt;

/// A calendar date, stored as days since 1970-01-01 (negative before it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i32);

impl Day {
    /// The day for a year, month (1–12) and day of month, or `None` when that
    /// date does not exist (for example 2023-02-29).
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Day> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Day(days_from_civil(year, month, day)))
    }

    /// The year, month and day of month of this date.
    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.0)
    }

    /// Parses an ISO 8601 date `YYYY-MM-DD`, optionally followed by `T` or a
    /// space and a time (`HH:MM`, `HH:MM:SS`, fractions, a zone). The time is
    /// checked for shape but only the calendar date is kept: recency counts
    /// calendar days.
    ///
    /// ```
    /// use segmenta::date::Day;
    /// assert_eq!(Day::parse_iso("2011-12-09 12:50:00"), Day::from_ymd(2011, 12, 9));
    /// assert_eq!(Day::parse_iso("2011-12-09"), Day::from_ymd(2011, 12, 9));
    /// assert_eq!(Day::parse_iso("09/12/2011"), None);
    /// ```
    pub fn parse_iso(text: &str) -> Option<Day> {
        let b = text.trim().as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = digits(&b[0..4])? as i32;
        let month = digits(&b[5..7])?;
        let day = digits(&b[8..10])?;
        let rest = &b[10..];
        if !rest.is_empty() && !valid_time_suffix(rest) {
            return None;
        }
        Day::from_ymd(year, month, day)
    }

    /// The next calendar day.
    pub fn succ(self) -> Day {
        Day(self.0 + 1)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl serde::Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Day {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Day, D::Error> {
        let text = String::deserialize(d)?;
        Day::parse_iso(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("`{text}` is not a date of the form YYYY-MM-DD"))
        })
    }
}

fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |acc, &c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}

/// `T12:50`, ` 12:50:00`, `T12:50:00.123Z`, `T12:50:00+09:00`: a separator,
/// then hours and minutes, then anything made of time characters.
fn valid_time_suffix(rest: &[u8]) -> bool {
    if rest.len() < 6 || !(rest[0] == b'T' || rest[0] == b' ') || rest[3] != b':' {
        return false;
    }
    let (h, m) = (digits(&rest[1..3]), digits(&rest[4..6]));
    matches!((h, m), (Some(h), Some(m)) if h < 24 && m < 60)
        && rest[6..]
            .iter()
            .all(|c| c.is_ascii_digit() || b":.+-Z ".contains(c))
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's `days_from_civil` / `civil_from_days` algorithms.
fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i32 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i32) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i32::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_is_day_zero() {
        assert_eq!(Day::from_ymd(1970, 1, 1), Some(Day(0)));
        assert_eq!(Day::from_ymd(1969, 12, 31), Some(Day(-1)));
    }

    #[test]
    fn round_trips_every_day_of_four_centuries() {
        let start = Day::from_ymd(1900, 1, 1).unwrap().0;
        let end = Day::from_ymd(2300, 1, 1).unwrap().0;
        for n in start..end {
            let (y, m, d) = Day(n).ymd();
            assert_eq!(Day::from_ymd(y, m, d), Some(Day(n)), "{y}-{m}-{d}");
        }
    }

    #[test]
    fn rejects_impossible_dates() {
        assert_eq!(Day::parse_iso("2023-02-29"), None);
        assert_eq!(Day::parse_iso("2023-13-01"), None);
        assert_eq!(Day::parse_iso("2023-00-10"), None);
        assert!(Day::parse_iso("2024-02-29").is_some());
    }

    #[test]
    fn accepts_times_and_zones_but_not_garbage() {
        for ok in ["2024-03-05T10:20", "2024-03-05 10:20:30", "2024-03-05T10:20:30.5Z", "2024-03-05T10:20:30+09:00"] {
            assert_eq!(Day::parse_iso(ok), Day::from_ymd(2024, 3, 5), "{ok}");
        }
        for bad in ["2024-03-05x", "2024-03-05 25:00", "2024-3-5", "", "2024-03-05Tnoon"] {
            assert_eq!(Day::parse_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn displays_as_iso() {
        assert_eq!(Day::from_ymd(2011, 12, 9).unwrap().to_string(), "2011-12-09");
    }
}
