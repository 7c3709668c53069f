//! The HTML reader: a saved web page in, its main article out as Markdown.
//!
//! The page is parsed with `html5ever` (the WHATWG parsing algorithm, so
//! malformed markup is repaired the way browsers repair it) into a small
//! arena tree of our own. The article is then found by scoring:
//!
//! * Scripts, styles, templates, forms controls, hidden nodes, navigation,
//!   footers, asides and blocks whose class or id says they are share bars,
//!   cookie banners, comment threads, related links or ads are set aside.
//! * Every paragraph-like block scores by its length and its punctuation
//!   (`,` and Chinese `，、。`), and passes its score on to its ancestors,
//!   less at each step. A container scores higher for class/id hints such as
//!   `article`, `content` or `post`, lower for `comment`, `sidebar`, `share`,
//!   and in proportion to how little of its text is link text.
//! * The best container, with the siblings that score close to it, is the
//!   article; inside it, link lists, galleries and forms are dropped again.
//!
//! The result is Markdown-shaped text the document stage reads: `# Title`,
//! `##` headings, paragraphs separated by blank lines, `- ` list items.
//!
//! Limits: no CSS is applied (only `hidden`, inline `display:none` and
//! `aria-hidden` are honoured), nothing is fetched, pages split over several
//! URLs give only the part at hand, and a page made mostly of links (a
//! front page) gives its largest block of text, which may not be an article.
//! Every walk over the tree uses explicit stacks or parent links, so a
//! deeply nested page cannot overflow the stack.

use std::borrow::Cow;
use std::cell::{Ref, RefCell};
use std::sync::LazyLock;

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{local_name, ns, parse_document, Attribute, ParseOpts, QualName};

use crate::text::chars::is_han;

/// The article found in an HTML page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    /// The article's title, without the site name a `<title>` often carries.
    pub title: Option<String>,
    /// The title as `# Title`, then the article's blocks separated by blank lines.
    pub markdown: String,
}

/// Finds the main article of an HTML page and returns it as Markdown.
///
/// Never fails: a page without an article gives an empty `markdown`.
pub fn extract(html: &str) -> Extracted {
    extract_from(&Dom::parse(html))
}

fn extract_from(dom: &Dom) -> Extracted {
    let order = dom.subtree(DOCUMENT);
    let title = find_title(dom, &order);
    // Strict settings first; pages whose article hides behind unlucky class
    // names get a second and third look with fewer rules, and the longest
    // reading wins, as the strict one can only lose text.
    let mut best = String::new();
    for rules in [Rules::STRICT, Rules::NO_UNLIKELY, Rules::LENIENT] {
        let body = article_markdown(dom, &order, rules, title.as_deref());
        if body.chars().count() > best.chars().count() {
            best = body;
        }
        if best.chars().count() >= ENOUGH_TEXT {
            break;
        }
    }
    let mut markdown = String::new();
    if let Some(title) = &title {
        markdown.push_str("# ");
        markdown.push_str(title);
        markdown.push_str("\n\n");
    }
    markdown.push_str(&best);
    Extracted { title, markdown }
}

/// The visible text of a whole page, block by block, with no article
/// detection: what a reader would select with Ctrl+A, minus scripts and
/// hidden nodes. The evaluation uses it to read reference outputs.
#[allow(dead_code)]
pub fn page_text(html: &str) -> String {
    let dom = Dom::parse(html);
    let skipped = skipped_nodes(&dom, &dom.subtree(DOCUMENT), Rules::LENIENT);
    let mut writer = Writer { plain: true, ..Writer::default() };
    writer.write(&dom, DOCUMENT, &skipped);
    writer.finish()
}

/// The encoding a page declares in a `<meta charset>` or
/// `<meta http-equiv="Content-Type">` near its start, as a browser's
/// prescan would find it. UTF-16 labels read as UTF-8, as the HTML standard
/// says: a page that was really UTF-16 would have a byte-order mark.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find_bytes(&lower[from..], b"<meta") {
        let start = from + at + 5;
        let end = lower[start..].iter().position(|&b| b == b'>').map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(label) = charset_in_meta(tag) {
            if let Some(encoding) = encoding_rs::Encoding::for_label(label) {
                return Some(if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
                    encoding_rs::UTF_8
                } else if encoding == encoding_rs::X_USER_DEFINED {
                    encoding_rs::WINDOWS_1252
                } else {
                    encoding
                });
            }
        }
        from = end;
    }
    None
}

/// How far into the bytes the charset prescan looks. The standard says 1024;
/// real pages put many `<link>` and `<script>` tags first, so look further.
const PRESCAN_BYTES: usize = 4096;

/// An article with fewer characters than this gets a second look
/// with fewer rules.
const ENOUGH_TEXT: usize = 500;

fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The charset label inside the attributes of a `<meta` tag, if any.
fn charset_in_meta(tag: &[u8]) -> Option<&[u8]> {
    let at = find_bytes(tag, b"charset")?;
    let mut rest = &tag[at + 7..];
    rest = trim_ascii_start(rest);
    rest = rest.strip_prefix(b"=")?;
    rest = trim_ascii_start(rest);
    let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
    let len = rest.iter().position(|&b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>')).unwrap_or(rest.len());
    (len > 0).then(|| &rest[..len])
}

fn trim_ascii_start(bytes: &[u8]) -> &[u8] {
    let skip = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &bytes[skip..]
}

// ---------------------------------------------------------------------------
// The tree.

type Id = usize;

/// The document node's id: the sink creates it first.
const DOCUMENT: Id = 0;

struct Node {
    parent: Option<Id>,
    first_child: Option<Id>,
    last_child: Option<Id>,
    prev_sibling: Option<Id>,
    next_sibling: Option<Id>,
    data: Data,
}

enum Data {
    /// The document, or the detached fragment holding a template's contents.
    Document,
    Element(Element),
    Text(String),
    /// Comments, processing instructions: kept in the tree only so the
    /// parser's handles stay valid; never read.
    Ignored,
}

struct Element {
    name: QualName,
    attrs: Vec<Attribute>,
    template_contents: Option<Id>,
}

/// A parsed page: nodes in an arena, linked by ids.
struct Dom {
    nodes: Vec<Node>,
}

impl Dom {
    fn parse(html: &str) -> Dom {
        parse_document(Sink::new(), ParseOpts::default()).one(within_nesting_limit(html))
    }

    fn element(&self, id: Id) -> Option<&Element> {
        match &self.nodes[id].data {
            Data::Element(element) => Some(element),
            _ => None,
        }
    }

    /// The lower-case local name of an element, or "" for other nodes.
    fn tag(&self, id: Id) -> &str {
        self.element(id).map_or("", |e| &e.name.local)
    }

    fn attr(&self, id: Id, name: &str) -> Option<&str> {
        let element = self.element(id)?;
        element.attrs.iter().find(|a| &*a.name.local == name).map(|a| &*a.value)
    }

    fn parent(&self, id: Id) -> Option<Id> {
        self.nodes[id].parent
    }

    fn children(&self, id: Id) -> impl Iterator<Item = Id> + '_ {
        std::iter::successors(self.nodes[id].first_child, move |&c| self.nodes[c].next_sibling)
    }

    /// Every node under `root` (itself included) in document order, found by
    /// following links rather than by recursion.
    fn subtree(&self, root: Id) -> Vec<Id> {
        let mut order = Vec::new();
        let mut at = Some(root);
        while let Some(id) = at {
            order.push(id);
            at = self.nodes[id].first_child.or_else(|| self.next_outside(id, root));
        }
        order
    }

    /// The next node in document order after `id`'s subtree, staying inside `root`.
    fn next_outside(&self, mut id: Id, root: Id) -> Option<Id> {
        loop {
            if id == root {
                return None;
            }
            if let Some(next) = self.nodes[id].next_sibling {
                return Some(next);
            }
            id = self.nodes[id].parent?;
        }
    }

    /// The whitespace-collapsed text under `root`, skipping set-aside nodes.
    fn text_of(&self, root: Id, skipped: &[bool]) -> String {
        let mut text = String::new();
        let mut at = Some(root);
        while let Some(id) = at {
            if skipped[id] {
                at = self.next_outside(id, root);
                continue;
            }
            if let Data::Text(t) = &self.nodes[id].data {
                text.push_str(t);
                text.push(' ');
            }
            at = self.nodes[id].first_child.or_else(|| self.next_outside(id, root));
        }
        collapse_spaces(&text)
    }

    /// The first element with this tag in document order.
    fn first_element(&self, order: &[Id], tag: &str) -> Option<Id> {
        order.iter().copied().find(|&id| self.tag(id) == tag)
    }
}

