//! Why RFM settings cannot be used.

/// An RFM setting or segment map that cannot be used, said so that the
/// user can fix it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RfmError {
    /// Bins outside 3–5.
    #[error("the number of score bins must be 3, 4 or 5, not {bins}")]
    BinsOutOfRange {
        /// The number asked for.
        bins: u8,
    },
    /// Fixed thresholds of the wrong count.
    #[error("fixed thresholds for {measure} need {expected} cut points for {bins} bins, but {found} were given")]
    ThresholdCount {
        /// `recency`, `frequency` or `monetary`.
        measure: &'static str,
        /// Cut points needed (bins − 1).
        expected: usize,
        /// Cut points given.
        found: usize,
        /// The number of bins.
        bins: u8,
    },
    /// Fixed thresholds not strictly increasing (or not numbers).
    #[error("fixed thresholds for {measure} must be numbers in increasing order")]
    ThresholdOrder {
        /// `recency`, `frequency` or `monetary`.
        measure: &'static str,
    },
    /// A map without segments.
    #[error("the segment map has no segments")]
    EmptyMap,
    /// A segment without a name.
    #[error("segment number {position} of the map has no name")]
    UnnamedSegment {
        /// 1-based position in the map.
        position: usize,
    },
    /// Two segments with one name.
    #[error("the segment map has two segments named `{name}`")]
    DuplicateSegment {
        /// The name.
        name: String,
    },
    /// "Others" used as a segment name.
    #[error("`{name}` is where customers no rule covers go; give the segment another name")]
    ReservedName {
        /// The name.
        name: String,
    },
    /// A code that does not exist with this many bins.
    #[error("segment `{segment}` lists code {code}, which does not exist with {bins} bins (the 125-code maps need 5 bins; with fewer, write rules as score ranges)")]
    CodeOutOfRange {
        /// The segment.
        segment: String,
        /// The code.
        code: u16,
        /// The number of bins.
        bins: u8,
    },
    /// One code in two segments.
    #[error("code {code} is listed in both `{first}` and `{second}`; move it to one of them")]
    DuplicateCode {
        /// The code.
        code: u16,
        /// The first segment listing it.
        first: String,
        /// The second.
        second: String,
    },
    /// A score range that is not low–high within 1–9.
    #[error("segment `{segment}` has a score range that does not run from a low to a high score (1 or more)")]
    BadRange {
        /// The segment.
        segment: String,
    },
}

impl RfmError {
    /// The error as a [`Message`](crate::message::Message): its code, the
    /// values it names, and this English sentence.
    pub fn message(&self) -> crate::message::Message {
        use crate::message::{Code, Message};
        let text = self.to_string();
        match self {
            RfmError::BinsOutOfRange { bins } => Message::new(Code::BinsOutOfRange, text).with("bins", bins),
            RfmError::ThresholdCount { measure, expected, found, bins } => Message::new(Code::ThresholdCount, text)
                .with("measure", measure)
                .with("expected", expected)
                .with("found", found)
                .with("bins", bins),
            RfmError::ThresholdOrder { measure } => Message::new(Code::ThresholdOrder, text).with("measure", measure),
            RfmError::EmptyMap => Message::new(Code::EmptyMap, text),
            RfmError::UnnamedSegment { position } => Message::new(Code::UnnamedSegment, text).with("position", position),
            RfmError::DuplicateSegment { name } => Message::new(Code::DuplicateSegment, text).with("name", name),
            RfmError::ReservedName { name } => Message::new(Code::ReservedName, text).with("name", name),
            RfmError::CodeOutOfRange { segment, code, bins } => {
                Message::new(Code::CodeOutOfRange, text).with("segment", segment).with("code", code).with("bins", bins)
            }
            RfmError::DuplicateCode { code, first, second } => {
                Message::new(Code::DuplicateCode, text).with("code", code).with("first", first).with("second", second)
            }
            RfmError::BadRange { segment } => Message::new(Code::BadRange, text).with("segment", segment),
        }
    }
}
