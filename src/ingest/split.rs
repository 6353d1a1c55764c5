//! Splitting decoded text into records, fed in chunks of any size.

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

/// One record: its fields and the line it starts on.
///
/// The fields are held joined, one separator byte between each two (as an
/// unquoted line is written), with where each field ends: a plain line is
/// its own record, without a copy, and a record reads the same (and hashes
/// the same, for the duplicate check) whichever way it was split.
///
/// A record longer than the splitter's limit has no fields: it carries the
/// field where it passed the limit and that field's first bytes instead.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Record<'a> {
    /// The fields joined by one separator byte.
    data: &'a [u8],
    /// Where each field ends in `data` (the next starts one byte later).
    ends: &'a [usize],
    /// 1-based line number where the record starts.
    pub(crate) line: u64,
    /// For a record longer than the limit: the 0-based field where it passed it.
    too_long: Option<usize>,
}

/// Bytes kept of the field where a too-long record passed the limit.
const TOO_LONG_START: usize = 40;

impl<'a> Record<'a> {
    /// For a record longer than the limit: the 0-based field where it passed
    /// the limit, and that field's first bytes.
    pub(crate) fn too_long(&self) -> Option<(usize, &'a [u8])> {
        self.too_long.map(|field| (field, self.data))
    }

    /// Number of fields.
    pub(crate) fn len(&self) -> usize {
        self.fields()
    }

    /// Field `i`, untrimmed (empty when out of range).
    pub(crate) fn get(&self, i: usize) -> &'a [u8] {
        if self.too_long.is_some() {
            return &[];
        }
        match self.ends.get(i) {
            Some(&end) => &self.data[if i == 0 { 0 } else { self.ends[i - 1] + 1 }..end],
            None => &[],
        }
    }

    /// Number of fields (none for a record longer than the limit).
    fn fields(&self) -> usize {
        if self.too_long.is_some() {
            0
        } else {
            self.ends.len()
        }
    }

    /// All fields joined by a separator, as bytes (for hashing a whole line).
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
    too_long: Option<usize>,
}

impl OwnedRecord {
    /// Copies a record.
    pub(crate) fn of(r: &Record<'_>) -> OwnedRecord {
        let data = if r.too_long.is_some() { r.data } else { r.bytes() };
        OwnedRecord { data: data.to_vec(), ends: r.ends.to_vec(), line: r.line, too_long: r.too_long }
    }

    /// A record from text fields (spreadsheet rows).
    pub(crate) fn from_fields<S: AsRef<str>>(fields: &[S], line: u64) -> OwnedRecord {
        let mut o = OwnedRecord { line, ..OwnedRecord::default() };
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                o.data.push(b',');
            }
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
        Record { data: &self.data, ends: &self.ends, line: self.line, too_long: self.too_long }
    }
}

/// A push-based CSV splitter over `csv-core`: quoted fields may hold
/// delimiters, doubled quotes and line breaks; blank lines are skipped.
///
/// Most lines of an export have no quotes: such a line, when it lies whole
/// in the chunk, is split where it is by a plain scan for the delimiter
/// ([`plain_line`]) and handed over without a copy. A line whose quoted
/// fields are simply quoted (`"a, b"`) is copied without its quotes
/// ([`quoted_line`]). Any other record goes through `csv-core`, whose
/// output is then joined the same way.
///
/// A record longer than `limit` bytes (fields and delimiters) is not
/// buffered further: the rest of it is read and dropped, and it is emitted
/// without fields, marked [`too_long`](Record::too_long).
pub(crate) struct Splitter {
    core: Reader,
    delimiter: u8,
    data: Vec<u8>,
    ends: Vec<usize>,
    /// A `csv-core` record's fields joined, and their ends (see [`Record`]);
    /// or a plain line's ends.
    joined: Vec<u8>,
    joined_ends: Vec<usize>,
    /// Whether plain lines skip `csv-core` (always, but for the tests that
    /// compare the two ways).
    plain: bool,
    nout: usize,
    nend: usize,
    start_line: Option<u64>,
    limit: usize,
    /// While the rest of a too-long record is dropped: its field, and the
    /// first bytes of that field.
    dropping: Option<(usize, Vec<u8>)>,
}

