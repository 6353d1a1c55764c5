//! The ingest fixture suite (tests/fixtures/formats/, written by
//! scripts/make-fixtures.py): one file per format Segmenta reads, and one
//! per bad input with the message it must give. The browser runs the same
//! files through the wasm build in tests/e2e/formats.test.mjs.

use std::path::PathBuf;

use segmenta::date::Day;
use segmenta::ingest::{read_with, DateFormat, DecimalMark, IngestOptions, IngestReport, IngestStream, ReturnsPolicy};

fn bytes(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What a good fixture must give.
struct Expect {
    file: &'static str,
    customers: usize,
    rows_read: u64,
    rows_used: u64,
    revenue: f64,
    encoding: &'static str,
    delimiter: &'static str,
    date_format: DateFormat,
}

const GOOD: &[Expect] = &[
    Expect { file: "utf8_iso.csv", customers: 3, rows_read: 5, rows_used: 5, revenue: 1135.75, encoding: "UTF-8", delimiter: ",", date_format: DateFormat::Iso },
    Expect { file: "utf8_bom_semicolon_decimal_comma.csv", customers: 3, rows_read: 4, rows_used: 4, revenue: 1255.05, encoding: "UTF-8", delimiter: ";", date_format: DateFormat::DmyDot },
    Expect { file: "utf16le_tab_us_dates.tsv", customers: 3, rows_read: 4, rows_used: 4, revenue: 1095.0, encoding: "UTF-16LE", delimiter: "\t", date_format: DateFormat::MdySlash },
    Expect { file: "utf16be_pipe_ymd_slash.txt", customers: 2, rows_read: 3, rows_used: 3, revenue: 325.5, encoding: "UTF-16BE", delimiter: "|", date_format: DateFormat::YmdSlash },
    Expect { file: "cp949_korean.csv", customers: 3, rows_read: 5, rows_used: 5, revenue: 63_500.0, encoding: "EUC-KR", delimiter: ",", date_format: DateFormat::Korean },
    Expect { file: "windows1252_pounds.csv", customers: 3, rows_read: 4, rows_used: 4, revenue: 1105.5, encoding: "windows-1252", delimiter: ",", date_format: DateFormat::DmySlash },
    Expect { file: "ambiguous_day_month.csv", customers: 3, rows_read: 4, rows_used: 4, revenue: 100.0, encoding: "UTF-8", delimiter: ",", date_format: DateFormat::MdySlash },
    Expect { file: "yyyymmdd_quantity_price_returns.csv", customers: 3, rows_read: 8, rows_used: 6, revenue: 37.64, encoding: "UTF-8", delimiter: ",", date_format: DateFormat::Compact },
    Expect { file: "excel_serial_dates.csv", customers: 2, rows_read: 3, rows_used: 3, revenue: 60.0, encoding: "UTF-8", delimiter: ",", date_format: DateFormat::ExcelSerial },
    Expect { file: "unix_seconds_dates.csv", customers: 2, rows_read: 3, rows_used: 3, revenue: 60.0, encoding: "UTF-8", delimiter: ",", date_format: DateFormat::UnixSeconds },
    Expect { file: "ymd_dot_korean_excel.csv", customers: 2, rows_read: 3, rows_used: 3, revenue: 6000.0, encoding: "UTF-8", delimiter: ",", date_format: DateFormat::YmdDot },
    Expect { file: "quoted_ragged.csv", customers: 3, rows_read: 9, rows_used: 6, revenue: 230.0, encoding: "UTF-8", delimiter: ",", date_format: DateFormat::Iso },
    Expect { file: "unnamed_columns_by_values.csv", customers: 3, rows_read: 4, rows_used: 4, revenue: 1349.96, encoding: "UTF-8", delimiter: ";", date_format: DateFormat::DmyDot },
    Expect { file: "customer_table_recency_days.csv", customers: 3, rows_read: 3, rows_used: 3, revenue: 1600.5, encoding: "UTF-8", delimiter: ",", date_format: DateFormat::Iso },
    Expect { file: "customer_table_last_purchase.csv", customers: 3, rows_read: 3, rows_used: 3, revenue: 600_000.0, encoding: "UTF-8", delimiter: ",", date_format: DateFormat::Iso },
    Expect { file: "workbook.xlsx", customers: 2, rows_read: 4, rows_used: 3, revenue: 1800.5, encoding: "UTF-8", delimiter: "", date_format: DateFormat::Iso },
];

fn assert_accounts_for_every_row(r: &IngestReport, file: &str) {
    assert_eq!(r.rows_read, r.rows_used + r.rows_skipped(), "{file}: rows read = used + skipped");
    for t in &r.skipped {
        assert!(!t.examples.is_empty() && t.examples.len() as u64 <= t.count, "{file}: examples of {:?}", t.reason);
    }
}

#[test]
fn every_good_fixture_reads_with_the_detected_formats() {
    for e in GOOD {
        let read = read_with(&bytes(e.file), &IngestOptions::default(), None).unwrap_or_else(|err| panic!("{}: {err}", e.file));
        let r = &read.report;
        assert_accounts_for_every_row(r, e.file);
        assert_eq!((read.customers.len(), r.rows_read, r.rows_used), (e.customers, e.rows_read, e.rows_used), "{}", e.file);
        let revenue: f64 = read.customers.monetary.iter().sum();
        assert!((revenue - e.revenue).abs() < 1e-9, "{}: revenue {revenue}", e.file);
        assert_eq!((r.encoding.as_str(), r.delimiter.as_str(), r.date_format), (e.encoding, e.delimiter, e.date_format), "{}", e.file);
        assert!(!r.preview.is_empty() && r.preview.len() <= 10, "{}", e.file);
    }
}

#[test]
fn every_fixture_gives_the_same_result_in_any_chunk_size() {
    for e in GOOD {
        let whole = read_with(&bytes(e.file), &IngestOptions::default(), None).unwrap();
        for chunk in [1, 3, 64, 4096] {
            let mut stream = IngestStream::new(&IngestOptions::default(), None);
            for part in bytes(e.file).chunks(chunk) {
                stream.push(part).unwrap();
            }
            let streamed = stream.finish().unwrap();
            assert_eq!(streamed.customers, whole.customers, "{} in chunks of {chunk}", e.file);
            assert_eq!(streamed.report.skipped, whole.report.skipped, "{} in chunks of {chunk}", e.file);
        }
    }
}

#[test]
fn korean_cp949_keeps_names_and_won_amounts() {
    let read = read_with(&bytes("cp949_korean.csv"), &IngestOptions::default(), None).unwrap();
    assert_eq!(read.customers.ids, ["김철수", "이영희", "박민수"]);
    assert_eq!(read.customers.monetary, [42_000.0, 16_000.0, 5_500.0]);
    assert_eq!(read.report.columns.headers[1], "고객번호");
    assert_eq!(read.report.last_date, Day::from_ymd(2024, 3, 11));
}

#[test]
fn windows_1252_names_decode() {
    let read = read_with(&bytes("windows1252_pounds.csv"), &IngestOptions::default(), None).unwrap();
    assert_eq!(read.customers.ids, ["Café Müller", "Zoë Brontë", "François"]);
}

#[test]
fn decimal_comma_and_parentheses_and_trailing_minus() {
    let read = read_with(&bytes("utf8_bom_semicolon_decimal_comma.csv"), &IngestOptions::default(), None).unwrap();
    assert_eq!(read.report.decimal_mark, DecimalMark::Comma);
    assert_eq!(read.customers.monetary, [1241.56, 12.5, 0.99]);
    let read = read_with(&bytes("utf16le_tab_us_dates.tsv"), &IngestOptions::default(), None).unwrap();
    assert_eq!(read.customers.monetary, [1000.0, 80.0, 15.0]);
    assert_eq!(read.customers.last[0], Day::from_ymd(2024, 12, 2).unwrap());
}

#[test]
fn an_ambiguous_date_column_is_flagged_and_the_choice_can_be_changed() {
    let file = bytes("ambiguous_day_month.csv");
    let guessed = read_with(&file, &IngestOptions::default(), None).unwrap();
    assert_eq!(guessed.report.date_format_ambiguous_with, Some(DateFormat::DmySlash));
    assert_eq!(guessed.report.last_date, Day::from_ymd(2024, 11, 12));
    let options = IngestOptions { date_format: Some(DateFormat::DmySlash), ..IngestOptions::default() };
    let chosen = read_with(&file, &options, None).unwrap();
    assert!(chosen.report.date_format_given);
    assert_eq!(chosen.report.date_format_ambiguous_with, None);
    assert_eq!(chosen.report.last_date, Day::from_ymd(2024, 12, 11));
}

#[test]
fn returns_are_netted_by_default_and_dropped_on_request_counted_either_way() {
    let file = bytes("yyyymmdd_quantity_price_returns.csv");
    let net = read_with(&file, &IngestOptions::default(), None).unwrap();
    assert_eq!((net.report.returns.rows, net.report.returns.policy), (2, ReturnsPolicy::Net));
    assert!((net.report.returns.amount - -13.7).abs() < 1e-9);
    let options = IngestOptions { returns: ReturnsPolicy::Drop, ..IngestOptions::default() };
    let dropped = read_with(&file, &options, None).unwrap();
    assert_eq!(dropped.report.returns.rows, 2);
    assert_eq!(dropped.report.rows_used, 4);
    assert_accounts_for_every_row(&dropped.report, "dropped returns");
    let revenue: f64 = dropped.customers.monetary.iter().sum();
    assert!((revenue - 51.34).abs() < 1e-9, "{revenue}");
}

#[test]
fn duplicates_and_missing_ids_are_counted_with_lines_and_values() {
    let read = read_with(&bytes("yyyymmdd_quantity_price_returns.csv"), &IngestOptions::default(), None).unwrap();
    let tally = |reason: &str| read.report.skipped.iter().find(|t| format!("{:?}", t.reason) == reason).unwrap();
    assert_eq!(tally("Duplicate").count, 1);
    assert_eq!(tally("Duplicate").examples[0].line, 4);
    assert_eq!(tally("Duplicate").examples[0].value, "536365,B,6,20240105,3.39,17850");
    assert_eq!(tally("MissingCustomer").examples[0].line, 8);
}

#[test]
fn quoted_fields_ragged_rows_and_future_dates() {
    let file = bytes("quoted_ragged.csv");
    let read = read_with(&file, &IngestOptions::default(), Day::from_ymd(2024, 6, 30)).unwrap();
    let r = &read.report;
    assert_accounts_for_every_row(r, "quoted_ragged.csv");
    assert_eq!((r.ragged.count, r.ragged.expected_fields), (2, 5));
    assert_eq!(r.ragged.examples.iter().map(|e| (e.line, e.fields)).collect::<Vec<_>>(), [(7, 3), (8, 6)]);
    let reasons: Vec<(String, u64, u64)> =
        r.skipped.iter().map(|t| (format!("{:?}", t.reason), t.count, t.examples[0].line)).collect();
    assert_eq!(
        reasons,
        [("TooFewFields".into(), 1, 7), ("AfterAsOf".into(), 1, 9), ("BadAmount".into(), 1, 10), ("BadDate".into(), 1, 11)]
    );
    assert_eq!(r.preview[3].fields[4], "two\r\nlines");
    assert_eq!(r.preview[2].fields[4], "with \"quotes\"");
}

#[test]
fn the_workbook_reads_its_first_sheet_or_the_one_chosen() {
    let file = bytes("workbook.xlsx");
    let first = read_with(&file, &IngestOptions::default(), None).unwrap();
    assert_eq!(first.report.sheets, ["주문", "Other"]);
    assert_eq!(first.report.sheet.as_deref(), Some("주문"));
    assert_eq!(first.report.first_date, Day::from_ymd(2024, 3, 5));
    assert_eq!(first.report.preview[0].fields, ["w1", "k1", "2024-03-05", "1200"]);
    let options = IngestOptions { sheet: Some("Other".into()), ..IngestOptions::default() };
    let other = read_with(&file, &options, None).unwrap();
    assert_eq!(other.customers.ids, ["z1", "z2", "z3"]);
    let options = IngestOptions { sheet: Some("Nope".into()), ..IngestOptions::default() };
    let err = read_with(&file, &options, None).unwrap_err();
    assert_eq!(err.to_string(), "the workbook has no sheet named `Nope`; its sheets are: 주문, Other");
}

#[test]
fn workbook_formulas_give_their_saved_results_or_a_skip_reason_per_row() {
    use segmenta::ingest::SkipReason;
    let read = read_with(&bytes("workbook_formulas.xlsx"), &IngestOptions::default(), None).unwrap();
    let r = &read.report;
    // Saved results are read as values: f1's amount, f2's DATE() and amount.
    assert_eq!(read.customers.ids, ["k1", "k2"]);
    assert_eq!(read.customers.monetary, [20.0, 5.0]);
    assert_eq!(read.customers.last[1], Day::from_ymd(2024, 3, 6).unwrap());
    // A formula saved without its result: skipped with that reason, at its row,
    // its text as the value; an error result (#DIV/0!) is not a number.
    assert_eq!((r.rows_read, r.rows_used, r.rows_skipped()), (5, 2, 3));
    let reasons: Vec<(SkipReason, u64)> = r.skipped.iter().map(|t| (t.reason, t.count)).collect();
    assert_eq!(reasons, [(SkipReason::Formula, 2), (SkipReason::BadAmount, 1)]);
    let formula: Vec<(u64, Option<&str>, &str)> =
        r.skipped[0].examples.iter().map(|e| (e.line, e.column.as_deref(), e.value.as_str())).collect();
    assert_eq!(formula, [(4, Some("amount"), "=D4*E4"), (5, Some("order_date"), "=TODAY()")]);
    let error = &r.skipped[1].examples[0];
    assert_eq!((error.line, error.value.as_str()), (6, "#DIV/0!"));
    assert!(r.describe_skips().contains("2 a formula without a computed value (open the workbook in Excel"));
}

/// Each bad input and the start of its one-sentence message.
const BAD: &[(&str, &str)] = &[
    ("bad_empty.csv", "the file is empty: export the transactions again and drop the new file"),
    ("bad_whitespace_only.csv", "the file is empty: export the transactions again and drop the new file"),
    ("bad_header_only.csv", "the file has a header row (customer_id, order_date, amount) but no data rows: export it again with its rows"),
    ("bad_binary.png", "this is not a text file (it has a zero byte at byte 8): export the data as CSV or save it as .xlsx, and drop that file"),
    ("bad_archive.zip", "this is a zip archive, not an Excel .xlsx workbook: unzip it and drop the CSV or .xlsx file inside"),
    ("bad_no_columns.csv", "could not find customer id, order date or amount columns; the header has: who, when, how much: rename the columns or choose them in the settings"),
];

#[test]
fn each_bad_input_gives_its_one_sentence_message() {
    for (file, message) in BAD {
        let err = read_with(&bytes(file), &IngestOptions::default(), None).unwrap_err();
        assert_eq!(err.to_string(), *message, "{file}");
    }
}

#[test]
fn the_wrong_encoding_is_refused_when_it_yields_mostly_unreadable_characters() {
    let options = IngestOptions { encoding: Some("utf-8".into()), ..IngestOptions::default() };
    let err = read_with(&bytes("cp949_korean.csv"), &options, None).unwrap_err();
    assert!(err.to_string().starts_with("reading the file as UTF-8 turns "), "{err}");
    assert!(err.to_string().contains("of its non-ASCII characters into unreadable ones: choose the file's real encoding"), "{err}");
    let options = IngestOptions { encoding: Some("cp949".into()), ..IngestOptions::default() };
    assert_eq!(read_with(&bytes("cp949_korean.csv"), &options, None).unwrap().report.encoding, "EUC-KR");
}

#[test]
fn columns_whose_names_say_nothing_are_found_from_their_values() {
    let read = read_with(&bytes("unnamed_columns_by_values.csv"), &IngestOptions::default(), None).unwrap();
    let c = &read.report.columns;
    assert_eq!((c.customer, c.date, c.order), (0, 2, None));
    assert_eq!(c.from_values, ["order date", "amount", "customer id"]);
    assert_eq!(read.customers.ids, ["K-17", "K-42", "K-08"]);
    assert_eq!(read.customers.monetary, [1244.56, 99.9, 5.5]);
}

#[test]
fn a_customer_table_is_taken_as_it_is() {
    use segmenta::{analyze, Settings};
    let file = bytes("customer_table_recency_days.csv");
    let settings = Settings { as_of: Day::from_ymd(2024, 12, 31), ..Settings::default() };
    let a = analyze(&file, &settings).unwrap();
    assert_eq!(a.rfm.recency, [3, 40, 200]);
    assert_eq!(a.rfm.frequency, [12, 2, 1]);
    assert_eq!(a.rfm.monetary, [1500.0, 80.5, 20.0]);
    assert!(a.report.data.columns.customer_table.as_ref().unwrap().recency_in_days);
    // Without an as-of date the recency in days is kept as it is.
    let a = analyze(&file, &Settings::default()).unwrap();
    assert_eq!(a.rfm.recency, [3, 40, 200]);

    let a = analyze(&bytes("customer_table_last_purchase.csv"), &Settings::default()).unwrap();
    assert_eq!(a.customers.ids, ["m1", "m2", "m3"]);
    assert_eq!(a.rfm.recency, [1, 18, 134]);
    assert_eq!(a.rfm.frequency, [5, 1, 2]);
}

#[test]
fn a_late_row_that_only_day_first_reads_settles_the_whole_column() {
    use segmenta::ingest::SkipReason;
    // 25,000 rows fit both orders (more than the rows the format is guessed
    // from), then one only D/M/YYYY reads: every row is read day first.
    let mut csv = String::from("customer_id,order_date,amount\n");
    for i in 0..25_000 {
        csv.push_str(&format!("c{},{:02}/{:02}/2024,1\n", i % 50, i % 12 + 1, (i + 5) % 12 + 1));
    }
    csv.push_str("c1,02/03/2024,1\nc1,25/12/2024,1\n");
    let read = read_with(csv.as_bytes(), &IngestOptions::default(), None).unwrap();
    let r = &read.report;
    assert_eq!((r.date_format, r.date_format_ambiguous_with), (DateFormat::DmySlash, None));
    assert_eq!((r.rows_read, r.rows_used), (25_002, 25_002));
    assert!(r.skipped.iter().all(|t| t.reason != SkipReason::BadDate));
    assert_eq!(r.last_date, Day::from_ymd(2024, 12, 25));
    let c1 = read.customers.ids.iter().position(|id| id == "c1").unwrap();
    assert_eq!(read.customers.last[c1], Day::from_ymd(2024, 12, 25).unwrap());
    // Same result as telling it the format from the start.
    let told = IngestOptions { date_format: Some(DateFormat::DmySlash), ..IngestOptions::default() };
    assert_eq!(read_with(csv.as_bytes(), &told, None).unwrap().customers, read.customers);
}

#[test]
fn no_input_makes_the_reader_panic() {
    // Every fixture, cut and with bytes flipped, and random bytes drawn from
    // what CSV files are made of: each must give customers or an error.
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let alphabet: &[u8] = b",;\t|\"\r\n 0123456789-./:abcCT\xEA\xB0\x80\xC2\xA0\xFF\xFE\x00PK\x03\x04";
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats");
    let mut inputs: Vec<Vec<u8>> = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let original = std::fs::read(entry.unwrap().path()).unwrap();
        for _ in 0..20 {
            let mut b = original.clone();
            if !b.is_empty() {
                let cut = (next() as usize) % (b.len() + 1);
                b.truncate(cut.max(1));
                for _ in 0..3 {
                    let i = (next() as usize) % b.len();
                    b[i] = alphabet[(next() as usize) % alphabet.len()];
                }
            }
            inputs.push(b);
        }
    }
    for _ in 0..500 {
        let len = (next() % 400) as usize;
        inputs.push((0..len).map(|_| alphabet[(next() as usize) % alphabet.len()]).collect());
    }
    for bytes in &inputs {
        for options in [IngestOptions::default(), IngestOptions { returns: ReturnsPolicy::Drop, ..IngestOptions::default() }] {
            if let Ok(read) = read_with(bytes, &options, Day::from_ymd(2024, 6, 1)) {
                assert_accounts_for_every_row(&read.report, "generated input");
            }
        }
    }
}

