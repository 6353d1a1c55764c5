//! Splitting decoded text into records, fed in chunks of any size.

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

/// One record: its fields and the line it starts on.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Record<'a> {
    data: &'a [u8],
    ends: &'a [usize],
    /// 1-based line number where the record starts.
    pub(crate) line: u64,
}

impl<'a> Record<'a> {
    /// Number of fields.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Field `i`, untrimmed (empty when out of range).
    pub(crate) fn get(&self, i: usize) -> &'a [u8] {
        match self.ends.get(i) {
            Some(&end) => &self.data[if i == 0 { 0 } else { self.ends[i - 1] }..end],
            None => &[],
        }
    }

    /// All fields, as bytes (for hashing a whole line).
    pub(crate) fn bytes(&self) -> &'a [u8] {
        &self.data[..self.ends.last().copied().unwrap_or(0)]
    }

    /// The field ends (for hashing field boundaries).
    pub(crate) fn ends(&self) -> &'a [usize] {
        self.ends
    }

    /// The fields as text, for previews and messages.
    pub(crate) fn strings(&self) -> Vec<String> {
        (0..self.len()).map(|i| String::from_utf8_lossy(self.get(i)).into_owned()).collect()
    }
}

/// A record owned for later (the rows kept while the formats are inferred).
#[derive(Debug, Clone, Default)]
pub(crate) struct OwnedRecord {
    data: Vec<u8>,
    ends: Vec<usize>,
    line: u64,
}

impl OwnedRecord {
    /// Copies a record.
    pub(crate) fn of(r: &Record<'_>) -> OwnedRecord {
        OwnedRecord { data: r.bytes().to_vec(), ends: r.ends.to_vec(), line: r.line }
    }

    /// A record from text fields (spreadsheet rows).
    pub(crate) fn from_fields<S: AsRef<str>>(fields: &[S], line: u64) -> OwnedRecord {
        let mut o = OwnedRecord { line, ..OwnedRecord::default() };
        for f in fields {
            o.data.extend_from_slice(f.as_ref().as_bytes());
            o.ends.push(o.data.len());
        }
        o
    }

    /// Field `i` (empty when out of range).
    pub(crate) fn get(&self, i: usize) -> &[u8] {
        self.view().get(i)
    }

    /// Borrows it as a [`Record`].
    pub(crate) fn view(&self) -> Record<'_> {
        Record { data: &self.data, ends: &self.ends, line: self.line }
    }
}

/// A push-based CSV splitter over `csv-core`: quoted fields may hold
/// delimiters, doubled quotes and line breaks; blank lines are skipped.
pub(crate) struct Splitter {
    core: Reader,
    data: Vec<u8>,
    ends: Vec<usize>,
    nout: usize,
    nend: usize,
    start_line: Option<u64>,
}

impl Splitter {
    /// A splitter for `delimiter`.
    pub(crate) fn new(delimiter: u8) -> Splitter {
        Splitter {
            core: ReaderBuilder::new().delimiter(delimiter).build(),
            data: vec![0; 4096],
            ends: vec![0; 64],
            nout: 0,
            nend: 0,
            start_line: None,
        }
    }

