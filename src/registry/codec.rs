//! The snapshot's layout of the model, written and read by hand: numbers as
//! LEB128 varints, each text as its place in one string table per segment,
//! which is checked for UTF-8 once rather than text by text. Reading a
//! segment back allocates what the model holds and nothing else.

use std::ops::Range;

use super::date::PartialDate;
use super::located::Located;
use super::model::{CountryText, Kind, Milestone, Network, Partner, Role, Status, Text};

/// The bytes of `networks`: the table's length, the table, then the networks.
pub fn write(networks: &[Network]) -> Vec<u8> {
    let mut body = Writer::default();
    body.uint(networks.len() as u64);
    for network in networks {
        body.network(network);
    }
    let mut bytes = Vec::with_capacity(body.strings.len() + body.bytes.len() + 10);
    put_uint(&mut bytes, body.strings.len() as u64);
    bytes.extend_from_slice(body.strings.as_bytes());
    bytes.extend_from_slice(&body.bytes);
    bytes
}

/// The bytes of a registry's `format` and whether it was read a network at a time.
pub fn write_top(format: Option<&Located<i64>>, split: bool) -> Vec<u8> {
    let mut top = Writer::default();
    top.flag(split);
    top.flag(format.is_some());
    if let Some(format) = format {
        top.int(*format.get_ref());
        top.span(format.span());
    }
    top.bytes
}

/// What `write_top` wrote.
pub fn read_top(bytes: &[u8]) -> Option<(Option<Located<i64>>, bool)> {
    let mut reader = Reader {
        bytes,
        at: 0,
        strings: "",
    };
    let split = reader.flag()?;
    let format = match reader.flag()? {
        true => {
            let format = reader.int()?;
            Some(Located::new(reader.span()?, format))
        }
        false => None,
    };
    (reader.at == bytes.len()).then_some((format, split))
}

/// The networks in `bytes`, or `None` if they are not what `write` wrote.
pub fn read(bytes: &[u8]) -> Option<Vec<Network>> {
    let mut reader = Reader {
        bytes,
        at: 0,
        strings: "",
    };
    let len = usize::try_from(reader.uint()?).ok()?;
    let table = reader.take(len)?;
    reader.strings = std::str::from_utf8(table).ok()?;
    let networks = reader.each(Reader::network)?;
    (reader.at == bytes.len()).then_some(networks)
}

fn put_uint(bytes: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        bytes.push((n as u8) | 0x80);
        n >>= 7;
    }
    bytes.push(n as u8);
}

#[derive(Default)]
struct Writer {
    bytes: Vec<u8>,
    strings: String,
}

impl Writer {
    fn uint(&mut self, n: u64) {
        put_uint(&mut self.bytes, n);
    }

    fn int(&mut self, n: i64) {
        self.uint(((n << 1) ^ (n >> 63)) as u64);
    }

    fn float(&mut self, x: f64) {
        self.bytes.extend_from_slice(&x.to_le_bytes());
    }

    fn flag(&mut self, on: bool) {
        self.bytes.push(u8::from(on));
    }

    fn text(&mut self, text: &str) {
        self.uint(self.strings.len() as u64);
        self.uint(text.len() as u64);
        self.strings.push_str(text);
    }

    fn optional_text(&mut self, text: Option<&str>) {
        self.flag(text.is_some());
        if let Some(text) = text {
            self.text(text);
        }
    }

    fn texts(&mut self, texts: &[Text]) {
        self.uint(texts.len() as u64);
        for text in texts {
            self.text(text);
        }
    }

    fn span(&mut self, span: Range<usize>) {
        self.uint(span.start as u64);
        self.uint(span.end as u64);
    }

    fn network(&mut self, network: &Network) {
        self.uint(network.at as u64);
        self.text(network.id.get_ref());
        self.span(network.id.span());
        self.text(&network.name);
        self.optional_text(network.programme.as_deref());
        self.optional_text(network.kind.as_deref());
        self.bytes.push(match network.status {
            None => 0,
            Some(Status::Planned) => 1,
            Some(Status::Active) => 2,
            Some(Status::Closed) => 3,
        });
        self.texts(&network.themes);
        self.optional_text(network.url.as_deref());
        self.optional_text(network.summary.as_deref());
        self.texts(&network.sources);
        self.uint(network.partners.len() as u64);
        for partner in &network.partners {
            self.partner(partner);
        }
        self.uint(network.milestones.len() as u64);
        for milestone in &network.milestones {
            self.milestone(milestone);
        }
    }

