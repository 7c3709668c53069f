//! DOCX: the article in a Word file, as the Markdown-shaped text the
//! document stage reads.
//!
//! A .docx is a ZIP archive of XML parts. This reads the main document part
//! (found through `_rels/.rels`, else at `word/document.xml`) and the names
//! of its styles, and writes:
//!
//! * the Title style and Heading 1–6, recognised by style name in Word's and
//!   WPS's spellings ("heading 1", "Heading1", "标题 1") or by outline level,
//!   as `#` … `######` lines (headings move down a level under a Title);
//! * numbered and bulleted paragraphs as `- item`, bold runs as `**…**`;
//! * each table row as one `| cell | cell |` line, except rows with a single
//!   filled cell (layout frames), whose paragraphs are kept as they are;
//! * every other paragraph as a paragraph; blocks are separated by blank lines.
//!
//! Deleted and hidden text, field codes, tables of contents and the fallback
//! copies of drawings are skipped. Footnotes, headers, footers and comments
//! live in other parts and are not read.
//!
//! Limits: the archive is treated as hostile. Its entry count is checked
//! before the zip reader builds its directory, and every part is inflated
//! through a cap on the bytes actually produced, never trusting declared
//! sizes, so a zip bomb costs at most [`ArchiveLimits::max_inflated_bytes`]
//! of memory. The XML reader does not expand DTD entities. Text that happens
//! to look like Markdown (a paragraph opening with `# `) is read as Markdown
//! by the next stage.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::name::{Namespace, ResolveResult};
use quick_xml::NsReader;
use zip::result::ZipError;
use zip::ZipArchive;

use crate::error::{Error, ErrorKind};

/// Limits that keep a hostile archive from using unbounded memory or time.
///
/// The defaults (10 000 entries, 200 MiB inflated) are far above any real
/// Word document and far below what would stall a browser tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveLimits {
    /// Most entries an archive may list. Word documents hold a few dozen.
    pub max_entries: usize,
    /// Most bytes all the parts read may inflate to, together.
    pub max_inflated_bytes: u64,
}

impl Default for ArchiveLimits {
    fn default() -> ArchiveLimits {
        ArchiveLimits { max_entries: 10_000, max_inflated_bytes: 200 * 1024 * 1024 }
    }
}

/// Reads the text of a Word document (.docx) as Markdown-shaped text.
pub fn extract(bytes: &[u8], limits: &ArchiveLimits) -> Result<String, Error> {
    let mut package = Package::open(bytes, limits)?;
    let main = package.main_part()?;
    let styles = match package.styles_part(&main)? {
        // Broken styles only cost heading detection, not the text.
        Some(xml) => read_styles(&xml).unwrap_or_default(),
        None => Styles::default(),
    };
    let xml = package.read(&main)?.ok_or_else(|| package.not_a_word_document())?;
    let blocks = read_body(&xml, &styles)?;
    Ok(render(&blocks))
}

// ---------------------------------------------------------------------------
// The archive.

/// Relationship types end with these, in both transitional and strict OOXML.
const OFFICE_DOCUMENT_REL: &str = "/officeDocument";
const STYLES_REL: &str = "/styles";

/// An opened archive and what may still be inflated from it.
struct Package<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    /// Bytes still allowed to be inflated, over every part read.
    budget: u64,
    limits: &'a ArchiveLimits,
}

impl<'a> Package<'a> {
    fn open(bytes: &'a [u8], limits: &'a ArchiveLimits) -> Result<Package<'a>, Error> {
        // The zip reader allocates per declared entry before we could count.
        if declared_entry_count(bytes).is_some_and(|n| n > limits.max_entries as u64) {
            return Err(too_many_entries(limits));
        }
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(zip_error)?;
        if archive.len() > limits.max_entries {
            return Err(too_many_entries(limits));
        }
        Ok(Package { archive, budget: limits.max_inflated_bytes, limits })
    }

    /// Index of the part at `path`; OPC part names ignore ASCII case.
    fn index_of(&self, path: &str) -> Option<usize> {
        self.archive.index_for_name(path).or_else(|| {
            let name = self.archive.file_names().find(|name| name.eq_ignore_ascii_case(path))?.to_string();
            self.archive.index_for_name(&name)
        })
    }

    /// Inflates the part at `path`, if the archive has it, within the budget.
    fn read(&mut self, path: &str) -> Result<Option<Vec<u8>>, Error> {
        let Some(index) = self.index_of(path) else { return Ok(None) };
        let file = self.archive.by_index(index).map_err(zip_error)?;
        let mut out = Vec::new();
        // One byte past the budget tells "exactly full" from "too large".
        file.take(self.budget.saturating_add(1)).read_to_end(&mut out).map_err(|_| damaged())?;
        let used = out.len() as u64;
        if used > self.budget {
            return Err(too_large_inflated(self.limits));
        }
        self.budget -= used;
        Ok(Some(out))
    }

    /// Path of the main document part.
    fn main_part(&mut self) -> Result<String, Error> {
        if let Some(rels) = self.read("_rels/.rels")? {
            if let Some(target) = relationship_target(&rels, OFFICE_DOCUMENT_REL, "") {
                if self.index_of(&target).is_some() {
                    return Ok(target);
                }
            }
        }
        match self.index_of("word/document.xml") {
            Some(_) => Ok("word/document.xml".to_string()),
            None => Err(self.not_a_word_document()),
        }
    }

    /// The style definitions of the main part at `main`, if it has any.
    fn styles_part(&mut self, main: &str) -> Result<Option<Vec<u8>>, Error> {
        let (dir, file) = main.rsplit_once('/').map_or(("", main), |(dir, file)| (dir, file));
        let dir = if dir.is_empty() { String::new() } else { format!("{dir}/") };
        let linked = match self.read(&format!("{dir}_rels/{file}.rels"))? {
            Some(rels) => relationship_target(&rels, STYLES_REL, &dir),
            None => None,
        };
        let path = linked.unwrap_or_else(|| format!("{dir}styles.xml"));
        self.read(&path)
    }

    /// Says what the archive is instead, when a reader would know its kind.
    fn not_a_word_document(&self) -> Error {
        let has = |prefix: &str| {
            self.archive.file_names().any(|name| {
                name.len() >= prefix.len() && name.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
            })
        };
        let what = if has("xl/") {
            Some("an Excel workbook")
        } else if has("ppt/") {
            Some("a PowerPoint presentation")
        } else if has("META-INF/container.xml") {
            Some("an EPUB e-book")
        } else if has("mimetype") && has("content.xml") {
            Some("an OpenDocument file (.odt, .ods or .odp)")
        } else {
            None
        };
        let message = match what {
            Some(what) => format!(
                "This archive is {what}, not a Word document. Save it as .docx or copy its text into a .txt file."
            ),
            None => "This archive is not a Word document: it holds no word/document.xml. \
                     Only Word (.docx) files can be read from inside a ZIP archive."
                .to_string(),
        };
        Error::new(ErrorKind::UnsupportedArchive, message)
    }
}