/// Open elements deeper than this end the page. The standard's tree
/// building scans the open elements for most block tags, so its time grows
/// with the square of the depth (100,000 nested `<div>`s take over a minute);
/// browsers cap the depth for the same reason, and no real page comes close.
const MAX_OPEN_ELEMENTS: usize = 4096;

/// Elements that are never open long: void elements, and those whose end
/// tag may be left out (an unclosed `<p>` or `<li>` closes at the next one).
const NEVER_NESTED: &[&[u8]] = &[
    b"area",
    b"base",
    b"br",
    b"col",
    b"embed",
    b"hr",
    b"img",
    b"input",
    b"link",
    b"meta",
    b"source",
    b"track",
    b"wbr",
    b"param",
    b"keygen",
    b"p",
    b"li",
    b"dt",
    b"dd",
    b"tr",
    b"td",
    b"th",
    b"option",
    b"optgroup",
    b"rb",
    b"rt",
    b"rp",
    b"thead",
    b"tbody",
    b"tfoot",
    b"colgroup",
    b"caption",
    b"html",
    b"head",
    b"body",
];

/// Elements whose content is text, not tags.
const RAW_TEXT: &[&[u8]] =
    &[b"script", b"style", b"textarea", b"title", b"xmp", b"iframe", b"noembed", b"noframes", b"noscript"];

