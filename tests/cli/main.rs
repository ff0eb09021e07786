//! netreg's integration tests: the real binary, driven as a user would.

mod support;

mod builtin;
mod cities;
mod completion;
mod corpus;
mod diff;
mod docs;
mod doors;
mod engines;
mod errors;
mod escaping;
mod exchange;
mod faults;
mod feedback;
mod files;
mod formats;
mod fuzz;
mod hostile;
mod layout_writes;
mod layouts;
mod man;
mod messages;
mod mistakes;
mod more_writes;
mod pager;
mod places;
mod readme;
mod reads;
mod scale;
mod spreadsheets;
mod tables;
mod touch_only;
mod undo;
mod writes;
