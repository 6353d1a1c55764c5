//! CSV cells, with text cells neutralised against spreadsheet formula
//! injection (OWASP "CSV injection").

/// One CSV cell: text (neutralised when written) or a number (never).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text from the file or the settings.
    Text(String),
    /// A number, written in its shortest exact form.
    Number(f64),
    /// A whole number.
    Count(u64),
}

impl Cell {
    /// The cell as written to the file.
    pub fn render(&self) -> String {
        match self {
            Cell::Text(text) => neutralise(text),
            Cell::Number(x) => x.to_string(),
            Cell::Count(n) => n.to_string(),
        }
    }
}

/// Prefixes `'` to text starting with `=`, `+`, `-`, `@`, tab or carriage
/// return, so that a spreadsheet shows it instead of running it.
///
/// ```
/// use segmenta::export::neutralise;
/// assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
/// assert_eq!(neutralise("-12"), "'-12");
/// assert_eq!(neutralise("Ann"), "Ann");
/// ```
pub fn neutralise(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// Writes rows of cells as CSV (comma, quotes where needed, `\n` line ends).
pub(crate) fn write_csv(header: &[&str], rows: impl Iterator<Item = Vec<Cell>>) -> String {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
    let mut write = |fields: Vec<String>| w.write_record(&fields).is_ok();
    write(header.iter().map(|h| (*h).to_owned()).collect());
    for row in rows {
        write(row.iter().map(Cell::render).collect());
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_formula_lead_character_is_neutralised_in_text_cells_only() {
        for lead in ['=', '+', '-', '@', '\t', '\r'] {
            let text = format!("{lead}cmd");
            assert_eq!(Cell::Text(text.clone()).render(), format!("'{text}"));
        }
        assert_eq!(Cell::Number(-12.5).render(), "-12.5");
        assert_eq!(Cell::Text("a=b".into()).render(), "a=b");
    }

    #[test]
    fn quotes_cells_with_commas_and_quotes() {
        let csv = write_csv(&["a", "b"], [vec![Cell::Text("x, \"y\"".into()), Cell::Count(3)]].into_iter());
        assert_eq!(csv, "a,b\n\"x, \"\"y\"\"\",3\n");
    }
}
