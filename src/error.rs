//! The library's one error type.
//!
//! [`Error`] is opaque: callers match on [`Error::kind`] and show
//! [`Error`]'s `Display`, which is a sentence a reader can act on.

use std::fmt;

/// Why [`crate::summarize`] could not produce a summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

/// The category of an [`Error`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input holds no readable text.
    Empty,
    /// The input is larger than [`crate::Options::max_bytes`].
    TooLarge,
    /// An option is out of range.
    InvalidOptions,
    /// The bytes are not text: an image, an archive, a program…
    NotText,
    /// An archive (a .docx) would unpack to more files or more bytes than
    /// the reader allows: a zip bomb, or a document too large to read safely.
    ArchiveTooLarge,
    /// The file is cut short or damaged, so its contents cannot be read.
    Damaged,
    /// A ZIP archive that holds no Word document this reader can open: a
    /// spreadsheet, a presentation, an e-book, any other archive, or a
    /// document packed with a compression or encryption it does not support.
    UnsupportedArchive,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error { kind, message: message.into() }
    }

    /// The category of this error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
