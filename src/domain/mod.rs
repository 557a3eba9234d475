//! Pure rules and data: no I/O, no clock, no terminal. Time comes in as arguments.

pub mod activity;
pub mod checklist;
pub mod demo;
pub mod entry;
pub mod fields;
pub mod focus;
pub mod history;
pub mod pain;
pub mod plan;
pub mod readiness;
pub mod records;
pub mod routine;
pub mod scale;
pub mod session;
pub mod shapes;
pub mod targets;
pub mod timeline;
pub mod timer;
pub mod tomlfile;
pub mod trends;
pub mod units;
pub mod usual;
pub mod values;
pub mod weeks;