    fn partner(&mut self, partner: &Partner) {
        self.text(partner.name());
        self.span(partner.name.span());
        self.flag(partner.country.is_some());
        if let Some(country) = &partner.country {
            self.text(country.get_ref());
            self.span(country.span());
        }
        self.bytes.push(match partner.role {
            Role::Lead => 0,
            Role::Partner => 1,
            Role::Observer => 2,
        });
        self.optional_text(partner.kind.as_deref());
        self.flag(partner.geonames.is_some());
        if let Some(id) = &partner.geonames {
            self.int(*id.get_ref());
            self.span(id.span());
        }
        self.flag(partner.coordinates.is_some());
        if let Some(coordinates) = &partner.coordinates {
            let [latitude, longitude] = *coordinates.get_ref();
            self.float(latitude);
            self.float(longitude);
            self.span(coordinates.span());
        }
    }

    fn milestone(&mut self, milestone: &Milestone) {
        let date = milestone.date();
        self.int(i64::from(date.year));
        self.uint(u64::from(date.month.unwrap_or(0)));
        self.uint(u64::from(date.day.unwrap_or(0)));
        self.span(milestone.date.span());
        self.text(&milestone.title);
        self.bytes.push(match milestone.kind {
            Kind::Launch => 0,
            Kind::Completion => 1,
            Kind::Event => 2,
        });
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    strings: &'a str,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let taken = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(taken)
    }

    fn byte(&mut self) -> Option<u8> {
        let byte = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(byte)
    }

