//! Date formats: parsing one cell with a known format, and choosing the
//! format of a whole column.
//!
//! Only the calendar date is kept (recency counts calendar days); a time of
//! day, `AM`/`PM`, `오전`/`오후` or a zone after the date is checked for shape
//! and ignored, so a date is the one written in the file.

use serde::{Deserialize, Serialize};

use crate::date::Day;

/// A date format. In JSON (settings and report) each is written as the
/// pattern shown on its variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DateFormat {
    /// `YYYY-MM-DD`, with an optional time after `T` or a space, and zone.
    #[serde(rename = "YYYY-MM-DD")]
    Iso,
    /// `YYYY.MM.DD` (also `2024. 3. 5.` as Korean Excel writes it).
    #[serde(rename = "YYYY.MM.DD")]
    YmdDot,
    /// `YYYY/MM/DD`.
    #[serde(rename = "YYYY/MM/DD")]
    YmdSlash,
    /// `M/D/YYYY` (United States), time such as `14:30` or `2:30 PM` optional.
    #[serde(rename = "M/D/YYYY")]
    MdySlash,
    /// `D/M/YYYY` (Europe).
    #[serde(rename = "D/M/YYYY")]
    DmySlash,
    /// `M-D-YYYY`.
    #[serde(rename = "M-D-YYYY")]
    MdyDash,
    /// `D-M-YYYY`.
    #[serde(rename = "D-M-YYYY")]
    DmyDash,
    /// `D.M.YYYY` (Germany and much of Europe).
    #[serde(rename = "D.M.YYYY")]
    DmyDot,
    /// `YYYYMMDD`.
    #[serde(rename = "YYYYMMDD")]
    Compact,
    /// `2024년 3월 5일`, optionally followed by `오후 2:30` or `14:30`.
    #[serde(rename = "YYYY년 M월 D일")]
    Korean,
    /// Excel serial day numbers (`45356`, `45356.5`), 1954–2119.
    #[serde(rename = "excel serial")]
    ExcelSerial,
    /// Seconds since 1970-01-01 UTC (9 or 10 digits).
    #[serde(rename = "unix seconds")]
    UnixSeconds,
}

impl DateFormat {
    /// Every format, in order of preference when a column fits several equally.
    pub const ALL: [DateFormat; 12] = [
        DateFormat::Iso,
        DateFormat::Korean,
        DateFormat::YmdDot,
        DateFormat::YmdSlash,
        DateFormat::Compact,
        DateFormat::MdySlash,
        DateFormat::DmySlash,
        DateFormat::DmyDot,
        DateFormat::MdyDash,
        DateFormat::DmyDash,
        DateFormat::ExcelSerial,
        DateFormat::UnixSeconds,
    ];

