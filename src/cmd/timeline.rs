//! `timeline show`: on a terminal, each network's span as a bar on a year axis
//! and the milestones grouped by year; elsewhere, the milestones as rows.

use chrono::{Datelike, NaiveDate};
use comfy_table::{Cell as TableCell, Color};

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
        chart.write(out, &networks, config)?;
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
    today: NaiveDate,
}

impl Chart {
    fn new(networks: &[&Network], config: &Config, width: usize) -> Option<Self> {
        let bars: Vec<Bar> = networks.iter().filter_map(|n| Bar::new(n)).collect();
        let first_year = bars.iter().map(|b| b.start.year()).min()?;
        let last_year = bars
            .iter()
            .map(|b| {
                if b.open {
                    config.today.year().max(b.end.year())
                } else {
                    b.end.year()
                }
            })
            .max()?;
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
            today: config.today,
        })
    }

    /// The column a day falls in.
    fn column(&self, day: NaiveDate) -> usize {
        let day = day.clamp(self.first, self.last);
        let year = usize::try_from(day.year() - self.first.year()).unwrap_or(0);
        let within = (day.ordinal0() as usize * self.per_year) / 366;
        (year * self.per_year + within) / self.years_per_column
    }

    fn columns(&self) -> usize {
        self.column(self.last) + 1
    }

    fn write(&self, out: &mut Out<'_>, networks: &[&Network], config: &Config) -> Result<()> {
        let pad = " ".repeat(self.label_width + 2);
        let (axis, ticks) = self.axis();
        writeln!(out, "{pad}{axis}")?;
        writeln!(out, "{pad}{ticks}")?;
        let mut used = [false; 3];
        for network in networks {
            let label = fit(network.id(), self.label_width);
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
        // On as many lines as the terminal needs.
        let room = (self.label_width + 2 + self.columns()).max(40);
        let mut line = String::new();
        for entry in legend {
            if !line.is_empty() && pad.len() + line.chars().count() + 3 + entry.chars().count() > room {
                writeln!(out, "{pad}{line}")?;
                line.clear();
            }
            if !line.is_empty() {
                line.push_str("   ");
            }
            line.push_str(entry);
        }
        writeln!(out, "{pad}{line}\n")?;
        Ok(())
    }

    /// Year labels every so many years from the first, evenly spaced and
    /// never running into each other.
    fn axis(&self) -> (String, String) {
        let columns = self.columns();
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
            let until = self.column(self.today.max(span.end));
            bar.push_str(&"░".repeat(until.saturating_sub(to)));
        }
        if !config.color {
            return bar;
        }
        let paint = match network.status(self.today) {
            Some(Status::Active) => "32",
            Some(Status::Planned) => "33",
            Some(Status::Closed) => "34",
            None => "90",
        };
        format!("\x1b[{paint}m{bar}\x1b[0m")
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

/// Milestones grouped under their year: the year once, then month and day.
fn write_events(
    out: &mut Out<'_>,
    events: &[(&Network, &Milestone)],
    config: &Config,
    width: usize,
) -> Result<()> {
    let mut table = output::new_table(config);
    table
        .load_style(comfy_table::presets::NOTHING)
        .set_width(width as u16);
    let mut previous = None;
    for (network, milestone) in events {
        let date = milestone.date();
        let year = if previous == Some(date.year) {
            TableCell::new("")
        } else {
            if previous.is_some() {
                table.add_row(vec![""]);
            }
            output::header_cell(config, &date.year.to_string())
        };
        previous = Some(date.year);
        let within = date.to_string().get(5..).unwrap_or_default().to_string();
        // A narrow terminal keeps the title's room: the glyph says enough.
        let kind = match (milestone.kind, width >= 72) {
            (Kind::Launch, true) => "▶ launch",
            (Kind::Completion, true) => "■ completion",
            (Kind::Launch, false) => "▶",
            (Kind::Completion, false) => "■",
            (Kind::Event, _) => "",
        };
        let mut kind = TableCell::new(kind);
        if config.color {
            kind = kind.fg(Color::Cyan);
        }
        table.add_row(vec![
            year,
            TableCell::new(within),
            TableCell::new(network.id()),
            TableCell::new(visible(&milestone.title)),
            kind,
        ]);
    }
    if let Some(first) = table.column_mut(0) {
        first.set_padding((0, 1));
    }
    // Years, dates, ids and kinds are never wrapped: the title is.
    for column in [0, 1, 2, 4] {
        if let Some(column) = table.column_mut(column) {
            column.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
        }
    }
    for line in table.lines() {
        out.styled(&format!("{}\n", line.trim_end()))?;
    }
    Ok(())
}

/// Cuts a label to `width` characters, marking the cut.
fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
    cut.push('…');
    cut
}
