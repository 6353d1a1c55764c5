//! Parsing money amounts and quantities as people write them.

use serde::{Deserialize, Serialize};

/// The character between the whole and the fractional part of a number.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DecimalMark {
    /// `1,234.56`: a point; commas (or spaces) group thousands.
    #[default]
    Point,
    /// `1.234,56`: a comma; points (or spaces) group thousands.
    Comma,
}

/// Currency signs and words accepted before or after a number.
/// The backslash is there because Korean Windows shows byte 0x5C as `₩`, so
/// CP949 files write won amounts as `\12,000`.
const CURRENCIES: &[&str] = &["KRW", "USD", "EUR", "GBP", "JPY", "US$", "₩", "￦", "$", "€", "£", "¥", "원", "\\"];

/// Parses an amount written with a point as decimal mark: `12.5`, `-3`,
/// `1,234.50`, `$12.00`, `12,000원`, `(5.00)`, `5.00-`.
///
/// See [`parse_amount_with`] for everything accepted.
///
/// ```
/// use segmenta::ingest::parse_amount;
/// assert_eq!(parse_amount("1,234.50"), Some(1234.5));
/// assert_eq!(parse_amount("₩12,000"), Some(12000.0));
/// assert_eq!(parse_amount("12,50"), None);
/// assert_eq!(parse_amount("NaN"), None);
/// ```
pub fn parse_amount(text: &str) -> Option<f64> {
    parse_amount_with(text, DecimalMark::Point)
}

/// Parses an amount with the given decimal mark.
///
/// Accepted around the digits: white space (also no-break and thin spaces),
/// a currency sign or word before or after (`₩ ￦ $ € £ ¥ 원 KRW USD EUR GBP
/// JPY`), a sign before (`-`, `+`, `−`), a minus after (`12.00-`), or
/// parentheses for a negative (`(12.00)`). Within the digits: thousands
/// groups of exactly three, separated by the other mark, a space or an
/// apostrophe. Anything else, including `NaN`, exponents and infinities, is
/// `None`.
///
/// ```
/// use segmenta::ingest::{parse_amount_with, DecimalMark::{Comma, Point}};
/// assert_eq!(parse_amount_with("1.234,56 €", Comma), Some(1234.56));
/// assert_eq!(parse_amount_with("(1,234.56)", Point), Some(-1234.56));
/// assert_eq!(parse_amount_with("KRW 12,000-", Point), Some(-12000.0));
/// assert_eq!(parse_amount_with("1 234,5", Comma), Some(1234.5));
/// ```
pub fn parse_amount_with(text: &str, mark: DecimalMark) -> Option<f64> {
    parse_amount_bytes(text.as_bytes(), mark)
}

/// [`parse_amount_with`] on bytes: plain numbers (digits, marks, a leading
/// minus) skip the UTF-8 check and the decorations.
pub(crate) fn parse_amount_bytes(bytes: &[u8], mark: DecimalMark) -> Option<f64> {
    let decimal = match mark {
        DecimalMark::Point => b'.',
        DecimalMark::Comma => b',',
    };
    if let Some(value) = simple_number(bytes, decimal) {
        return Some(value);
    }
    if let Some((&first, rest)) = bytes.split_first() {
        let plain = |c: &u8| c.is_ascii_digit() || *c == b'.' || *c == b',';
        if (first.is_ascii_digit() || first == b'-') && rest.iter().all(plain) && rest.last().is_some_and(u8::is_ascii_digit) {
            let (negative, digits) = if first == b'-' { (true, rest) } else { (false, bytes) };
            return parse_digits(digits, mark).map(|v| if negative { -v } else { v });
        }
    }
    let (negative, core) = strip_decorations(std::str::from_utf8(bytes).ok()?)?;
    let value = parse_digits(core.as_bytes(), mark)?;
    Some(if negative { -value } else { value })
}

/// The most common shape, `-?D+(.D+)?` with at most 18 digits, read in
/// one pass; `None` for anything else, which the general path reads (to the
/// same value, where this one reads it too).
#[inline]
fn simple_number(bytes: &[u8], decimal: u8) -> Option<f64> {
    let (negative, digits) = match bytes.split_first()? {
        (b'-', rest) => (true, rest),
        _ => (false, bytes),
    };
    if digits.is_empty() || digits.len() > 19 {
        return None;
    }
    let mut mantissa = 0u64;
    let mut fraction = None;
    for (k, &c) in digits.iter().enumerate() {
        let d = c.wrapping_sub(b'0');
        if d < 10 {
            mantissa = mantissa * 10 + u64::from(d);
        } else if c == decimal && fraction.is_none() && k > 0 && k + 1 < digits.len() {
            fraction = Some(digits.len() - k - 1);
        } else {
            return None;
        }
    }
    if digits.len() - usize::from(fraction.is_some()) > 18 {
        return None;
    }
    // Exact mantissa and power, so one rounding, as in `parse_digits`.
    let value = mantissa as f64 / POW10[fraction.unwrap_or(0)];
    Some(if negative { -value } else { value })
}

