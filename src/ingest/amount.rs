//! Parsing money amounts and quantities.

/// Parses a plain decimal amount such as `12.5`, `-3`, `1,234.50` or `$12.00`.
///
/// Leading currency symbols (`$ € £ ¥ ₩ ￦`) and thousands commas (groups of
/// exactly three digits) are accepted. Anything else, including `NaN` and
/// infinities, is `None`.
///
/// ```
/// use segmenta::ingest::parse_amount;
/// assert_eq!(parse_amount("1,234.50"), Some(1234.5));
/// assert_eq!(parse_amount("₩12,000"), Some(12000.0));
/// assert_eq!(parse_amount("12,50"), None);
/// assert_eq!(parse_amount("NaN"), None);
/// ```
pub fn parse_amount(text: &str) -> Option<f64> {
    let mut s = text.trim();
    let negative = s.starts_with('-');
    if negative {
        s = s[1..].trim_start();
    }
    s = s.trim_start_matches(['$', '€', '£', '¥', '₩', '￦']).trim_start();
    let cleaned;
    if s.contains(',') {
        if !has_thousands_groups(s) {
            return None;
        }
        cleaned = s.replace(',', "");
        s = &cleaned;
    }
    if s.is_empty() || !s.bytes().all(|c| c.is_ascii_digit() || c == b'.') {
        return None;
    }
    let value: f64 = s.parse().ok()?;
    Some(if negative { -value } else { value })
}

/// True when every comma in the integer part separates a group of three digits.
fn has_thousands_groups(s: &str) -> bool {
    let int_part = s.split('.').next().unwrap_or("");
    let mut groups = int_part.split(',');
    let first = groups.next().unwrap_or("");
    (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3) && !s.split('.').skip(1).any(|f| f.contains(','))
}

#[cfg(test)]
mod tests {
    use super::parse_amount;

    #[test]
    fn plain_numbers() {
        assert_eq!(parse_amount("12"), Some(12.0));
        assert_eq!(parse_amount(" 12.75 "), Some(12.75));
        assert_eq!(parse_amount("-3.5"), Some(-3.5));
        assert_eq!(parse_amount(".5"), Some(0.5));
    }

    #[test]
    fn thousands_commas_need_groups_of_three() {
        assert_eq!(parse_amount("1,234,567.5"), Some(1_234_567.5));
        assert_eq!(parse_amount("1,23"), None);
        assert_eq!(parse_amount("1234,567"), None);
    }

    #[test]
    fn currency_signs_before_the_number() {
        assert_eq!(parse_amount("$5"), Some(5.0));
        assert_eq!(parse_amount("-€5"), Some(-5.0));
        assert_eq!(parse_amount("￦1,000"), Some(1000.0));
    }

    #[test]
    fn rejects_non_numbers() {
        for bad in ["", "abc", "NaN", "inf", "1e5x", "1.2.3", "--1", "1 2"] {
            assert_eq!(parse_amount(bad), None, "{bad}");
        }
    }
}
