//! The DOCX reader on any bytes behind a ZIP signature: a document or an
//! error, never a panic, and never more memory than its archive limits.
#![no_main]

use article_summarizer::{read, summarize_source, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The reader is chosen by the signature, so every input takes this path.
    let bytes = if data.starts_with(b"PK\x03\x04") { data.to_vec() } else { [b"PK\x03\x04", data].concat() };
    if let Ok(source) = read(&bytes, Some("document.docx")) {
        let _ = summarize_source(&source, &Options::default());
    }
});
