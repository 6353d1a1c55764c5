//! Text encodings: detecting the encoding of an export from its first bytes,
//! and decoding it to UTF-8 chunk by chunk.

use encoding_rs::{Decoder, Encoding, EUC_KR, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
use serde::Serialize;

use super::IngestError;

/// How the encoding was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum EncodingSource {
    /// From a byte-order mark at the start of the file.
    Bom,
    /// Guessed from the bytes.
    Detected,
    /// Given in the settings.
    Setting,
}

/// Finds the encoding named by a setting: any WHATWG label, plus `cp949`
/// (which is what the standard calls `EUC-KR`).
///
/// ```
/// use segmenta::ingest::encoding_for_label;
/// assert_eq!(encoding_for_label("cp949").unwrap().name(), "EUC-KR");
/// assert_eq!(encoding_for_label("latin1").unwrap().name(), "windows-1252");
/// assert!(encoding_for_label("klingon").is_err());
/// ```
pub fn encoding_for_label(label: &str) -> Result<&'static Encoding, IngestError> {
    let l = label.trim();
    if l.eq_ignore_ascii_case("cp949") || l.eq_ignore_ascii_case("uhc") || l.eq_ignore_ascii_case("ms949") {
        return Ok(EUC_KR);
    }
    Encoding::for_label(l.as_bytes()).ok_or_else(|| IngestError::UnknownEncoding { label: label.to_owned() })
}

/// The encoding of a file from its first bytes: a byte-order mark if there
/// is one; UTF-16 when every other byte is zero; UTF-8 when the bytes are
/// valid UTF-8; EUC-KR (CP949) when they decode cleanly as Korean; else
/// Windows-1252, which reads any byte.
///
/// `complete` says the sample is the whole file (so a multi-byte character
/// cut at its end is an error, not a chunk boundary).
///
/// ```
/// use segmenta::ingest::{detect_encoding, EncodingSource};
/// let (euc_kr, _, _) = encoding_rs::EUC_KR.encode("고객번호,금액\n");
/// assert_eq!(detect_encoding(&euc_kr, true).0.name(), "EUC-KR");
/// assert_eq!(detect_encoding(b"\xEF\xBB\xBFid,date\n", true), (encoding_rs::UTF_8, EncodingSource::Bom));
/// assert_eq!(detect_encoding("café".as_bytes(), true).0.name(), "UTF-8");
/// assert_eq!(detect_encoding(b"caf\xE9 cr\xE8me", true).0.name(), "windows-1252");
/// ```
pub fn detect_encoding(sample: &[u8], complete: bool) -> (&'static Encoding, EncodingSource) {
    if let Some((encoding, _)) = Encoding::for_bom(sample) {
        return (encoding, EncodingSource::Bom);
    }
    if let Some(utf16) = utf16_by_zeros(sample) {
        return (utf16, EncodingSource::Detected);
    }
    match std::str::from_utf8(sample) {
        Ok(_) => return (UTF_8, EncodingSource::Detected),
        // A character cut by the end of a partial sample.
        Err(e) if e.error_len().is_none() && !complete => return (UTF_8, EncodingSource::Detected),
        Err(_) => {}
    }
    if looks_korean(sample, complete) {
        return (EUC_KR, EncodingSource::Detected);
    }
    (WINDOWS_1252, EncodingSource::Detected)
}

