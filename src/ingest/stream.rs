//! The streaming reader: a file fed in chunks of any size, so that memory
//! grows with the number of customers, not with the file.

use super::encoding::{detect_encoding, encoding_for_label, replacement_share, EncodingSource, TextDecoder};
use super::rows::{Rows, Source};
use super::split::{sniff_delimiter, Splitter};
use super::{FileFormat, IngestError, IngestOptions, Ingested};
use crate::date::Day;

/// Bytes gathered before the encoding and delimiter are chosen.
const HEAD_BYTES: usize = 64 * 1024;

/// Reads a transactions file given in chunks.
///
/// Feed the file's bytes with [`push`](IngestStream::push) in chunks of any
/// size, then call [`finish`](IngestStream::finish). The encoding and the
/// delimiter are chosen from the first 64 KiB, the columns and the date and
/// number formats from the first rows; after that every chunk is decoded,
/// split and folded into customers as it comes, so memory holds the
/// customers, not the file. (An `.xlsx` workbook is a zip archive that can
/// only be read whole: its bytes are kept until `finish`.)
///
/// ```
/// use segmenta::ingest::{IngestOptions, IngestStream};
/// let csv = "고객번호;주문일자;결제금액\nA1;2024.03.05;₩12,000\nA2;2024.03.06;₩5,000\nA1;2024.03.09;₩1,500\n";
/// let mut stream = IngestStream::new(&IngestOptions::default(), None);
/// for chunk in csv.as_bytes().chunks(7) {
///     stream.push(chunk).unwrap();
/// }
/// let read = stream.finish().unwrap();
/// assert_eq!(read.customers.ids, ["A1", "A2"]);
/// assert_eq!(read.customers.monetary, [13_500.0, 5_000.0]);
/// assert_eq!(read.report.delimiter, ";");
/// assert_eq!(read.report.date_format.pattern(), "YYYY.MM.DD");
/// ```
pub struct IngestStream {
    options: IngestOptions,
    until: Option<Day>,
    movement_days: u32,
    bytes_read: u64,
    state: State,
}

enum State {
    /// The first bytes, before anything is decided.
    Head(Vec<u8>),
    /// Delimited text, being read.
    Text(Box<TextReader>),
    /// A workbook, kept whole until the end.
    Workbook(Vec<u8>),
    /// An error was returned; further input is ignored.
    Failed,
}

struct TextReader {
    decoder: TextDecoder,
    splitter: Splitter,
    rows: Rows,
    /// The first bytes were all ASCII, which every supported encoding reads
    /// alike: the encoding is chosen at the first byte that is not.
    undecided: bool,
}

impl TextReader {
    fn feed(&mut self, chunk: &[u8], last: bool) -> Result<(), IngestError> {
        // Checked sixteen bytes at a time; the position is only looked for once.
        if self.undecided && !all_ascii(chunk) {
            if let Some(at) = chunk.iter().position(|b| !b.is_ascii()) {
                self.undecided = false;
                let (encoding, _) = detect_encoding(&chunk[at..], last);
                if encoding != encoding_rs::UTF_8 {
                    self.feed_text(&chunk[..at], false)?;
                    self.decoder = TextDecoder::new(encoding);
                    self.rows.set_encoding(encoding.name());
                    return self.feed_text(&chunk[at..], last);
                }
            }
        }
        self.feed_text(chunk, last)
    }

    fn feed_text(&mut self, chunk: &[u8], last: bool) -> Result<(), IngestError> {
        let text = self.decoder.decode(chunk, last);
        let rows = &mut self.rows;
        self.splitter.feed(text, last, |r| rows.take(r))
    }
}

/// True when every byte is ASCII: an OR of all bytes in pieces of 4 KiB,
/// which LLVM turns into SIMD (`simd128` in wasm, where `is_ascii` goes a
/// 4-byte word at a time).
#[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
fn all_ascii(bytes: &[u8]) -> bool {
    bytes.chunks(4096).all(|piece| piece.iter().fold(0u8, |acc, &b| acc | b) < 0x80)
}

impl IngestStream {
    /// A reader with these options; rows dated after `until` are skipped.
    pub fn new(options: &IngestOptions, until: Option<Day>) -> IngestStream {
        IngestStream { options: options.clone(), until, movement_days: 0, bytes_read: 0, state: State::Head(Vec::new()) }
    }

    /// Also gathers, in the same reading, the customers as of `days` before
    /// the as-of date (only their rows up to then), for the segment
    /// movement: see [`Ingested::customers_at`]. 0 gathers nothing.
    pub fn with_movement(mut self, days: u32) -> IngestStream {
        self.movement_days = days;
        self
    }

