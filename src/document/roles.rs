//! Roles: what part each cleaned block plays on the page.
//!
//! Page furniture (bylines, photo captions and credits, continuation
//! markers, source lines, banners and labels, ornaments) becomes an
//! [`Aside`](super::Role::Aside) of its kind: kept in the text, never a
//! headline sentence or a title. Short unpunctuated lines become headings
//! (decks, sub-heads), and so does the line just above a byline: that is
//! the story's headline, however long.
//!
//! Limits: the furniture patterns are Chinese newspaper conventions plus a
//! few English ones ("By …", "Photo: …"); a caption is recognised only next
//! to its credit.

use super::cleanup::{tidy_spaces, Draft};
use super::heuristics::*;
use super::{AsideKind, Role};
use crate::text::chars::{ends_sentence, is_short};

/// Gives every draft its role.
pub(super) fn classify(mut drafts: Vec<Draft>) -> Vec<Draft> {
    for i in 0..drafts.len() {
        if drafts[i].role.is_aside() {
            continue;
        }
        let text = &drafts[i].text;
        // Newspapers set bylines and labels in heading type, so headings can be asides too.
        if let Some(kind) = furniture(text) {
            drafts[i].role = Role::Aside(kind);
            drafts[i].text = tidy_spaces(&drafts[i].text);
        } else if (drafts[i].role.is_heading() || looks_like_a_heading(&drafts[i])) && is_label(text) {
            drafts[i].role = Role::Aside(AsideKind::Label);
            drafts[i].text = tidy_spaces(&drafts[i].text);
        } else if drafts[i].role == Role::Paragraph && looks_like_a_heading(&drafts[i]) {
            drafts[i].role = Role::Heading(deck_level(&drafts[..i]));
            drafts[i].join_as_heading();
        }
    }
    for i in 1..drafts.len() {
        // A short paragraph just above a photo credit is that photo's caption.
        let credit = drafts[i].role == Role::Aside(AsideKind::Caption);
        let above = &mut drafts[i - 1];
        if credit && above.role == Role::Paragraph && is_short(&above.text, MAX_CAPTION_CHARS) {
            above.role = Role::Aside(AsideKind::Caption);
        }
        // The line just above a byline is the story's headline.
        let byline_opens_story = drafts[i].role == Role::Aside(AsideKind::Byline)
            && drafts.get(i + 1).is_some_and(|next| next.role == Role::Paragraph);
        let above = &drafts[i - 1];
        if byline_opens_story
            && above.role == Role::Paragraph
            && !above.list_item
            && above.lines.len() <= 2
            && is_short(&above.text, MAX_HEADLINE_CHARS)
            && !ends_sentence(&above.text)
        {
            drafts[i - 1].role = Role::Heading(deck_level(&drafts[..i - 1]));
            drafts[i - 1].join_as_heading();
        }
    }
    drafts
}

/// A deck or sub-head: one short line, or a headline set over two short
/// lines, that does not end a sentence. One-line items of a data box
/// ("■签约引进紧缺优秀人才3925名") count as headings too: they are the
/// editors' pick of figures, set apart like headlines.
fn looks_like_a_heading(draft: &Draft) -> bool {
    let short_lines = match draft.lines.len() {
        1 => is_short(&draft.text, MAX_DECK_CHARS),
        2 => {
            !draft.list_item
                && draft.bold.is_empty()
                && draft.lines.iter().all(|l| is_short(l.trim(), MAX_HEADLINE_LINE_CHARS))
        }
        _ => false,
    };
    short_lines && !ends_sentence(&draft.text)
}

/// A deck first on the page is the title; under a heading it is one level
/// below it; elsewhere it is a minor heading.
fn deck_level(before: &[Draft]) -> u8 {
    match before.last().map(|d| d.role) {
        None => 1,
        Some(Role::Heading(level)) => (level + 1).min(6),
        Some(_) => 4,
    }
}