/// Removes white space, currency, signs and parentheses around the number;
/// returns whether it is negative and the digits part.
fn strip_decorations(text: &str) -> Option<(bool, &str)> {
    let b = text.as_bytes();
    if b.first().is_some_and(u8::is_ascii_digit) && b.last().is_some_and(u8::is_ascii_digit) {
        return Some((false, text)); // the common case: nothing to strip
    }
    let mut s = trim_spaces(text);
    let mut negative = false;
    let mut signed = false;
    let mut paren = false;
    // Each pass removes one decoration from either end; a handful is plenty.
    for _ in 0..6 {
        let before = s.len();
        if let Some(inner) = s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
            if paren || signed {
                return None;
            }
            paren = true;
            negative = true;
            s = inner;
        }
        for sign in ["-", "−", "+"] {
            if let Some(r) = s.strip_prefix(sign) {
                if signed || paren {
                    return None;
                }
                signed = true;
                negative ^= sign != "+";
                s = r;
            }
        }
        if let Some(r) = s.strip_suffix('-') {
            if signed || paren {
                return None;
            }
            signed = true;
            negative = !negative;
            s = r;
        }
        for c in CURRENCIES {
            if let Some(r) = s.strip_prefix(c) {
                s = r;
            }
            if let Some(r) = s.strip_suffix(c) {
                s = r;
            }
        }
        s = trim_spaces(s);
        if s.len() == before {
            break;
        }
    }
    Some((negative, s))
}

fn trim_spaces(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
}

/// Powers of ten up to the most fractional digits a number can have.
const POW10: [f64; 19] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
];

/// The digits of a number: groups of three separated by a grouping mark, at
/// most one decimal mark.
fn parse_digits(b: &[u8], mark: DecimalMark) -> Option<f64> {
    let (decimal, group) = match mark {
        DecimalMark::Point => (b'.', b','),
        DecimalMark::Comma => (b',', b'.'),
    };
    let mut mantissa: u64 = 0;
    let mut digits = 0u32;
    let mut frac_digits: i32 = 0;
    let mut in_frac = false;
    let mut group_len: Option<u32> = None; // digits since the last grouping mark
    let mut first_group = 0u32;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b'0'..=b'9' => {
                if digits >= 18 {
                    return None;
                }
                mantissa = mantissa * 10 + u64::from(c - b'0');
                digits += 1;
                if in_frac {
                    frac_digits += 1;
                } else if let Some(n) = group_len.as_mut() {
                    *n += 1;
                } else {
                    first_group += 1;
                }
            }
            _ if c == decimal && !in_frac => {
                if group_len.is_some_and(|n| n != 3) {
                    return None;
                }
                in_frac = true;
            }
            _ if !in_frac && (c == group || c == b' ' || c == b'\'' || is_space_at(b, i)) => {
                if group_len.is_some_and(|n| n != 3) || !(1..=3).contains(&first_group) {
                    return None;
                }
                group_len = Some(0);
                i += space_len(b, i);
                continue;
            }
            _ => return None,
        }
        i += 1;
    }
    if digits == 0 || (!in_frac && group_len.is_some_and(|n| n != 3)) {
        return None;
    }
    // Both exact (mantissa < 10^18 < 2^63, power ≤ 10^18), so one rounding.
    Some(mantissa as f64 / POW10[frac_digits as usize])
}

/// True at a no-break (U+00A0) or narrow no-break (U+202F) space.
fn is_space_at(b: &[u8], i: usize) -> bool {
    b[i..].starts_with("\u{a0}".as_bytes()) || b[i..].starts_with("\u{202f}".as_bytes())
}

fn space_len(b: &[u8], i: usize) -> usize {
    if b[i..].starts_with("\u{a0}".as_bytes()) {
        2
    } else if b[i..].starts_with("\u{202f}".as_bytes()) {
        3
    } else {
        1
    }
}

/// The decimal mark chosen for some amount columns, and whether the cells
/// left the choice open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecimalInference {
    /// The mark used.
    pub mark: DecimalMark,
    /// True when no cell told the marks apart (all like `1,234` or `5`).
    pub ambiguous: bool,
}