    /// Bytes pushed so far.
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read
    }

    /// Data rows read so far (for progress).
    pub fn rows_read(&self) -> u64 {
        match &self.state {
            State::Text(t) => t.rows.rows_read(),
            _ => 0,
        }
    }

    /// Refuses a file of `size` bytes before it is read, when that is beyond
    /// the limit (`ingest.limits.fileBytes`). Without this call the limit is
    /// still checked as the bytes come, which suits a stream of unknown length.
    pub fn expect_len(&mut self, size: u64) -> Result<(), IngestError> {
        let limit = self.options.limits.file_bytes;
        if size > limit {
            self.state = State::Failed;
            return Err(IngestError::FileTooLarge { size, limit });
        }
        Ok(())
    }

    /// Reads the next chunk. An error (for example a binary file) is final.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), IngestError> {
        self.bytes_read += chunk.len() as u64;
        let limits = self.options.limits;
        if self.bytes_read > limits.file_bytes && !matches!(self.state, State::Failed) {
            self.state = State::Failed;
            return Err(IngestError::InputTooLarge { limit: limits.file_bytes });
        }
        let result = match &mut self.state {
            State::Head(head) => {
                // Only the first 64 KiB decide: a file given whole is not
                // copied, sniffed and checked whole before it is read.
                let take = chunk.len().min(HEAD_BYTES - head.len());
                head.extend_from_slice(&chunk[..take]);
                if head.len() < HEAD_BYTES {
                    return Ok(());
                }
                let head = std::mem::take(head);
                self.begin(head, false).and_then(|()| self.feed_rest(&chunk[take..]))
            }
            State::Text(t) => t.feed(chunk, false),
            State::Workbook(bytes) => {
                bytes.extend_from_slice(chunk);
                check_workbook(bytes, limits.workbook_bytes)
            }
            State::Failed => Ok(()),
        };
        if result.is_err() {
            self.state = State::Failed;
        }
        result
    }

    /// Reads the rest of the chunk that completed the first 64 KiB.
    fn feed_rest(&mut self, rest: &[u8]) -> Result<(), IngestError> {
        match &mut self.state {
            _ if rest.is_empty() => Ok(()),
            State::Text(t) => t.feed(rest, false),
            State::Workbook(bytes) => {
                bytes.extend_from_slice(rest);
                Ok(())
            }
            State::Head(_) | State::Failed => Ok(()),
        }
    }

    /// Ends the input: the customers and the data-quality report.
    pub fn finish(mut self) -> Result<Ingested, IngestError> {
        if let State::Head(head) = &mut self.state {
            let head = std::mem::take(head);
            self.begin(head, true)?;
        }
        match self.state {
            State::Text(mut t) => {
                t.feed(&[], true)?;
                t.rows.finish(self.bytes_read)
            }
            State::Workbook(bytes) => super::workbook::read_workbook(&bytes, &self.options, (self.until, self.movement_days)),
            State::Head(_) | State::Failed => Err(IngestError::Empty),
        }
    }

    /// Decides what the file is from its first bytes, and starts reading it.
    fn begin(&mut self, head: Vec<u8>, complete: bool) -> Result<(), IngestError> {
        if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
            check_workbook(&head, self.options.limits.workbook_bytes)?;
            self.state = State::Workbook(head);
            return Ok(());
        }
        if head.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
            return Err(IngestError::OldOffice);
        }
        let (encoding, encoding_source) = match &self.options.encoding {
            Some(label) => (encoding_for_label(label)?, EncodingSource::Setting),
            None => detect_encoding(&head, complete),
        };
        if encoding.is_ascii_compatible() {
            check_not_binary(&head)?;
        }
        let mut decoder = TextDecoder::new(encoding);
        // `last` stays false here: `finish` ends the decoder with an empty chunk.
        let text = decoder.decode(&head, false).to_vec();
        if complete && text.iter().all(u8::is_ascii_whitespace) {
            return Err(IngestError::Empty);
        }
        let (share, replaced) = replacement_share(&text);
        if replaced >= 3 && share >= 0.3 {
            return Err(IngestError::Undecodable { encoding: encoding.name(), percent: (share * 100.0).round() as u32 });
        }
        let delimiter = match self.options.delimiter {
            Some(d) if d.is_ascii() && d != '"' && d != '\n' && d != '\r' => d as u8,
            Some(d) => return Err(IngestError::BadDelimiter { delimiter: d }),
            None => sniff_delimiter(&text, complete),
        };
        let source = Source {
            format: FileFormat::Csv,
            encoding: encoding.name(),
            encoding_source,
            delimiter: (delimiter as char).to_string(),
            sheet: None,
            sheets: Vec::new(),
        };
        let undecided = encoding_source == EncodingSource::Detected && !complete && head.is_ascii();
        let rows = Rows::new(&self.options, self.until, self.movement_days, source);
        let mut reader = TextReader { decoder, splitter: Splitter::with_limit(delimiter, self.options.limits.row_bytes), rows, undecided };
        let rows = &mut reader.rows;
        reader.splitter.feed(&text, false, |r| rows.take(r))?;
        self.state = State::Text(Box::new(reader));
        Ok(())
    }
}

/// A workbook is read whole: refused once it passes its limit.
fn check_workbook(bytes: &[u8], limit: u64) -> Result<(), IngestError> {
    let size = bytes.len() as u64;
    if size > limit {
        return Err(IngestError::WorkbookTooLarge { size, limit });
    }
    Ok(())
}

/// Text has no zero bytes, and few control characters other than tab,
/// line feed, carriage return and form feed.
fn check_not_binary(head: &[u8]) -> Result<(), IngestError> {
    if let Some(offset) = head.iter().position(|&b| b == 0) {
        return Err(IngestError::Binary { what: "a zero byte", offset });
    }
    let is_control = |b: &u8| *b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1a);
    let controls = head.iter().filter(|b| is_control(b)).count();
    if controls > 8 && controls * 100 > head.len() {
        let offset = head.iter().position(is_control).unwrap_or(0);
        return Err(IngestError::Binary { what: "control characters", offset });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_told_apart_wherever_the_other_byte_is() {
        let mut bytes = vec![b'a'; 10_000];
        assert!(all_ascii(&bytes) && all_ascii(&[]));
        for at in [0, 15, 4095, 4096, 9_999] {
            bytes[at] = 0x80;
            assert!(!all_ascii(&bytes), "{at}");
            bytes[at] = b'a';
        }
    }
}
