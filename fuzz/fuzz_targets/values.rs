//! Date and amount parsing, format inference and encoding detection on any
//! text: never a panic, and a parsed amount is always a finite number.
#![no_main]

use libfuzzer_sys::fuzz_target;
use segmenta::ingest::{detect_encoding, infer_date_format, infer_decimal_mark, parse_amount, parse_amount_with, peek, DecimalMark, IngestOptions};

fuzz_target!(|data: &[u8]| {
    let _ = detect_encoding(data, true);
    let _ = detect_encoding(data, false);
    let _ = peek(data, &IngestOptions::default());
    let Ok(text) = std::str::from_utf8(data) else { return };
    let cells: Vec<&str> = text.split('\n').collect();
    if let Some(inference) = infer_date_format(cells.iter().copied()) {
        for cell in &cells {
            let _ = inference.format.parse(cell);
        }
    }
    let _ = infer_decimal_mark(cells.iter().copied());
    for cell in &cells {
        for value in [parse_amount(cell), parse_amount_with(cell, DecimalMark::Point), parse_amount_with(cell, DecimalMark::Comma)]
            .into_iter()
            .flatten()
        {
            assert!(value.is_finite(), "{cell:?} parsed as {value}");
        }
    }
});
