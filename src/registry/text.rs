//! Text compared the way people expect: without case or accents.

/// Lower-cased ASCII transliteration: `Jyväskylä` → `jyvaskyla`.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    fold_into(text, &mut folded);
    folded
}

/// `fold(text)` written at the end of `out`.
pub fn fold_into(text: &str, out: &mut String) {
    // Most names are ASCII already: the same answer without the table.
    if text.is_ascii() {
        let start = out.len();
        out.push_str(text);
        out[start..].make_ascii_lowercase();
    } else {
        out.push_str(&deunicode::deunicode(text).to_lowercase());
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