    /// The pattern as shown to the user (`D/M/YYYY`).
    pub fn pattern(self) -> &'static str {
        match self {
            DateFormat::Iso => "YYYY-MM-DD",
            DateFormat::YmdDot => "YYYY.MM.DD",
            DateFormat::YmdSlash => "YYYY/MM/DD",
            DateFormat::MdySlash => "M/D/YYYY",
            DateFormat::DmySlash => "D/M/YYYY",
            DateFormat::MdyDash => "M-D-YYYY",
            DateFormat::DmyDash => "D-M-YYYY",
            DateFormat::DmyDot => "D.M.YYYY",
            DateFormat::Compact => "YYYYMMDD",
            DateFormat::Korean => "YYYY년 M월 D일",
            DateFormat::ExcelSerial => "excel serial",
            DateFormat::UnixSeconds => "unix seconds",
        }
    }

    /// The format that reads the same cells with day and month swapped, if
    /// this one has such a twin (`M/D/YYYY` ↔ `D/M/YYYY`).
    pub fn day_month_twin(self) -> Option<DateFormat> {
        match self {
            DateFormat::MdySlash => Some(DateFormat::DmySlash),
            DateFormat::DmySlash => Some(DateFormat::MdySlash),
            DateFormat::MdyDash => Some(DateFormat::DmyDash),
            DateFormat::DmyDash => Some(DateFormat::MdyDash),
            _ => None,
        }
    }

    /// Parses one cell (surrounding white space allowed).
    ///
    /// ```
    /// use segmenta::date::Day;
    /// use segmenta::ingest::DateFormat;
    /// let march5 = Day::from_ymd(2024, 3, 5);
    /// assert_eq!(DateFormat::MdySlash.parse("3/5/2024 14:30"), march5);
    /// assert_eq!(DateFormat::DmySlash.parse("05/03/2024"), march5);
    /// assert_eq!(DateFormat::Korean.parse("2024년 3월 5일 오후 2:30"), march5);
    /// assert_eq!(DateFormat::ExcelSerial.parse("45356"), march5);
    /// assert_eq!(DateFormat::MdySlash.parse("13/5/2024"), None);
    /// ```
    pub fn parse(self, text: &str) -> Option<Day> {
        self.parse_bytes(text.as_bytes())
    }

    /// Parses one cell given as bytes (the reader's hot path: no UTF-8
    /// check is needed for the all-ASCII formats).
    pub(crate) fn parse_bytes(self, bytes: &[u8]) -> Option<Day> {
        let b = trim(bytes);
        match self {
            DateFormat::Iso => ymd(b, b'-'),
            DateFormat::YmdDot => ymd(b, b'.'),
            DateFormat::YmdSlash => ymd(b, b'/'),
            DateFormat::MdySlash => year_last(b, b'/', false),
            DateFormat::DmySlash => year_last(b, b'/', true),
            DateFormat::MdyDash => year_last(b, b'-', false),
            DateFormat::DmyDash => year_last(b, b'-', true),
            DateFormat::DmyDot => year_last(b, b'.', true),
            DateFormat::Compact => compact(b),
            DateFormat::Korean => korean(std::str::from_utf8(b).ok()?),
            DateFormat::ExcelSerial => excel_serial(b),
            DateFormat::UnixSeconds => unix_seconds(b),
        }
    }
}

/// The last date cell read and the day it gave: the lines of one order
/// repeat their date, so most rows skip the parsing.
#[derive(Debug, Default)]
pub(crate) struct DateMemo {
    cell: Vec<u8>,
    day: Option<Day>,
}

impl DateMemo {
    /// `cell` read with `format` (which must be the format of every cell
    /// since the last [`clear`](DateMemo::clear)).
    pub(crate) fn parse(&mut self, format: DateFormat, cell: &[u8]) -> Option<Day> {
        if !self.cell.is_empty() && self.cell == cell {
            return self.day;
        }
        self.day = format.parse_bytes(cell);
        self.cell.clear();
        self.cell.extend_from_slice(cell);
        self.day
    }

    /// Forgets the last cell (the format changed).
    pub(crate) fn clear(&mut self) {
        self.cell.clear();
    }
}

/// The format chosen for a date column, and how sure the choice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateInference {
    /// The format used.
    pub format: DateFormat,
    /// Another format that reads every sampled cell just as well (only the
    /// day/month twin): the choice is a guess the user should confirm.
    pub ambiguous_with: Option<DateFormat>,
}

