//! A text that does not read, read as far as it can be, with every reason
//! it does not: each syntax error, then each key and value the model
//! refuses. serde is the one schema: it names the first thing it refuses,
//! that thing is taken out of the parsed tree, and the rest is read again
//! until it reads. What is left goes on to the rules, so a network with an
//! unknown key still has its second lead and its duplicate id found.
//!
//! Only a text that failed to read comes here: a good one is read once, by
//! serde alone.

use std::ops::Range;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeInteger, DeTable, DeValue};

use super::date::PartialDate;
use super::diagnostic::Diagnostic;
use super::diagnostic::Source;
use super::model::{Milestone, Network, PARTNER_KEYS, Partner, Registry};
use super::{Words, explain, explain_in};

/// Every problem of `text` with the registry left when each is taken out.
/// The networks are read one at a time, so one that cannot be read at all
/// (no id) is the only one lost.
pub fn read(text: &str) -> (Registry, Vec<Diagnostic>) {
    let (mut root, errors) = DeTable::parse_recoverable(text);
    if let Some(((networks, said), without)) = conflicting(text, &root, &errors) {
        // The networks around it are read as if it were not there: toml
        // refuses their headers ("duplicate key"), a mistake of its own.
        let (mut registry, mut problems) = read(&without);
        registry.networks.extend(networks);
        registry.networks.sort_by_key(|network| network.id.span().start);
        problems.extend(said);
        problems.sort_by_key(Diagnostic::start);
        return (registry, problems);
    }
    let source = Source::new(if errors.is_empty() { "" } else { text });
    let line = |at: usize| source.position(at).0;
    let mut syntax: Vec<Diagnostic> = Vec::new();
    for error in &errors {
        let mut problem = date_literal(text, error).unwrap_or_else(|| explain(error));
        if problem.span.is_none() && error.message().contains("recursi") {
            // toml stops at a depth it does not say where: the deepest line.
            problem.span = deepest_line(text);
            problem.message = "invalid TOML: nested too deeply".into();
            problem = problem.hint(
                "netreg reads keys, tables and arrays nested up to about a hundred levels; flatten this",
            );
        }
        // The parser may say one mistake twice, in other words, further on
        // its line.
        if syntax
            .last()
            .is_none_or(|last| line(last.start()) != line(problem.start()))
        {
            syntax.push(problem);
        }
    }
    let mut problems = Vec::new();
    let networks = root.get_mut().remove("networks");
    let mut registry: Registry = repair(root, &mut problems).unwrap_or_default();
    let mut each = |value: Spanned<DeValue<'_>>, problems: &mut Vec<Diagnostic>| {
        // Its partners and milestones are read each on its own, so a
        // network of many broken ones is read in time linear in its size.
        let (value, partners, milestones) = items_apart(value);
        let mut network = repair_one::<Network>(value, problems);
        for partner in partners {
            let given = given_keys(&partner);
            if let (Some(mut partner), Some(network)) =
                (repair_one::<Partner>(partner, problems), &mut network)
            {
                // What the file gives but did not read is said once, as itself.
                let gives = |key| given.iter().any(|(known, _)| *known == key);
                partner.unread.country = gives("country") && partner.country.is_none();
                partner.unread.role = given.iter().any(|(key, value)| {
                    *key == "role" && !matches!(value.as_deref(), Some("lead" | "partner" | "observer"))
                });
                network.partners.push(partner);
            }
        }
        for milestone in milestones {
            // Its date stood in for (`fill`) where it has none.
            let header = milestone.span();
            if let (Some(milestone), Some(network)) = (
                repair_one::<Milestone>(milestone, problems).filter(|m| m.date.span() != header),
                &mut network,
            ) {
                network.milestones.push(milestone);
            }
        }
        registry.networks.extend(network);
    };
    match networks.map(|n| (n.span(), n.into_inner())) {
        Some((_, DeValue::Array(networks))) => {
            for network in networks {
                each(network, &mut problems);
            }
        }
        // `[[networks.partners]]` or `networks.x = …` before any `[[networks]]`
        // with no network below it (`conflicting`).
        Some((at, DeValue::Table(_))) if text.get(at.end..).is_some_and(|rest| rest.starts_with('.')) => {
            problems.push(misplaced_at(text, at));
        }
        // `[networks]` for `[[networks]]`: said, and its own problems found too.
        Some((at, table @ DeValue::Table(_))) => {
            problems.push(one_table(at.clone()));
            each(Spanned::new(at, table), &mut problems);
        }
        Some((at, _)) => problems.push(
            Diagnostic::error("wrong-type", Some(at), "`networks` is not a list of networks")
                .hint("give each network a table of its own, headed `[[networks]]`"),
        ),
        None => {}
    }
    // What follows a syntax error on its line is the parser's guess: its
    // complaints would be about the guess, not the file. What stands before
    // it was read as written.
    if !syntax.is_empty() {
        let broken: Vec<(usize, usize)> = syntax.iter().map(|p| (line(p.start()), p.start())).collect();
        problems.retain(|p| {
            let here = line(p.start());
            !broken.iter().any(|&(at, start)| at == here && p.start() >= start)
        });
    }
    problems.append(&mut syntax);
    problems.sort_by_key(Diagnostic::start);
    (registry, problems)
}

