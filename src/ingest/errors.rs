//! Errors that stop a file from being read at all.

use super::limits::{bytes_text, grouped};

/// Why a file could not be turned into customers. Rows that merely cannot be
/// used are not errors: they are counted in the [`IngestReport`](super::IngestReport).
///
/// Each message is one sentence: what was found, then what to do.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum IngestError {
    /// The file has no bytes (or only white space).
    #[error("the file is empty: export the transactions again and drop the new file")]
    Empty,
    /// The bytes look like a binary file (image, database, program), not text.
    #[error("this is not a text file (it has {what} at byte {offset}): export the data as CSV or save it as .xlsx, and drop that file")]
    Binary {
        /// What gave it away (`a zero byte`, `control characters`).
        what: &'static str,
        /// Offset of the first such byte.
        offset: usize,
    },
    /// A zip archive that is not an Excel workbook.
    #[error("this is a zip archive, not an Excel .xlsx workbook: unzip it and drop the CSV or .xlsx file inside")]
    NotXlsx,
    /// An old binary Office file (`.xls`, `.doc`).
    #[error("this is an old-style Excel .xls (or other Office) file: open it in Excel, save it as .xlsx or CSV, and drop that")]
    OldOffice,
    /// The workbook is damaged or not readable.
    #[error("the Excel workbook could not be read ({message}): open it in Excel and save it again, or export it as CSV")]
    Workbook {
        /// What the workbook reader said.
        message: String,
    },
    /// The sheet named in the settings is not in the workbook.
    #[error("the workbook has no sheet named `{name}`; its sheets are: {sheets}")]
    UnknownSheet {
        /// The name given.
        name: String,
        /// The workbook's sheets, comma-separated.
        sheets: String,
    },
    /// The encoding named in the settings is unknown.
    #[error("the encoding `{label}` given in the settings is not known: use utf-8, utf-16le, utf-16be, euc-kr (cp949) or windows-1252")]
    UnknownEncoding {
        /// The label given.
        label: String,
    },
    /// Decoding with the chosen encoding gives mostly U+FFFD.
    #[error("reading the file as {encoding} turns {percent}% of its non-ASCII characters into unreadable ones: choose the file's real encoding in the settings (often EUC-KR for Korean Excel, windows-1252 for Western Excel, or UTF-8)")]
    Undecodable {
        /// The encoding used.
        encoding: &'static str,
        /// Share of non-ASCII characters replaced, in percent.
        percent: u32,
    },
    /// The delimiter given in the settings cannot be used.
    #[error("the delimiter `{delimiter}` given in the settings must be a single ASCII character such as , ; | or a tab")]
    BadDelimiter {
        /// The delimiter given.
        delimiter: char,
    },
    /// There is a header row but not a single data row.
    #[error("the file has a header row ({headers}) but no data rows: export it again with its rows")]
    NoRows {
        /// The header names, comma-separated.
        headers: String,
    },
    /// No column (by name or by values) fits one or more needed roles, and
    /// none was given.
    #[error("could not find {}; the header has: {found}: rename {} or choose {} in the settings", missing(.roles), it_them(.roles, "the column", "the columns"), it_them(.roles, "it", "them"))]
    MissingColumn {
        /// The roles (`customer id`, `order date`, `amount`).
        roles: Vec<&'static str>,
        /// The header names found, comma-separated.
        found: String,
    },
    /// A column named in the settings is not in the header.
    #[error("the {role} column `{name}` given in the settings is not in the header, which has: {found}")]
    UnknownColumn {
        /// The role it was given for.
        role: &'static str,
        /// The name given.
        name: String,
        /// The header names found, comma-separated.
        found: String,
    },
    /// The file is larger than `ingest.limits.fileBytes` (known before reading).
    #[error("the file is {}, larger than the limit of {} for one file: split it (by year, for example) or raise `ingest.limits.fileBytes` in the settings", bytes_text(*.size), bytes_text(*.limit))]
    FileTooLarge {
        /// The file's size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// A stream of unknown length went on past `ingest.limits.fileBytes`.
    #[error("the input goes on past the limit of {} for one file: split it (by year, for example) or raise `ingest.limits.fileBytes` in the settings", bytes_text(*.limit))]
    InputTooLarge {
        /// The limit in bytes.
        limit: u64,
    },
    /// An `.xlsx` workbook larger than `ingest.limits.workbookBytes`.
    #[error("the Excel workbook is {}, larger than the limit of {} for a workbook (which is read whole): save the sheet as CSV and drop that, or raise `ingest.limits.workbookBytes` in the settings", bytes_text(*.size), bytes_text(*.limit))]
    WorkbookTooLarge {
        /// The workbook's size so far, in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// More distinct customers than `ingest.limits.customers`.
    #[error("the file has more than {} distinct customers (the limit, passed at line {line}), more than fit in memory: split it by customer or region, or raise `ingest.limits.customers` in the settings", grouped(*.limit))]
    TooManyCustomers {
        /// The limit.
        limit: u64,
        /// The line of the first customer beyond it.
        line: u64,
    },
    /// The header row is longer than `ingest.limits.rowBytes`.
    #[error("the header row (line {line}) is longer than the limit of {} for a row (it passes it in field {field}): this does not look like a transactions export; check the file, or raise `ingest.limits.rowBytes` in the settings", bytes_text(*.limit))]
    HeaderTooLong {
        /// The line it starts on.
        line: u64,
        /// The 1-based field where it passed the limit.
        field: usize,
        /// The limit in bytes.
        limit: u64,
    },
    /// Every data row was skipped.
    #[error("none of the {rows} data rows could be used ({reasons}): check the column choices and formats in the settings")]
    NoUsableRows {
        /// Rows read.
        rows: u64,
        /// Skip reasons with counts and the first example.
        reasons: String,
        /// The same, as the data-quality report has them.
        skipped: Vec<super::report::SkipTally>,
    },
}

/// "a customer id column", "order date or amount columns".
fn missing(roles: &[&str]) -> String {
    match roles {
        [role] if role.starts_with(['a', 'e', 'i', 'o', 'u']) => format!("an {role} column"),
        [role] => format!("a {role} column"),
        [first @ .., last] => format!("{} or {last} columns", first.join(", ")),
        [] => "the columns".to_owned(),
    }
}

fn it_them(roles: &[&str], one: &'static str, many: &'static str) -> &'static str {
    if roles.len() == 1 {
        one
    } else {
        many
    }
}