/// The row limit used when none is given (sniffing the delimiter).
const DEFAULT_LIMIT: usize = 1 << 20;

impl Splitter {
    /// A splitter for `delimiter`, with the default row limit.
    pub(crate) fn new(delimiter: u8) -> Splitter {
        Splitter::with_limit(delimiter, DEFAULT_LIMIT as u64)
    }

    /// A splitter for `delimiter` whose records are at most `limit` bytes.
    pub(crate) fn with_limit(delimiter: u8, limit: u64) -> Splitter {
        let limit = usize::try_from(limit).unwrap_or(usize::MAX);
        Splitter {
            core: ReaderBuilder::new().delimiter(delimiter).build(),
            delimiter,
            data: vec![0; 4096.min(limit.saturating_add(1))],
            ends: vec![0; 64],
            joined: Vec::new(),
            joined_ends: Vec::new(),
            plain: true,
            nout: 0,
            nend: 0,
            start_line: None,
            limit,
            dropping: None,
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
                // A plain line, whole in this chunk, within the limit; or
                // one with simply quoted fields, copied without the quotes.
                if self.plain {
                    let (in_place, used) = match plain_line(input, self.delimiter, &mut self.joined_ends) {
                        Some(used) => (true, Some(used)),
                        None => (false, quoted_line(input, self.delimiter, &mut self.joined, &mut self.joined_ends)),
                    };
                    let data = if in_place { input } else { &self.joined[..] };
                    let end = self.joined_ends.last().copied().unwrap_or(0);
                    if let Some(used) = used.filter(|_| end < self.limit) {
                        let line = self.start_line.take().unwrap_or(1);
                        self.core.set_line(self.core.line() + 1);
                        input = &input[used..];
                        emit(Record { data: &data[..end], ends: &self.joined_ends, line, too_long: None })?;
                        continue;
                    }
                }
            }
            if self.dropping.is_some() {
                // The rest of a too-long record: read into the buffers and dropped.
                if input.is_empty() && !last {
                    return Ok(());
                }
                let (result, nin, _, _) = self.core.read_record(input, &mut self.data, &mut self.ends);
                input = &input[nin..];
                match result {
                    ReadRecordResult::Record => {
                        let (field, start) = self.dropping.take().unwrap_or_default();
                        let line = self.start_line.take().unwrap_or(1);
                        emit(Record { data: &start, ends: &[], line, too_long: Some(field) })?;
                    }
                    ReadRecordResult::End => return Ok(()),
                    _ => {}
                }
                continue;
            }
            let (result, nin, nout, nend) =
                self.core.read_record(input, &mut self.data[self.nout..], &mut self.ends[self.nend..]);
            input = &input[nin..];
            self.nout += nout;
            self.nend += nend;
            if self.nout + self.nend > self.limit && !matches!(result, ReadRecordResult::Record) {
                let field = passing_field(&self.ends[..self.nend], self.limit).unwrap_or(self.nend);
                self.dropping = Some((field, field_start(&self.data[..self.nout], &self.ends[..self.nend], field).to_vec()));
                self.nout = 0;
                self.nend = 0;
                continue;
            }
            match result {
                // With `last`, keep calling with no input until `End`.
                ReadRecordResult::InputEmpty if input.is_empty() && !last => return Ok(()),
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => {
                    let len = (self.data.len() * 2).min(self.limit.saturating_add(1));
                    self.data.resize(len.max(self.data.len() + 1), 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let len = self.ends.len() * 2;
                    self.ends.resize(len, 0);
                }
                ReadRecordResult::Record => {
                    let line = self.start_line.take().unwrap_or(1);
                    let (data, ends) = (&self.data[..self.nout], &self.ends[..self.nend]);
                    let record = if self.nout + self.nend > self.limit {
                        let field = passing_field(ends, self.limit).unwrap_or(self.nend.saturating_sub(1));
                        Record { data: field_start(data, ends, field), ends: &[], line, too_long: Some(field) }
                    } else {
                        join(data, ends, self.delimiter, &mut self.joined, &mut self.joined_ends);
                        Record { data: &self.joined, ends: &self.joined_ends, line, too_long: None }
                    };
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

/// A line without quotes or lone carriage returns at the start of `input`,
/// ending in `\n` or `\r\n`: its field ends go to `ends`, and the bytes it
/// takes (its line break included) are returned. `None` when `input` does
/// not start with such a line (or holds no line break): `csv-core` splits it.
///
/// Sixteen bytes are classified at a time ([`specials`]); only the bytes
/// that matter (delimiters, line breaks, quotes) are looked at one by one.
#[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
pub(crate) fn plain_line(input: &[u8], delimiter: u8, ends: &mut Vec<usize>) -> Option<usize> {
    ends.clear();
    let mut blocks = input.chunks_exact(16);
    for (n, block) in (&mut blocks).enumerate() {
        let mut mask = specials(block.try_into().expect("16 bytes"), delimiter);
        while mask != 0 {
            let i = n * 16 + mask.trailing_zeros() as usize;
            mask &= mask - 1;
            if let Some(step) = special(input, i, delimiter, ends) {
                return step;
            }
        }
    }
    let tail = input.len() - blocks.remainder().len();
    for i in tail..input.len() {
        if is_special(input[i], delimiter) {
            if let Some(step) = special(input, i, delimiter, ends) {
                return step;
            }
        }
    }
    None
}

/// Handles the byte at `i` of a line being split: a delimiter ends a field
/// (`None`: go on); a line break ends the line (`Some(Some(bytes taken))`);
/// a quote or a lone `\r` sends the line to `csv-core` (`Some(None)`).
#[inline(always)]
fn special(input: &[u8], i: usize, delimiter: u8, ends: &mut Vec<usize>) -> Option<Option<usize>> {
    match input[i] {
        b if b == delimiter => {
            ends.push(i);
            None
        }
        b'\n' => {
            ends.push(i);
            Some(Some(i + 1))
        }
        b'\r' if input.get(i + 1) == Some(&b'\n') => {
            ends.push(i);
            Some(Some(i + 2))
        }
        b'\r' | b'"' => Some(None),
        _ => None,
    }
}

/// Bit `k` set when byte `k` of `block` is the delimiter, a line break or a
/// quote: SIMD in wasm (`simd128`) and on x86-64 (SSE2), a loop elsewhere.
#[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
#[inline]
fn specials(block: &[u8; 16], delimiter: u8) -> u32 {
    #[cfg(target_arch = "wasm32")]
    {
        use core::arch::wasm32::{i8x16_eq, u8x16_bitmask, u8x16_splat, v128_load, v128_or};
        // SAFETY: `block` is 16 readable bytes; wasm loads need no alignment.
        let v = unsafe { v128_load(block.as_ptr().cast()) };
        let is = |b: u8| i8x16_eq(v, u8x16_splat(b));
        u32::from(u8x16_bitmask(v128_or(v128_or(is(b'\n'), is(b'\r')), v128_or(is(b'"'), is(delimiter)))))
    }
    #[cfg(target_arch = "x86_64")]
    {
        use core::arch::x86_64::{_mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8};
        // SAFETY: SSE2 is part of x86-64; `block` is 16 readable bytes and
        // the load is unaligned.
        unsafe {
            let v = _mm_loadu_si128(block.as_ptr().cast());
            let is = |b: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8));
            _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(is(b'\n'), is(b'\r')), _mm_or_si128(is(b'"'), is(delimiter)))) as u32
        }
    }
    #[cfg(not(any(target_arch = "wasm32", target_arch = "x86_64")))]
    {
        specials_loop(block, delimiter)
    }
}

/// [`specials`] one byte at a time (other targets, and the tests' reference).
#[cfg_attr(any(target_arch = "wasm32", target_arch = "x86_64"), allow(dead_code))]
fn specials_loop(block: &[u8; 16], delimiter: u8) -> u32 {
    block.iter().enumerate().fold(0, |m, (k, &b)| m | u32::from(is_special(b, delimiter)) << k)
}

/// The bytes a line is split at or sent to `csv-core` for: the delimiter,
/// line breaks and quotes.
#[inline(always)]
fn is_special(b: u8, delimiter: u8) -> bool {
    matches!(b, b'\n' | b'\r' | b'"') || b == delimiter
}

/// A line at the start of `input` whose quoted fields are simply quoted
/// (`"a, b"`: a quote at the field's start, the closing one right before
/// the delimiter or the line break, no quote or line break between), its
/// fields joined into `out` without the quotes, their ends into `ends`;
/// returns the bytes it takes. `None` for anything else (doubled quotes,
/// a quote inside an unquoted field, text after a closing quote, line
/// breaks in a field, a line not whole in `input`): `csv-core` splits it.
pub(crate) fn quoted_line(input: &[u8], delimiter: u8, out: &mut Vec<u8>, ends: &mut Vec<usize>) -> Option<usize> {
    out.clear();
    ends.clear();
    let mut i = 0;
    loop {
        if input.get(i) == Some(&b'"') {
            let rest = &input[i + 1..];
            let close = rest.iter().position(|&b| b == b'"' || b == b'\n' || b == b'\r')?;
            if rest[close] != b'"' {
                return None;
            }
            out.extend_from_slice(&rest[..close]);
            i += close + 2;
        } else {
            let rest = &input[i..];
            let stop = rest.iter().position(|&b| b == delimiter || b == b'\n' || b == b'\r' || b == b'"')?;
            out.extend_from_slice(&rest[..stop]);
            i += stop;
        }
        ends.push(out.len());
        match input.get(i)? {
            &b if b == delimiter => {
                out.push(delimiter);
                i += 1;
            }
            b'\n' => return Some(i + 1),
            b'\r' if input.get(i + 1) == Some(&b'\n') => return Some(i + 2),
            _ => return None,
        }
    }
}

/// Joins a `csv-core` record's fields (`data`, field `i` ending at
/// `ends[i]`) with `delimiter` into `out`, with the joined ends.
fn join(data: &[u8], ends: &[usize], delimiter: u8, out: &mut Vec<u8>, out_ends: &mut Vec<usize>) {
    out.clear();
    out_ends.clear();
    let mut start = 0;
    for (i, &end) in ends.iter().enumerate() {
        if i > 0 {
            out.push(delimiter);
        }
        out.extend_from_slice(&data[start..end]);
        out_ends.push(out.len());
        start = end;
    }
}

/// The first field whose end (with the delimiters before it) passes `limit`.
fn passing_field(ends: &[usize], limit: usize) -> Option<usize> {
    ends.iter().enumerate().position(|(i, &end)| end + i > limit)
}

/// The first bytes of field `field` of a record being split (the field may
/// be under way, past the last end).
fn field_start<'a>(data: &'a [u8], ends: &[usize], field: usize) -> &'a [u8] {
    let from = if field == 0 { 0 } else { ends.get(field - 1).copied().unwrap_or(data.len()).min(data.len()) };
    let to = ends.get(field).copied().unwrap_or(data.len()).min(from + TOO_LONG_START).min(data.len());
    &data[from..to.max(from)]
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

    /// (line, too-long field, fields, the bytes hashed for duplicates) of
    /// each record of `text` fed in `chunk`-byte pieces.
    fn split_all(text: &[u8], delimiter: u8, (chunk, limit): (usize, u64), plain: bool) -> Vec<(u64, Option<usize>, Vec<String>, Vec<u8>, Vec<usize>)> {
        let mut s = Splitter::with_limit(delimiter, limit);
        s.plain = plain;
        let mut out = Vec::new();
        let mut take = |r: Record<'_>| {
            out.push((r.line, r.too_long().map(|(f, _)| f), r.strings(), r.bytes().to_vec(), r.ends().to_vec()));
            Ok::<(), ()>(())
        };
        for part in text.chunks(chunk.max(1)) {
            s.feed(part, false, &mut take).unwrap();
        }
        s.feed(&[], true, &mut take).unwrap();
        out
    }

    #[test]
    fn plain_and_simply_quoted_lines_split_exactly_as_csv_core_splits_them() {
        // Random texts over the bytes that matter (quotes, both line breaks,
        // the delimiter, spaces), in random chunks, with and without a limit.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut plain_records = 0;
        for case in 0..4000 {
            let delimiter = [b',', b';', b'\t', b'|'][case % 4];
            let alphabet = [b'a', b'b', delimiter, delimiter, b'\n', b'\r', b'"', b' ', b'1', b',', 0xC3, 0xA9];
            let len = (next() % 60) as usize;
            let text: Vec<u8> = (0..len).map(|_| alphabet[(next() % alphabet.len() as u64) as usize]).collect();
            let chunk = 1 + (next() % 70) as usize;
            let limit = if case % 3 == 0 { 1 + next() % 12 } else { 1 << 20 };
            let reference = split_all(&text, delimiter, (text.len().max(1), limit), false);
            let plain = split_all(&text, delimiter, (chunk, limit), true);
            assert_eq!(plain, reference, "{:?} in chunks of {chunk}, limit {limit}", String::from_utf8_lossy(&text));
            plain_records += reference.iter().filter(|r| !r.2.concat().contains(['"', '\r', '\n'])).count();
        }
        assert!(plain_records > 1000, "the texts must hold plain lines: {plain_records}");
    }

    #[test]
    fn sixteen_bytes_are_classified_as_one_at_a_time() {
        let mut block = [0u8; 16];
        for seed in 0..4096u32 {
            for (k, b) in block.iter_mut().enumerate() {
                *b = ((seed.wrapping_mul(2_654_435_761).rotate_left(k as u32 * 3) >> 7) as u8).wrapping_add(if k % 5 == 0 { 0 } else { 20 });
            }
            for delimiter in [b',', b';', b'\t', b'|'] {
                assert_eq!(specials(&block, delimiter), specials_loop(&block, delimiter), "{block:?}");
            }
        }
    }

    #[test]
    fn a_quoted_record_hashes_as_the_same_plain_line() {
        let quoted = split_all(b"a,\"b\",c\n", b',', (64, 1 << 20), true);
        let plain = split_all(b"a,b,c\n", b',', (64, 1 << 20), true);
        assert_eq!((&quoted[0].3, &quoted[0].4), (&plain[0].3, &plain[0].4));
        assert_eq!(plain[0].3, b"a,b,c");
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

    /// (line, too-long field, fields) of each record, split with `limit` in chunks.
    fn split_limited(text: &[u8], limit: u64, chunk: usize) -> Vec<(u64, Option<usize>, Vec<String>)> {
        let mut s = Splitter::with_limit(b',', limit);
        let mut out = Vec::new();
        let mut take = |r: Record<'_>| {
            out.push((r.line, r.too_long().map(|(f, _)| f), r.strings()));
            Ok::<(), ()>(())
        };
        for part in text.chunks(chunk) {
            s.feed(part, false, &mut take).unwrap();
        }
        s.feed(&[], true, &mut take).unwrap();
        out
    }

    #[test]
    fn a_record_longer_than_the_limit_is_reported_at_its_field_without_its_fields() {
        let long = "x".repeat(100);
        let text = format!("a,b,c\n1,\"{long}\n{long}\",3\n4,5,6\n7,8,{long}");
        for chunk in [1, 7, 64, 1000] {
            let out = split_limited(text.as_bytes(), 20, chunk);
            let shape: Vec<_> = out.iter().map(|(line, long, fields)| (*line, *long, fields.len())).collect();
            assert_eq!(shape, [(1, None, 3), (2, Some(1), 0), (4, None, 3), (5, Some(2), 0)], "chunk {chunk}");
            assert_eq!(out[2].2, ["4", "5", "6"]);
        }
    }

    #[test]
    fn a_too_long_record_keeps_the_start_of_its_field_and_the_buffer_stays_bounded() {
        let text = format!("id,note\n1,{}\n", "y".repeat(1_000_000));
        let mut s = Splitter::with_limit(b',', 64);
        let mut starts = Vec::new();
        for part in text.as_bytes().chunks(4096) {
            s.feed::<()>(part, false, |r| {
                starts.push(r.too_long().map(|(f, start)| (f, start.len())));
                Ok(())
            })
            .unwrap();
        }
        assert_eq!(starts, [None, Some((1, TOO_LONG_START))]);
        assert!(s.data.len() <= 65, "the buffer grew to {}", s.data.len());
    }

    #[test]
    fn many_empty_fields_count_towards_the_limit() {
        let text = format!("a,b\n{}\n1,2\n", ",".repeat(500));
        let out = split_limited(text.as_bytes(), 100, 33);
        assert_eq!(out.iter().map(|r| r.1).collect::<Vec<_>>(), [None, Some(101), None]);
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