#[test]
fn an_encoding_first_seen_after_a_long_ascii_start_is_still_detected() {
    // 100 KB of plain ASCII rows, then names and amounts that need the encoding.
    for (encoding, name, amount) in [(encoding_rs::WINDOWS_1252, "Café Müller", "£12.50"), (encoding_rs::EUC_KR, "김철수", "￦12,500")] {
        let mut text = String::from("customer_id,order_date,amount\n");
        for i in 0.. {
            if text.len() > 100_000 {
                break;
            }
            text.push_str(&format!("plain,2024-01-02,{i}\n"));
        }
        text.push_str(&format!("{name},2024-01-03,\"{amount}\"\n"));
        let (bytes, _, unmappable) = encoding.encode(&text);
        assert!(!unmappable);
        for chunk in [1000, 64 * 1024] {
            let mut stream = IngestStream::new(&IngestOptions::default(), None);
            for part in bytes.chunks(chunk) {
                stream.push(part).unwrap();
            }
            let read = stream.finish().unwrap();
            assert_eq!(read.report.encoding, encoding.name(), "chunks of {chunk}");
            assert_eq!(read.customers.ids, ["plain", name]);
            assert_eq!(read.report.rows_read, read.report.rows_used);
            assert!(read.customers.monetary[1] > 12.0, "{:?}", read.customers.monetary);
        }
    }
}

#[test]
fn a_late_amount_that_only_a_decimal_comma_reads_settles_the_whole_column() {
    // 25,000 amounts like 1.500 (a point or a thousands dot?), then 12,50.
    let mut csv = String::from("customer_id;order_date;amount\n");
    for i in 0..25_000 {
        csv.push_str(&format!("c{};2024-01-{:02};{}.{:03}\n", i % 40, i % 28 + 1, i % 9 + 1, (i * 7) % 1000));
    }
    csv.push_str("c1;2024-02-01;12,50\nc2;2024-02-02;(1.000)\n");
    let read = read_with(csv.as_bytes(), &IngestOptions::default(), None).unwrap();
    let r = &read.report;
    assert_eq!((r.decimal_mark, r.decimal_mark_ambiguous), (DecimalMark::Comma, false));
    assert_eq!((r.rows_read, r.rows_used), (25_002, 25_002));
    assert_eq!(r.returns.amount, -1000.0);
    let told = IngestOptions { decimal_mark: Some(DecimalMark::Comma), ..IngestOptions::default() };
    let expected = read_with(csv.as_bytes(), &told, None).unwrap();
    assert_eq!(read.customers, expected.customers);
    assert_eq!(read.report.returns, expected.report.returns);
}