impl IngestError {
    /// The error as a [`Message`](crate::message::Message): its code, the
    /// values it names, and this English sentence.
    pub fn message(&self) -> crate::message::Message {
        use crate::message::{Code, Message};
        let text = self.to_string();
        match self {
            IngestError::Empty => Message::new(Code::Empty, text),
            IngestError::Binary { what, offset } => Message::new(Code::Binary, text)
                .with("what", if what.contains("zero") { "zeroByte" } else { "controlCharacters" })
                .with("offset", offset),
            IngestError::NotXlsx => Message::new(Code::NotXlsx, text),
            IngestError::OldOffice => Message::new(Code::OldOffice, text),
            IngestError::Workbook { message } => Message::new(Code::Workbook, text).with("detail", message),
            IngestError::UnknownSheet { name, sheets } => Message::new(Code::UnknownSheet, text).with("name", name).with("sheets", sheets),
            IngestError::UnknownEncoding { label } => Message::new(Code::UnknownEncoding, text).with("label", label),
            IngestError::Undecodable { encoding, percent } => {
                Message::new(Code::Undecodable, text).with("encoding", encoding).with("percent", percent)
            }
            IngestError::BadDelimiter { delimiter } => Message::new(Code::BadDelimiter, text).with("delimiter", delimiter.to_string()),
            IngestError::NoRows { headers } => Message::new(Code::NoRows, text).with("headers", headers),
            IngestError::MissingColumn { roles, found } => Message::new(Code::MissingColumn, text).with("roles", roles).with("found", found),
            IngestError::UnknownColumn { role, name, found } => {
                Message::new(Code::UnknownColumn, text).with("role", role).with("name", name).with("found", found)
            }
            IngestError::NoUsableRows { rows, skipped, .. } => Message::new(Code::NoUsableRows, text).with("rows", rows).with("skipped", skipped),
            IngestError::FileTooLarge { size, limit } => Message::new(Code::FileTooLarge, text).with("size", size).with("limit", limit),
            IngestError::InputTooLarge { limit } => Message::new(Code::InputTooLarge, text).with("limit", limit),
            IngestError::WorkbookTooLarge { size, limit } => {
                Message::new(Code::WorkbookTooLarge, text).with("size", size).with("limit", limit)
            }
            IngestError::TooManyCustomers { limit, line } => {
                Message::new(Code::TooManyCustomers, text).with("limit", limit).with("line", line)
            }
            IngestError::HeaderTooLong { line, field, limit } => {
                Message::new(Code::HeaderTooLong, text).with("line", line).with("field", field).with("limit", limit)
            }
        }
    }
}