/// A table that makes `networks` one table where the file has a list of
/// networks too (toml then refuses their headers as a "duplicate key" and
/// keeps none of them): a `[[networks.partners]]` or `networks.x = …` before
/// any `[[networks]]`, or a `[networks]` written for `[[networks]]`. Gives
/// what is said of it (for `[networks]`, its own mistakes too, read as the
/// network it was meant to be) and the text the networks around it are read
/// from: the same, its stretch up to the next `[[networks]]` blanked (every
/// byte but line ends a space, so the rest keeps its lines and columns).
fn conflicting(
    text: &str,
    root: &Spanned<DeTable<'_>>,
    errors: &[toml::de::Error],
) -> Option<(Read, String)> {
    let (key, value) = root.get_ref().get_key_value("networks")?;
    if !matches!(value.get_ref(), DeValue::Table(_)) {
        return None;
    }
    let dotted = text.get(key.span().end..)?.starts_with('.');
    let at = if dotted { key.span() } else { value.span() };
    let refused: Vec<Range<usize>> = errors
        .iter()
        .filter(|e| e.message().contains("duplicate key"))
        .filter_map(toml::de::Error::span)
        .filter(|span| text.get(span.clone()) == Some("networks"))
        .collect();
    let below = refused.iter().find(|span| span.start > at.end);
    if refused.is_empty() || (dotted && below.is_none()) {
        return None;
    }
    let line_start = |at: usize| text[..at].rfind('\n').map_or(0, |i| i + 1);
    let stretch = line_start(at.start)..below.map_or(text.len(), |b| line_start(b.start));
    let blank: String = text[stretch.clone()]
        .bytes()
        .map(|b| if b == b'\n' { '\n' } else { ' ' })
        .collect();
    let without = format!("{}{blank}{}", &text[..stretch.start], &text[stretch.end..]);
    if dotted {
        return Some(((Vec::new(), vec![misplaced_at(text, at)]), without));
    }
    let (networks, mistakes) = read_as_a_network(text, stretch);
    let mut said = vec![one_table(at)];
    said.extend(mistakes);
    Some(((networks, said), without))
}

/// Networks read from a stretch of the text, and the mistakes found there.
type Read = (Vec<Network>, Vec<Diagnostic>);

/// `[networks]` (at `at`) for `[[networks]]`.
fn one_table(at: Range<usize>) -> Diagnostic {
    Diagnostic::error(
        "wrong-type",
        Some(at),
        "`[networks]` is one table, not a list of networks",
    )
    .hint("write each network's header `[[networks]]`, with two brackets")
}