/// UTF-16 without a byte-order mark: mostly-ASCII text has a zero in every
/// other byte.
fn utf16_by_zeros(sample: &[u8]) -> Option<&'static Encoding> {
    let n = sample.len().min(4096) / 2;
    if n < 8 {
        return None;
    }
    let zeros_at = |parity: usize| (0..n).filter(|i| sample[2 * i + parity] == 0).count();
    let (even, odd) = (zeros_at(0), zeros_at(1));
    if odd * 10 >= n * 7 && even * 10 < n {
        Some(UTF_16LE)
    } else if even * 10 >= n * 7 && odd * 10 < n {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// True when the bytes decode as EUC-KR without a single error and most
/// non-ASCII characters are Hangul syllables.
fn looks_korean(sample: &[u8], complete: bool) -> bool {
    let mut decoder = EUC_KR.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(decoder.max_utf8_buffer_length(sample.len()).unwrap_or(sample.len() * 3));
    let (result, _) = decoder.decode_to_string_without_replacement(sample, &mut text, complete);
    if matches!(result, encoding_rs::DecoderResult::Malformed(_, _)) {
        return false;
    }
    let non_ascii = text.chars().filter(|c| !c.is_ascii()).count();
    let hangul = text.chars().filter(|c| ('\u{AC00}'..='\u{D7A3}').contains(c)).count();
    non_ascii > 0 && hangul * 2 >= non_ascii
}

/// Decodes a file to UTF-8 one chunk at a time. UTF-8 input is passed
/// through as is (after its byte-order mark), without copying.
pub(crate) struct TextDecoder {
    /// `None` for UTF-8.
    decoder: Option<Decoder>,
    out: Vec<u8>,
    bom_skipped: bool,
}

impl TextDecoder {
    /// A decoder for `encoding`; a byte-order mark of that encoding is removed.
    pub(crate) fn new(encoding: &'static Encoding) -> TextDecoder {
        let decoder = (encoding != UTF_8).then(|| encoding.new_decoder_with_bom_removal());
        TextDecoder { decoder, out: Vec::new(), bom_skipped: false }
    }

    /// Decodes the next chunk; `last` is true for the final one. The result
    /// is valid until the next call.
    pub(crate) fn decode<'a>(&'a mut self, input: &'a [u8], last: bool) -> &'a [u8] {
        let Some(decoder) = self.decoder.as_mut() else {
            if !self.bom_skipped && !input.is_empty() {
                self.bom_skipped = true;
                return input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
            }
            return input;
        };
        let needed = decoder.max_utf8_buffer_length(input.len()).unwrap_or(input.len() * 3 + 16);
        self.out.clear();
        self.out.resize(needed, 0);
        let (_, read, written, _) = decoder.decode_to_utf8(input, &mut self.out, last);
        debug_assert_eq!(read, input.len(), "the buffer was sized for the worst case");
        &self.out[..written]
    }
}

/// The share of characters that could not be decoded, among non-ASCII ones,
/// in the decoded first part of a file; and how many there were.
pub(crate) fn replacement_share(text: &[u8]) -> (f64, usize) {
    let text = String::from_utf8_lossy(text);
    let non_ascii = text.chars().filter(|c| !c.is_ascii()).count();
    let replaced = text.chars().filter(|&c| c == char::REPLACEMENT_CHARACTER).count();
    if non_ascii == 0 {
        (0.0, 0)
    } else {
        (replaced as f64 / non_ascii as f64, replaced)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_order_marks_win() {
        assert_eq!(detect_encoding(b"\xFF\xFEa\0b\0", true), (UTF_16LE, EncodingSource::Bom));
        assert_eq!(detect_encoding(b"\xFE\xFF\0a\0b", true), (UTF_16BE, EncodingSource::Bom));
    }

    #[test]
    fn utf16_without_a_mark_is_found_by_its_zeros() {
        let le: Vec<u8> = "customer,date,amount\n".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(detect_encoding(&le, true).0, UTF_16LE);
        let be: Vec<u8> = "customer,date,amount\n".encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(detect_encoding(&be, true).0, UTF_16BE);
    }

    #[test]
    fn a_utf8_character_cut_by_the_sample_end_is_still_utf8() {
        let text = "고객".as_bytes();
        assert_eq!(detect_encoding(&text[..4], false).0, UTF_8);
    }

    #[test]
    fn decoding_in_chunks_equals_decoding_at_once() {
        let (bytes, _, _) = EUC_KR.encode("고객번호,결제금액\nA1,￦12,000\n");
        let mut d = TextDecoder::new(EUC_KR);
        let mut out = Vec::new();
        for chunk in bytes.chunks(3) {
            out.extend_from_slice(d.decode(chunk, false));
        }
        out.extend_from_slice(d.decode(&[], true));
        assert_eq!(String::from_utf8(out).unwrap(), "고객번호,결제금액\nA1,￦12,000\n");
    }

    #[test]
    fn utf8_passes_through_without_its_mark() {
        let mut d = TextDecoder::new(UTF_8);
        assert_eq!(d.decode(b"\xEF\xBB\xBFa,b", false), b"a,b");
        assert_eq!(d.decode(b"\xEF\xBB\xBFc", false), b"\xEF\xBB\xBFc");
    }
}
