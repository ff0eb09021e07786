//! `timeline show`: on a terminal, each network's span as a bar on a year axis
//! and the milestones grouped by year; elsewhere, the milestones as rows.

use chrono::{Datelike, NaiveDate};
use unicode_width::UnicodeWidthStr as _;

use super::{filter, milestones};
use crate::cli::{Format, ListArgs};
use crate::config::Config;
use crate::error::Result;
use crate::output::{self, Out};
use crate::registry::model::{Kind, Milestone, Network, Status};
use crate::store;
use crate::text::visible;

/// Width used for a table when nothing says how wide the screen is.
const DEFAULT_WIDTH: usize = 100;
const LABEL_MAX: usize = 24;

pub fn show(config: &Config, args: &ListArgs, out: &mut Out<'_>) -> Result<()> {
    let registry = &store::load(&config.location)?;
    let filter = filter(&args.filter, registry, config)?;
    let mut events = filter.milestones(registry);
    let shape = super::shape(args);
    if config.format != Format::Table || !shape.fields.is_empty() || shape.sort.is_some() {
        return output::print(out, config, milestones::rows(&events), &shape);
    }
    let mut networks = filter.networks(registry);
    if let Some(limit) = shape.limit {
        events.truncate(limit);
        // The chart shows the networks of the milestones shown, no more.
        networks.retain(|n| events.iter().any(|(e, _)| std::ptr::eq(*e, *n)));
    }
    let width = config.width.map_or(DEFAULT_WIDTH, usize::from).max(40);
    if let Some(chart) = Chart::new(&networks, config, width) {
        chart.write(out, &networks, config, width)?;
    }
    write_events(out, &events, config, width)
}

/// The years on the axis and how they map to columns: a whole number of
/// columns a year (or of years a column), so that ticks fall evenly.
struct Chart {
    first: NaiveDate,
    last: NaiveDate,
    label_width: usize,
    /// Columns a year, and years a column: one of them is 1.
    per_year: usize,
    years_per_column: usize,
}

impl Chart {
    fn new(networks: &[&Network], config: &Config, width: usize) -> Option<Self> {
        let bars: Vec<Bar> = networks.iter().filter_map(|n| Bar::new(n)).collect();
        let first_year = bars.iter().map(|b| b.start.year()).min()?;
        // An open bar runs on to today.
        let end = |b: &Bar| if b.open { b.end.max(config.today) } else { b.end };
        let last_year = bars.iter().map(|b| end(b).year()).max()?;
        let label_width = networks
            .iter()
            .map(|n| n.id().chars().count())
            .max()
            .unwrap_or(0)
            .min(LABEL_MAX);
        let columns = width.saturating_sub(label_width + 2).max(10);
        let years = usize::try_from(last_year - first_year + 1).ok()?.max(1);
        Some(Self {
            first: NaiveDate::from_ymd_opt(first_year, 1, 1)?,
            last: NaiveDate::from_ymd_opt(last_year, 12, 31)?,
            label_width,
            per_year: (columns / years).max(1),
            years_per_column: years.div_ceil(columns),
        })
    }

    /// The column a day falls in.
    fn column(&self, day: NaiveDate) -> usize {
        let day = day.clamp(self.first, self.last);
        let year = usize::try_from(day.year() - self.first.year()).unwrap_or(0);
        let within = (day.ordinal0() as usize * self.per_year) / 366;
        (year * self.per_year + within) / self.years_per_column
    }

    fn write(&self, out: &mut Out<'_>, networks: &[&Network], config: &Config, width: usize) -> Result<()> {
        let pad = " ".repeat(self.label_width + 2);
        let (axis, ticks) = self.axis();
        writeln!(out, "{pad}{axis}")?;
        writeln!(out, "{pad}{ticks}")?;
        let mut used = [false; 3];
        for network in networks {
            // An id is a slug: its characters are its width.
            let label = output::truncate(network.id(), self.label_width);
            let bar = match Bar::new(network) {
                Some(bar) => {
                    used[usize::from(!bar.known)] = true;
                    used[2] |= bar.open;
                    self.draw(network, &bar, config)
                }
                None => "(no dates)".to_string(),
            };
            out.styled(&format!("{label:<width$}  {bar}\n", width = self.label_width))?;
        }
        // The legend names only what the chart draws.
        let legend: Vec<&str> = [
            "█ launch to completion",
            "▒ span from its milestones (launch or completion not known)",
            "░ no completion date yet",
        ]
        .into_iter()
        .zip(used)
        .filter_map(|(text, used)| used.then_some(text))
        .collect();
        // On as many lines as the terminal needs, broken between words:
        // under the chart, or from the left where that leaves too little room.
        let pad = if width.saturating_sub(pad.len()) < 30 {
            ""
        } else {
            pad.as_str()
        };
        let room = width.saturating_sub(pad.len()).max(1);
        let mut line = String::new();
        // Whether `line` ends an entry broken over lines: none joins it.
        let mut broken = false;
        for entry in legend {
            if !line.is_empty() && !broken && line.width() + 3 + entry.width() <= room {
                line.push_str("   ");
                line.push_str(entry);
                continue;
            }
            if !line.is_empty() {
                writeln!(out, "{pad}{line}")?;
            }
            // An entry longer than the line goes on below its glyph.
            let (glyph, text) = entry.split_once(' ').unwrap_or(("", entry));
            let mut lines = output::wrap(text, room.saturating_sub(2).max(1)).into_iter();
            line = format!("{glyph} {}", lines.next().unwrap_or_default());
            broken = false;
            for more in lines {
                writeln!(out, "{pad}{line}")?;
                line = format!("  {more}");
                broken = true;
            }
        }
        writeln!(out, "{pad}{line}\n")?;
        Ok(())
    }

