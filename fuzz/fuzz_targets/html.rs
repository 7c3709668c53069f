//! The HTML extractor on any bytes named .html: an article or an error,
//! never a panic or a stack overflow, however the markup nests.
#![no_main]

use article_summarizer::{read, summarize_source, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(source) = read(data, Some("page.html")) {
        let _ = summarize_source(&source, &Options::default());
    }
});