/// The entry count the archive's end record declares, when it can be read.
///
/// Read by hand because the zip reader builds its whole directory, taking
/// memory per declared entry, before it can be asked how many there are.
fn declared_entry_count(bytes: &[u8]) -> Option<u64> {
    const END: &[u8] = b"PK\x05\x06";
    const END_LEN: usize = 22;
    const LOCATOR: &[u8] = b"PK\x06\x07";
    const LOCATOR_LEN: usize = 20;
    const END64: &[u8] = b"PK\x06\x06";
    // The record ends the file, followed only by a comment of up to 64 KiB.
    let search_from = bytes.len().saturating_sub(END_LEN + usize::from(u16::MAX));
    let at = search_from + bytes[search_from..].windows(END.len()).rposition(|w| w == END)?;
    let count = u16::from_le_bytes(bytes.get(at + 10..at + 12)?.try_into().ok()?);
    if count != u16::MAX {
        return Some(u64::from(count));
    }
    // ZIP64: the real count is in a record a locator just before points to.
    let locator = bytes.get(at.checked_sub(LOCATOR_LEN)?..at)?;
    if &locator[..4] != LOCATOR {
        return None;
    }
    let end64 = usize::try_from(u64::from_le_bytes(locator[8..16].try_into().ok()?)).ok()?;
    if bytes.get(end64..end64.checked_add(4)?)? != END64 {
        return None;
    }
    Some(u64::from_le_bytes(bytes.get(end64 + 32..end64 + 40)?.try_into().ok()?))
}

/// The part a relationship of type `..type_suffix` points to, as a path in
/// the archive (`base_dir` is the folder of the part the relationships belong to).
fn relationship_target(xml: &[u8], type_suffix: &str, base_dir: &str) -> Option<String> {
    let mut reader = NsReader::from_reader(xml);
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"Relationship" => {
                let is_type = attribute(&e, b"Type").is_some_and(|t| t.ends_with(type_suffix));
                let external = attribute(&e, b"TargetMode").is_some_and(|m| m.eq_ignore_ascii_case("External"));
                if is_type && !external {
                    return attribute(&e, b"Target").map(|target| resolve_part_path(base_dir, &target));
                }
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// Resolves a relationship target against the folder of its source part.
fn resolve_part_path(base_dir: &str, target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("{base_dir}{target}"),
    };
    let mut segments: Vec<&str> = Vec::new();
    for segment in joined.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            segment => segments.push(segment),
        }
    }
    segments.join("/")
}

fn zip_error(error: ZipError) -> Error {
    match error {
        ZipError::UnsupportedArchive(what) => Error::new(
            ErrorKind::UnsupportedArchive,
            format!(
                "This archive is packed in a way this reader does not support ({what}). \
                 Open it in Word and save it again as .docx."
            ),
        ),
        _ => damaged(),
    }
}

fn damaged() -> Error {
    Error::new(
        ErrorKind::Damaged,
        "This Word document is damaged or cut short, so its text cannot be read. \
         Open it in Word and save it again, or copy its text into a .txt file.",
    )
}

fn too_many_entries(limits: &ArchiveLimits) -> Error {
    Error::new(
        ErrorKind::ArchiveTooLarge,
        format!(
            "This archive holds more than {} files, far more than any Word document, so it was not opened \
             (it may be a zip bomb).",
            limits.max_entries
        ),
    )
}

fn too_large_inflated(limits: &ArchiveLimits) -> Error {
    Error::new(
        ErrorKind::ArchiveTooLarge,
        format!(
            "This document unpacks to more than {} MB, more than can be read safely, so it was refused \
             (it may be a zip bomb). If it is a real document, save its text as a .txt file.",
            limits.max_inflated_bytes.div_ceil(1024 * 1024)
        ),
    )
}

// ---------------------------------------------------------------------------
// The XML parts.

/// Namespaces of WordprocessingML (transitional and strict) and of markup
/// compatibility (`mc:AlternateContent`).
const WORD_NAMESPACES: [&[u8]; 2] = [
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
];
const COMPATIBILITY_NAMESPACE: &[u8] = b"http://schemas.openxmlformats.org/markup-compatibility/2006";

/// How many `basedOn` links are followed; Word's own chains are short, and
/// a cycle must end.
const MAX_STYLE_CHAIN: usize = 16;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Space {
    Word,
    Compatibility,
    Other,
}

fn space_of(resolved: &ResolveResult) -> Space {
    match resolved {
        ResolveResult::Bound(Namespace(ns)) if WORD_NAMESPACES.contains(ns) => Space::Word,
        ResolveResult::Bound(Namespace(ns)) if *ns == COMPATIBILITY_NAMESPACE => Space::Compatibility,
        _ => Space::Other,
    }
}

/// The unescaped value of the attribute with local name `name`.
fn attribute(element: &BytesStart, name: &[u8]) -> Option<String> {
    // Duplicate names are harmless here; checking them costs a hash set.
    element
        .attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::default()).ok().map(|v| v.into_owned()))
}

/// A `w:val` on/off property: present means on, unless its value says off.
fn is_on(element: &BytesStart) -> bool {
    !matches!(attribute(element, b"val").as_deref(), Some("0" | "false" | "off"))
}

/// Namespace declarations that may be in scope at once. The XML reader looks
/// each element's prefix up through every binding in scope, so thousands of
/// declarations would make every element cost thousands of steps. Word
/// declares about 40, on the root.
const MAX_NAMESPACES_IN_SCOPE: usize = 128;

/// Counts the namespace declarations in scope, to enforce
/// [`MAX_NAMESPACES_IN_SCOPE`].
#[derive(Debug, Default)]
struct NamespaceScope {
    declared_by_open_elements: Vec<usize>,
    in_scope: usize,
}