/// Chooses the decimal mark from sample cells: `1.234,56`, `12,5` and
/// `1.234.567` vote for a comma; `1,234.56`, `12.5` and `1,234,567` for a
/// point; `1,234` or `1.234` alone say nothing. Ties go to the point.
///
/// ```
/// use segmenta::ingest::{infer_decimal_mark, DecimalMark};
/// assert_eq!(infer_decimal_mark(["1.234,56", "12,5"]).mark, DecimalMark::Comma);
/// assert_eq!(infer_decimal_mark(["₩12,000", "₩5,000"]).mark, DecimalMark::Point);
/// assert!(infer_decimal_mark(["₩12,000"]).ambiguous);
/// ```
pub fn infer_decimal_mark<'a>(cells: impl IntoIterator<Item = &'a str>) -> DecimalInference {
    let (mut point, mut comma) = (0usize, 0usize);
    for cell in cells {
        let Some((_, core)) = strip_decorations(cell) else { continue };
        let last_point = core.rfind('.');
        let last_comma = core.rfind(',');
        let count = |c: char| core.matches(c).count();
        let after = |i: usize| core.len() - i - 1;
        match (last_point, last_comma) {
            (Some(p), Some(c)) => {
                if p > c {
                    point += 1
                } else {
                    comma += 1
                }
            }
            (Some(_), None) if count('.') > 1 => comma += 1,
            (Some(p), None) if after(p) != 3 => point += 1,
            (None, Some(_)) if count(',') > 1 => point += 1,
            (None, Some(c)) if after(c) != 3 => comma += 1,
            _ => {}
        }
    }
    let mark = if comma > point { DecimalMark::Comma } else { DecimalMark::Point };
    DecimalInference { mark, ambiguous: point == 0 && comma == 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_shape_reads_what_the_general_path_reads() {
        let mut seed = 0x853c_49e6_748f_ea9bu64;
        let alphabet = b"0123456789-.,";
        let mut read = 0;
        for _ in 0..200_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 22) as usize;
            let text: Vec<u8> = (0..len).map(|k| alphabet[((seed >> (k * 2 % 60)) as usize + k * 7) % alphabet.len()]).collect();
            for (mark, decimal) in [(DecimalMark::Point, b'.'), (DecimalMark::Comma, b',')] {
                if let Some(quick) = simple_number(&text, decimal) {
                    read += 1;
                    let general = std::str::from_utf8(&text).ok().and_then(strip_decorations).and_then(|(negative, core)| {
                        parse_digits(core.as_bytes(), mark).map(|v| if negative { -v } else { v })
                    });
                    assert_eq!(Some(quick.to_bits()), general.map(f64::to_bits), "{}", String::from_utf8_lossy(&text));
                }
            }
        }
        assert!(read > 10_000, "{read} numbers of the quick shape");
        assert_eq!(simple_number(b"-12.50", b'.'), Some(-12.5));
        assert_eq!(simple_number(b"1,5", b'.'), None);
        assert_eq!(simple_number(b"5.", b'.'), None);
    }
    use DecimalMark::{Comma, Point};

    #[test]
    fn plain_numbers() {
        assert_eq!(parse_amount("12"), Some(12.0));
        assert_eq!(parse_amount(" 12.75 "), Some(12.75));
        assert_eq!(parse_amount("-3.5"), Some(-3.5));
        assert_eq!(parse_amount(".5"), Some(0.5));
        assert_eq!(parse_amount("0.1"), Some(0.1));
        assert_eq!(parse_amount("2.55"), Some(2.55));
    }

    #[test]
    fn thousands_groups_must_be_three_digits() {
        assert_eq!(parse_amount("1,234,567.5"), Some(1_234_567.5));
        assert_eq!(parse_amount("1,23"), None);
        assert_eq!(parse_amount("1234,567"), None);
        assert_eq!(parse_amount("1,2345"), None);
        assert_eq!(parse_amount_with("1.234.567,5", Comma), Some(1_234_567.5));
        assert_eq!(parse_amount_with("1'234.5", Point), Some(1234.5));
    }

    #[test]
    fn currency_before_or_after_with_or_without_spaces() {
        for text in ["$5", "5$", "$ 5", "5 USD", "KRW5", "5원", "5 원", "₩5", "￦5", "€5", "5 €", "£5", "¥5"] {
            assert_eq!(parse_amount(text), Some(5.0), "{text}");
        }
        assert_eq!(parse_amount("₩12,000원"), Some(12000.0));
    }

    #[test]
    fn negatives_by_sign_parentheses_or_trailing_minus() {
        for text in ["-5", "−5", "(5)", "5-", "-$5", "$-5", "($5.00)", "₩5,000-", "- 5"] {
            assert_eq!(parse_amount(text).map(f64::abs), Some(if text.contains(',') { 5000.0 } else { 5.0 }), "{text}");
            assert!(parse_amount(text).unwrap() < 0.0, "{text}");
        }
        assert_eq!(parse_amount("+5"), Some(5.0));
        assert_eq!(parse_amount("(-5)"), None);
        assert_eq!(parse_amount("--5"), None);
    }

    #[test]
    fn decimal_comma() {
        assert_eq!(parse_amount_with("12,50", Comma), Some(12.5));
        assert_eq!(parse_amount_with("1.234,56", Comma), Some(1234.56));
        assert_eq!(parse_amount_with("1\u{a0}234,56", Comma), Some(1234.56));
        assert_eq!(parse_amount_with("1,234.56", Comma), None);
    }

    #[test]
    fn rejects_non_numbers() {
        for bad in ["", "abc", "NaN", "inf", "1e5", "1e5x", "1.2.3", "--1", "1 2", "$", "()", "12..5", "1,,000"] {
            assert_eq!(parse_amount(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_decimal_mark_is_voted_by_the_cells() {
        assert_eq!(infer_decimal_mark(["1,50", "2,75", "1.000"]).mark, Comma);
        assert_eq!(infer_decimal_mark(["1.50", "2,000.75"]).mark, Point);
        let unsure = infer_decimal_mark(["1,000", "5"]);
        assert_eq!((unsure.mark, unsure.ambiguous), (Point, true));
    }
}
