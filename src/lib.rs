//! cooldown — a terminal dashboard for a runner's recovery routine.
//!
//! The library holds everything; `main.rs` only parses the command line and hands off.
//! Layers: `domain` (pure rules and data), `store` (SQLite), `context` (the clock,
//! config and database both faces stand on), `cli` (one file per subcommand), `tui` (the
//! dashboard, The Elm Architecture).
#![forbid(unsafe_code)]

pub mod cli;
pub mod clock;
pub mod config;
pub mod context;
pub mod domain;
pub mod error;
pub mod exchange;
pub mod paths;
mod platform;
pub mod store;
pub mod text;
pub mod tui;
