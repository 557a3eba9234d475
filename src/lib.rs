//! cooldown — a terminal dashboard for a runner's recovery routine.
//!
//! The library holds everything; `main.rs` only parses the command line and hands off.
//! Layers: `domain` (pure rules and data), `store` (SQLite), `cli` (one file per
//! subcommand), `tui` (the dashboard, The Elm Architecture).
#![forbid(unsafe_code)]

pub mod cli;
pub mod config;
pub mod domain;
pub mod error;
pub mod exchange;
pub mod paths;
pub mod store;
pub mod text;
pub mod tui;
