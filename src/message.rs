//! Sentences the engine says to people, as a stable code with parameters
//! beside the English text: the CLI prints the text, the page translates the
//! code (www/i18n/*.js, `messages`). Every code is listed in [`Code::ALL`], so
//! a test can check that each one has a translation.

use std::collections::BTreeMap;

use serde::{Serialize, Serializer};

macro_rules! codes {
    ($($(#[doc = $doc:literal])* $variant:ident = $code:literal,)*) => {
        /// The stable code of a [`Message`]; its text form (e.g.
        /// `hint.emptyScores`) is the key of its translations.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Code {
            $($(#[doc = $doc])* #[doc = concat!("`", $code, "`")] $variant,)*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code as the page knows it, e.g. `hint.emptyScores`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $code,)*
                }
            }
        }
    };
}

codes! {
    /// Term of the as-of date definition.
    TermAsOf = "term.asOf",
    /// Term of the recency definition.
    TermRecency = "term.recency",
    /// Term of the frequency definition.
    TermFrequency = "term.frequency",
    /// Term of the monetary definition.
    TermMonetary = "term.monetary",
    /// Term of the scores definition.
    TermScores = "term.scores",
    /// Term of the segments definition.
    TermSegments = "term.segments",
    /// `{date}`, the default as-of date.
    AsOfDefault = "definition.asOf.default",
    /// `{date}`, an as-of date from the settings.
    AsOfSet = "definition.asOf.set",
    /// What recency is.
    Recency = "definition.recency",
    /// Frequency counts distinct order ids of `{column}`.
    FrequencyOrders = "definition.frequency.orders",
    /// Frequency counts rows, the file having no order column.
    FrequencyNoOrderColumn = "definition.frequency.noOrderColumn",
    /// Frequency counts distinct purchase days.
    FrequencyDays = "definition.frequency.days",
    /// Frequency counts rows.
    FrequencyRows = "definition.frequency.rows",
    /// Monetary is total net spend.
    MonetaryTotal = "definition.monetary.total",
    /// Monetary is the average order value.
    MonetaryAverageOrder = "definition.monetary.averageOrder",
    /// `{bins}` scores by tie-aware quantiles.
    ScoresQuantiles = "definition.scores.quantiles",
    /// `{bins}` scores by the R package rfm's method.
    ScoresRRfm = "definition.scores.rRfm",
    /// `{bins}` scores by SQL NTILE.
    ScoresNtile = "definition.scores.ntile",
    /// `{bins}` scores by rank-first quantiles.
    ScoresRankFirst = "definition.scores.rankFirst",
    /// `{bins}` scores by fixed cut points.
    ScoresFixed = "definition.scores.fixed",
    /// `{map}` (`default`, `rRfm`, `rRfmLegacy`, `custom`) with `{segments}`
    /// segments and `{uncovered}` codes no segment covers.
    Segments = "definition.segments",
    /// A value equal to a cut point keeps the lower score.
    BoundaryAbove = "boundary.above",
    /// A value equal to a cut point gets the higher score.
    BoundaryFrom = "boundary.from",
    /// `{measure}` leaves `{scores}` of `{bins}` empty; `{cuts}` are its cut points.
    EmptyScores = "hint.emptyScores",
    /// No movement: no transactions on or before `{date}`.
    NoMovementBefore = "movement.noneBefore",
    /// Only `{k}` distinct profiles: k reduced from `{requested}`.
    KReduced = "clusters.kReduced",
    /// Every customer has one profile: one cluster instead of up to `{max}`.
    OneProfile = "clusters.oneProfile",
    /// Only `{k}` distinct profiles, so k = `{k}`.
    OnlyProfiles = "clusters.onlyProfiles",
    /// Only `{hi}` distinct profiles; `{k}` has the best silhouette of `{lo}`…`{hi}`.
    OnlyProfilesBest = "clusters.onlyProfilesBest",
    /// `{k}` has the best silhouette of `{lo}`…`{hi}`.
    BestSilhouette = "clusters.bestSilhouette",
    /// Only one customer: one cluster.
    OneCustomer = "clusters.oneCustomer",
    /// Every customer has one profile: one cluster instead of k = `{requested}`.
    OneProfileFixed = "clusters.oneProfileFixed",
    /// The file is empty.
    Empty = "error.empty",
    /// Not a text file: `{what}` (`zeroByte`, `controlCharacters`) at byte `{offset}`.
    Binary = "error.binary",
    /// A zip that is not a workbook.
    NotXlsx = "error.notXlsx",
    /// An old binary Office file.
    OldOffice = "error.oldOffice",
    /// The workbook cannot be read (`{detail}` from the reader).
    Workbook = "error.workbook",
    /// No sheet `{name}`; the workbook has `{sheets}`.
    UnknownSheet = "error.unknownSheet",
    /// Unknown encoding `{label}`.
    UnknownEncoding = "error.unknownEncoding",
    /// Reading as `{encoding}` spoils `{percent}` % of the characters.
    Undecodable = "error.undecodable",
    /// Delimiter `{delimiter}` is not one ASCII character.
    BadDelimiter = "error.badDelimiter",
    /// A header (`{headers}`) but no rows.
    NoRows = "error.noRows",
    /// No column for `{roles}`; the header has `{found}`.
    MissingColumn = "error.missingColumn",
    /// The `{role}` column `{name}` is not in the header (`{found}`).
    UnknownColumn = "error.unknownColumn",
    /// None of `{rows}` rows usable; `{skipped}` lists reasons.
    NoUsableRows = "error.noUsableRows",
    /// The file is `{size}` bytes, above the limit of `{limit}` bytes.
    FileTooLarge = "error.fileTooLarge",
    /// A stream went on past the limit of `{limit}` bytes.
    InputTooLarge = "error.inputTooLarge",
    /// The workbook is `{size}` bytes, above the limit of `{limit}` bytes.
    WorkbookTooLarge = "error.workbookTooLarge",
    /// More than `{limit}` customers, passed at line `{line}`.
    TooManyCustomers = "error.tooManyCustomers",
    /// The header row (line `{line}`) passes the row limit of `{limit}` bytes in field `{field}`.
    HeaderTooLong = "error.headerTooLong",
    /// Bins not 3–5 (`{bins}`).
    BinsOutOfRange = "error.binsOutOfRange",
    /// Fixed thresholds for `{measure}`: `{expected}` needed for `{bins}` bins, `{found}` given.
    ThresholdCount = "error.thresholdCount",
    /// Fixed thresholds for `{measure}` not increasing.
    ThresholdOrder = "error.thresholdOrder",
    /// The map has no segments.
    EmptyMap = "error.emptyMap",
    /// Segment `{position}` has no name.
    UnnamedSegment = "error.unnamedSegment",
    /// Two segments named `{name}`.
    DuplicateSegment = "error.duplicateSegment",
    /// `{name}` is reserved (Others).
    ReservedName = "error.reservedName",
    /// Segment `{segment}` lists `{code}`, impossible with `{bins}` bins.
    CodeOutOfRange = "error.codeOutOfRange",
    /// Code `{code}` in `{first}` and `{second}`.
    DuplicateCode = "error.duplicateCode",
    /// Segment `{segment}` has a bad score range.
    BadRange = "error.badRange",
    /// k is 0.
    KIsZero = "error.kIsZero",
    /// k `{k}` above `{max}`.
    KTooLarge = "error.kTooLarge",
    /// Automatic k range `{min}`..`{max}` outside 2..`{limit}`.
    BadAutoRange = "error.badAutoRange",
    /// K-means runs is 0.
    NRunsIsZero = "error.nRunsIsZero",
    /// K-means iteration cap is 0.
    MaxIterationsIsZero = "error.maxIterationsIsZero",
    /// Tolerance `{tolerance}` below 0.
    ToleranceNotPositive = "error.toleranceNotPositive",
    /// No customers to cluster.
    NoCustomers = "error.noCustomers",
    /// No features to cluster on.
    NoFeatures = "error.noFeatures",
    /// K-means failed (`{detail}`).
    KmeansFailed = "error.kmeansFailed",
    /// Setting `{name}` invalid (`{detail}`).
    InvalidSetting = "error.invalidSetting",
    /// The settings object cannot be read (`{detail}`).
    InvalidSettings = "error.invalidSettings",
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One sentence for a person: its code, the values it mentions, and its
/// English text. Dates are `YYYY-MM-DD` strings whose parameter name ends in
/// `date`; numbers are plain numbers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Message {
    /// What the sentence says, for translation.
    pub code: Code,
    /// The values it mentions, by name.
    pub params: BTreeMap<&'static str, serde_json::Value>,
    /// The English sentence (the CLI and the English page show it).
    pub text: String,
}

impl Message {
    /// A message without parameters.
    pub fn new(code: Code, text: impl Into<String>) -> Message {
        Message { code, params: BTreeMap::new(), text: text.into() }
    }

    /// Adds the parameter `name`.
    #[must_use]
    pub fn with(mut self, name: &'static str, value: impl Serialize) -> Message {
        let value = serde_json::to_value(value).unwrap_or(serde_json::Value::Null);
        self.params.insert(name, value);
        self
    }
}

impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_and_serialise_as_their_text() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            assert!(seen.insert(code.as_str()), "{} twice", code.as_str());
        }
        let m = Message::new(Code::NoMovementBefore, "x").with("date", "2024-01-01");
        assert_eq!(serde_json::to_string(&m).unwrap(), r#"{"code":"movement.noneBefore","params":{"date":"2024-01-01"},"text":"x"}"#);
    }
}
