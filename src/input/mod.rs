//! The input stage: the bytes a person drops, turned into text.
//!
//! Every door reads files through here, so one file gives one result
//! whether it is summarized by the CLI, the page or an embed.
//!
//! * UTF-8 with or without a BOM, and UTF-16 LE/BE with a BOM.
//! * Legacy encodings without a BOM (GB18030/GBK, Big5, Shift_JIS…) are
//!   detected with `chardetng` and decoded with `encoding_rs`, the pair
//!   Firefox uses for the same job.
//! * Images, archives, PDFs and programs are refused by their signature,
//!   and anything else with NUL bytes as not text, instead of being
//!   summarized as garbage.
//!
//! Limits: HTML and DOCX are decoded as text here; extracting their article
//! is a later stage's job.

pub(crate) mod html;

use crate::error::{Error, ErrorKind};

/// How far into a file to look for NUL bytes and signatures.
const SNIFF_BYTES: usize = 8 * 1024;

/// Signatures of common binary formats, with the name a reader knows them by.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF media file (WebP, WAV or AVI)"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "a program (ELF)"),
    (b"MZ", "a Windows program"),
    (b"\0asm", "a WebAssembly module"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc/.xls)"),
];

/// Text decoded from bytes, and how.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// The encoding it was read as, by its WHATWG name ("UTF-8", "GBK", "Big5", "UTF-16LE"…).
    pub encoding: &'static str,
}

/// Decodes the bytes of a file as text, or says why they are not text.
///
/// ```
/// let gbk = b"\xd6\xd8\xc7\xec\xb9\xfa\xbc\xca\xc8\xcb\xb2\xc5\xbd\xbb\xc1\xf7\xb4\xf3\xbb\xe1";
/// let decoded = article_summarizer::decode(gbk).unwrap();
/// assert_eq!(decoded.text, "重庆国际人才交流大会");
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded, Error> {
    if bytes.is_empty() {
        return Err(Error::new(ErrorKind::Empty, "The file is empty."));
    }
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(Decoded { text: text.into_owned(), encoding: encoding.name() });
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if let Some((_, what)) = SIGNATURES.iter().find(|(magic, _)| head.starts_with(magic)) {
        return Err(Error::new(ErrorKind::NotText, format!("This file is {what}, not text.")));
    }
    if head.contains(&0) {
        return Err(Error::new(ErrorKind::NotText, "This file is not text: it holds binary data."));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded { text: text.to_string(), encoding: encoding_rs::UTF_8.name() });
    }
    // ISO-2022-JP is escape-based and rare in news; allowing it invites misreads.
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Allow);
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Ok(Decoded { text: text.into_owned(), encoding: encoding.name() })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "重庆国际人才交流大会落下帷幕，集中引进硕士、博士优秀人才3944名，签约落地人才项目260个。";

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode(ARTICLE.as_bytes()).unwrap();
        assert_eq!((plain.text.as_str(), plain.encoding), (ARTICLE, "UTF-8"));
        let with_bom = [b"\xef\xbb\xbf".as_slice(), ARTICLE.as_bytes()].concat();
        assert_eq!(decode(&with_bom).unwrap().text, ARTICLE);
    }

    #[test]
    fn utf16_with_a_bom_either_way_round() {
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(ARTICLE.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(ARTICLE.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(decode(&le).unwrap(), Decoded { text: ARTICLE.into(), encoding: "UTF-16LE" });
        assert_eq!(decode(&be).unwrap(), Decoded { text: ARTICLE.into(), encoding: "UTF-16BE" });
    }

    #[test]
    fn gbk_and_big5_are_detected_without_a_bom() {
        let (gbk, _, _) = encoding_rs::GBK.encode(ARTICLE);
        let decoded = decode(&gbk).unwrap();
        assert_eq!(decoded.text, ARTICLE);
        assert!(decoded.encoding == "GBK" || decoded.encoding == "gb18030", "{}", decoded.encoding);

        let traditional = "重慶國際人才交流大會落下帷幕，集中引進碩士、博士優秀人才3944名，簽約落地人才項目260個。";
        let (big5, _, _) = encoding_rs::BIG5.encode(traditional);
        assert_eq!(decode(&big5).unwrap(), Decoded { text: traditional.into(), encoding: "Big5" });
    }

    #[test]
    fn binary_files_are_refused_by_name() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        let err = decode(&png).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotText);
        assert!(err.to_string().contains("PNG image"), "{err}");
        assert!(decode(b"PK\x03\x04rest").unwrap_err().to_string().contains("ZIP archive"));
        assert!(decode(b"some text\0with a NUL").unwrap_err().to_string().contains("binary data"));
    }
}