/// The network in `text[stretch]`, headed `[networks]`, and its mistakes:
/// its header read as `[[networks]]`, each place moved back to the file's.
fn read_as_a_network(text: &str, stretch: Range<usize>) -> Read {
    let body = &text[stretch.clone()];
    let Some(close) = body.find(']') else {
        return (Vec::new(), Vec::new());
    };
    let own = format!("[{}]{}", &body[..=close], &body[close + 1..]);
    // `[` + body up to its `]` + `]` + the rest: two bytes more than the file.
    let place = |at: usize| stretch.start + at.saturating_sub(1).min(close) + at.saturating_sub(close + 2);
    let (registry, mut problems) = read(&own);
    for problem in &mut problems {
        problem.span = problem.span.take().map(|span| place(span.start)..place(span.end));
    }
    let mut networks = registry.networks;
    for network in &mut networks {
        // Its places all follow the header.
        network.shift(stretch.start as isize - 2);
    }
    (networks, problems)
}

/// `[[networks.partners]]` (the line at `at`) comes before any `[[networks]]`.
fn misplaced_at(text: &str, at: Range<usize>) -> Diagnostic {
    let source = Source::new(text);
    let line = source.line(source.position(at.start).0);
    Diagnostic::error(
        "wrong-type",
        Some(at),
        format!("`{}` comes before any `[[networks]]`", line.trim()),
    )
    .hint("a network's partners and milestones go below its own `[[networks]]` header: move this there")
}

/// The line of `text` nested deepest: the most dots in its key, or the most
/// brackets and braces open at once in its value.
fn deepest_line(text: &str) -> Option<Range<usize>> {
    let mut start = 0;
    let mut deepest: Option<(usize, Range<usize>)> = None;
    for line in text.split_inclusive('\n') {
        let key = line.split('=').next().unwrap_or_default();
        let (mut open, mut most) = (0usize, key.matches('.').count());
        for byte in line.bytes() {
            match byte {
                b'[' | b'{' => {
                    open += 1;
                    most = most.max(open);
                }
                b']' | b'}' => open = open.saturating_sub(1),
                _ => {}
            }
        }
        let end = start + line.trim_end().len();
        if deepest.as_ref().is_none_or(|(depth, _)| most > *depth) {
            deepest = Some((most, start..end.max(start + 1).min(text.len())));
        }
        start += line.len();
    }
    deepest.map(|(_, span)| span)
}

/// A TOML date that TOML refuses, as no day of the calendar (2019-06-31)
/// or as a month alone (2019-06), is said as a date in quotes would be.
fn date_literal(text: &str, error: &toml::de::Error) -> Option<Diagnostic> {
    let literal = text.get(error.span()?)?;
    let digits = |part: &str, n| part.len() == n && part.bytes().all(|b| b.is_ascii_digit());
    let message = match literal.split('-').collect::<Vec<_>>()[..] {
        [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) => PartialDate::parse(literal).err()?,
        [y, m] if digits(y, 4) && digits(m, 2) => {
            format!("{literal} is not a date in TOML: a month alone is written in quotes, \"{literal}\"")
        }
        _ => return None,
    };
    Some(explain_in(Words::Toml, &message, error.span()))
}

/// The partner keys a table gives, a misspelt one as the key it is read as
/// (`contry` as `country`), each with its value when that is a string.
fn given_keys(item: &Spanned<DeValue<'_>>) -> Vec<(&'static str, Option<String>)> {
    let DeValue::Table(table) = item.get_ref() else {
        return Vec::new();
    };
    (table.iter())
        .filter_map(|(key, value)| {
            let key = key.get_ref().as_ref();
            let known = (PARTNER_KEYS.iter().copied().find(|known| *known == key))
                .or_else(|| crate::text::nearest(key, PARTNER_KEYS.iter().copied()))?;
            Some((known, value.get_ref().as_str().map(str::to_string)))
        })
        .collect()
}

