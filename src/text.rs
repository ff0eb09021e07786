//! Plain text helpers every module may use, and that use nothing of
//! netreg's: text compared the way people expect (without case or accents),
//! counted, matched to the nearest candidate, and escaped for a terminal:
//! one rule (`hidden`) for what never reaches a terminal raw.

use std::borrow::Cow;

/// Lower-cased ASCII transliteration: `Jyväskylä` → `jyvaskyla`.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        deunicode::deunicode(text).to_lowercase()
    }
}

/// `n` of `what`, as people count: "1 partner", "3 partners".
pub fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// The nearest of `candidates` to `input`, if any is close enough to be a typo.
pub fn nearest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(input, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Text from the data or the command line as a message shows it: every
/// character that would act on the terminal or on the text around it
/// (`hidden`) as a visible escape, line breaks and tabs included (a message
/// is laid out by netreg, not by its data): `\n`, `\t`, `\r`, and
/// `\u{1b}` for the others, as Rust writes them.
pub fn visible(text: &str) -> Cow<'_, str> {
    escaped(text, hidden)
}

/// A value as a field of a tab-separated row: its tabs and line breaks as
/// `\t`, `\n` and `\r` (they would break the row apart), everything else as
/// it is.
pub fn in_a_row(text: &str) -> Cow<'_, str> {
    escaped(text, |_| false)
}

/// `text` with its line breaks and tabs as `\n`, `\t` and `\r`, and the
/// other characters `also` picks as `\u{…}`.
fn escaped(text: &str, also: impl Fn(char) -> bool) -> Cow<'_, str> {
    let breaks = |c: char| matches!(c, '\n' | '\t' | '\r');
    if !text.chars().any(|c| breaks(c) || also(c)) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\n' | '\t' | '\r' => shown.extend(c.escape_default()),
            c if also(c) => shown.extend(c.escape_unicode()),
            c => shown.push(c),
        }
    }
    Cow::Owned(shown)
}

/// What a terminal shows of a stream netreg writes to it (data, an export,
/// a diff): the same escapes as `visible`, but its own line breaks and tabs
/// (and the CRLF line ends of an iCalendar file) kept as the layout they
/// are; with `colour`, the SGR sequences netreg paints with (`ESC [ … m`)
/// kept too. `text` ends where the caller says: a `\r` at its very end is
/// shown as one.
pub fn on_terminal(text: &str, colour: bool) -> Cow<'_, str> {
    let acts = |c: char| hidden(c) && c != '\n' && c != '\t';
    if !text.chars().any(acts) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let mut len = c.len_utf8();
        match c {
            '\r' if rest[1..].starts_with('\n') => {
                shown.push_str("\r\n");
                len = 2;
            }
            '\r' => shown.push_str("\\r"),
            '\x1b' if colour && sgr_len(rest) > 0 => {
                len = sgr_len(rest);
                shown.push_str(&rest[..len]);
            }
            c if acts(c) => shown.extend(c.escape_unicode()),
            c => shown.push(c),
        }
        rest = &rest[len..];
    }
    Cow::Owned(shown)
}

/// The length of the SGR sequence (`ESC [ 1;31 m`) `text` starts with, or 0.
fn sgr_len(text: &str) -> usize {
    let Some(params) = text.strip_prefix("\x1b[") else {
        return 0;
    };
    let digits = params
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b';')
        .count();
    if params[digits..].starts_with('m') {
        2 + digits + 1
    } else {
        0
    }
}

/// A character that would act on the terminal or on the text around it
/// rather than show: Unicode's controls (general category Cc: C0, DEL and
/// C1), format characters (Cf: the bidirectional controls, U+061C among
/// them, zero-width characters, the soft hyphen, tags...) and line and
/// paragraph separators (Zl, Zp); and the whole tag block, U+E0000 to
/// U+E007F, its unassigned code points included.
pub fn hidden(c: char) -> bool {
    use unicode_properties::{GeneralCategory as Category, UnicodeGeneralCategory as _};
    if c.is_ascii() {
        return c.is_ascii_control();
    }
    matches!(
        c.general_category(),
        Category::Control | Category::Format | Category::LineSeparator | Category::ParagraphSeparator
    ) || ('\u{e0000}'..='\u{e007f}').contains(&c)
}

