//! A look at the first rows of a file without choosing any column: what the
//! page shows to let the user map the columns when they could not be found.

use serde::Serialize;

use super::encoding::{detect_encoding, encoding_for_label, TextDecoder};
use super::rows::PREVIEW_ROWS;
use super::split::{sniff_delimiter, Splitter};
use super::{IngestError, IngestOptions, PreviewRow};

/// The header and first rows of a delimited text file, as read.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Peek {
    /// The encoding used.
    pub encoding: String,
    /// The delimiter used.
    pub delimiter: String,
    /// The header row.
    pub headers: Vec<String>,
    /// The first data rows.
    pub preview: Vec<PreviewRow>,
}

/// Reads the header and first rows from the start of a file (the first
/// 64 KiB are plenty), with the encoding and delimiter of `options` or
/// detected. `None` for workbooks and files with no text rows.
///
/// ```
/// use segmenta::ingest::{peek, IngestOptions};
/// let p = peek(b"who;when;how much\na;monday;1\n", &IngestOptions::default()).unwrap();
/// assert_eq!(p.headers, ["who", "when", "how much"]);
/// assert_eq!(p.preview[0].fields, ["a", "monday", "1"]);
/// ```
pub fn peek(head: &[u8], options: &IngestOptions) -> Option<Peek> {
    if head.starts_with(b"PK") {
        return None;
    }
    let encoding = match &options.encoding {
        Some(label) => encoding_for_label(label).ok()?,
        None => detect_encoding(head, false).0,
    };
    let mut decoder = TextDecoder::new(encoding);
    let text = decoder.decode(head, false).to_vec();
    let delimiter = match options.delimiter {
        Some(d) if d.is_ascii() => d as u8,
        _ => sniff_delimiter(&text, false),
    };
    let mut records: Vec<PreviewRow> = Vec::new();
    let _ = Splitter::new(delimiter).feed::<IngestError>(&text, false, |r| {
        if records.len() <= PREVIEW_ROWS {
            records.push(PreviewRow { line: r.line, fields: r.strings() });
        }
        Ok(())
    });
    if records.is_empty() {
        return None;
    }
    let headers = records.remove(0).fields.into_iter().map(|h| h.trim().to_owned()).collect();
    Some(Peek { encoding: encoding.name().to_owned(), delimiter: (delimiter as char).to_string(), headers, preview: records })
}