/// Chooses the format that reads the most non-empty cells of a column;
/// ties go to the earlier format in [`DateFormat::ALL`], except that a tie
/// between `M/D/YYYY` and `D/M/YYYY` is reported as ambiguous. `None` when
/// no format reads any cell.
///
/// ```
/// use segmenta::ingest::{infer_date_format, DateFormat};
/// let europe = infer_date_format(["01/02/2024", "25/02/2024"]).unwrap();
/// assert_eq!((europe.format, europe.ambiguous_with), (DateFormat::DmySlash, None));
/// let unsure = infer_date_format(["01/02/2024", "03/04/2024"]).unwrap();
/// assert_eq!((unsure.format, unsure.ambiguous_with), (DateFormat::MdySlash, Some(DateFormat::DmySlash)));
/// ```
pub fn infer_date_format<'a>(cells: impl IntoIterator<Item = &'a str>) -> Option<DateInference> {
    let mut counts = [0usize; DateFormat::ALL.len()];
    for cell in cells {
        if cell.trim().is_empty() {
            continue;
        }
        for (i, format) in DateFormat::ALL.iter().enumerate() {
            if format.parse(cell).is_some() {
                counts[i] += 1;
            }
        }
    }
    let best = (0..counts.len()).filter(|&i| counts[i] > 0).max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))?;
    let format = DateFormat::ALL[best];
    let ambiguous_with = format.day_month_twin().filter(|twin| {
        let j = DateFormat::ALL.iter().position(|f| f == twin).expect("every twin is listed");
        counts[j] == counts[best]
    });
    Some(DateInference { format, ambiguous_with })
}

fn trim(b: &[u8]) -> &[u8] {
    b.trim_ascii()
}

/// Reads 1–`max` ASCII digits; returns the value and the rest.
fn number(b: &[u8], max: usize) -> Option<(u32, &[u8])> {
    let n = b.iter().take(max + 1).take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || n > max {
        return None;
    }
    let value = b[..n].iter().fold(0u32, |acc, &c| acc * 10 + u32::from(c - b'0'));
    Some((value, &b[n..]))
}

fn year(b: &[u8]) -> Option<(i32, &[u8])> {
    let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if n != 4 {
        return None;
    }
    number(b, 4).map(|(y, rest)| (y as i32, rest))
}

fn sep(b: &[u8], s: u8) -> Option<&[u8]> {
    let rest = b.strip_prefix(&[s])?;
    // `2024. 3. 5.`: Korean Excel puts a space after each dot.
    Some(if s == b'.' { rest.trim_ascii_start() } else { rest })
}

/// `YYYY{s}M{s}D` with one- or two-digit month and day, then a time.
fn ymd(b: &[u8], s: u8) -> Option<Day> {
    let (y, rest) = year(b)?;
    let (m, rest) = number(sep(rest, s)?, 2)?;
    let (d, rest) = number(sep(rest, s)?, 2)?;
    let rest = if s == b'.' { rest.strip_prefix(b".").unwrap_or(rest) } else { rest };
    time_ok(rest).then_some(())?;
    Day::from_ymd(y, m, d)
}

/// `A{s}B{s}YYYY`: day first when `day_first`, else month first.
fn year_last(b: &[u8], s: u8, day_first: bool) -> Option<Day> {
    let (a, rest) = number(b, 2)?;
    let (c, rest) = number(sep(rest, s)?, 2)?;
    let (y, rest) = year(sep(rest, s)?)?;
    time_ok(rest).then_some(())?;
    let (m, d) = if day_first { (c, a) } else { (a, c) };
    Day::from_ymd(y, m, d)
}

fn compact(b: &[u8]) -> Option<Day> {
    if b.len() != 8 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let (y, rest) = year(b.get(..4)?).map(|(y, _)| (y, &b[4..]))?;
    let m = u32::from(rest[0] - b'0') * 10 + u32::from(rest[1] - b'0');
    let d = u32::from(rest[2] - b'0') * 10 + u32::from(rest[3] - b'0');
    Day::from_ymd(y, m, d)
}

/// `2024년 3월 5일` (spaces optional), then an optional time.
fn korean(s: &str) -> Option<Day> {
    let (y, rest) = s.split_once('년')?;
    let (m, rest) = rest.split_once('월')?;
    let (d, rest) = rest.split_once('일')?;
    let field = |t: &str, max| number(t.trim().as_bytes(), max).filter(|(_, r)| r.is_empty()).map(|(v, _)| v);
    let y = year(y.trim().as_bytes()).filter(|(_, r)| r.is_empty())?.0;
    let rest = rest.trim_start();
    // A weekday in brackets, `(화)`, may follow the day.
    let rest = match rest.strip_prefix('(') {
        Some(r) => r.split_once(')').map_or(rest, |(_, after)| after),
        None => rest,
    };
    let rest = rest.trim();
    (rest.is_empty() || time_ok(format!(" {rest}").as_bytes())).then_some(())?;
    Day::from_ymd(y, field(m, 2)?, field(d, 2)?)
}

