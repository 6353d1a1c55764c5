//! The settings-file reader: any bytes are either refused with a message or
//! give settings that analyse a small file without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use segmenta::{analyze, Settings};

const FILE: &[u8] = b"customer_id,order_date,amount\na,2024-01-02,10\nb,2024-02-03,25.5\nc,2024-03-01,7\na,2024-03-05,12\n";

fuzz_target!(|data: &[u8]| {
    if let Ok(settings) = serde_json::from_slice::<Settings>(data) {
        let _ = analyze(FILE, &settings);
    }
});