/// The most characters a message, a hint or a status line shows.
const MESSAGE_MAX: usize = 400;

/// Text as a message line shows it: `visible`, and cut in the middle
/// (`clip`) when it would run to thousands of characters.
pub fn in_message(text: &str) -> String {
    clip(&visible(text), MESSAGE_MAX).into_owned()
}

/// `text` cut in the middle to at most `max` characters, with `…` where it
/// was cut: a message that quotes a 5 MB value stays a message.
pub fn clip(text: &str, max: usize) -> Cow<'_, str> {
    let count = text.chars().count();
    if count <= max {
        return Cow::Borrowed(text);
    }
    let tail = max / 3;
    let head = max.saturating_sub(tail + 1);
    let start: String = text.chars().take(head).collect();
    let end: String = text.chars().skip(count - tail).collect();
    Cow::Owned(format!("{start}…{end}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The ASCII shortcut folds as the transliteration table does.
        #[test]
        fn the_ascii_shortcut_folds_as_deunicode_does(text in "[ -~]{0,24}") {
            proptest::prop_assert_eq!(fold(&text), deunicode::deunicode(&text).to_lowercase());
        }
    }

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Jyväskylä"), "jyvaskyla");
        assert_eq!(fold("Hódmezővásárhely"), "hodmezovasarhely");
        assert_eq!(fold("ÓBIDOS"), "obidos");
    }

    #[test]
    fn every_control_format_and_separator_character_is_escaped() {
        for c in [
            '\x1b',
            '\x07',
            '\x7f',
            '\u{85}',
            '\u{9b}',
            '\u{ad}',
            '\u{61c}',
            '\u{200b}',
            '\u{200d}',
            '\u{200e}',
            '\u{2028}',
            '\u{2029}',
            '\u{202e}',
            '\u{2066}',
            '\u{2069}',
            '\u{feff}',
            '\u{e0000}',
            '\u{e0001}',
            '\u{e0041}',
            '\u{e007f}',
            '\u{110bd}',
            '\u{1d173}',
        ] {
            let text = format!("a{c}b");
            let escaped = format!("a{}b", c.escape_unicode());
            assert_eq!(visible(&text), escaped, "{:?}", c);
            assert_eq!(on_terminal(&text, true), escaped, "{:?}", c);
        }
        assert_eq!(visible("a\x1b[31mb"), "a\\u{1b}[31mb");
        assert_eq!(visible("line\nbreak\tand\r"), "line\\nbreak\\tand\\r");
        for plain in [
            "Jyväskylä",
            "Âge ©",
            "Bogotá – “x”",
            "Łódź",
            "東京",
            "a\u{a0}b",
            "e\u{301}",
        ] {
            assert_eq!(visible(plain), plain);
        }
    }

    #[test]
    fn a_terminal_keeps_its_own_layout_and_colours() {
        assert_eq!(on_terminal("a\tb\nc\r\n", false), "a\tb\nc\r\n");
        assert_eq!(on_terminal("a\rb\r", false), "a\\rb\\r");
        assert_eq!(on_terminal("\x1b[1;31mred\x1b[0m", true), "\x1b[1;31mred\x1b[0m");
        assert_eq!(on_terminal("\x1b[1;31mred", false), "\\u{1b}[1;31mred");
        assert_eq!(on_terminal("\x1b]0;title\x07", true), "\\u{1b}]0;title\\u{7}");
    }

    #[test]
    fn a_long_text_is_clipped_in_the_middle() {
        assert_eq!(clip("short", 10), "short");
        assert_eq!(clip(&"a".repeat(20), 10), "aaaaaa…aaa");
        assert_eq!(clip(&"ä".repeat(5_000_000), 100).chars().count(), 100);
    }

    #[test]
    fn nearest_finds_typos_only() {
        let keys = ["name", "country", "role", "type"];
        assert_eq!(nearest("contry", keys), Some("country"));
        assert_eq!(nearest("zzz", keys), None);
    }
}
