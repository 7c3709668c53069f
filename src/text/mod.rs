//! The primitive text layer: characters, language, sentences and words.
//!
//! Nothing here knows about documents or ranking; the stages above compose
//! these pieces. `words` is the only file that touches jieba.

pub mod chars;
pub mod lang;
pub mod sentences;
pub mod words;