    /// Splits the next chunk of text, calling `emit` for each complete record.
    /// With `last`, the end of the input: a final record without a line break
    /// is emitted too.
    pub(crate) fn feed<E>(
        &mut self,
        mut input: &[u8],
        last: bool,
        mut emit: impl FnMut(Record<'_>) -> Result<(), E>,
    ) -> Result<(), E> {
        loop {
            if self.start_line.is_none() {
                // Line breaks between records (the `\n` of a `\r\n`, blank
                // lines) are skipped here, so the record starts on the next line.
                let breaks = input.iter().take_while(|&&b| b == b'\r' || b == b'\n').count();
                let newlines = input[..breaks].iter().filter(|&&b| b == b'\n').count() as u64;
                self.core.set_line(self.core.line() + newlines);
                input = &input[breaks..];
                if input.is_empty() && !last {
                    return Ok(());
                }
                self.start_line = Some(self.core.line());
            }
            let (result, nin, nout, nend) =
                self.core.read_record(input, &mut self.data[self.nout..], &mut self.ends[self.nend..]);
            input = &input[nin..];
            self.nout += nout;
            self.nend += nend;
            match result {
                // With `last`, keep calling with no input until `End`.
                ReadRecordResult::InputEmpty if input.is_empty() && !last => return Ok(()),
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => {
                    let len = self.data.len() * 2;
                    self.data.resize(len, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let len = self.ends.len() * 2;
                    self.ends.resize(len, 0);
                }
                ReadRecordResult::Record => {
                    let line = self.start_line.take().unwrap_or(1);
                    let record = Record { data: &self.data[..self.nout], ends: &self.ends[..self.nend], line };
                    let r = emit(record);
                    self.nout = 0;
                    self.nend = 0;
                    r?;
                }
                ReadRecordResult::End => return Ok(()),
            }
        }
    }
}

/// The delimiter that splits the first records most consistently: the one
/// whose records most often have the header's number of fields (at least
/// two), then the one with more fields. Comma when none splits anything.
///
/// ```ignore
/// assert_eq!(sniff_delimiter(b"a;b;c\n1,5;2;3\n"), b';');
/// ```
pub(crate) fn sniff_delimiter(text: &[u8], complete: bool) -> u8 {
    let mut best = (b',', 0usize, 0usize); // (delimiter, records matching the header, header fields)
    for delimiter in [b',', b';', b'\t', b'|'] {
        let mut counts: Vec<usize> = Vec::new();
        let mut splitter = Splitter::new(delimiter);
        let _ = splitter.feed::<()>(text, complete, |r| {
            if counts.len() < 200 {
                counts.push(r.len());
            }
            Ok(())
        });
        let Some(&header) = counts.first() else { continue };
        if header < 2 {
            continue;
        }
        let matching = counts.iter().filter(|&&n| n == header).count();
        if (matching, header) > (best.1, best.2) {
            best = (delimiter, matching, header);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_in_chunks(text: &[u8], chunk: usize) -> Vec<(u64, Vec<String>)> {
        let mut s = Splitter::new(b',');
        let mut out = Vec::new();
        for part in text.chunks(chunk) {
            s.feed::<()>(part, false, |r| {
                out.push((r.line, r.strings()));
                Ok(())
            })
            .unwrap();
        }
        s.feed::<()>(&[], true, |r| {
            out.push((r.line, r.strings()));
            Ok(())
        })
        .unwrap();
        out
    }

    #[test]
    fn records_are_the_same_whatever_the_chunk_size() {
        let text = b"a,b\n\"x, \"\"y\"\"\",2\n\n\"multi\nline\",3\nlast,4";
        let whole = split_in_chunks(text, text.len());
        assert_eq!(whole.len(), 4);
        assert_eq!(whole[1].1, ["x, \"y\"", "2"]);
        assert_eq!(whole[2].1, ["multi\nline", "3"]);
        assert_eq!(whole[3], (6, vec!["last".to_string(), "4".to_string()]));
        for chunk in 1..8 {
            assert_eq!(split_in_chunks(text, chunk), whole, "chunk {chunk}");
        }
    }

    #[test]
    fn long_fields_and_many_fields_grow_the_buffers() {
        let long = "x".repeat(10_000);
        let many = vec!["1"; 100].join(",");
        let text = format!("{long},b\n{many}\n");
        let out = split_in_chunks(text.as_bytes(), 999);
        assert_eq!(out[0].1[0].len(), 10_000);
        assert_eq!(out[1].1.len(), 100);
    }

    #[test]
    fn sniffs_the_delimiter_that_splits_consistently() {
        assert_eq!(sniff_delimiter(b"a,b,c\n1,2,3\n", true), b',');
        assert_eq!(sniff_delimiter(b"id;date;amount\nx;2024-01-01;1.234,56\ny;2024-01-02;5,5\n", true), b';');
        assert_eq!(sniff_delimiter(b"id\tdate\tamount\nx\t2024-01-01\t1,234.50\n", true), b'\t');
        assert_eq!(sniff_delimiter(b"id|date|amount\nx|2024-01-01|\"1,5\"\n", true), b'|');
        assert_eq!(sniff_delimiter(b"\"a,b\";c\n\"1,2\";3\n", true), b';');
        assert_eq!(sniff_delimiter(b"lonely\n", true), b',');
    }
}