    /// Year labels every so many years from the first, evenly spaced and
    /// never running into each other.
    fn axis(&self) -> (String, String) {
        let columns = self.column(self.last) + 1;
        let step = [1, 2, 5, 10, 20, 25, 50, 100]
            .into_iter()
            .find(|s| (s * self.per_year) / self.years_per_column >= 6 && s % self.years_per_column == 0)
            .unwrap_or(100);
        let mut axis = vec![' '; columns + 4];
        let mut ticks = vec![' '; columns];
        for year in (self.first.year()..=self.last.year()).step_by(step) {
            let Some(day) = NaiveDate::from_ymd_opt(year, 1, 1) else {
                continue;
            };
            let at = self.column(day);
            let label: Vec<char> = year.to_string().chars().collect();
            if axis[at..at + label.len()].iter().all(|c| *c == ' ') && (at == 0 || axis[at - 1] == ' ') {
                axis[at..at + label.len()].copy_from_slice(&label);
                ticks[at] = '╵';
            }
        }
        let axis: String = axis.into_iter().collect();
        (
            axis.trim_end().to_string(),
            ticks.into_iter().collect::<String>().trim_end().to_string(),
        )
    }

    fn draw(&self, network: &Network, span: &Bar, config: &Config) -> String {
        let from = self.column(span.start);
        let to = self.column(span.end);
        let mut bar = " ".repeat(from);
        bar.push_str(&(if span.known { "█" } else { "▒" }).repeat(to - from + 1));
        if span.open {
            let until = self.column(config.today.max(span.end));
            bar.push_str(&"░".repeat(until.saturating_sub(to)));
        }
        let code = match network.status(config.today) {
            Some(Status::Active) => "32",
            Some(Status::Planned) => "33",
            Some(Status::Closed) => "34",
            None => "90",
        };
        super::paint(config, code, bar)
    }
}

/// What a network's bar covers: launch to completion, or to its last
/// milestone and on (`open`) while it has no completion and is not closed.
struct Bar {
    start: NaiveDate,
    end: NaiveDate,
    open: bool,
    /// The bar starts at the network's launch and ends at its completion
    /// (or goes on, `open`): nothing in it is guessed from other milestones.
    known: bool,
}

impl Bar {
    fn new(network: &Network) -> Option<Self> {
        let (start, end) = network.span()?;
        if let Some(end) = end {
            return Some(Self {
                start,
                end,
                open: false,
                known: network.start().is_some() && network.end().is_some(),
            });
        }
        // Still running: drawn to its latest milestone, and on.
        let last = network.milestones.iter().map(|m| m.date().last_day()).max();
        Some(Self {
            start,
            end: last.unwrap_or(start).max(start),
            open: true,
            // Launched and still going: its `░` says the end is not known.
            known: network.start().is_some(),
        })
    }
}

/// Milestones grouped under their year: the year once, then month and day,
/// the network and the title, wrapped at words in the room left.
fn write_events(
    out: &mut Out<'_>,
    events: &[(&Network, &Milestone)],
    config: &Config,
    width: usize,
) -> Result<()> {
    // A narrow terminal keeps the title's room: the glyph says enough.
    let wide = width >= 72;
    let kinds: Vec<&str> = events
        .iter()
        .map(|(_, m)| match (m.kind, wide) {
            (Kind::Launch, true) => "▶ launch",
            (Kind::Completion, true) => "■ completion",
            (Kind::Launch, false) => "▶",
            (Kind::Completion, false) => "■",
            (Kind::Event, _) => "",
        })
        .collect();
    let ids: Vec<String> = events.iter().map(|(n, _)| visible(n.id()).into_owned()).collect();
    let kind_width = kinds.iter().map(|k| k.width()).max().unwrap_or(0);
    let date_width = 5;
    let kind_room = if kind_width > 0 { 2 + kind_width } else { 0 };
    let fixed = 4 + 2 + date_width + 2 + 2 + kind_room;
    let room = width.saturating_sub(fixed).max(2);
    let id_natural = ids.iter().map(|id| id.width()).max().unwrap_or(0);
    // The title keeps three fifths of the room.
    let id_width = id_natural.min(LABEL_MAX).min(room * 2 / 5).max(1);
    let titles = events.iter().map(|(_, m)| visible(&m.title).width());
    let title_width = (room - id_width).min(titles.max().unwrap_or(0)).max(1);
    let mut previous = None;
    for (((_, milestone), id), kind) in events.iter().zip(&ids).zip(&kinds) {
        let date = milestone.date();
        let year = if previous == Some(date.year) {
            "    ".to_string()
        } else {
            if previous.is_some() {
                writeln!(out)?;
            }
            super::paint(config, "1", format!("{:<4}", date.year))
        };
        previous = Some(date.year);
        let within = date.to_string().get(5..).unwrap_or_default().to_string();
        let title = output::wrap(&visible(&milestone.title), title_width);
        let id = output::truncate(id, id_width);
        let kind = if kind.is_empty() {
            kind.to_string()
        } else {
            super::paint(config, "36", kind.to_string())
        };
        let first = format!(
            "{year}  {}  {}  {}  {kind}",
            padded(&within, date_width),
            padded(&id, id_width),
            padded(&title[0], title_width),
        );
        // Its kind may be painted: netreg's own colour, kept on a terminal.
        out.styled(&format!("{}\n", first.trim_end()))?;
        let indent = " ".repeat(fixed - kind_room + id_width);
        for more in &title[1..] {
            writeln!(out, "{indent}{more}")?;
        }
    }
    Ok(())
}

/// `text` and spaces to fill `width` columns.
fn padded(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}
