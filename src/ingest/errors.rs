//! Errors that stop a file from being read at all.

/// Why a file could not be turned into customers. Rows that merely cannot be
/// used are not errors: they are counted in the [`IngestReport`](super::IngestReport).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum IngestError {
    /// The file has no bytes (or only white space).
    #[error("the file is empty: export the transactions again and drop the new file")]
    Empty,
    /// The bytes look like a binary file (zip, image, database), not text.
    #[error("this looks like a binary file, not a CSV (a zero byte at offset {offset}): export the data as CSV")]
    Binary {
        /// Offset of the first zero byte.
        offset: usize,
    },
    /// There is a header row but not a single data row.
    #[error("the file has a header row but no data rows")]
    NoRows,
    /// No header matches a needed role and none was given.
    #[error("could not find a {role} column; the header has: {found}. Rename the column or choose it in the settings")]
    MissingColumn {
        /// The role (`customer id`, `order date`, `amount`).
        role: &'static str,
        /// The header names found, comma-separated.
        found: String,
    },
    /// A column named in the settings is not in the header.
    #[error("the {role} column `{name}` given in the settings is not in the header; the header has: {found}")]
    UnknownColumn {
        /// The role it was given for.
        role: &'static str,
        /// The name given.
        name: String,
        /// The header names found, comma-separated.
        found: String,
    },
    /// The CSV itself is malformed at a position.
    #[error("line {line}: {message}")]
    Csv {
        /// 1-based line number in the file.
        line: u64,
        /// What the CSV reader found wrong.
        message: String,
    },
    /// Every data row was skipped.
    #[error("none of the {rows} data rows could be used: {reasons}")]
    NoUsableRows {
        /// Rows read.
        rows: u64,
        /// Skip reasons with counts and the first example.
        reasons: String,
    },
}
