//! What a caller may ask of [`crate::summarize`], with documented defaults.

use serde::Deserialize;

use crate::error::{Error, ErrorKind};
use crate::schema::Lang;

/// Options for [`crate::summarize`]. Every field has a default, so
/// `Options::default()` is the usual choice; the wasm door accepts the same
/// fields as a plain object with any of them left out.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
pub struct Options {
    /// How many headline sentences to choose. `None` (the default) scales
    /// with the article: 3 for a short one, up to 7 for a long one.
    pub sentences: Option<usize>,
    /// A budget for the headline sentences, in characters (Unicode scalar
    /// values) summed over the chosen sentences. `None` (the default): no
    /// budget. With both this and `sentences`, both limits hold. The best
    /// sentence is returned even when it alone is over the budget, so a
    /// summary is never empty.
    pub max_chars: Option<usize>,
    /// How many key figures to return. Default 8.
    pub figures: usize,
    /// How many keywords to return. Default 10.
    pub keywords: usize,
    /// The document's language, or `None` (the default) to detect it.
    pub lang: Option<Lang>,
    /// Inputs longer than this many bytes are refused. Default 50 MB.
    pub max_bytes: usize,
}

/// The most of anything a caller may ask for; more is an error, not a slow page.
const MAX_REQUESTED: usize = 1000;

impl Default for Options {
    fn default() -> Options {
        Options { sentences: None, max_chars: None, figures: 8, keywords: 10, lang: None, max_bytes: 50 * 1024 * 1024 }
    }
}

impl Options {
    pub(crate) fn validate(&self) -> Result<(), Error> {
        let counts =
            [("sentences", self.sentences.unwrap_or(1)), ("figures", self.figures), ("keywords", self.keywords)];
        for (name, n) in counts {
            if n > MAX_REQUESTED {
                return Err(Error::new(
                    ErrorKind::InvalidOptions,
                    format!("`{name}` is {n}; at most {MAX_REQUESTED} can be asked for"),
                ));
            }
        }
        if self.max_chars == Some(0) {
            return Err(Error::new(ErrorKind::InvalidOptions, "`max_chars` must be at least 1"));
        }
        if self.sentences == Some(0) {
            return Err(Error::new(ErrorKind::InvalidOptions, "`sentences` must be at least 1"));
        }
        Ok(())
    }
}
