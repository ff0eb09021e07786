//! `export --format ics`: milestones as an RFC 5545 calendar of all-day
//! events; one at month or year precision spans its month or year.

use crate::error::Result;
use crate::output::Out;
use crate::registry::model::{Milestone, Network};

/// Writes the calendar; returns how many events it holds.
pub fn write(
    out: &mut Out<'_>,
    milestones: &[(&Network, &Milestone)],
    today: chrono::NaiveDate,
) -> Result<usize> {
    // A calendar holds at least one event (RFC 5545 §3.6): nothing matched
    // is an empty output, as for every list.
    if milestones.is_empty() {
        return Ok(0);
    }
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        format!("PRODID:-//netreg//netreg {}//EN", env!("CARGO_PKG_VERSION")),
        "CALSCALE:GREGORIAN".to_string(),
        "X-WR-CALNAME:netreg milestones".to_string(),
    ];
    let stamp = today.format("%Y%m%dT000000Z");
    for (network, milestone) in milestones {
        let date = milestone.date();
        let end = date.last_day().succ_opt().unwrap_or(date.last_day());
        lines.push("BEGIN:VEVENT".to_string());
        // `check` lets the same milestone stand twice: the second is `-2`.
        let mut uid = uid(network, milestone);
        let n = seen.entry(uid.clone()).or_default();
        *n += 1;
        if *n > 1 {
            uid.push_str(&format!("-{n}"));
        }
        lines.push(format!("UID:{}@netreg", text(&uid)));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.push(format!(
            "DTSTART;VALUE=DATE:{}",
            date.first_day().format("%Y%m%d")
        ));
        lines.push(format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")));
        lines.push(format!(
            "SUMMARY:{}",
            text(&format!("{}: {}", network.name, milestone.title))
        ));
        lines.push(format!("CATEGORIES:{}", milestone.kind.as_str()));
        let mut about = format!("netreg network {}", network.id());
        if let Some(programme) = &network.programme {
            about.push_str(&format!(" ({programme})"));
        }
        about.push_str(&format!("; date known to the {}", milestone.date().precision()));
        lines.push(format!("DESCRIPTION:{}", text(&about)));
        // A URI, not TEXT: nothing escaped, but no character a line cannot hold.
        if let Some(url) = &network.url {
            let url: String = url.chars().filter(|c| !c.is_control()).collect();
            lines.push(format!("URL:{url}"));
        }
        lines.push("END:VEVENT".to_string());
    }
    lines.push("END:VCALENDAR".to_string());
    let mut calendar = String::new();
    for line in &lines {
        fold(line, &mut calendar);
    }
    out.write_str(&calendar)?;
    Ok(milestones.len())
}

/// The same for the same network and milestone on every export: the
/// network's id, the date, and a hash of the title.
fn uid(network: &Network, milestone: &Milestone) -> String {
    let hash = xxhash_rust::xxh3::xxh3_64(milestone.title.as_bytes());
    format!("{}-{}-{hash:016x}", network.id(), milestone.date())
}

/// TEXT as RFC 5545 escapes it; control characters it cannot hold replaced.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            '\t' => out.push(' '),
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// A content line folded at 75 octets (never inside a character), CRLF ended.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let mut out = String::new();
        fold(&format!("SUMMARY:{}", "é".repeat(50)), &mut out);
        let lines: Vec<&str> = out.split("\r\n").collect();
        assert!(lines.iter().all(|l| l.len() <= 75), "{lines:?}");
        assert_eq!(
            lines.concat().replace(' ', ""),
            format!("SUMMARY:{}", "é".repeat(50))
        );
        assert_eq!(text("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
    }
}