    fn uint(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            n |= u64::from(byte & 0x7f).checked_shl(shift)?;
            if byte < 0x80 {
                return Some(n);
            }
        }
        None
    }

    fn len(&mut self) -> Option<usize> {
        let n = usize::try_from(self.uint()?).ok()?;
        // No count can be more than the bytes left: each item takes one at least.
        (n <= self.bytes.len() - self.at).then_some(n)
    }

    fn int(&mut self) -> Option<i64> {
        let n = self.uint()?;
        Some(((n >> 1) as i64) ^ -((n & 1) as i64))
    }

    fn float(&mut self) -> Option<f64> {
        Some(f64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    fn flag(&mut self) -> Option<bool> {
        match self.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    fn str(&mut self) -> Option<&'a str> {
        let start = usize::try_from(self.uint()?).ok()?;
        let len = usize::try_from(self.uint()?).ok()?;
        self.strings.get(start..start.checked_add(len)?)
    }

    fn text(&mut self) -> Option<Text> {
        self.str().map(Text::from)
    }

    fn optional_text(&mut self) -> Option<Option<Text>> {
        match self.flag()? {
            true => self.text().map(Some),
            false => Some(None),
        }
    }

    fn texts(&mut self) -> Option<Vec<Text>> {
        self.each(Self::text)
    }

    /// A count, then that many items, into a vector of that size.
    fn each<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let count = self.len()?;
        let mut items = Vec::with_capacity(count);
        for _ in 0..count {
            items.push(item(self)?);
        }
        Some(items)
    }

    fn span(&mut self) -> Option<Range<usize>> {
        let start = usize::try_from(self.uint()?).ok()?;
        let end = usize::try_from(self.uint()?).ok()?;
        Some(start..end)
    }

    fn network(&mut self) -> Option<Network> {
        let at = usize::try_from(self.uint()?).ok()?;
        let id = self.text()?;
        let id = Located::new(self.span()?, id);
        let name = self.text()?;
        let programme = self.optional_text()?;
        let kind = self.optional_text()?;
        let status = match self.byte()? {
            0 => None,
            1 => Some(Status::Planned),
            2 => Some(Status::Active),
            3 => Some(Status::Closed),
            _ => return None,
        };
        let themes = self.texts()?;
        let url = self.optional_text()?;
        let summary = self.optional_text()?;
        let sources = self.texts()?;
        let partners = self.each(Self::partner)?;
        let milestones = self.each(Self::milestone)?;
        Some(Network {
            at,
            id,
            name,
            programme,
            kind,
            status,
            themes,
            url,
            summary,
            sources,
            partners,
            milestones,
        })
    }

    fn partner(&mut self) -> Option<Partner> {
        let name = self.text()?;
        let name = Located::new(self.span()?, name);
        let country = match self.flag()? {
            true => {
                let code = CountryText::from(self.str()?);
                Some(Located::new(self.span()?, code))
            }
            false => None,
        };
        let role = match self.byte()? {
            0 => Role::Lead,
            1 => Role::Partner,
            2 => Role::Observer,
            _ => return None,
        };
        let kind = self.optional_text()?;
        let geonames = match self.flag()? {
            true => {
                let id = self.int()?;
                Some(Box::new(Located::new(self.span()?, id)))
            }
            false => None,
        };
        let coordinates = match self.flag()? {
            true => {
                let position = [self.float()?, self.float()?];
                Some(Box::new(Located::new(self.span()?, position)))
            }
            false => None,
        };
        Some(Partner {
            name,
            country,
            role,
            kind,
            geonames,
            coordinates,
        })
    }

    fn milestone(&mut self) -> Option<Milestone> {
        let year = i32::try_from(self.int()?).ok()?;
        // 0 for a month or day not known.
        let month = u32::try_from(self.uint()?).ok()?;
        let day = u32::try_from(self.uint()?).ok()?;
        let (month, day) = ((month != 0).then_some(month), (day != 0).then_some(day));
        let date = PartialDate::new(year, month, day).ok()?;
        let date = Located::new(self.span()?, date);
        let title = self.text()?;
        let kind = match self.byte()? {
            0 => Kind::Launch,
            1 => Kind::Completion,
            2 => Kind::Event,
            _ => return None,
        };
        Some(Milestone { date, title, kind })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"format = 1
[[networks]]
id = "a"
name = "Ä network"
programme = "URBACT II"
type = "Thematic Network"
status = "closed"
themes = ["culture", "économie"]
url = "https://urbact.eu/a"
summary = """Two lines,
the second with # and [[networks]]."""
sources = ["https://urbact.eu/a", "https://example.org/"]
[[networks.partners]]
name = "Óbidos"
country = "PT"
role = "lead"
geonames = 2265326
coordinates = [39.36, -9.157]
[[networks.partners]]
name = "Agency of Naples"
country = "IT"
role = "observer"
type = "agency"
[[networks.partners]]
name = "Nowhere"
[[networks.milestones]]
date = "2008"
title = "Launch"
kind = "launch"
[[networks.milestones]]
date = "2011-02"
title = "Completion"
kind = "completion"
[[networks.milestones]]
date = 2009-03-31
title = "A meeting"

[[networks]]
id = "b"
name = "B"
"#;

    #[test]
    fn reads_back_what_it_wrote_and_nothing_else() {
        let registry = crate::registry::parse(TEXT)
            .unwrap_or_else(|e| panic!("{e:?}"))
            .registry;
        let bytes = write(&registry.networks);
        let back = read(&bytes).unwrap_or_else(|| panic!("reads back"));
        assert_eq!(format!("{back:?}"), format!("{:?}", registry.networks));
        for cut in 0..bytes.len() {
            assert!(read(&bytes[..cut]).is_none(), "cut at {cut}");
        }
        // Whatever a byte is changed to, reading gives an answer, never a panic.
        for at in 0..bytes.len() {
            for flip in [0x01, 0x80, 0xff] {
                let mut changed = bytes.clone();
                changed[at] ^= flip;
                let _ = read(&changed);
            }
        }
        let top = write_top(registry.format.as_ref(), true);
        let (format, split) = read_top(&top).unwrap_or_else(|| panic!("reads the top back"));
        assert_eq!(format, registry.format);
        assert!(split);
        assert!(read_top(&top[..top.len() - 1]).is_none());
    }
}
