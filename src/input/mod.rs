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
//! * The format is found from the content first and the file name second,
//!   and every format leaves here as text or Markdown, which is all the
//!   document stage reads.
//!
//! * A ZIP archive is read as a Word document (`docx`), within limits on
//!   its entries and inflated size; a web page (by its opening tags or its
//!   name) is read for its main article (`html`), in the charset it declares
//!   when it is not UTF-8.
//!
//! Limits: PDF, .doc, EPUB and OpenDocument files are refused, not read.

pub(crate) mod docx;

pub(crate) mod html;

use crate::error::{Error, ErrorKind};
use crate::schema::Format;

/// How far into a file to look for NUL bytes and signatures.
const SNIFF_BYTES: usize = 8 * 1024;

const ZIP_SIGNATURE: &[u8] = b"PK\x03\x04";
const OLE_SIGNATURE: &[u8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";

/// Signatures of common binary formats, with the name a reader knows them by.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF media file (WebP, WAV or AVI)"),
    (b"%PDF-", "a PDF document"),
    (ZIP_SIGNATURE, "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "a program (ELF)"),
    (b"MZ", "a Windows program"),
    (b"\0asm", "a WebAssembly module"),
    (OLE_SIGNATURE, "an old Office document (.doc/.xls)"),
];

/// Text decoded from bytes, and how.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// The encoding it was read as, by its WHATWG name ("UTF-8", "GBK", "Big5", "UTF-16LE"…).
    pub encoding: &'static str,
}

/// A file read into text, and how it was read.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Source {
    /// The article as text or Markdown, ready for [`crate::summarize`].
    pub text: String,
    /// What kind of file it was.
    pub format: Format,
    /// The character encoding it was read in, by its WHATWG name.
    pub encoding: String,
}

/// Reads a file a person dropped: detects its format and encoding, and
/// returns its article as text or Markdown. `name` (the file name, if known)
/// breaks ties the content leaves open, such as `.md`.
///
/// ```
/// let source = article_summarizer::read("# 标题\n\n正文。".as_bytes(), Some("post.md")).unwrap();
/// assert_eq!(source.format, article_summarizer::Format::Markdown);
/// assert_eq!(source.encoding, "UTF-8");
/// ```
pub fn read(bytes: &[u8], name: Option<&str>) -> Result<Source, Error> {
    let extension = name.and_then(|n| n.rsplit_once('.')).map(|(_, ext)| ext.to_ascii_lowercase());
    if bytes.starts_with(ZIP_SIGNATURE) {
        let text = docx::extract(bytes, &docx::ArchiveLimits::default())?;
        return Ok(Source { text, format: Format::Docx, encoding: encoding_rs::UTF_8.name().to_string() });
    }
    if bytes.starts_with(OLE_SIGNATURE) && extension.as_deref() == Some("docx") {
        // Word keeps a password-protected .docx inside an encrypted OLE container.
        return Err(Error::new(
            ErrorKind::UnsupportedArchive,
            "This Word document is protected by a password. Remove the password in Word and save it again.",
        ));
    }
    let named_html = matches!(extension.as_deref(), Some("html" | "htm" | "xhtml"));
    // A page's own <meta charset> outranks a statistical guess, not valid UTF-8.
    let declared = if named_html || looks_like_html(&String::from_utf8_lossy(&bytes[..bytes.len().min(1024)])) {
        html::declared_charset(bytes)
    } else {
        None
    };
    let decoded = decode_with_hint(bytes, declared)?;
    if named_html || looks_like_html(&decoded.text) {
        let page = html::extract(&decoded.text);
        return Ok(Source { text: page.markdown, format: Format::Html, encoding: decoded.encoding.to_string() });
    }
    let format = if matches!(extension.as_deref(), Some("md" | "markdown")) { Format::Markdown } else { Format::Text };
    Ok(Source { text: decoded.text, format, encoding: decoded.encoding.to_string() })
}

/// True when text opens the way web pages do, whatever the file is called.
/// Browsers' "save page" adds a leading comment (`<!-- saved from url=… -->`),
/// so comments before the first tag are skipped.
fn looks_like_html(text: &str) -> bool {
    let mut rest = text.trim_start();
    while let Some(comment) = rest.strip_prefix("<!--") {
        match comment.find("-->") {
            Some(end) => rest = comment[end + 3..].trim_start(),
            None => return false,
        }
    }
    let opening: String = rest.chars().take(16).flat_map(char::to_lowercase).collect();
    ["<!doctype html", "<html", "<head", "<body"].iter().any(|tag| opening.starts_with(tag))
}

/// Decodes the bytes of a file as text, or says why they are not text.
///
/// ```
/// let gbk = b"\xd6\xd8\xc7\xec\xb9\xfa\xbc\xca\xc8\xcb\xb2\xc5\xbd\xbb\xc1\xf7\xb4\xf3\xbb\xe1";
/// let decoded = article_summarizer::decode(gbk).unwrap();
/// assert_eq!(decoded.text, "重庆国际人才交流大会");
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded, Error> {
    decode_with_hint(bytes, None)
}

/// [`decode`], trusting `declared` (a web page's own charset) over detection
/// when the bytes are not UTF-8.
fn decode_with_hint(bytes: &[u8], declared: Option<&'static encoding_rs::Encoding>) -> Result<Decoded, Error> {
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
    if let Some(encoding) = declared {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        return Ok(Decoded { text: text.into_owned(), encoding: encoding.name() });
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
    fn formats_come_from_the_content_then_the_name() {
        let page =
            "<!-- saved from url=(0014)about:internet -->\n<!DOCTYPE html><html><body><p>正文。</p></body></html>";
        assert_eq!(read(page.as_bytes(), Some("page.txt")).unwrap().format, Format::Html);
        assert_eq!(read(b"<p>fragment</p>", Some("page.htm")).unwrap().format, Format::Html);
        assert_eq!(read("# 标题\n\n正文。".as_bytes(), Some("a.MD")).unwrap().format, Format::Markdown);
        assert_eq!(read("# 标题\n\n正文。".as_bytes(), None).unwrap().format, Format::Text);
        assert_eq!(read(b"<b>not a page</b> but text", Some("notes.txt")).unwrap().format, Format::Text);
        let (gbk, _, _) = encoding_rs::GBK.encode(ARTICLE);
        let source = read(&gbk, Some("old.txt")).unwrap();
        assert_eq!((source.text.as_str(), source.format), (ARTICLE, Format::Text));
        assert!(source.encoding == "GBK" || source.encoding == "gb18030", "{}", source.encoding);
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
