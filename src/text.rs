//! Plain text helpers every module may use, and that use nothing of
//! netreg's: text compared the way people expect (without case or accents),
//! counted, matched to the nearest candidate, and escaped for a terminal.

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

/// Control characters from the data never reach the terminal raw, nor do
/// the invisible ones that reorder or hide text (bidirectional overrides
/// and isolates, zero-width characters).
pub fn visible(text: &str) -> Cow<'_, str> {
    // Control characters are C0, DEL and C1 (U+0080..U+009F, which UTF-8
    // starts with 0xC2); the invisible ones all start with 0xE2 or 0xEF:
    // most text has none of those bytes at all.
    let maybe = text
        .bytes()
        .any(|b| b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xe2 || b == 0xef);
    if !maybe || !text.chars().any(hidden) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\n' => "\\n".to_string(),
                '\t' => "\\t".to_string(),
                '\r' => "\\r".to_string(),
                c if hidden(c) => c.escape_unicode().to_string(),
                c => c.to_string(),
            })
            .collect(),
    )
}

/// A character that would act on the terminal or the text around it
/// rather than show.
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}')
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
    fn nearest_finds_typos_only() {
        let keys = ["name", "country", "role", "type"];
        assert_eq!(nearest("contry", keys), Some("country"));
        assert_eq!(nearest("zzz", keys), None);
    }
}