impl NamespaceScope {
    fn enter(&mut self, element: &BytesStart, is_empty: bool) -> Result<(), Error> {
        let declared = element
            .attributes()
            .with_checks(false)
            .flatten()
            .filter(|a| a.key.as_namespace_binding().is_some())
            .count();
        if self.in_scope + declared > MAX_NAMESPACES_IN_SCOPE {
            return Err(damaged());
        }
        if !is_empty {
            self.declared_by_open_elements.push(declared);
            self.in_scope += declared;
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.in_scope -= self.declared_by_open_elements.pop().unwrap_or(0);
    }

    /// Tracks `event`, refusing it when it would declare too many namespaces.
    fn track(&mut self, event: &Event) -> Result<(), Error> {
        match event {
            Event::Start(e) => self.enter(e, false),
            Event::Empty(e) => self.enter(e, true),
            Event::End(_) => {
                self.leave();
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

/// What a paragraph style makes of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ParagraphRole {
    Title,
    Heading(u8),
    /// A table-of-contents entry: a copy of the headings, with page numbers.
    Contents,
    Body,
}

/// Reads a style name (or, lacking styles.xml, a style id) the way Word and
/// WPS spell their built-in styles.
fn role_from_name(name: &str) -> Option<ParagraphRole> {
    let compact: String = name.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
    if compact == "title" || compact == "标题" {
        return Some(ParagraphRole::Title);
    }
    if compact.starts_with("toc") || compact.starts_with("目录") {
        return Some(ParagraphRole::Contents);
    }
    ["heading", "标题"].iter().find_map(|prefix| {
        let level: u8 = compact.strip_prefix(prefix)?.parse().ok()?;
        (1..=9).contains(&level).then_some(ParagraphRole::Heading(level.min(6)))
    })
}

/// Outline level 0–8 is a heading level; 9 is body text.
fn role_from_outline(level: u8) -> ParagraphRole {
    if level <= 8 {
        ParagraphRole::Heading((level + 1).min(6))
    } else {
        ParagraphRole::Body
    }
}

/// What one style sets itself, before inheritance.
#[derive(Debug, Default, Clone)]
struct Style {
    role: Option<ParagraphRole>,
    outline: Option<u8>,
    numbered: Option<bool>,
    bold: Option<bool>,
    based_on: Option<String>,
}

/// The document's styles, by style id.
#[derive(Debug, Default)]
struct Styles {
    by_id: HashMap<String, Style>,
}

impl Styles {
    /// The first value `pick` finds along the `basedOn` chain from `id`.
    fn inherited<T>(&self, id: &str, pick: impl Fn(&Style) -> Option<T>) -> Option<T> {
        let mut style = self.by_id.get(id)?;
        for _ in 0..MAX_STYLE_CHAIN {
            if let Some(value) = pick(style) {
                return Some(value);
            }
            style = self.by_id.get(style.based_on.as_deref()?)?;
        }
        None
    }

    fn paragraph_role(&self, id: &str) -> Option<ParagraphRole> {
        if !self.by_id.contains_key(id) {
            return role_from_name(id);
        }
        self.inherited(id, |s| s.role.or(s.outline.map(role_from_outline)))
    }

    fn numbered(&self, id: &str) -> Option<bool> {
        self.inherited(id, |s| s.numbered)
    }

    fn bold(&self, id: &str) -> bool {
        self.inherited(id, |s| s.bold).unwrap_or(false)
    }
}

fn read_styles(xml: &[u8]) -> Option<Styles> {
    let mut styles = Styles::default();
    let mut reader = NsReader::from_reader(xml);
    let mut namespaces = NamespaceScope::default();
    let mut current: Option<(String, Style)> = None;
    let (mut in_paragraph_properties, mut in_run_properties) = (false, false);
    loop {
        let (resolved, event) = reader.read_resolved_event().ok()?;
        namespaces.track(&event).ok()?;
        if space_of(&resolved) != Space::Word && !matches!(event, Event::Eof) {
            continue;
        }
        match event {
            Event::Eof => return Some(styles),
            Event::Start(e) if e.local_name().as_ref() == b"style" => {
                current = attribute(&e, b"styleId").map(|id| (id, Style::default()));
            }
            Event::End(e) if e.local_name().as_ref() == b"style" => {
                if let Some((id, style)) = current.take() {
                    styles.by_id.insert(id, style);
                }
            }
            Event::Start(e) | Event::Empty(e) => {
                let Some((_, style)) = current.as_mut() else { continue };
                match e.local_name().as_ref() {
                    b"name" => style.role = attribute(&e, b"val").as_deref().and_then(role_from_name),
                    b"basedOn" => style.based_on = attribute(&e, b"val"),
                    b"pPr" => in_paragraph_properties = true,
                    b"rPr" => in_run_properties = true,
                    b"outlineLvl" if in_paragraph_properties => {
                        style.outline = attribute(&e, b"val").and_then(|v| v.parse().ok());
                    }
                    b"numId" if in_paragraph_properties => {
                        style.numbered = attribute(&e, b"val").map(|v| v != "0");
                    }
                    b"b" if in_run_properties => style.bold = Some(is_on(&e)),
                    _ => {}
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"pPr" => in_paragraph_properties = false,
                b"rPr" => in_run_properties = false,
                _ => {}
            },
            _ => {}
        }
    }
}

/// What a block of the output is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BlockKind {
    Title,
    Heading(u8),
    Item,
    Paragraph,
    /// A table row; its text is the filled cells joined by " | ".
    Row,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Block {
    kind: BlockKind,
    /// Inline Markdown (bold only), lines separated by `\n`.
    text: String,
}

/// A stretch of a paragraph's text, bold or not.
#[derive(Debug)]
struct Span {
    text: String,
    bold: bool,
}

/// A run (`w:r`) being read.
#[derive(Debug, Default)]
struct Run {
    in_properties: bool,
    in_text: bool,
    direct_bold: Option<bool>,
    style_bold: bool,
    hidden: bool,
}

/// A paragraph (`w:p`) being read.
#[derive(Debug, Default)]
struct Paragraph {
    in_properties: bool,
    style: Option<String>,
    outline: Option<u8>,
    numbered: Option<bool>,
    run: Option<Run>,
    spans: Vec<Span>,
}

impl Paragraph {
    fn push_text(&mut self, text: &str) {
        let bold = self.run.as_ref().is_some_and(|r| r.direct_bold.unwrap_or(r.style_bold));
        match self.spans.last_mut() {
            Some(last) if last.bold == bold => last.text.push_str(text),
            _ => self.spans.push(Span { text: text.to_string(), bold }),
        }
    }

    fn into_block(self, styles: &Styles) -> Option<Block> {
        let style_role = || self.style.as_deref().and_then(|id| styles.paragraph_role(id));
        let role = self.outline.map(role_from_outline).or_else(style_role).unwrap_or(ParagraphRole::Body);
        let numbered = || self.numbered.or_else(|| styles.numbered(self.style.as_deref()?)).unwrap_or(false);
        let kind = match role {
            ParagraphRole::Contents => return None,
            ParagraphRole::Title => BlockKind::Title,
            ParagraphRole::Heading(level) => BlockKind::Heading(level),
            ParagraphRole::Body if numbered() => BlockKind::Item,
            ParagraphRole::Body => BlockKind::Paragraph,
        };
        let text = match kind {
            BlockKind::Title | BlockKind::Heading(_) => {
                one_line(&self.spans.iter().map(|s| s.text.as_str()).collect::<String>())
            }
            _ => with_bold_marks(&self.spans),
        };
        (!text.trim().is_empty()).then_some(Block { kind, text })
    }
}

/// Text on one line, for headings and table cells.
fn one_line(text: &str) -> String {
    text.split(['\n', '\t']).map(str::trim).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Joins spans, wrapping each line of a bold span in `**`.
fn with_bold_marks(spans: &[Span]) -> String {
    let mut out = String::new();
    for span in spans {
        // A `*` inside would end the emphasis early: leave such runs plain.
        if !span.bold || span.text.contains('*') {
            out.push_str(&span.text);
            continue;
        }
        for (i, line) in span.text.split('\n').enumerate() {
            if i > 0 {
                out.push('\n');
            }
            let core = line.trim();
            if core.is_empty() {
                out.push_str(line);
                continue;
            }
            let start = line.len() - line.trim_start().len();
            out.push_str(&line[..start]);
            out.push_str("**");
            out.push_str(core);
            out.push_str("**");
            out.push_str(&line[start + core.len()..]);
        }
    }
    out
}

/// A table (`w:tbl`) being read: the cells of its current row, each the
/// blocks it holds.
#[derive(Debug, Default)]
struct Table {
    cells: Vec<Vec<Block>>,
}

/// The reading of `w:body`: paragraphs and tables nest (text boxes inside
/// paragraphs, tables inside cells), so each has an explicit stack instead
/// of recursion.
#[derive(Debug, Default)]
struct Body {
    blocks: Vec<Block>,
    paragraphs: Vec<Paragraph>,
    tables: Vec<Table>,
    /// Depth inside an element whose content is skipped (deleted text…).
    skipping: usize,
}

/// Elements whose whole content is not part of the document as it reads:
/// deleted or moved-away text, the old properties of tracked changes, and
/// content-control settings.
const SKIPPED: &[&[u8]] = &[
    b"del",
    b"moveFrom",
    b"pPrChange",
    b"rPrChange",
    b"sectPrChange",
    b"tblPrChange",
    b"trPrChange",
    b"tcPrChange",
    b"numberingChange",
    b"sdtPr",
];

impl Body {
    fn emit(&mut self, block: Block) {
        match self.tables.last_mut().and_then(|t| t.cells.last_mut()) {
            Some(cell) => cell.push(block),
            None => self.blocks.push(block),
        }
    }

    fn open(&mut self, element: &BytesStart, is_empty: bool, styles: &Styles) {
        let name = element.local_name();
        let name = name.as_ref();
        if !is_empty {
            if SKIPPED.contains(&name) {
                self.skipping = 1;
                return;
            }
            match name {
                b"p" => return self.paragraphs.push(Paragraph::default()),
                b"tbl" => return self.tables.push(Table::default()),
                b"tr" => return self.tables.last_mut().map_or((), |t| t.cells.clear()),
                b"tc" => return self.tables.last_mut().map_or((), |t| t.cells.push(Vec::new())),
                _ => {}
            }
        }
        let Some(paragraph) = self.paragraphs.last_mut() else { return };
        if paragraph.in_properties {
            match name {
                b"pStyle" => paragraph.style = attribute(element, b"val"),
                b"outlineLvl" => paragraph.outline = attribute(element, b"val").and_then(|v| v.parse().ok()),
                b"numId" => paragraph.numbered = attribute(element, b"val").map(|v| v != "0"),
                _ => {}
            }
            return;
        }
        if name == b"pPr" && !is_empty {
            paragraph.in_properties = true;
            return;
        }
        if name == b"r" && !is_empty {
            paragraph.run = Some(Run::default());
            return;
        }
        let Some(run) = paragraph.run.as_mut() else { return };
        if run.in_properties {
            match name {
                b"b" => run.direct_bold = Some(is_on(element)),
                b"vanish" => run.hidden = is_on(element),
                b"rStyle" => run.style_bold = attribute(element, b"val").is_some_and(|id| styles.bold(&id)),
                _ => {}
            }
            return;
        }
        let hidden = run.hidden;
        match name {
            b"rPr" if !is_empty => run.in_properties = true,
            b"t" if !is_empty => run.in_text = true,
            b"tab" | b"ptab" if !hidden => paragraph.push_text("\t"),
            b"br" | b"cr" if !hidden => paragraph.push_text("\n"),
            b"noBreakHyphen" if !hidden => paragraph.push_text("-"),
            _ => {}
        }
    }

    fn close(&mut self, name: &[u8], styles: &Styles) {
        match name {
            b"p" => {
                if let Some(block) = self.paragraphs.pop().and_then(|p| p.into_block(styles)) {
                    self.emit(block);
                }
            }
            b"tbl" => {
                self.tables.pop();
            }
            b"tr" => {
                let cells = self.tables.last_mut().map(|t| std::mem::take(&mut t.cells)).unwrap_or_default();
                self.emit_row(cells);
            }
            _ => {
                let Some(paragraph) = self.paragraphs.last_mut() else { return };
                match name {
                    b"pPr" => paragraph.in_properties = false,
                    b"r" => paragraph.run = None,
                    b"rPr" => paragraph.run.as_mut().map_or((), |r| r.in_properties = false),
                    b"t" => paragraph.run.as_mut().map_or((), |r| r.in_text = false),
                    _ => {}
                }
            }
        }
    }

    /// A row with one filled cell keeps that cell's blocks (a layout frame
    /// or a merged caption row); others become one line of cells.
    fn emit_row(&mut self, cells: Vec<Vec<Block>>) {
        let mut filled: Vec<Vec<Block>> = cells.into_iter().filter(|c| !c.is_empty()).collect();
        if filled.len() <= 1 {
            for block in filled.pop().unwrap_or_default() {
                self.emit(block);
            }
            return;
        }
        let cells: Vec<String> = filled
            .iter()
            .map(|blocks| blocks.iter().map(|b| one_line(&b.text)).collect::<Vec<_>>().join(" "))
            .collect();
        self.emit(Block { kind: BlockKind::Row, text: cells.join(" | ") });
    }

    fn text(&mut self, text: &str) {
        if let Some(paragraph) = self.paragraphs.last_mut() {
            if paragraph.run.as_ref().is_some_and(|r| r.in_text && !r.hidden) {
                // Word shows a line break or tab typed inside w:t as a space.
                paragraph.push_text(&text.replace(['\n', '\r', '\t'], " "));
            }
        }
    }
}

/// Reads the main document part into blocks.
fn read_body(xml: &[u8], styles: &Styles) -> Result<Vec<Block>, Error> {
    let mut reader = NsReader::from_reader(xml);
    let mut body = Body::default();
    let mut namespaces = NamespaceScope::default();
    let mut seen_root = false;
    loop {
        let (resolved, event) = reader.read_resolved_event().map_err(|_| damaged())?;
        let space = space_of(&resolved);
        namespaces.track(&event)?;
        if body.skipping > 0 {
            match event {
                Event::Start(_) => body.skipping += 1,
                Event::End(_) => body.skipping -= 1,
                Event::Eof => break,
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(e) | Event::Empty(e) if !seen_root => {
                if space != Space::Word || e.local_name().as_ref() != b"document" {
                    return Err(Error::new(
                        ErrorKind::UnsupportedArchive,
                        "This archive is not a Word document: its main part holds no Word text.",
                    ));
                }
                seen_root = true;
            }
            // The fallback is a second copy of a drawing, for older readers.
            Event::Start(e) if space == Space::Compatibility && e.local_name().as_ref() == b"Fallback" => {
                body.skipping = 1;
            }
            Event::Start(e) if space == Space::Word => body.open(&e, false, styles),
            Event::Empty(e) if space == Space::Word => body.open(&e, true, styles),
            Event::End(e) if space == Space::Word => body.close(e.local_name().as_ref(), styles),
            Event::Text(text) => body.text(&String::from_utf8_lossy(&text)),
            Event::CData(text) => body.text(&String::from_utf8_lossy(&text)),
            Event::GeneralRef(reference) => {
                if let Some(text) = resolve_reference(&reference) {
                    body.text(&text);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !seen_root {
        return Err(damaged());
    }
    Ok(body.blocks)
}

/// The text of a character reference or predefined entity; others (which
/// only a DTD could define) are dropped rather than expanded.
fn resolve_reference(reference: &BytesRef) -> Option<String> {
    if reference.is_char_ref() {
        return reference.resolve_char_ref().ok().flatten().map(String::from);
    }
    let name = reference.decode().ok()?;
    quick_xml::escape::resolve_predefined_entity(&name).map(str::to_string)
}

/// Writes blocks as Markdown-shaped text, separated by blank lines.
fn render(blocks: &[Block]) -> String {
    // Under a Title, Heading 1 is a section, one level below it.
    let shift = u8::from(blocks.iter().any(|b| b.kind == BlockKind::Title));
    let mut out = String::new();
    for block in blocks {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        match block.kind {
            BlockKind::Title => out.push_str("# "),
            BlockKind::Heading(level) => {
                out.push_str(&"#".repeat(usize::from((level + shift).min(6))));
                out.push(' ');
            }
            BlockKind::Item => out.push_str("- "),
            BlockKind::Row => out.push_str("| "),
            BlockKind::Paragraph => {}
        }
        out.push_str(&block.text);
        if block.kind == BlockKind::Row {
            out.push_str(" |");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use zip::write::SimpleFileOptions;
    use zip::{CompressionMethod, DateTime, ZipWriter};

    use super::*;

    const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#;

    const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

    const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/" TargetMode="External"/></Relationships>"#;

    /// Styles as Chinese Word writes them: numeric ids, English names.
    const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:b/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="paragraph" w:styleId="MyHead"><w:name w:val="Section Head"/><w:basedOn w:val="1"/></w:style>
<w:style w:type="paragraph" w:styleId="Outline3"><w:name w:val="Custom"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="10"><w:name w:val="toc 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Loop1"><w:name w:val="Loop One"/><w:basedOn w:val="Loop2"/></w:style>
<w:style w:type="paragraph" w:styleId="Loop2"><w:name w:val="Loop Two"/><w:basedOn w:val="Loop1"/></w:style>
<w:style w:type="character" w:styleId="a6"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
</w:styles>"#;

    fn document_xml(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"><w:body>{body}<w:sectPr/></w:body></w:document>"#
        )
    }

    /// A ZIP archive of `entries`, deflated as Word does, with a fixed date
    /// so the same entries always give the same bytes.
    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .last_modified_time(DateTime::default());
        for (name, data) in entries {
            writer.start_file(*name, options).unwrap();
            writer.write_all(data).unwrap();
        }
        writer.finish().unwrap().into_inner()
    }

    /// A .docx whose body is `body`, with or without styles.xml.
    fn docx(body: &str, with_styles: bool) -> Vec<u8> {
        let document = document_xml(body);
        let mut entries: Vec<(&str, &[u8])> = vec![
            ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
            ("_rels/.rels", PACKAGE_RELS.as_bytes()),
            ("word/document.xml", document.as_bytes()),
        ];
        if with_styles {
            entries.push(("word/_rels/document.xml.rels", DOCUMENT_RELS.as_bytes()));
            entries.push(("word/styles.xml", STYLES.as_bytes()));
        }
        zip_of(&entries)
    }

    fn paragraph(style: &str, text: &str) -> String {
        let properties =
            if style.is_empty() { String::new() } else { format!(r#"<w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#) };
        format!(r#"<w:p>{properties}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
    }

    fn cell(text: &str) -> String {
        format!("<w:tc><w:tcPr/>{}</w:tc>", paragraph("", text))
    }

    fn extract_default(bytes: &[u8]) -> Result<String, Error> {
        extract(bytes, &ArchiveLimits::default())
    }

    /// A Chinese news article with what Word puts around text: styles by
    /// numeric id, tracked changes, a hyperlink, a smart tag, a bold figure,
    /// a list, a table, a text box and a table of contents.
    fn chinese_article() -> String {
        [
            paragraph("a3", "成渝中线高铁重庆段建设提速"),
            paragraph("10", "项目概况\t1"),
            paragraph("1", "项目概况"),
            concat!(
                r#"<w:p><w:r><w:t>本报讯 11月20日，</w:t></w:r>"#,
                r#"<w:hyperlink r:id="rId2" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:r><w:t>重庆市发展改革委</w:t></w:r></w:hyperlink>"#,
                r#"<w:ins w:id="1" w:author="编辑"><w:r><w:t>发布消息：</w:t></w:r></w:ins>"#,
                r#"<w:del w:id="2" w:author="编辑"><w:r><w:delText>旧的说法。</w:delText></w:r></w:del>"#,
                r#"<w:smartTag w:uri="urn:x" w:element="place"><w:r><w:t>成渝</w:t></w:r></w:smartTag>"#,
                r#"<w:r><w:t>中线高铁</w:t></w:r>"#,
                r#"<w:r><w:rPr><w:b/></w:rPr><w:t>总投资额</w:t></w:r><w:r><w:rPr><w:rStyle w:val="a6"/></w:rPr><w:t>510亿元</w:t></w:r>"#,
                r#"<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏批注</w:t></w:r>"#,
                r#"<w:r><w:t>，其中重庆段约210亿元。</w:t></w:r></w:p>"#,
            )
            .to_string(),
            r#"<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:tab/><w:t>R&amp;D &#x4E2D;</w:t></w:r></w:p>"#.to_string(),
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>全线完成投资156亿元；</w:t></w:r></w:p>"#.to_string(),
            paragraph("a5", "控制性工程开工率达到85%。"),
            r#"<w:p><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>不再编号的段落。</w:t></w:r></w:p>"#.to_string(),
            paragraph("MyHead", "建设进展"),
            format!(
                "<w:tbl><w:tblPr/><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr><w:tr>{}<w:tc/></w:tr></w:tbl>",
                cell("区段"),
                cell("投资（亿元）"),
                cell("重庆段"),
                cell("210"),
                cell("表注：数据为初步统计。"),
            ),
            concat!(
                r#"<w:p><w:r><w:t>图文：</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>"#,
                r#"<w:p><w:r><w:t>文本框里的话。</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>"#,
                r#"<mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>文本框里的话。</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback>"#,
                r#"</mc:AlternateContent></w:r><w:r><w:t>框外的字。</w:t></w:r></w:p>"#,
            )
            .to_string(),
            paragraph("Outline3", "大纲三级"),
            paragraph("Loop1", "样式循环不会卡住。"),
            "<w:p/><w:p><w:r><w:t>  </w:t></w:r></w:p>".to_string(),
        ]
        .concat()
    }

    #[test]
    fn chinese_article_keeps_headings_paragraphs_lists_and_tables() {
        let text = extract_default(&docx(&chinese_article(), true)).unwrap();
        let expected = [
            "# 成渝中线高铁重庆段建设提速",
            "## 项目概况",
            "本报讯 11月20日，重庆市发展改革委发布消息：成渝中线高铁**总投资额510亿元**，其中重庆段约210亿元。",
            "第一行\n第二行\tR&D 中",
            "- 全线完成投资156亿元；",
            "- 控制性工程开工率达到85%。",
            "不再编号的段落。",
            "## 建设进展",
            "| 区段 | 投资（亿元） |",
            "| 重庆段 | 210 |",
            "表注：数据为初步统计。",
            "文本框里的话。",
            "图文：框外的字。",
            "#### 大纲三级",
            "样式循环不会卡住。",
        ]
        .join("\n\n");
        assert_eq!(text, expected);
    }

    #[test]
    fn the_document_stage_reads_the_title_headings_and_bold_figure() {
        let text = extract_default(&docx(&chinese_article(), true)).unwrap();
        let document = crate::document::parse(&text);
        assert_eq!(document.title_text(), Some("成渝中线高铁重庆段建设提速"));
        let headings: Vec<&str> = (0..document.blocks.len())
            .filter(|&i| matches!(document.blocks[i].role, crate::document::Role::Heading(_)))
            .map(|i| document.block_text(i))
            .collect();
        for heading in ["项目概况", "建设进展", "大纲三级"] {
            assert!(headings.contains(&heading), "{heading} in {headings:?}");
        }
        let bold: Vec<&str> = document.bold.iter().map(|r| &document.text[r.clone()]).collect();
        assert_eq!(bold, ["总投资额510亿元"]);
        assert!(!document.text.contains("旧的说法"));
        assert!(!document.text.contains("隐藏批注"));
    }

    #[test]
    fn english_headings_are_found_by_style_id_without_styles_xml() {
        let body = [
            paragraph("Heading1", "Rail Link Gets Go-Ahead"),
            paragraph("", "The city approved the line on Tuesday, at a cost of $5.1 billion."),
            paragraph("Heading2", "Funding"),
            r#"<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>Outlined</w:t></w:r></w:p>"#.to_string(),
            paragraph("BodyText", "Half comes from the state."),
        ]
        .concat();
        let text = extract_default(&docx(&body, false)).unwrap();
        assert_eq!(
            text,
            "# Rail Link Gets Go-Ahead\n\nThe city approved the line on Tuesday, at a cost of $5.1 billion.\n\n\
             ## Funding\n\n## Outlined\n\nHalf comes from the state."
        );
    }

    #[test]
    fn a_one_cell_layout_table_keeps_its_headings_and_paragraphs() {
        let frame = format!(
            "<w:tbl><w:tr><w:tc>{}{}{}</w:tc></w:tr></w:tbl>",
            paragraph("Heading1", "框内标题"),
            paragraph("", "框内第一段。"),
            paragraph("", "框内第二段。"),
        );
        assert_eq!(extract_default(&docx(&frame, false)).unwrap(), "# 框内标题\n\n框内第一段。\n\n框内第二段。");
    }

    #[test]
    fn strict_ooxml_is_read_like_transitional() {
        let strict = document_xml(&paragraph("Heading1", "Strict")).replace(
            "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
            "http://purl.oclc.org/ooxml/wordprocessingml/main",
        );
        let bytes = zip_of(&[("word/document.xml", strict.as_bytes())]);
        assert_eq!(extract_default(&bytes).unwrap(), "# Strict");
    }

    #[test]
    fn style_names_in_word_and_wps_spellings() {
        assert_eq!(role_from_name("heading 1"), Some(ParagraphRole::Heading(1)));
        assert_eq!(role_from_name("Heading3"), Some(ParagraphRole::Heading(3)));
        assert_eq!(role_from_name("标题 2"), Some(ParagraphRole::Heading(2)));
        assert_eq!(role_from_name("heading 8"), Some(ParagraphRole::Heading(6)));
        assert_eq!(role_from_name("标题"), Some(ParagraphRole::Title));
        assert_eq!(role_from_name("TOC Heading"), Some(ParagraphRole::Contents));
        assert_eq!(role_from_name("Normal"), None);
        assert_eq!(role_from_name("heading 10"), None);
    }

    #[test]
    fn main_part_is_found_through_the_package_relationships() {
        let rels = PACKAGE_RELS.replace("word/document.xml", "/word/main.xml");
        let document = document_xml(&paragraph("", "放在别处的正文。"));
        let bytes = zip_of(&[("_rels/.rels", rels.as_bytes()), ("word/main.xml", document.as_bytes())]);
        assert_eq!(extract_default(&bytes).unwrap(), "放在别处的正文。");
        assert_eq!(resolve_part_path("word/", "../customXml/item1.xml"), "customXml/item1.xml");
        assert_eq!(resolve_part_path("word/", "/word/styles.xml"), "word/styles.xml");
    }

    /// A deflate stream of `copies` MiB of zeros, built from one compressed
    /// MiB repeated: a sync flush ends each copy on a byte boundary without
    /// ending the stream, and back-references only ever reach zeros.
    fn zeros_deflated(copies: usize) -> Vec<u8> {
        use flate2::{Compress, Compression, FlushCompress};
        let mut compress = Compress::new(Compression::best(), false);
        let mut chunk = Vec::with_capacity(64 * 1024);
        compress.compress_vec(&vec![0u8; 1 << 20], &mut chunk, FlushCompress::Sync).unwrap();
        let mut end = Vec::with_capacity(64);
        compress.compress_vec(&[], &mut end, FlushCompress::Finish).unwrap();
        let mut stream = chunk.repeat(copies);
        stream.extend_from_slice(&end);
        stream
    }

    /// One deflated entry written by hand, so its header can lie about the
    /// size it inflates to (and its checksum, which is never reached).
    fn zip_with_raw_entry(name: &str, deflated: &[u8], declared_size: u32) -> Vec<u8> {
        let mut out = Vec::new();
        let common = |out: &mut Vec<u8>| {
            out.extend_from_slice(&20u16.to_le_bytes()); // version needed
            out.extend_from_slice(&0u16.to_le_bytes()); // flags
            out.extend_from_slice(&8u16.to_le_bytes()); // deflate
            out.extend_from_slice(&[0, 0, 0x21, 0]); // time, date: 1980-01-01
            out.extend_from_slice(&0u32.to_le_bytes()); // crc
            out.extend_from_slice(&(deflated.len() as u32).to_le_bytes());
            out.extend_from_slice(&declared_size.to_le_bytes());
            out.extend_from_slice(&(name.len() as u16).to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes()); // extra length
        };
        out.extend_from_slice(b"PK\x03\x04");
        common(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(deflated);
        let directory_start = out.len();
        out.extend_from_slice(b"PK\x01\x02");
        out.extend_from_slice(&20u16.to_le_bytes()); // version made by
        common(&mut out);
        out.extend_from_slice(&[0; 14]); // comment length, disk, attributes, local header offset 0
        out.extend_from_slice(name.as_bytes());
        let directory_len = out.len() - directory_start;
        out.extend_from_slice(b"PK\x05\x06");
        out.extend_from_slice(&[0; 4]);
        out.extend_from_slice(&1u16.to_le_bytes());
        out.extend_from_slice(&1u16.to_le_bytes());
        out.extend_from_slice(&(directory_len as u32).to_le_bytes());
        out.extend_from_slice(&(directory_start as u32).to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out
    }

    #[test]
    fn a_zip_bomb_is_refused_without_inflating_it_all() {
        // 300 MiB of zeros in about 300 KB, declaring it holds 2 KB.
        let bomb = zip_with_raw_entry("word/document.xml", &zeros_deflated(300), 2048);
        assert!(bomb.len() < 1 << 20, "the bomb itself stays small: {} bytes", bomb.len());
        let limits = ArchiveLimits { max_inflated_bytes: 8 << 20, ..ArchiveLimits::default() };
        let err = extract(&bomb, &limits).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::ArchiveTooLarge, "{err}");
        assert!(err.to_string().contains("more than 8 MB"), "{err}");
        assert!(err.to_string().contains("zip bomb"), "{err}");
    }

    #[test]
    fn the_inflated_budget_counts_every_part_read() {
        let bytes = docx(&paragraph("", "短文。"), true);
        let document_len = document_xml(&paragraph("", "短文。")).len() as u64;
        // Enough for the document alone, not with its styles and relationships.
        let limits = ArchiveLimits { max_inflated_bytes: document_len + 10, ..ArchiveLimits::default() };
        assert_eq!(extract(&bytes, &limits).unwrap_err().kind(), ErrorKind::ArchiveTooLarge);
        let roomy = ArchiveLimits { max_inflated_bytes: 64 * 1024, ..ArchiveLimits::default() };
        assert_eq!(extract(&bytes, &roomy).unwrap(), "短文。");
    }

    #[test]
    fn too_many_entries_are_refused_before_the_directory_is_read() {
        let names: Vec<String> = (0..=10_000).map(|i| format!("media/{i}.bin")).collect();
        let mut entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
        let document = document_xml(&paragraph("", "正文。"));
        entries.push(("word/document.xml", document.as_bytes()));
        let bytes = zip_of(&entries);
        assert_eq!(declared_entry_count(&bytes), Some(10_002));
        let err = extract_default(&bytes).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::ArchiveTooLarge);
        assert!(err.to_string().contains("more than 10000 files"), "{err}");
        let roomy = ArchiveLimits { max_entries: 20_000, ..ArchiveLimits::default() };
        assert_eq!(extract(&bytes, &roomy).unwrap(), "正文。");
    }

    #[test]
    fn archives_that_are_not_word_documents_say_what_they_are() {
        let workbook = zip_of(&[("[Content_Types].xml", b"<Types/>"), ("xl/workbook.xml", b"<workbook/>")]);
        let err = extract_default(&workbook).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::UnsupportedArchive);
        assert!(err.to_string().contains("an Excel workbook, not a Word document"), "{err}");

        let photos = zip_of(&[("holiday/1.jpg", b"\xff\xd8\xff")]);
        let err = extract_default(&photos).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::UnsupportedArchive);
        assert!(err.to_string().starts_with("This archive is not a Word document"), "{err}");

        let impostor = zip_of(&[("word/document.xml", b"<html><body>not word</body></html>")]);
        assert_eq!(extract_default(&impostor).unwrap_err().kind(), ErrorKind::UnsupportedArchive);
    }

    #[test]
    fn broken_xml_is_reported_as_damaged() {
        let unclosed = document_xml("<w:p><w:r><w:t>未闭合</w:r></w:p>");
        let bytes = zip_of(&[("word/document.xml", unclosed.as_bytes())]);
        assert_eq!(extract_default(&bytes).unwrap_err().kind(), ErrorKind::Damaged);
        assert_eq!(extract_default(b"PK\x03\x04 not really").unwrap_err().kind(), ErrorKind::Damaged);
        assert_eq!(extract_default(b"").unwrap_err().kind(), ErrorKind::Damaged);
    }

    #[test]
    fn hostile_xml_is_read_without_blowing_up() {
        // 100 000 attributes before the one read are skipped, not collected.
        let attributes: String = (0..100_000).map(|i| format!(" a{i}=\"\"")).collect();
        let body =
            format!(r#"<w:p><w:pPr><w:pStyle{attributes} w:val="Heading1"/></w:pPr><w:r><w:t>标题</w:t></w:r></w:p>"#);
        assert_eq!(extract_default(&docx(&body, false)).unwrap(), "# 标题");

        // Every element's prefix is looked up through the bindings in scope.
        let declarations: String = (0..200).map(|i| format!(" xmlns:p{i}=\"urn:{i}\"")).collect();
        let flooded = document_xml(&format!("<w:p{declarations}/>"));
        let bytes = zip_of(&[("word/document.xml", flooded.as_bytes())]);
        assert_eq!(extract_default(&bytes).unwrap_err().kind(), ErrorKind::Damaged);
    }

    #[test]
    fn truncated_and_corrupted_archives_never_panic() {
        let bytes = docx(&chinese_article(), true);
        for len in (0..bytes.len()).step_by(3) {
            let err = extract_default(&bytes[..len]).unwrap_err();
            assert!(!err.to_string().is_empty());
        }
        // A fixed linear congruential sequence: the same corruptions each run.
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize
        };
        for _ in 0..2_000 {
            let mut corrupt = bytes.clone();
            for _ in 0..1 + next() % 4 {
                let at = next() % corrupt.len();
                corrupt[at] = next() as u8;
            }
            // Any outcome but a panic is fine: some bytes (a file comment,
            // a date) change nothing a reader sees.
            let _ = extract_default(&corrupt);
        }
    }

    const SAMPLE_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sample.docx");

    /// The body of `tests/fixtures/sample.docx`: a short Chinese news story
    /// with a title, a heading, a bold figure, a list and a table.
    fn sample_body() -> String {
        [
            paragraph("a3", "成渝中线高铁重庆段建设全面提速"),
            concat!(
                r#"<w:p><w:r><w:t>本报讯（记者 张亦筑）11月20日，记者从重庆市发展改革委获悉，成渝中线高铁重庆段建设全面提速。该项目线路全长约292公里，设计时速350公里，</w:t></w:r>"#,
                r#"<w:r><w:rPr><w:b/></w:rPr><w:t>总投资额510亿元</w:t></w:r>"#,
                r#"<w:r><w:t>，其中重庆段投资约210亿元。</w:t></w:r></w:p>"#,
            )
            .to_string(),
            paragraph("", "项目建成后，重庆至成都的旅行时间将缩短至1小时以内，预计年均客运量超过4000万人次，将有力带动沿线城市发展。"),
            paragraph("1", "建设进展"),
            paragraph("a5", "全线已完成投资156亿元，占总投资的30.6%。"),
            paragraph("a5", "桥梁、隧道等控制性工程开工率达到85%。"),
            format!(
                "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
                cell("区段"),
                cell("投资（亿元）"),
                cell("重庆段"),
                cell("210"),
                cell("四川段"),
                cell("300"),
            ),
            paragraph("", "市发展改革委有关负责人表示，将加快推进征地拆迁等工作，确保项目按期建成通车。"),
        ]
        .concat()
    }

    /// Rewrites the fixture: `cargo test --lib write_sample_docx -- --ignored`.
    #[test]
    #[ignore = "writes tests/fixtures/sample.docx"]
    fn write_sample_docx() {
        std::fs::write(SAMPLE_PATH, docx(&sample_body(), true)).unwrap();
    }

    #[test]
    fn the_sample_fixture_reads_as_its_generator_wrote_it() {
        let committed = std::fs::read(SAMPLE_PATH).expect("tests/fixtures/sample.docx is committed");
        let text = extract_default(&committed).unwrap();
        assert_eq!(text, extract_default(&docx(&sample_body(), true)).unwrap());
        assert!(text.starts_with("# 成渝中线高铁重庆段建设全面提速\n\n本报讯"), "{text}");
        assert!(text.contains("**总投资额510亿元**"), "{text}");
        assert!(text.contains("\n\n## 建设进展\n\n- 全线已完成投资156亿元"), "{text}");
        assert!(text.contains("\n\n| 四川段 | 300 |\n\n"), "{text}");
    }
}
