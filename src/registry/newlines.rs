//! Line breaks as the file has them. toml_edit writes every line break it
//! makes as LF; in a file whose lines end in CRLF, the text of an edited
//! network gets its CRs back, so that the lines an edit did not change stay
//! as they were and the new ones match them.

/// Whether the lines of `text` end in CRLF, as its first line break says.
pub fn crlf(text: &str) -> bool {
    text.find('\n')
        .is_some_and(|i| text.as_bytes().get(i.wrapping_sub(1)) == Some(&b'\r'))
}

/// `text` (TOML as toml_edit writes it) with a CR before every LF that ends
/// a line, when `crlf`. A line break inside a multi-line string is part of
/// the string's value, and stays as it is.
pub fn matching(text: String, crlf: bool) -> String {
    if !crlf || !text.contains('\n') {
        return text;
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut copied = 0;
    let mut state = State::Code;
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        match state {
            State::Code | State::Comment if byte == b'\n' => {
                if i == 0 || bytes[i - 1] != b'\r' {
                    out.push_str(&text[copied..i]);
                    out.push('\r');
                    copied = i;
                }
                state = State::Code;
            }
            State::Code => match byte {
                b'#' => state = State::Comment,
                b'"' | b'\'' => {
                    let run = quotes(bytes, i, byte);
                    state = match (byte, run) {
                        (b'"', 3..) => State::MultiLine(b'"'),
                        (b'\'', 3..) => State::MultiLine(b'\''),
                        // `""` or `''`: an empty string.
                        (_, 2) => State::Code,
                        (b'"', _) => State::Basic,
                        _ => State::Literal,
                    };
                    i += run.min(3);
                    continue;
                }
                _ => {}
            },
            State::Comment => {}
            State::Basic => match byte {
                b'\\' => i += 1,
                b'"' => state = State::Code,
                _ => {}
            },
            State::Literal => {
                if byte == b'\'' {
                    state = State::Code;
                }
            }
            State::MultiLine(quote) => {
                if byte == b'\\' && quote == b'"' {
                    i += 2;
                    continue;
                }
                if byte == quote {
                    // Up to two quotes before the closing three are the string's.
                    let run = quotes(bytes, i, quote);
                    if run >= 3 {
                        state = State::Code;
                    }
                    i += run;
                    continue;
                }
            }
        }
        i += 1;
    }
    out.push_str(&text[copied..]);
    out
}

#[derive(Clone, Copy)]
enum State {
    Code,
    Comment,
    /// In a `"…"` string.
    Basic,
    /// In a `'…'` string.
    Literal,
    /// In a `"""…"""` or `'''…'''` string.
    MultiLine(u8),
}

/// How many `quote`s follow one another from `at`.
fn quotes(bytes: &[u8], at: usize, quote: u8) -> usize {
    bytes[at..].iter().take_while(|b| **b == quote).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_crlf_from_its_first_line_break() {
        assert!(crlf("a = 1\r\nb = 2\n"));
        assert!(!crlf("a = 1\nb = 2\r\n"));
        assert!(!crlf("a = 1"));
        assert!(!crlf("\n"));
        assert!(crlf("\r\n"));
    }

    #[test]
    fn leaves_lf_text_alone() {
        let text = "a = 1\nb = \"\"\"\nx\"\"\"\n";
        assert_eq!(matching(text.to_string(), false), text);
    }

    #[test]
    fn ends_lines_with_crlf_outside_multi_line_strings() {
        let cases = [
            ("a = 1\nb = 2\n", "a = 1\r\nb = 2\r\n"),
            ("a = 1\r\nb = 2\n", "a = 1\r\nb = 2\r\n"),
            ("\n\n", "\r\n\r\n"),
            ("# say \"\"\" here\na = 1\n", "# say \"\"\" here\r\na = 1\r\n"),
            (
                "s = \"\"\"\nx\ny\"\"\"\nt = 1\n",
                "s = \"\"\"\nx\ny\"\"\"\r\nt = 1\r\n",
            ),
            ("s = '''\nx\n'''\nt = 1\n", "s = '''\nx\n'''\r\nt = 1\r\n"),
            (
                "s = \"\"\"x\"\"\"\"\"\nt = 1\n",
                "s = \"\"\"x\"\"\"\"\"\r\nt = 1\r\n",
            ),
            (
                "s = \"\"\"a \\\"\"\" b\n\"\"\"\nt = 1\n",
                "s = \"\"\"a \\\"\"\" b\n\"\"\"\r\nt = 1\r\n",
            ),
            (
                "s = \"a\\\"#\" # c\nt = 'x\"\"\"'\nu = 1\n",
                "s = \"a\\\"#\" # c\r\nt = 'x\"\"\"'\r\nu = 1\r\n",
            ),
            ("e = \"\"\nf = ''\ng = 1\n", "e = \"\"\r\nf = ''\r\ng = 1\r\n"),
            (
                "s = \"\"\"\r\nkept\r\n\"\"\"\n",
                "s = \"\"\"\r\nkept\r\n\"\"\"\r\n",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(matching(text.to_string(), true), expected, "{text:?}");
        }
    }

    #[test]
    fn strings_read_the_same_after() {
        let text = "a = \"\"\"\nx\ny\"\"\"\nb = 'p'\n[t]\nc = '''\nq\n'''\n";
        let before: toml::Table = toml::from_str(text).unwrap_or_default();
        let after: toml::Table = toml::from_str(&matching(text.to_string(), true)).unwrap_or_default();
        assert_eq!(before, after);
        assert_eq!(before["a"].as_str(), Some("x\ny"));
    }
}
