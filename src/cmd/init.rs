//! `init`: a registry of your own, from the built-in one or empty.

use crate::config::Config;
use crate::error::Result;
use crate::store::{self, Origin};

const EMPTY: &str = "# A netreg registry: see `netreg --help` and https://urbact.eu/networks\nformat = 1\n";

pub fn run(config: &Config, empty: bool, force: bool) -> Result<()> {
    let location = &config.location;
    let path = match (location.origin, &location.path) {
        (Origin::Flag | Origin::Env, Some(path)) => path.clone(),
        _ => location.dirs.registry().ok_or_else(|| {
            store::no_data_directory("pass --registry PATH (or set HOME, for the data directory)")
        })?,
    };
    let text = format!(
        "{}{}",
        crate::registry::schema::DIRECTIVE,
        if empty { EMPTY } else { store::BUILT_IN }
    );
    let created = store::create(&path, &location.dirs, &text, force, &config.command_line)?;
    let networks = created.networks;
    let status = config.status();
    for note in &created.notes {
        status.note(note);
    }
    if created.replaced {
        status.say("kept the registry that was there in netreg's history (`netreg undo` brings it back)");
    }
    let what = if empty {
        "an empty registry".to_string()
    } else {
        format!(
            "a copy of the built-in registry ({})",
            crate::text::count(networks, "network")
        )
    };
    status.say(&format!("created {} with {what}", path.display()));
    Ok(())
}
