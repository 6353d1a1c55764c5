//! The streaming reader (CSV in any encoding and delimiter, or .xlsx): any
//! bytes, cut into chunks anywhere, give the same result as read in one go,
//! and every row read is used or counted as skipped — also with small row
//! and customer limits, so rows longer than the limit are split too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use segmenta::ingest::{read_with, IngestOptions, IngestStream};

fuzz_target!(|data: &[u8]| {
    if data.len() > 256 * 1024 {
        return;
    }
    // The first byte is the chunk size; the rest is the file. An odd chunk
    // size also sets small limits (a row of 24 to 2,056 bytes, 1 to 128 customers).
    let (chunk, file) = data.split_first().map_or((1, data), |(c, rest)| (usize::from(*c).max(1), rest));
    let mut options = IngestOptions::default();
    if chunk % 2 == 1 {
        options.limits.row_bytes = 16 + 8 * chunk as u64;
        options.limits.customers = 1 + chunk as u64 / 2;
    }
    let whole = read_with(file, &options, None);
    let mut stream = IngestStream::new(&options, None);
    let mut pushed = Ok(());
    for piece in file.chunks(chunk) {
        pushed = stream.push(piece);
        if pushed.is_err() {
            break;
        }
    }
    let streamed = pushed.and_then(|()| stream.finish());
    match (&whole, &streamed) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a.customers, b.customers, "chunking changed the customers");
            assert_eq!(a.report.rows_read, b.report.rows_read);
            let r = &a.report;
            assert_eq!(r.rows_read, r.rows_used + r.rows_skipped(), "every row used or skipped");
        }
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "chunking changed the error"),
        (a, b) => panic!("whole and streamed reads disagree: {:?} vs {:?}", a.as_ref().err(), b.as_ref().err()),
    }
});
