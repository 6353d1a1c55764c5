//! The crate-wide error type: one enum per concern, wrapped here.

use crate::cluster::ClusterError;
use crate::ingest::IngestError;
use crate::rfm::RfmError;

/// Everything that can go wrong in an analysis. Each variant's `Display` is a
/// complete sentence meant for the person who dropped the file.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be read into customers.
    #[error(transparent)]
    Ingest(#[from] IngestError),
    /// The RFM settings or segment map cannot be used.
    #[error(transparent)]
    Rfm(#[from] RfmError),
    /// The clustering could not be run.
    #[error(transparent)]
    Cluster(#[from] ClusterError),
    /// A setting given by the user is not valid.
    #[error("invalid setting `{name}`: {message}")]
    Setting {
        /// The setting's name as the user wrote it.
        name: &'static str,
        /// What is wrong with it.
        message: String,
    },
}

/// A `Result` whose error is this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// The error as a [`Message`](crate::message::Message): a code the page
    /// translates, the values it names, and this English sentence.
    pub fn message(&self) -> crate::message::Message {
        match self {
            Error::Ingest(e) => e.message(),
            Error::Rfm(e) => e.message(),
            Error::Cluster(e) => e.message(),
            Error::Setting { name, message } => crate::message::Message::new(crate::message::Code::InvalidSetting, self.to_string())
                .with("name", name)
                .with("detail", message),
        }
    }
}
