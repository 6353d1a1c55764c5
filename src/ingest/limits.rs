//! Limits that protect the browser tab (and the machine): a file, a workbook,
//! a row or a customer count beyond them is refused with a message that names
//! the limit and the figure, instead of running out of memory.

use serde::{Deserialize, Serialize};

/// Size limits for reading a file: the `ingest.limits` section of the
/// settings. Every field is optional; the defaults suit the page.
///
/// - `fileBytes` (2 GB): the file is refused before it is read. A text file
///   is streamed, so this limit is about time, not memory: split larger
///   exports, or raise it (the CLI's `--max-file-bytes`).
/// - `workbookBytes` (100 MB): an `.xlsx` is a zip archive that is read
///   whole and expands many times over in memory, so its limit is lower.
/// - `customers` (8 million): memory grows with the customers (about 430
///   bytes each natively, measured on 1 million; the page's WebAssembly
///   memory cannot pass 4 GB), so a file with more distinct customers is
///   refused at the row that passes the limit.
/// - `rowBytes` (1 MiB): a row longer than this (its fields and
///   delimiters) is skipped and reported at its line and the field where it
///   passed the limit, without buffering the rest of it; a header row that
///   long is an error.
///
/// ```
/// use segmenta::ingest::Limits;
/// let l: Limits = serde_json::from_str(r#"{"rowBytes": 4096}"#).unwrap();
/// assert_eq!(l.row_bytes, 4096);
/// assert_eq!(l.customers, Limits::default().customers);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Limits {
    /// The largest file read, in bytes.
    pub file_bytes: u64,
    /// The largest `.xlsx` workbook read, in bytes.
    pub workbook_bytes: u64,
    /// The most distinct customers.
    pub customers: u64,
    /// The longest row, in bytes (fields and delimiters, quotes not counted).
    pub row_bytes: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { file_bytes: 2_000_000_000, workbook_bytes: 100_000_000, customers: 8_000_000, row_bytes: 1 << 20 }
    }
}

impl Limits {
    /// True when every limit is the default (the settings then leave the
    /// section out when written).
    pub fn is_default(&self) -> bool {
        *self == Limits::default()
    }
}

/// A byte count for messages: `3.2 GB (3,200,000,000 bytes)`, or just the
/// bytes below 10 kB.
pub(crate) fn bytes_text(bytes: u64) -> String {
    let exact = format!("{} bytes", grouped(bytes));
    let (value, unit) = match bytes {
        b if b >= 1_000_000_000 => (b as f64 / 1e9, "GB"),
        b if b >= 1_000_000 => (b as f64 / 1e6, "MB"),
        b if b >= 10_000 => (b as f64 / 1e3, "kB"),
        _ => return exact,
    };
    format!("{} {unit} ({exact})", trimmed(value))
}

/// `1,234,567`.
pub(crate) fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// One decimal, without a trailing `.0`.
fn trimmed(value: f64) -> String {
    let text = format!("{value:.1}");
    text.strip_suffix(".0").map(str::to_owned).unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_counts_read_naturally() {
        assert_eq!(bytes_text(512), "512 bytes");
        assert_eq!(bytes_text(2_000_000_000), "2 GB (2,000,000,000 bytes)");
        assert_eq!(bytes_text(3_210_000_000), "3.2 GB (3,210,000,000 bytes)");
        assert_eq!(bytes_text(1_048_576), "1 MB (1,048,576 bytes)");
        assert_eq!(grouped(8_000_000), "8,000,000");
    }

    #[test]
    fn unknown_limits_are_refused() {
        assert!(serde_json::from_str::<Limits>(r#"{"rows": 5}"#).is_err());
        assert!(Limits::default().is_default());
    }
}
