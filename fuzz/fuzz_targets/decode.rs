//! The bytes-to-text stage on any bytes, as a .txt file: a `Source` or an
//! error, never a panic; and what it returns summarizes without a panic.
#![no_main]

use article_summarizer::{read, summarize_source, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(source) = read(data, Some("dropped.txt")) {
        let _ = summarize_source(&source, &Options::default());
    }
});
