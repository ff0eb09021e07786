//! Text compared the way people expect: without case or accents.

/// Lower-cased ASCII transliteration: `Jyväskylä` → `jyvaskyla`.
pub fn fold(text: &str) -> String {
    deunicode::deunicode(text).to_lowercase()
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
