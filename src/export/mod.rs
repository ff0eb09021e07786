//! The formats `export` writes, apart from the rows every list prints
//! (`output`): the registry as json and toml, the map and the graphs, the SQL
//! script and the calendar; and the credit their place data carries.

pub(crate) mod graph;
pub(crate) mod ics;
pub(crate) mod json;
pub(crate) mod sql;
pub(crate) mod toml;

/// The attribution GeoNames asks of a product that carries its data.
pub const GEONAMES_CREDIT: &str =
    "Place data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0.";