/// The page up to the first tag that would open more than
/// `MAX_OPEN_ELEMENTS` elements, by a rough linear scan of its tags.
fn within_nesting_limit(html: &str) -> &str {
    let lower = html.as_bytes().to_ascii_lowercase();
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(offset) = lower[at..].iter().position(|&b| b == b'<') {
        let open = at + offset;
        let rest = &lower[open + 1..];
        if rest.starts_with(b"!--") {
            match find_bytes(&lower[open + 4..], b"-->") {
                Some(end) => at = open + 4 + end + 3,
                None => break,
            }
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = open + 1 + usize::from(closing);
        let name_len = lower[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        if name_len == 0 || !lower[name_start].is_ascii_alphabetic() {
            at = open + 1;
            continue;
        }
        let name = &lower[name_start..name_start + name_len];
        let tag_end = lower[name_start..].iter().position(|&b| b == b'>').map_or(lower.len(), |e| name_start + e);
        let self_closing = tag_end > 0 && lower[tag_end - 1] == b'/';
        let counted = !NEVER_NESTED.contains(&name) && !self_closing;
        if closing {
            depth = depth.saturating_sub(usize::from(counted));
        } else if counted {
            depth += 1;
            if depth > MAX_OPEN_ELEMENTS {
                return &html[..open];
            }
        }
        at = tag_end.saturating_add(1).min(lower.len());
        if !closing && RAW_TEXT.contains(&name) {
            let mut end_tag = b"</".to_vec();
            end_tag.extend_from_slice(name);
            match find_bytes(&lower[at..], &end_tag) {
                Some(end) => at += end,
                None => break,
            }
        }
    }
    html
}

/// Builds a `Dom` as html5ever reads the page.
struct Sink {
    nodes: RefCell<Vec<Node>>,
}

/// Returned as the name of a node that is not an element, which the parser
/// never asks for; it saves a panic path.
static NO_NAME: LazyLock<QualName> = LazyLock::new(|| QualName::new(None, ns!(html), local_name!("span")));

impl Sink {
    fn new() -> Sink {
        let sink = Sink { nodes: RefCell::new(Vec::new()) };
        sink.new_node(Data::Document);
        sink
    }

    fn new_node(&self, data: Data) -> Id {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node {
            parent: None,
            first_child: None,
            last_child: None,
            prev_sibling: None,
            next_sibling: None,
            data,
        });
        nodes.len() - 1
    }

    fn detach(&self, id: Id) {
        let mut nodes = self.nodes.borrow_mut();
        let Some(parent) = nodes[id].parent.take() else { return };
        let prev = nodes[id].prev_sibling.take();
        let next = nodes[id].next_sibling.take();
        match prev {
            Some(p) => nodes[p].next_sibling = next,
            None => nodes[parent].first_child = next,
        }
        match next {
            Some(n) => nodes[n].prev_sibling = prev,
            None => nodes[parent].last_child = prev,
        }
    }

    fn append_child(&self, parent: Id, child: Id) {
        self.detach(child);
        let mut nodes = self.nodes.borrow_mut();
        let last = nodes[parent].last_child;
        nodes[child].parent = Some(parent);
        nodes[child].prev_sibling = last;
        match last {
            Some(l) => nodes[l].next_sibling = Some(child),
            None => nodes[parent].first_child = Some(child),
        }
        nodes[parent].last_child = Some(child);
    }

    fn insert_before(&self, sibling: Id, child: Id) {
        self.detach(child);
        let mut nodes = self.nodes.borrow_mut();
        let Some(parent) = nodes[sibling].parent else { return };
        let prev = nodes[sibling].prev_sibling;
        nodes[child].parent = Some(parent);
        nodes[child].prev_sibling = prev;
        nodes[child].next_sibling = Some(sibling);
        nodes[sibling].prev_sibling = Some(child);
        match prev {
            Some(p) => nodes[p].next_sibling = Some(child),
            None => nodes[parent].first_child = Some(child),
        }
    }

    /// Appends text to the node `existing` if it is a text node.
    fn extend_text(&self, existing: Option<Id>, text: &str) -> bool {
        let mut nodes = self.nodes.borrow_mut();
        if let Some(Data::Text(t)) = existing.map(|id| &mut nodes[id].data) {
            t.push_str(text);
            return true;
        }
        false
    }
}

impl TreeSink for Sink {
    type Handle = Id;
    type Output = Dom;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Dom {
        Dom { nodes: self.nodes.into_inner() }
    }

    fn parse_error(&self, _message: Cow<'static, str>) {}

    fn get_document(&self) -> Id {
        DOCUMENT
    }

    fn elem_name<'a>(&'a self, target: &'a Id) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |nodes| match &nodes[*target].data {
            Data::Element(element) => &element.name,
            _ => &NO_NAME,
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Id {
        let template_contents = flags.template.then(|| self.new_node(Data::Document));
        self.new_node(Data::Element(Element { name, attrs, template_contents }))
    }

    fn create_comment(&self, _text: StrTendril) -> Id {
        self.new_node(Data::Ignored)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Id {
        self.new_node(Data::Ignored)
    }

    fn append(&self, parent: &Id, child: NodeOrText<Id>) {
        match child {
            NodeOrText::AppendNode(node) => self.append_child(*parent, node),
            NodeOrText::AppendText(text) => {
                let last = self.nodes.borrow()[*parent].last_child;
                if !self.extend_text(last, &text) {
                    let node = self.new_node(Data::Text(text.to_string()));
                    self.append_child(*parent, node);
                }
            }
        }
    }

    fn append_based_on_parent_node(&self, element: &Id, prev_element: &Id, child: NodeOrText<Id>) {
        if self.nodes.borrow()[*element].parent.is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {}

    fn get_template_contents(&self, target: &Id) -> Id {
        match &self.nodes.borrow()[*target].data {
            Data::Element(Element { template_contents: Some(contents), .. }) => *contents,
            _ => *target,
        }
    }

    fn same_node(&self, x: &Id, y: &Id) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Id, new_node: NodeOrText<Id>) {
        match new_node {
            NodeOrText::AppendNode(node) => self.insert_before(*sibling, node),
            NodeOrText::AppendText(text) => {
                let prev = self.nodes.borrow()[*sibling].prev_sibling;
                if !self.extend_text(prev, &text) {
                    let node = self.new_node(Data::Text(text.to_string()));
                    self.insert_before(*sibling, node);
                }
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &Id, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let Data::Element(element) = &mut nodes[*target].data {
            for attr in attrs {
                if !element.attrs.iter().any(|a| a.name == attr.name) {
                    element.attrs.push(attr);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &Id) {
        self.detach(*target);
    }

    fn reparent_children(&self, node: &Id, new_parent: &Id) {
        loop {
            let first = self.nodes.borrow()[*node].first_child;
            match first {
                Some(child) => self.append_child(*new_parent, child),
                None => break,
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Finding the article.

/// Which rules a reading of the page applies.
#[derive(Clone, Copy)]
struct Rules {
    /// Set aside blocks whose class/id says they are not content.
    strip_unlikely: bool,
    /// Let class/id hints raise or lower a container's score.
    weigh_classes: bool,
}

impl Rules {
    const STRICT: Rules = Rules { strip_unlikely: true, weigh_classes: true };
    const NO_UNLIKELY: Rules = Rules { strip_unlikely: false, weigh_classes: true };
    const LENIENT: Rules = Rules { strip_unlikely: false, weigh_classes: false };
}

/// Elements whose content is never article text.
const NEVER_TEXT: &[&str] = &[
    "head", "script", "style", "noscript", "template", "iframe", "object", "embed", "applet", "svg", "math", "canvas",
    "video", "audio", "button", "input", "select", "textarea", "option", "nav", "aside", "footer", "dialog", "menu",
    "link", "meta", "title", "map", "frameset",
];

/// Elements that start a new block when they open and close.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "center",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "ul",
    "caption",
    "legend",
    "dialog",
    "search",
];

/// Class or id words of blocks that are not the article. Matched inside
/// the words too (`sidebar-left`, `commentlist`).
const UNLIKELY_PARTS: &[&str] = &[
    "banner",
    "breadcrumb",
    "comment",
    "community",
    "disqus",
    "footer",
    "gdpr",
    "cookie",
    "consent",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "pagination",
    "pager",
    "popup",
    "share",
    "sharing",
    "newsletter",
    "subscribe",
    "promo",
    "recommend",
    "trending",
    "toolbar",
    "masthead",
    "outbrain",
    "taboola",
    "advert",
    "signup",
    "login",
    "modal",
    "hotnews",
    "paging",
    "widget",
];

/// Short class or id words of such blocks, matched only as whole words
/// (`ad` must not match `header` or `read`).
const UNLIKELY_WORDS: &[&str] = &["ad", "ads", "nav", "navbar", "navigation", "tags", "tag", "foot", "print", "hidden"];

/// Class or id words that make a block likely to hold the article.
const LIKELY_PARTS: &[&str] =
    &["article", "content", "entry", "main", "post", "story", "text", "body", "blog", "column", "detail", "zhengwen"];

/// Class or id words that keep a block otherwise marked unlikely: they name
/// a container of the page's content (`main-sidebar-wrap`, `body-footer`),
/// unlike `post` or `text`, which also name teasers (`related-posts`).
const CONTAINER_PARTS: &[&str] = &["article", "content", "main", "column", "story", "body", "zhengwen"];

/// Short likely words, whole words only (`zw` is 正文 in pinyin initials).
const LIKELY_WORDS: &[&str] = &["txt", "zw", "con", "cont", "art"];

/// Roles of blocks that are not the article.
const UNLIKELY_ROLES: &[&str] =
    &["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", "banner", "contentinfo"];

/// Lower-case words of an element's class and id.
fn class_words(dom: &Dom, id: Id) -> Vec<String> {
    let mut words = Vec::new();
    for name in ["class", "id"] {
        if let Some(value) = dom.attr(id, name) {
            words.extend(
                value
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_ascii_lowercase),
            );
        }
    }
    words
}

fn matches_any(words: &[String], parts: &[&str], whole: &[&str]) -> bool {
    words.iter().any(|w| parts.iter().any(|p| w.contains(p)) || whole.contains(&w.as_str()))
}

/// How much an element's class and id say it holds the article.
fn class_weight(dom: &Dom, id: Id) -> f64 {
    let mut weight = 0.0;
    for name in ["class", "id"] {
        let Some(value) = dom.attr(id, name) else { continue };
        let words: Vec<String> = value
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect();
        if matches_any(&words, UNLIKELY_PARTS, UNLIKELY_WORDS) || words.iter().any(|w| w.contains("meta")) {
            weight -= 25.0;
        }
        if matches_any(&words, LIKELY_PARTS, LIKELY_WORDS) {
            weight += 25.0;
        }
    }
    weight
}

fn is_hidden(dom: &Dom, id: Id) -> bool {
    if dom.attr(id, "hidden").is_some() || dom.attr(id, "aria-hidden") == Some("true") {
        return true;
    }
    dom.attr(id, "style").is_some_and(|style| {
        let style: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

/// Marks every node that is not article text, whatever the scoring says:
/// a node is set aside when its parent is.
fn skipped_nodes(dom: &Dom, order: &[Id], rules: Rules) -> Vec<bool> {
    let mut skipped = vec![true; dom.nodes.len()];
    for &id in order {
        let parent_skipped = dom.parent(id).is_some_and(|p| skipped[p]);
        skipped[id] = parent_skipped
            || match &dom.nodes[id].data {
                Data::Document => false,
                Data::Ignored => true,
                Data::Text(_) => false,
                Data::Element(_) => sets_aside(dom, id, rules),
            };
    }
    skipped
}

fn sets_aside(dom: &Dom, id: Id, rules: Rules) -> bool {
    let tag = dom.tag(id);
    if NEVER_TEXT.contains(&tag) || is_hidden(dom, id) {
        return true;
    }
    if matches!(tag, "html" | "body" | "article" | "main" | "a" | "p") || !rules.strip_unlikely {
        return false;
    }
    if dom.attr(id, "role").is_some_and(|role| UNLIKELY_ROLES.contains(&role.trim().to_ascii_lowercase().as_str())) {
        return true;
    }
    if tag == "header" {
        return true;
    }
    let words = class_words(dom, id);
    matches_any(&words, UNLIKELY_PARTS, UNLIKELY_WORDS) && !matches_any(&words, CONTAINER_PARTS, LIKELY_WORDS)
}

/// What a subtree holds, counted once bottom-up.
#[derive(Clone, Copy, Default)]
struct Stats {
    /// Non-space characters of text.
    chars: u32,
    /// Non-space characters of text inside links.
    link_chars: u32,
    /// Commas and Chinese commas and full stops: signs of running prose.
    commas: u32,
    paragraphs: u32,
    images: u32,
    list_items: u32,
    inputs: u32,
    embeds: u32,
    headings: u32,
    /// Table rows, cells, and header cells or captions, which mark a data table.
    rows: u32,
    cells: u32,
    table_headers: u32,
}

impl Stats {
    fn add(&mut self, other: &Stats) {
        self.chars += other.chars;
        self.link_chars += other.link_chars;
        self.commas += other.commas;
        self.paragraphs += other.paragraphs;
        self.images += other.images;
        self.list_items += other.list_items;
        self.inputs += other.inputs;
        self.embeds += other.embeds;
        self.headings += other.headings;
        self.rows += other.rows;
        self.cells += other.cells;
        self.table_headers += other.table_headers;
    }

    fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            f64::from(self.link_chars) / f64::from(self.chars)
        }
    }
}

fn is_comma(c: char) -> bool {
    matches!(c, ',' | '，' | '、' | '。' | '；')
}

/// Counts every subtree, children before parents (reverse document order),
/// ignoring set-aside nodes.
fn subtree_stats(dom: &Dom, order: &[Id], skipped: &[bool]) -> Vec<Stats> {
    let mut stats = vec![Stats::default(); dom.nodes.len()];
    for &id in order.iter().rev() {
        if skipped[id] {
            continue;
        }
        match &dom.nodes[id].data {
            Data::Text(text) => {
                for c in text.chars() {
                    if !c.is_whitespace() {
                        stats[id].chars += 1;
                        stats[id].commas += u32::from(is_comma(c));
                    }
                }
            }
            Data::Element(element) => {
                let own = &mut stats[id];
                match &*element.name.local {
                    "a" => own.link_chars = own.chars,
                    "p" => own.paragraphs += 1,
                    "img" | "picture" => own.images += 1,
                    "li" => own.list_items += 1,
                    "input" | "select" | "textarea" | "button" => own.inputs += 1,
                    "embed" | "object" | "iframe" | "video" => own.embeds += 1,
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => own.headings += 1,
                    "tr" => own.rows += 1,
                    "td" => own.cells += 1,
                    "th" | "caption" | "thead" => own.table_headers += 1,
                    _ => {}
                }
            }
            _ => {}
        }
        if let Some(parent) = dom.parent(id) {
            let own = stats[id];
            stats[parent].add(&own);
        }
    }
    stats
}

/// Paragraphs shorter than this (non-space characters) say nothing about
/// where the article is.
const MIN_PARAGRAPH_CHARS: u32 = 20;

/// How many of the best candidates are looked for inside the article's siblings.
const STRONG_CANDIDATES_CHECKED: usize = 30;

/// How a candidate deeper in a sibling must score, against the article, to
/// bring the sibling in.
const STRONG_SHARE: f64 = 0.5;

/// Link density below which a block reads as prose rather than teasers
/// (a headline link over each excerpt).
const PROSE_LINK_DENSITY: f64 = 0.1;

/// How many ancestors above a paragraph share its score.
const SCORED_ANCESTORS: usize = 5;

/// The score a container starts with, from what kind of element it is.
fn tag_weight(tag: &str) -> f64 {
    match tag {
        "div" | "article" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// Scores of the containers of the page's paragraphs, before link density.
fn score_containers(dom: &Dom, order: &[Id], skipped: &[bool], stats: &[Stats], rules: Rules) -> Vec<Option<f64>> {
    let mut scores: Vec<Option<f64>> = vec![None; dom.nodes.len()];
    let credit = |scores: &mut Vec<Option<f64>>, first: Id, points: f64| {
        let mut at = Some(first);
        for level in 0..SCORED_ANCESTORS {
            let Some(id) = at else { break };
            if dom.element(id).is_none() || dom.tag(id) == "html" {
                break;
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                _ => level as f64 * 3.0,
            };
            let base = scores[id].get_or_insert_with(|| {
                tag_weight(dom.tag(id)) + if rules.weigh_classes { class_weight(dom, id) } else { 0.0 }
            });
            *base += points / divider;
            at = dom.parent(id);
        }
    };
    for &id in order {
        if skipped[id] || dom.element(id).is_none() {
            continue;
        }
        let tag = dom.tag(id);
        let block_children: Vec<Id> = dom.children(id).filter(|&c| BLOCKS.contains(&dom.tag(c))).collect();
        let paragraph_like = matches!(tag, "p" | "pre" | "td")
            || (block_children.is_empty()
                && matches!(tag, "div" | "section" | "article" | "main" | "blockquote" | "font" | "center"));
        if paragraph_like {
            if let Some(parent) = dom.parent(id) {
                if stats[id].chars >= MIN_PARAGRAPH_CHARS {
                    credit(&mut scores, parent, paragraph_points(&stats[id]));
                }
            }
        } else if !block_children.is_empty() && matches!(tag, "div" | "section" | "article" | "main" | "blockquote") {
            // Text loose in a container, between its blocks, reads as
            // paragraphs of the container itself.
            let mut loose = stats[id];
            for &child in &block_children {
                loose.chars -= stats[child].chars.min(loose.chars);
                loose.commas -= stats[child].commas.min(loose.commas);
            }
            if loose.chars >= MIN_PARAGRAPH_CHARS {
                credit(&mut scores, id, paragraph_points(&loose));
            }
        }
    }
    scores
}

fn paragraph_points(stats: &Stats) -> f64 {
    1.0 + f64::from(stats.commas) + (f64::from(stats.chars) / 100.0).floor().min(3.0)
}

/// The article's Markdown body (without the title) under one set of rules.
fn article_markdown(dom: &Dom, order: &[Id], rules: Rules, title: Option<&str>) -> String {
    let mut skipped = skipped_nodes(dom, order, rules);
    let stats = subtree_stats(dom, order, &skipped);
    let raw_scores = score_containers(dom, order, &skipped, &stats, rules);
    let score = |id: Id| raw_scores[id].map(|s| s * (1.0 - stats[id].link_density()));

    let mut ranked: Vec<(Id, f64)> = (0..dom.nodes.len()).filter_map(|id| score(id).map(|s| (id, s))).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let body = dom.first_element(order, "body").unwrap_or(DOCUMENT);
    let Some(&(mut top, mut top_score)) = ranked.first() else {
        return write_nodes(dom, &[body], &skipped);
    };

    // When several strong candidates sit in one container, the article is
    // that container: its paragraphs were split into sections.
    let close: Vec<Id> =
        ranked[1..].iter().take(4).filter(|(_, s)| *s >= top_score * 0.75).map(|(id, _)| *id).collect();
    if close.len() >= 2 {
        let close_ancestors: Vec<std::collections::HashSet<Id>> =
            close.iter().map(|&c| std::iter::successors(Some(c), |&n| dom.parent(n)).collect()).collect();
        let mut ancestor = dom.parent(top);
        while let Some(a) = ancestor {
            if a == body || dom.element(a).is_none() {
                break;
            }
            if close_ancestors.iter().filter(|set| set.contains(&a)).count() >= 2 {
                top = a;
                break;
            }
            ancestor = dom.parent(a);
        }
    }
    // A parent that scores higher than its best child holds more of the article.
    let mut last = score(top).unwrap_or(top_score);
    let mut ancestor = dom.parent(top);
    while let Some(a) = ancestor {
        if a == body || dom.element(a).is_none() {
            break;
        }
        if let Some(s) = score(a) {
            if s < last / 3.0 {
                break;
            }
            if s > last {
                top = a;
                break;
            }
            last = s;
        }
        ancestor = dom.parent(a);
    }
    // A lone child says nothing its parent does not.
    while let Some(parent) = dom.parent(top) {
        if parent == body || dom.element(parent).is_none() {
            break;
        }
        if dom.children(parent).filter(|&c| dom.element(c).is_some() && !skipped[c]).count() != 1 {
            break;
        }
        top = parent;
    }
    top_score = score(top).unwrap_or(top_score);

    // Siblings that score close to the article, or read as its paragraphs,
    // are part of it (a lede or a byline block beside the body).
    let mut parts = Vec::new();
    match dom.parent(top) {
        Some(parent) if top != body && dom.element(parent).is_some() => {
            let threshold = (top_score * 0.2).max(10.0);
            let top_class = dom.attr(top, "class").filter(|c| !c.trim().is_empty());
            // Siblings that hold a strong candidate deeper down: an article
            // split into sections at different depths (lede apart from body).
            let mut holds_strong = std::collections::HashSet::new();
            for &(candidate, s) in ranked.iter().take(STRONG_CANDIDATES_CHECKED) {
                if s < top_score * STRONG_SHARE {
                    break;
                }
                let mut at = candidate;
                while let Some(up) = dom.parent(at) {
                    if up == parent {
                        holds_strong.insert(at);
                        break;
                    }
                    at = up;
                }
            }
            for sibling in dom.children(parent) {
                if skipped[sibling] || dom.element(sibling).is_none() {
                    continue;
                }
                if sibling == top {
                    parts.push(sibling);
                    continue;
                }
                let bonus =
                    if top_class.is_some() && dom.attr(sibling, "class") == top_class { top_score * 0.2 } else { 0.0 };
                let sibling_stats = &stats[sibling];
                let joins = match score(sibling) {
                    Some(s) if s + bonus >= threshold => true,
                    _ if holds_strong.contains(&sibling) && sibling_stats.link_density() < PROSE_LINK_DENSITY => true,
                    _ if dom.tag(sibling) == "p" => {
                        let chars = sibling_stats.chars;
                        let density = sibling_stats.link_density();
                        (chars > 80 && density < 0.25)
                            || (chars > 0 && density == 0.0 && ends_like_a_sentence(&dom.text_of(sibling, &skipped)))
                    }
                    _ => false,
                };
                if joins {
                    parts.push(sibling);
                }
            }
        }
        _ => parts.push(top),
    }

    clean_article(dom, &parts, &mut skipped, &stats, rules, title);
    write_nodes(dom, &parts, &skipped)
}

fn ends_like_a_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['.', '。', '!', '?', '！', '？', '”', '"'])
}

/// Drops what slipped into the article: link lists, galleries, forms,
/// headings marked as not content, and a heading that repeats the title.
fn clean_article(dom: &Dom, parts: &[Id], skipped: &mut [bool], stats: &[Stats], rules: Rules, title: Option<&str>) {
    let title_key = title.map(comparison_key);
    for &part in parts {
        let mut at = dom.nodes[part].first_child;
        while let Some(id) = at {
            let drop =
                !skipped[id] && dom.element(id).is_some() && should_drop(dom, id, stats, rules, &title_key, skipped);
            if drop || skipped[id] {
                skipped[id] = true;
                at = dom.next_outside(id, part);
            } else {
                at = dom.nodes[id].first_child.or_else(|| dom.next_outside(id, part));
            }
        }
    }
}

fn should_drop(dom: &Dom, id: Id, stats: &[Stats], rules: Rules, title_key: &Option<String>, skipped: &[bool]) -> bool {
    let tag = dom.tag(id);
    let weight = if rules.weigh_classes { class_weight(dom, id) } else { 0.0 };
    if matches!(tag, "h1" | "h2" | "h3") {
        if weight < 0.0 {
            return true;
        }
        let key = comparison_key(&dom.text_of(id, skipped));
        return title_key.as_ref().is_some_and(|t| !key.is_empty() && *t == key);
    }
    if !matches!(tag, "div" | "section" | "ul" | "ol" | "table" | "form" | "fieldset" | "header") {
        return false;
    }
    if weight < 0.0 {
        return true;
    }
    let s = &stats[id];
    if s.commas >= 10 {
        return false;
    }
    if tag == "table" && is_data_table(dom, id, s) {
        return false;
    }
    let is_list = matches!(tag, "ul" | "ol");
    let density = s.link_density();
    let paragraphs = s.paragraphs;
    let in_figure = dom.parent(id).is_some_and(|p| dom.tag(p) == "figure");
    (!is_list && !in_figure && s.images > 1 && paragraphs * 2 < s.images)
        || (s.inputs > paragraphs / 3 + 1)
        || (!is_list && s.chars < 15 && s.images == 0 && s.headings == 0)
        || (weight < 25.0 && density > 0.2 && s.chars > 0)
        || (weight >= 25.0 && density > 0.5)
        || (s.embeds == 1 && s.chars < 75)
        || s.embeds > 1
}

/// A table that holds data rather than laying out the page.
fn is_data_table(dom: &Dom, id: Id, stats: &Stats) -> bool {
    if dom.attr(id, "role") == Some("presentation") {
        return false;
    }
    stats.table_headers > 0 || stats.rows >= 10 || (stats.rows > 0 && stats.cells / stats.rows > 4)
}

/// Text reduced for comparing titles: letters and digits, lower-cased.
fn comparison_key(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

fn write_nodes(dom: &Dom, roots: &[Id], skipped: &[bool]) -> String {
    let mut writer = Writer::default();
    for &root in roots {
        writer.write(dom, root, skipped);
    }
    writer.finish()
}

// ---------------------------------------------------------------------------
// The title.

/// Separators between a headline and a site name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " » ", " · ", "--", "_", "｜", " / ", "－"];

fn find_title(dom: &Dom, order: &[Id]) -> Option<String> {
    let no_skips = vec![false; dom.nodes.len()];
    let document_title = dom.first_element(order, "title").map(|t| dom.text_of(t, &no_skips)).filter(|t| !t.is_empty());
    let social_title = order
        .iter()
        .copied()
        .filter(|&id| dom.tag(id) == "meta")
        .find(|&id| {
            let key = dom.attr(id, "property").or_else(|| dom.attr(id, "name")).unwrap_or("");
            key.eq_ignore_ascii_case("og:title") || key.eq_ignore_ascii_case("twitter:title")
        })
        .and_then(|id| dom.attr(id, "content"))
        .map(collapse_spaces)
        .filter(|t| !t.is_empty());
    let headlines: Vec<String> = order
        .iter()
        .copied()
        .filter(|&id| dom.tag(id) == "h1")
        .map(|id| dom.text_of(id, &no_skips))
        .filter(|t| !t.is_empty())
        .collect();
    let named: Vec<&String> = social_title.iter().chain(document_title.iter()).collect();
    // A headline that the page's title also names is the article's own.
    for headline in &headlines {
        let key = comparison_key(headline);
        if key.chars().count() >= 2 && named.iter().any(|n| comparison_key(n).contains(&key)) {
            return Some(headline.clone());
        }
    }
    if let Some(title) = social_title.as_deref().or(document_title.as_deref()) {
        return Some(without_site_name(title));
    }
    if headlines.len() == 1 {
        return headlines.into_iter().next();
    }
    None
}

/// The headline part of a `<title>` such as "Headline - Site".
fn without_site_name(title: &str) -> String {
    let mut parts: Vec<&str> = vec![title];
    for separator in TITLE_SEPARATORS {
        parts = parts.iter().flat_map(|p| p.split(separator)).map(str::trim).filter(|p| !p.is_empty()).collect();
    }
    if parts.len() <= 1 {
        return title.trim().to_string();
    }
    let first = parts[0];
    let long_enough = first.split_whitespace().count() >= 3 || first.chars().filter(|&c| is_han(c)).count() >= 5;
    let chosen =
        if long_enough { first } else { parts.iter().copied().max_by_key(|p| p.chars().count()).unwrap_or(first) };
    chosen.to_string()
}

// ---------------------------------------------------------------------------
// Writing Markdown.

/// Turns tree nodes into Markdown blocks.
#[derive(Default)]
struct Writer {
    out: String,
    /// The block being filled; `\n` marks a `<br>`.
    line: String,
    /// The Markdown that opens the block being filled ("## ", "- ").
    prefix: &'static str,
    pending_space: bool,
    /// Whether the pending space came from a line break in the source:
    /// between two Chinese characters it is dropped, not turned into a space.
    pending_space_is_newline: bool,
    preformatted: usize,
    /// Where each open `<b>`/`<strong>` began in `line`; `None` once the
    /// block it began in was written out.
    bold_starts: Vec<Option<usize>>,
    /// Text only: no Markdown for bold runs.
    plain: bool,
}

impl Writer {
    fn write(&mut self, dom: &Dom, root: Id, skipped: &[bool]) {
        let mut stack: Vec<(Id, bool)> = vec![(root, false)];
        while let Some((id, leaving)) = stack.pop() {
            if leaving {
                self.close(dom.tag(id));
                continue;
            }
            if skipped[id] {
                continue;
            }
            match &dom.nodes[id].data {
                Data::Text(text) => {
                    self.text(text);
                    continue;
                }
                Data::Element(element) => {
                    self.open(&element.name.local);
                    stack.push((id, true));
                }
                Data::Document => {}
                Data::Ignored => continue,
            }
            let mut child = dom.nodes[id].last_child;
            while let Some(c) = child {
                stack.push((c, false));
                child = dom.nodes[c].prev_sibling;
            }
        }
    }

    fn open(&mut self, tag: &str) {
        match tag {
            "br" => {
                self.line.push('\n');
                self.pending_space = false;
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.end_block();
                self.prefix = match tag {
                    "h1" | "h2" => "## ",
                    "h3" => "### ",
                    _ => "#### ",
                };
            }
            "li" => {
                self.end_block();
                self.prefix = "- ";
            }
            "pre" => {
                self.end_block();
                self.preformatted += 1;
            }
            "td" | "th" => self.pending_space = true,
            "b" | "strong" => self.bold_starts.push(Some(self.line.len())),
            _ if BLOCKS.contains(&tag) => self.end_block(),
            _ => {}
        }
    }

    /// Marks the run since the matching `<b>` as `**bold**`, which the
    /// document stage keeps (editors bold the figures they want seen).
    fn close_bold(&mut self) {
        let Some(Some(start)) = self.bold_starts.pop() else { return };
        let Some(run) = self.line.get(start..) else { return };
        let lead = run.len() - run.trim_start().len();
        let run = run.trim();
        if run.is_empty() || run.contains(['*', '\n']) || self.preformatted > 0 || self.plain {
            return;
        }
        self.line.insert_str(start + lead, "**");
        self.line.push_str("**");
    }

    fn close(&mut self, tag: &str) {
        match tag {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" => {
                self.end_block();
                self.prefix = "";
            }
            "pre" => {
                self.end_block();
                self.preformatted = self.preformatted.saturating_sub(1);
            }
            "td" | "th" => self.pending_space = true,
            "b" | "strong" => self.close_bold(),
            _ if BLOCKS.contains(&tag) => self.end_block(),
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        for c in text.chars() {
            if matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{AD}') {
                continue;
            }
            if self.preformatted > 0 {
                match c {
                    '\r' => {}
                    '\n' => self.line.push('\n'),
                    c if c.is_whitespace() => self.line.push(' '),
                    c => self.line.push(c),
                }
                continue;
            }
            if c.is_whitespace() {
                self.pending_space = true;
                self.pending_space_is_newline |= c == '\n';
                continue;
            }
            if self.pending_space {
                let last = self.line.chars().next_back();
                let at_line_start = last.is_none_or(|l| l == '\n');
                let chinese_seam = self.pending_space_is_newline && last.is_some_and(is_cjk) && is_cjk(c);
                if !at_line_start && !chinese_seam {
                    self.line.push(' ');
                }
            }
            self.pending_space = false;
            self.pending_space_is_newline = false;
            self.line.push(c);
        }
    }

    /// Writes out the block being filled, if it has text.
    fn end_block(&mut self) {
        self.pending_space = false;
        self.pending_space_is_newline = false;
        self.bold_starts.iter_mut().for_each(|start| *start = None);
        let lines: Vec<&str> = self.line.split('\n').map(str::trim).filter(|l| !l.is_empty()).collect();
        if lines.is_empty() {
            self.line.clear();
            return;
        }
        self.out.push_str(self.prefix);
        // A heading is one line; other blocks keep their `<br>` breaks.
        let joiner = if self.prefix.starts_with('#') { " " } else { "\n" };
        self.out.push_str(&lines.join(joiner));
        self.out.push_str("\n\n");
        self.line.clear();
        // Later paragraphs of a list item are paragraphs of their own.
        self.prefix = "";
    }

    fn finish(mut self) -> String {
        self.end_block();
        let trimmed = self.out.trim_end().len();
        self.out.truncate(trimmed);
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.out
    }
}

/// Chinese characters and the punctuation set among them, which are
/// written without spaces.
fn is_cjk(c: char) -> bool {
    is_han(c) || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}')
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(body: &str) -> String {
        format!(
            "<!DOCTYPE html><html><head><meta charset=utf-8><title>Test page</title></head><body>{body}</body></html>"
        )
    }

    const ENGLISH_PARAGRAPHS: &str = "<p>The city council voted on Tuesday to expand the bus network, adding twelve routes, \
        longer evening hours, and a new express line to the airport.</p>\
        <p>Officials said the plan, which costs about 40 million dollars, would be paid for by a mix of state grants, \
        fares, and a small increase in the parking levy.</p>\
        <p>Riders&#8217; groups welcomed the vote, although some asked why the eastern suburbs, where many workers live, \
        were left out of the first phase.</p>";

    #[test]
    fn english_article_keeps_title_headings_paragraphs_and_lists() {
        let html = format!(
            "<html><head><title>Council expands bus network - The Daily Example</title></head><body>\
             <nav><a href=/>Home</a> <a href=/news>News</a> <a href=/sport>Sport</a></nav>\
             <div class=article-body><h1>Council expands bus network</h1>{ENGLISH_PARAGRAPHS}\
             <h2>What changes</h2><ul><li>Twelve new routes</li><li>Buses until 1&nbsp;am</li></ul>\
             <p>First line<br>second line &amp; more, and yet more text to make this a paragraph.</p></div>\
             <footer><p>Copyright 2026 The Daily Example, all rights reserved, every one of them.</p></footer>\
             </body></html>"
        );
        let extracted = extract(&html);
        assert_eq!(extracted.title.as_deref(), Some("Council expands bus network"));
        let md = &extracted.markdown;
        assert!(md.starts_with("# Council expands bus network\n\nThe city council voted"), "{md}");
        assert_eq!(md.matches("Council expands bus network").count(), 1, "the h1 repeats the title: {md}");
        assert!(md.contains("\n\n## What changes\n\n- Twelve new routes\n\n- Buses until 1 am\n\n"), "{md}");
        assert!(md.contains("Riders’ groups welcomed"), "entities are decoded: {md}");
        assert!(md.contains("First line\nsecond line & more"), "<br> is a line break: {md}");
        assert!(!md.contains("Home") && !md.contains("Sport"), "navigation is dropped: {md}");
        assert!(!md.contains("Copyright"), "the footer is dropped: {md}");
        assert!(!md.contains('<'), "no markup: {md}");
    }

    #[test]
    fn chinese_article_is_found_among_link_lists() {
        let html = "<html><head><title>重庆举办国际人才交流大会_新闻_示例网</title>\
            <meta property=\"og:title\" content=\"重庆举办国际人才交流大会\"></head><body>\
            <div class=\"top-menu\"><a href=/>首页</a><a href=/a>国内</a><a href=/b>国际</a></div>\
            <div id=main><div class=\"left_zw\">\
            <p>11月20日，为期两天的2026重庆国际人才交流大会在重庆国际博览中心开幕，来自全球的专家学者齐聚山城。</p>\
            <p>大会以“智汇西部，共筑人才新高地”为主题，设置了开幕式、主旨论坛、平行论坛和人才洽谈等环节。</p>\
            <p>据介绍，本次大会共吸引了3000余名海内外人才参会，现场签约项目达到120个，涉及智能制造、生物医药等领域。</p>\
            </div><div class=\"related-news\"><h3>相关新闻</h3><ul><li><a href=/1>重庆人才政策再升级，吸引更多青年</a></li>\
            <li><a href=/2>西部科学城建设提速，多个项目落地</a></li></ul></div>\
            <div class=\"share-bar\">分享到：微信 微博</div></div>\
            <div id=comments><p>网友评论：这次大会办得真好，希望明年还能再来，继续参加。</p></div>\
            </body></html>";
        let extracted = extract(html);
        assert_eq!(extracted.title.as_deref(), Some("重庆举办国际人才交流大会"));
        let md = &extracted.markdown;
        assert!(md.starts_with("# 重庆举办国际人才交流大会\n\n11月20日，为期两天"), "{md}");
        assert!(md.contains("“智汇西部，共筑人才新高地”"), "{md}");
        assert!(md.contains("生物医药等领域。"), "{md}");
        for noise in ["首页", "相关新闻", "人才政策再升级", "分享到", "网友评论"] {
            assert!(!md.contains(noise), "{noise} should be dropped: {md}");
        }
    }

    #[test]
    fn bold_runs_are_marked_for_the_document_stage() {
        let md = extract(&page(&format!(
            "<article>{ENGLISH_PARAGRAPHS}<p>Ridership rose <strong> 12 percent </strong>last year, \
             to <b>3.4 million</b> trips, and <b></b>empty bold is dropped, as is <b>a*b</b>.</p></article>"
        )))
        .markdown;
        assert!(md.contains("Ridership rose **12 percent** last year, to **3.4 million** trips, and empty"), "{md}");
        assert!(md.contains("as is a*b."), "{md}");
        assert!(!md.contains("****"), "{md}");
    }

    #[test]
    fn the_document_stage_reads_the_markdown_as_title_headings_and_paragraphs() {
        use crate::document::{parse, Role};
        let html = format!(
            "<html><head><title>Council expands bus network | Example</title></head><body><article>\
             <h1>Council expands bus network</h1>{ENGLISH_PARAGRAPHS}<h2>What changes</h2>\
             <p>Buses will run until 1 am, with <b>12</b> new routes, from <i>March</i>.</p></article></body></html>"
        );
        let doc = parse(&extract(&html).markdown);
        assert_eq!(doc.title_text(), Some("Council expands bus network"));
        let roles: Vec<(Role, &str)> = (0..doc.blocks.len()).map(|i| (doc.blocks[i].role, doc.block_text(i))).collect();
        assert_eq!(roles.len(), 6, "{roles:?}");
        assert_eq!(roles[1].0, Role::Paragraph);
        assert!(roles[1].1.starts_with("The city council voted on Tuesday"), "{roles:?}");
        assert!(matches!(roles[4], (Role::Heading(_), "What changes")), "{roles:?}");
        assert_eq!(roles[5].1, "Buses will run until 1 am, with 12 new routes, from March.");
        assert_eq!(doc.bold.len(), 1, "the bold figure is kept as bold");
    }

    #[test]
    fn line_breaks_inside_chinese_source_text_add_no_spaces() {
        let md = extract(&page(
            "<article><p>重庆国际人才\n交流大会开幕，来自全球的专家学者齐聚山城，共商人才发展大计。</p></article>",
        ))
        .markdown;
        assert!(md.contains("重庆国际人才交流大会开幕"), "{md}");
    }

    #[test]
    fn scripts_styles_comments_and_templates_never_appear() {
        let html = page(&format!(
            "<script>var secret = 'SCRIPT_TEXT';</script><style>.x {{ color: red }} STYLE_TEXT</style>\
             <!-- COMMENT_TEXT --><noscript>NOSCRIPT_TEXT</noscript><template><p>TEMPLATE_TEXT</p></template>\
             <div class=content>{ENGLISH_PARAGRAPHS}<script>document.write('INLINE_SCRIPT')</script>\
             <p hidden>HIDDEN_TEXT and some more words in it to look like prose, really.</p>\
             <div style=\"display: none\">DISPLAY_NONE_TEXT, with commas, and, more, commas.</div></div>"
        ));
        let md = extract(&html).markdown;
        assert!(md.contains("The city council voted"), "{md}");
        for hidden in ["SCRIPT", "STYLE", "COMMENT", "NOSCRIPT", "TEMPLATE", "INLINE_SCRIPT", "HIDDEN", "DISPLAY_NONE"]
        {
            assert!(!md.contains(hidden), "{hidden} leaked: {md}");
        }
        assert!(!page_text(&html).contains("SCRIPT_TEXT"));
        assert!(page_text("<p>plain <b>bold</b> text</p>").contains("plain bold text"));
    }

    #[test]
    fn malformed_html_is_repaired_not_refused() {
        let html = "<html><body><div class=story><p>Unclosed paragraph with <b>bold <i>and italic</b> text, \
            which the parser must repair, as browsers do.<p>Second paragraph, also unclosed, continues the \
            story with more words, commas, and detail.</div></span></table><p>Stray &copy 2026 &bogus; text";
        let md = extract(html).markdown;
        assert!(md.contains("Unclosed paragraph with **bold and italic** text, which the parser must repair"), "{md}");
        assert!(md.contains("\n\nSecond paragraph, also unclosed"), "{md}");
    }

    #[test]
    fn empty_and_textless_pages_give_empty_articles() {
        for html in ["", "   ", "<html></html>", "<script>only()</script>", "<<<>>>"] {
            let extracted = extract(html);
            assert_eq!(extracted.title, None, "{html:?}");
            assert!(!extracted.markdown.contains("only()"), "{html:?}");
        }
        assert_eq!(extract("").markdown, "");
        assert_eq!(extract("<html><head><title>Just a title</title></head></html>").markdown, "# Just a title\n\n");
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let depth = 100_000;
        let spans = format!(
            "<div class=story>{}<p>Deep inside, a paragraph with enough words, and commas, to count as prose.</p>{}</div>",
            "<span>".repeat(depth),
            "</span>".repeat(depth)
        );
        // Every walk of ours on a tree 100,000 deep, past the parser's limit
        // (nested spans keep the parser itself linear).
        let dom = parse_document(Sink::new(), ParseOpts::default()).one(spans.as_str());
        assert!(dom.nodes.len() > depth);
        let md = extract_from(&dom).markdown;
        assert!(md.contains("Deep inside, a paragraph"), "{md}");
        // Through the public door the page is cut at the limit, quickly.
        assert!(!extract(&spans).markdown.contains("Deep inside"));
        let divs = format!("{}<p>Deep text in nested divs, with commas, to be found.</p>", "<div>".repeat(3_000));
        assert!(extract(&divs).markdown.contains("Deep text in nested divs"));
        // Past the nesting limit the page ends, instead of parsing for minutes.
        let deeper =
            format!("<p>Shallow text before the nesting, with commas, kept.</p>{}<p>Lost.</p>", "<div>".repeat(depth));
        let md = extract(&deeper).markdown;
        assert!(md.contains("Shallow text before the nesting") && !md.contains("Lost"), "{md}");
    }

    #[test]
    fn the_nesting_scan_skips_what_cannot_nest() {
        let page = "<!-- <div><div> --><script>if (a<b) { '<div>' }</script><p>one<p>two<br><img src=x>";
        assert_eq!(within_nesting_limit(page), page);
        let deep = "<section>".repeat(MAX_OPEN_ELEMENTS + 1);
        assert_eq!(within_nesting_limit(&deep).len(), "<section>".len() * MAX_OPEN_ELEMENTS);
    }

    #[test]
    fn site_names_are_cut_from_document_titles() {
        assert_eq!(
            without_site_name("Obama admits US gun laws are his biggest frustration - BBC News"),
            "Obama admits US gun laws are his biggest frustration"
        );
        assert_eq!(
            without_site_name("BBC News | Obama admits gun laws frustrate him"),
            "Obama admits gun laws frustrate him"
        );
        assert_eq!(without_site_name("宇航员在太空中喝酒会怎么样？_科技_光明网"), "宇航员在太空中喝酒会怎么样？");
        assert_eq!(without_site_name("Plain headline"), "Plain headline");
    }

    #[test]
    fn declared_charsets_are_found_in_meta_tags() {
        let gbk = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">";
        assert_eq!(declared_charset(gbk), Some(encoding_rs::GBK));
        assert_eq!(declared_charset(b"<META CHARSET='Big5'>"), Some(encoding_rs::BIG5));
        assert_eq!(declared_charset(b"<meta charset=\"utf-16le\">"), Some(encoding_rs::UTF_8));
        assert_eq!(declared_charset(b"<meta name=viewport content=width=device-width>"), None);
        assert_eq!(declared_charset(b"<meta charset=\"no-such-thing\">"), None);
        assert_eq!(declared_charset(b""), None);
    }
}
