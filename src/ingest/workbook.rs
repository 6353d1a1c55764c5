//! Excel `.xlsx` workbooks: one worksheet read as rows of text, then through
//! the same row reader as a CSV file.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use super::encoding::EncodingSource;
use super::rows::{Rows, Source};
use super::split::OwnedRecord;
use super::{FileFormat, IngestError, IngestOptions, Ingested};
use crate::date::Day;

/// Reads the chosen (default: first) worksheet of an `.xlsx` file.
///
/// Cells become text: numbers as written without exponent, dates and
/// date-times as `YYYY-MM-DD`, a formula its saved result (or, saved
/// without one, its text `=B2*C2`, which the row reader skips with that
/// reason), so every column rule (and the data-quality
/// report, with row numbers for line numbers) is the same as for CSV. Rows
/// after `until` are skipped; the customers `movement_days` before the
/// as-of date are gathered too (0: not).
pub(crate) fn read_workbook(
    bytes: &[u8],
    options: &IngestOptions,
    (until, movement_days): (Option<Day>, u32),
) -> Result<Ingested, IngestError> {
    if !contains(bytes, b"xl/workbook.xml") {
        return Err(IngestError::NotXlsx);
    }
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| IngestError::Workbook { message: e.to_string() })?;
    let sheets = book.sheet_names();
    let sheet = match &options.sheet {
        Some(name) => sheets
            .iter()
            .find(|s| *s == name || s.trim().eq_ignore_ascii_case(name.trim()))
            .cloned()
            .ok_or_else(|| IngestError::UnknownSheet { name: name.clone(), sheets: sheets.join(", ") })?,
        None => sheets.first().cloned().ok_or_else(|| IngestError::Workbook { message: "it has no worksheet".into() })?,
    };
    let range = book.worksheet_range(&sheet).map_err(|e| IngestError::Workbook { message: e.to_string() })?;
    // A formula saved without its result has no value: its text is read
    // instead, so the row is skipped as "a formula without a computed value".
    let formulas = if range.cells().any(|(_, _, c)| matches!(c, Data::Empty)) {
        book.worksheet_formula(&sheet).ok().filter(|f| !f.is_empty())
    } else {
        None
    };
    let source = Source {
        format: FileFormat::Xlsx,
        encoding: "UTF-8",
        encoding_source: EncodingSource::Detected,
        delimiter: String::new(),
        sheet: Some(sheet),
        sheets,
    };
    let mut rows = Rows::new(options, until, movement_days, source);
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let mut fields: Vec<String> = Vec::new();
    for (i, row) in range.rows().enumerate() {
        fields.clear();
        fields.extend(row.iter().enumerate().map(|(j, cell)| match (cell, &formulas) {
            (Data::Empty, Some(f)) => formula_text(f, (first_row + i as u32, first_column + j as u32)),
            _ => cell_text(cell),
        }));
        while fields.last().is_some_and(String::is_empty) {
            fields.pop();
        }
        if fields.is_empty() {
            continue; // blank rows are skipped, as blank lines are in CSV
        }
        let record = OwnedRecord::from_fields(&fields, u64::from(first_row) + i as u64 + 1);
        rows.take(record.view())?;
    }
    rows.finish(bytes.len() as u64)
}

/// `=B2*C2` for a cell holding a formula (and no value), else empty.
fn formula_text(formulas: &calamine::Range<String>, at: (u32, u32)) -> String {
    match formulas.get_value(at) {
        Some(f) if !f.is_empty() => format!("={}", f.trim_start_matches('=')),
        _ => String::new(),
    }
}

/// A cell as the text a CSV export would hold (an error value as Excel
/// shows it: `#DIV/0!`).
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::Error(e) => e.to_string(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.trim().to_owned(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => {
            let serial = dt.as_f64();
            if dt.is_datetime() && (1.0..2_958_466.0).contains(&serial) {
                Day(serial.floor() as i32 - 25_569).to_string()
            } else {
                number_text(serial)
            }
        }
    }
}

/// `12`, `2.55`: whole numbers without a fraction, others in shortest form.
fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_written() {
        assert_eq!(number_text(12.0), "12");
        assert_eq!(number_text(2.55), "2.55");
        assert_eq!(number_text(-0.5), "-0.5");
    }

    #[test]
    fn a_zip_without_a_workbook_is_not_xlsx() {
        let err = read_workbook(b"PK\x03\x04 some other archive", &IngestOptions::default(), (None, 0)).unwrap_err();
        assert_eq!(err, IngestError::NotXlsx);
    }
}