/// Days from Excel's epoch (serial 25569 is 1970-01-01); 20000–80000 only,
/// so that ordinary numbers are not taken for dates.
fn excel_serial(b: &[u8]) -> Option<Day> {
    let (int, frac) = match b.iter().position(|&c| c == b'.') {
        Some(i) => (&b[..i], &b[i + 1..]),
        None => (b, &b[..0]),
    };
    if int.len() != 5 || !int.iter().chain(frac).all(u8::is_ascii_digit) {
        return None;
    }
    let serial = number(int, 5)?.0 as i32;
    (20_000..=80_000).contains(&serial).then(|| Day(serial - 25_569))
}

fn unix_seconds(b: &[u8]) -> Option<Day> {
    if !(9..=10).contains(&b.len()) || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let secs = b.iter().fold(0i64, |acc, &c| acc * 10 + i64::from(c - b'0'));
    i32::try_from(secs.div_euclid(86_400)).ok().map(Day)
}

/// What may follow a date: nothing, or `T`/space then a time made of time
/// characters, with at least `H:MM` (`14:30`, `2:30:05 PM`, `T10:20:30.5Z`,
/// `+09:00`, `오후 2:30`).
fn time_ok(rest: &[u8]) -> bool {
    if rest.is_empty() {
        return true;
    }
    let body = match rest[0] {
        b'T' | b' ' => &rest[1..],
        _ => return false,
    };
    // The usual `HH:MM:SS` and `HH:MM`, checked without building a string.
    let d = |c: &u8| c.is_ascii_digit();
    if let [h1, h2, b':', m1, m2, b':', s1, s2] = body {
        return d(h1) && d(h2) && d(m1) && d(m2) && d(s1) && d(s2) && (*h1, *h2) < (b'2', b'4') && *m1 < b'6';
    }
    if let [h1, h2, b':', m1, m2] = body {
        return d(h1) && d(h2) && d(m1) && d(m2) && (*h1, *h2) < (b'2', b'4') && *m1 < b'6';
    }
    let text = match std::str::from_utf8(body) {
        Ok(t) => t.trim(),
        Err(_) => return false,
    };
    let text = text.strip_prefix("오전").or_else(|| text.strip_prefix("오후")).unwrap_or(text).trim_start();
    let (h, after) = match number(text.as_bytes(), 2) {
        Some(x) => x,
        None => return false,
    };
    let after = match after.strip_prefix(b":") {
        Some(a) => a,
        None => return false,
    };
    let m = match number(after, 2) {
        Some((m, _)) if after.len() >= 2 && after[1].is_ascii_digit() => m,
        _ => return false,
    };
    h < 24
        && m < 60
        && after[2..].iter().all(|c| c.is_ascii_digit() || b":.,+- ZAPMapmUTC".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_memo_gives_what_parsing_gives_until_cleared() {
        let mut memo = DateMemo::default();
        let cells: [&[u8]; 5] = [b"03/04/2024 10:00", b"03/04/2024 10:00", b"x", b"x", b"13/04/2024"];
        for cell in cells {
            assert_eq!(memo.parse(DateFormat::MdySlash, cell), DateFormat::MdySlash.parse_bytes(cell));
        }
        memo.clear();
        assert_eq!(memo.parse(DateFormat::DmySlash, b"13/04/2024"), Some(Day::from_ymd(2024, 4, 13).unwrap()));
    }

    #[test]
    fn hours_and_minutes_are_checked_like_any_other_time() {
        for (cell, ok) in [("2024-01-01 08:04", true), ("2024-01-01 23:59", true), ("2024-01-01 24:00", false), ("2024-01-01 10:60", false), ("2024-01-01 1a:00", false)] {
            assert_eq!(DateFormat::Iso.parse(cell).is_some(), ok, "{cell}");
        }
    }

    fn d(y: i32, m: u32, day: u32) -> Option<Day> {
        Day::from_ymd(y, m, day)
    }

    #[test]
    fn each_format_reads_its_own_shape() {
        let cases = [
            (DateFormat::Iso, "2024-03-05T10:20:30+09:00"),
            (DateFormat::Iso, "2024-03-05 10:20"),
            (DateFormat::Iso, "2024-3-5"),
            (DateFormat::YmdDot, "2024.03.05"),
            (DateFormat::YmdDot, "2024. 3. 5. 오후 2:30:00"),
            (DateFormat::YmdSlash, "2024/03/05 14:30:00"),
            (DateFormat::MdySlash, "3/5/2024 2:30 PM"),
            (DateFormat::DmySlash, "5/3/2024"),
            (DateFormat::MdyDash, "03-05-2024"),
            (DateFormat::DmyDash, "05-03-2024"),
            (DateFormat::DmyDot, "05.03.2024 14:30"),
            (DateFormat::Compact, "20240305"),
            (DateFormat::Korean, "2024년 3월 5일"),
            (DateFormat::Korean, "2024년03월05일 14:30"),
            (DateFormat::Korean, "2024년 3월 5일 (화) 오전 9:05"),
            (DateFormat::ExcelSerial, "45356.75"),
            (DateFormat::UnixSeconds, "1709640000"),
        ];
        for (format, text) in cases {
            assert_eq!(format.parse(text), d(2024, 3, 5), "{} {text}", format.pattern());
        }
    }

    #[test]
    fn impossible_dates_and_trailing_garbage_are_refused() {
        assert_eq!(DateFormat::Iso.parse("2023-02-29"), None);
        assert_eq!(DateFormat::Iso.parse("2024-03-05x"), None);
        assert_eq!(DateFormat::Iso.parse("2024-03-05 25:00"), None);
        assert_eq!(DateFormat::MdySlash.parse("13/1/2024"), None);
        assert_eq!(DateFormat::Compact.parse("20241301"), None);
        assert_eq!(DateFormat::ExcelSerial.parse("12000"), None);
        assert_eq!(DateFormat::Korean.parse("2024년 13월 1일"), None);
    }

    #[test]
    fn the_whole_column_decides_day_or_month_first() {
        let us = infer_date_format(["12/01/2024 10:00", "12/31/2024 09:00"]).unwrap();
        assert_eq!((us.format, us.ambiguous_with), (DateFormat::MdySlash, None));
        let eu = infer_date_format(["01/12/2024", "31/12/2024"]).unwrap();
        assert_eq!((eu.format, eu.ambiguous_with), (DateFormat::DmySlash, None));
    }

    #[test]
    fn a_column_that_fits_both_orders_is_ambiguous() {
        let x = infer_date_format(["01/02/2024", "", "11/12/2024"]).unwrap();
        assert_eq!(x.ambiguous_with, Some(DateFormat::DmySlash));
    }

    #[test]
    fn number_columns_pick_the_right_epoch() {
        assert_eq!(infer_date_format(["20240305", "20240101"]).unwrap().format, DateFormat::Compact);
        assert_eq!(infer_date_format(["45356", "45357.5"]).unwrap().format, DateFormat::ExcelSerial);
        assert_eq!(infer_date_format(["1709640000"]).unwrap().format, DateFormat::UnixSeconds);
        assert_eq!(infer_date_format(["2024년 3월 5일"]).unwrap().format, DateFormat::Korean);
        assert!(infer_date_format(["abc", ""]).is_none());
    }

    #[test]
    fn the_majority_wins_a_mixed_column() {
        let x = infer_date_format(["2024-01-02", "2024-01-03", "1/4/2024"]).unwrap();
        assert_eq!(x.format, DateFormat::Iso);
    }
}
