//! Dates known to a year, a month or a day, as real sources give them.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// A calendar date at its own precision: `2011`, `2011-06` or `2011-06-09`.
///
/// Ordering puts a coarser date before the finer ones inside it, so `2011` sorts
/// before `2011-01` and `2011-01-01`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking the date exists.
    pub fn parse(text: &str) -> Result<Self, String> {
        let shape = || format!("`{text}` is not a date: write YYYY, YYYY-MM or YYYY-MM-DD");
        let parts: Vec<&str> = text.trim().split('-').collect();
        let number = |s: &str, len: usize| -> Result<u32, String> {
            if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().map_err(|_| shape())
            } else {
                Err(shape())
            }
        };
        let year = number(parts[0], 4)? as i32;
        let month = parts.get(1).map(|m| number(m, 2)).transpose()?;
        let day = parts.get(2).map(|d| number(d, 2)).transpose()?;
        if parts.len() > 3 {
            return Err(shape());
        }
        Self::new(year, month, day)
    }

    /// Builds a date, refusing months and days the calendar does not have.
    pub fn new(year: i32, month: Option<u32>, day: Option<u32>) -> Result<Self, String> {
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(format!("month {m:02} does not exist: months run from 01 to 12"));
        }
        if let (Some(m), Some(d)) = (month, day)
            && NaiveDate::from_ymd_opt(year, m, d).is_none()
        {
            let last = last_day_of_month(year, m);
            return Err(format!(
                "{year:04}-{m:02}-{d:02} is not a real date: that month has {last} days"
            ));
        }
        Ok(Self { year, month, day })
    }

    /// The first day this date may mean.
    pub fn first_day(&self) -> NaiveDate {
        let fallback = NaiveDate::MIN;
        NaiveDate::from_ymd_opt(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1)).unwrap_or(fallback)
    }

    /// How precise it is: `year`, `month` or `day`.
    pub fn precision(&self) -> &'static str {
        match (self.month, self.day) {
            (None, _) => "year",
            (Some(_), None) => "month",
            _ => "day",
        }
    }

    /// The last day this date may mean.
    pub fn last_day(&self) -> NaiveDate {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| last_day_of_month(self.year, month));
        NaiveDate::from_ymd_opt(self.year, month, day).unwrap_or(NaiveDate::MAX)
    }
}

fn last_day_of_month(year: i32, month: u32) -> u32 {
    NaiveDate::from_ymd_opt(year, month, 1).map_or(31, |d| d.num_days_in_month().into())
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    /// Text in TOML and JSON; in a binary format, the year, month and day as
    /// numbers (0 for a month or day not known).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if !serializer.is_human_readable() {
            return (self.year, self.month.unwrap_or(0), self.day.unwrap_or(0)).serialize(serializer);
        }
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if !deserializer.is_human_readable() {
            let (year, month, day) = <(i32, u32, u32)>::deserialize(deserializer)?;
            let known = |n: u32| (n != 0).then_some(n);
            return Self::new(year, known(month), known(day)).map_err(de::Error::custom);
        }
        deserializer.deserialize_any(DateVisitor)
    }
}

struct DateVisitor;

impl<'de> Visitor<'de> for DateVisitor {
    type Value = PartialDate;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date: 2011-06-09, or a string \"2011\" or \"2011-06\"")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<PartialDate, E> {
        PartialDate::parse(text).map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, year: i64) -> Result<PartialDate, E> {
        Err(E::custom(format!(
            "a year alone must be a string: write `\"{year}\"`"
        )))
    }

    // TOML dates reach serde as a map holding one private key; toml's own
    // `Datetime` knows how to read it.
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<PartialDate, A::Error> {
        let value = toml::value::Datetime::deserialize(de::value::MapAccessDeserializer::new(map))?;
        match (value.date, value.time, value.offset) {
            (Some(d), None, None) => {
                PartialDate::new(i32::from(d.year), Some(d.month.into()), Some(d.day.into()))
                    .map_err(de::Error::custom)
            }
            _ => Err(de::Error::custom(format!(
                "`{value}` has a time of day: a milestone date is a day, like 2011-06-09"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_three_precisions() {
        assert_eq!(
            PartialDate::parse("2011").map(|d| d.to_string()),
            Ok("2011".into())
        );
        assert_eq!(
            PartialDate::parse("2011-06").map(|d| d.to_string()),
            Ok("2011-06".into())
        );
        assert_eq!(
            PartialDate::parse("2011-06-09").map(|d| d.to_string()),
            Ok("2011-06-09".into())
        );
    }

    #[test]
    fn refuses_impossible_dates() {
        assert!(PartialDate::parse("2011-02-29").is_err());
        assert!(PartialDate::parse("2012-02-29").is_ok());
        assert_eq!(
            PartialDate::parse("2017-06-31"),
            Err("2017-06-31 is not a real date: that month has 30 days".into())
        );
        assert!(PartialDate::parse("2011-13").is_err());
        assert!(PartialDate::parse("11-06").is_err());
        assert!(PartialDate::parse("2011-6").is_err());
        assert!(PartialDate::parse("2011-06-09-01").is_err());
    }

    #[test]
    fn coarse_dates_sort_first_and_span_their_period() {
        let year = PartialDate::parse("2011").unwrap();
        let month = PartialDate::parse("2011-02").unwrap();
        let day = PartialDate::parse("2011-02-01").unwrap();
        assert!(year < month && month < day);
        assert_eq!(month.last_day().to_string(), "2011-02-28");
        assert_eq!(year.first_day().to_string(), "2011-01-01");
    }
}