/// A network's value with its arrays of partners and milestones taken out
/// (those that are arrays: anything else stays, for serde to refuse).
fn items_apart(
    value: Spanned<DeValue<'_>>,
) -> (
    Spanned<DeValue<'_>>,
    Vec<Spanned<DeValue<'_>>>,
    Vec<Spanned<DeValue<'_>>>,
) {
    let span = value.span();
    let mut table = match value.into_inner() {
        DeValue::Table(table) => table,
        other => return (Spanned::new(span, other), Vec::new(), Vec::new()),
    };
    let mut take = |key: &str| match table.get(key).map(Spanned::get_ref) {
        Some(DeValue::Array(_)) => match table.remove(key).map(Spanned::into_inner) {
            Some(DeValue::Array(items)) => items.into_iter().collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    let (partners, milestones) = (take("partners"), take("milestones"));
    (Spanned::new(span, DeValue::Table(table)), partners, milestones)
}

/// One network, partner or milestone read as `repair` reads a registry.
fn repair_one<T: DeserializeOwned>(item: Spanned<DeValue<'_>>, problems: &mut Vec<Diagnostic>) -> Option<T> {
    #[derive(Deserialize)]
    #[serde(bound = "T: DeserializeOwned")]
    struct One<T> {
        item: T,
    }
    let span = item.span();
    let mut one = DeTable::new();
    one.insert(Spanned::new(span.clone(), "item".into()), item);
    repair::<One<T>>(Spanned::new(span, one), problems).map(|one| one.item)
}

/// What `root` holds, with every problem serde finds in it: each is taken
/// out of the tree in turn and the rest read again. Nothing read when the
/// root itself cannot be.
fn repair<T: DeserializeOwned>(mut root: Spanned<DeTable<'_>>, problems: &mut Vec<Diagnostic>) -> Option<T> {
    // The keys taken out for a bad value, and the arrays an item was taken
    // out of: serde then finds the key missing, or the array too short,
    // which is the same mistake said twice.
    let mut taken: Vec<(Range<usize>, String)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    // Each round takes a thing out, or mends one for good (a misspelt key
    // renamed, a missing name filled, a bad one emptied), so the rounds
    // end; the bound is a guard, far above any table's keys.
    for _ in 0..ROUNDS {
        let error = match T::deserialize(toml::de::Deserializer::from(root.clone())) {
            Ok(read) => return Some(read),
            Err(error) => error,
        };
        let Some(span) = error.span() else {
            problems.push(explain(&error));
            return None;
        };
        let missing = missing_key(error.message());
        // A mending that did not take (the same problem again) is not
        // tried twice, nor said twice: the thing is taken out instead.
        let again = !seen.insert((span.clone(), error.message().to_string()));
        let said = again || taken.contains(&(span.clone(), missing.clone().unwrap_or_default()));
        if !said {
            problems.push(explain(&error));
        }
        let meant_key = unknown(error.message());
        if !again {
            // A misspelt key is read as the key it was meant to be, so its
            // value is checked and not missed (`contry = "XX"`).
            if let Some((key, known)) = &meant_key
                && let Some(meant) = crate::text::nearest(key, known.iter().map(String::as_str))
                && rename(root.get_mut(), &span, meant).is_some()
            {
                continue;
            }
            // A network or partner without its name (or id) is read with an
            // empty one, so the rules still see the rest of it; what they
            // say of the empty name is the same mistake (`Read::checked`).
            // A milestone without its date is read with a stand-in at its
            // header, so its other keys are checked, and then left out.
            if let Some(key) = missing.as_deref()
                && (NAMES.contains(&key) || key == "date")
                && fill(root.get_mut(), &span, key).is_some()
            {
                continue;
            }
        }
        let root_span = root.span();
        match take_out(root_span, root.get_mut(), &span, meant_key.is_none() && !again) {
            Some(out) => taken.push(out),
            None => return None,
        }
    }
    None
}

const ROUNDS: usize = 100_000;

/// The keys a table is read without, as empty, when they are missing.
const NAMES: &[&str] = &["id", "name", "title"];

/// `key = ""` put in the table at `span`, at its place.
fn fill(root: &mut DeTable<'_>, span: &Range<usize>, key: &str) -> Option<()> {
    let path = path_to(root, span, true)?;
    let table = table_at(root, &path).filter(|table| !table.contains_key(key))?;
    let value = if key == "date" { "0001" } else { "" };
    table.insert(
        Spanned::new(span.clone(), key.to_string().into()),
        Spanned::new(span.clone(), DeValue::String(value.into())),
    );
    Some(())
}

/// The key serde says is unknown, with the keys it knows there.
fn unknown(message: &str) -> Option<(String, Vec<String>)> {
    message
        .trim()
        .starts_with("unknown field ")
        .then(|| super::named_and_expected(message))
}

/// The key at `span` renamed `to`, unless its table has that key already.
fn rename(root: &mut DeTable<'_>, span: &Range<usize>, to: &str) -> Option<()> {
    let path = path_to(root, span, true)?;
    let (Step::Key(key), within) = path.split_last()? else {
        return None;
    };
    let table = table_at(root, within).filter(|table| !table.contains_key(to))?;
    let (old, value) = table.remove_entry(key.as_str())?;
    table.insert(Spanned::new(old.span(), to.to_string().into()), value);
    Some(())
}

/// The table `path` leads to.
fn table_at<'a, 'i>(root: &'a mut DeTable<'i>, path: &[Step]) -> Option<&'a mut DeTable<'i>> {
    if path.is_empty() {
        return Some(root);
    }
    match value_at(root, path)?.get_mut() {
        DeValue::Table(table) => Some(table),
        _ => None,
    }
}

/// The value a non-empty `path` leads to.
fn value_at<'a, 'i>(root: &'a mut DeTable<'i>, path: &[Step]) -> Option<&'a mut Spanned<DeValue<'i>>> {
    let (Step::Key(first), rest) = path.split_first()? else {
        return None;
    };
    let mut here = root.get_mut(first.as_str())?;
    for step in rest {
        here = match (here.get_mut(), step) {
            (DeValue::Table(table), Step::Key(key)) => table.get_mut(key.as_str())?,
            (DeValue::Array(items), Step::Index(index)) => items.as_mut().get_mut(*index)?,
            _ => return None,
        };
    }
    Some(here)
}

/// The key serde says is missing, if that is what it says.
fn missing_key(message: &str) -> Option<String> {
    let rest = message.trim().strip_prefix("missing field `")?;
    Some(rest.split('`').next()?.to_string())
}

/// A step from a table or array to what it holds.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

/// Takes out of the tree (whose root is at `at`) the entry or array element
/// that `span` points at: one whose key or value is exactly there, else the
/// innermost value that holds it. (A table's span is its header's, so it
/// holds none of its keys: every node is looked at.) Gives the span of the
/// table (or array) it was taken from, and its key (none for an item).
fn take_out(
    at: Range<usize>,
    root: &mut DeTable<'_>,
    span: &Range<usize>,
    bad_value: bool,
) -> Option<(Range<usize>, String)> {
    let path = path_to(root, span, true).or_else(|| path_to(root, span, false))?;
    let (last, within) = path.split_last()?;
    let parent = if within.is_empty() {
        at
    } else {
        value_at(root, within)?.span()
    };
    match last {
        Step::Key(key) => {
            let table = table_at(root, within)?;
            match table.get_mut(key.as_str()) {
                // A name or id of the wrong type is read as empty, as a
                // missing one is (`fill`).
                Some(value)
                    if bad_value && NAMES.contains(&key.as_str()) && value.get_ref().as_str() != Some("") =>
                {
                    *value = Spanned::new(value.span(), DeValue::String("".into()));
                }
                _ => {
                    table.remove(key.as_str())?;
                }
            }
            Some((parent, key.clone()))
        }
        Step::Index(index) => {
            // A number of a pair of coordinates that is no number stands in
            // as 0, so the other is still checked (`[100, "a"]`: latitude
            // 100 is off the globe too) and the pair is not said short.
            if bad_value && matches!(within.last(), Some(Step::Key(key)) if key == "coordinates") {
                let item = value_at(root, path.as_slice())?;
                *item = Spanned::new(item.span(), DeValue::Integer(DeInteger::default()));
                return Some((parent, String::new()));
            }
            let DeValue::Array(items) = value_at(root, within)?.get_mut() else {
                return None;
            };
            let all = std::mem::replace(items, std::iter::empty().collect());
            *items = all
                .into_iter()
                .enumerate()
                .filter(|(i, _)| i != index)
                .map(|(_, item)| item)
                .collect();
            Some((parent, String::new()))
        }
    }
}

/// The path to the innermost node at `span` (`exact`) or holding it.
fn path_to(root: &DeTable<'_>, span: &Range<usize>, exact: bool) -> Option<Vec<Step>> {
    let mut path = Vec::new();
    find(root, span, exact, &mut path).then_some(path)
}

fn find(table: &DeTable<'_>, span: &Range<usize>, exact: bool, path: &mut Vec<Step>) -> bool {
    for (key, value) in table.iter() {
        path.push(Step::Key(key.get_ref().to_string()));
        if find_in(value, span, exact, path) || (exact && key.span() == *span) {
            return true;
        }
        path.pop();
    }
    false
}

fn find_in(value: &Spanned<DeValue<'_>>, span: &Range<usize>, exact: bool, path: &mut Vec<Step>) -> bool {
    let inner = match value.get_ref() {
        DeValue::Table(table) => find(table, span, exact, path),
        DeValue::Array(items) => items.iter().enumerate().any(|(index, item)| {
            path.push(Step::Index(index));
            let found = find_in(item, span, exact, path);
            if !found {
                path.pop();
            }
            found
        }),
        _ => false,
    };
    inner
        || if exact {
            value.span() == *span
        } else {
            holds(&value.span(), span)
        }
}

fn holds(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A key nested deeper than toml goes is said at its line.
    #[test]
    fn a_key_nested_too_deeply_is_said_at_its_line() {
        let text = format!("format = 1\n\na{} = 1\n", ".a".repeat(130));
        let (_, problems) = read(&text);
        let deep = problems
            .iter()
            .find(|p| p.message == "invalid TOML: nested too deeply");
        let deep = deep.unwrap_or_else(|| panic!("{problems:#?}"));
        assert_eq!(deep.position(&text), Some((3, 1)));
    }

    /// Each key a table may be read with as empty, put where it is
    /// unknown, of the wrong type or missing, in every table: every text
    /// is read to its end with its mistake said.
    #[test]
    fn names_out_of_place_or_of_the_wrong_type_end_the_rounds() {
        let values = ["5", "[]", "\"\"", "{ a = 1 }", "2011-06-09"];
        let tables = [
            "",
            "[[networks]]\n",
            "[[networks]]\nid = \"a\"\nname = \"A\"\n[[networks.partners]]\n",
        ];
        let closings = ["", "[[networks.milestones]]\ndate = \"2011\"\n"];
        for table in tables {
            for key in NAMES.iter().chain(&["date", "role", "colour"]) {
                for value in values {
                    for closing in closings {
                        let text = format!("{table}{key} = {value}\n{closing}");
                        let (_, problems) = read(&text);
                        let reads = toml::from_str::<Registry>(&text).is_ok();
                        assert!(
                            problems.is_empty() == reads && problems.len() <= 6,
                            "{text}: {problems:#?}"
                        );
                    }
                }
            }
        }
    }
}
