//! The dashboard: The Elm Architecture as ratatui recommends it. One `App` state, one
//! `Action` enum, `update(&mut App, Action) -> Vec<Effect>`, views that render `&App`,
//! and a run loop that carries out effects (store writes, reloads) and redraws.

mod app;
mod cache;
pub mod form;
pub mod hits;
pub mod keymap;
pub mod load;
pub mod loglist;
mod runtime;
mod signals;
mod terminal;
pub mod theme;
pub mod timer;
mod update;
pub mod views;
mod wait;
pub mod writer;

pub use app::{App, Day, History, Overlay, Status, StatusKind, Trends};
pub use runtime::run;
pub use update::{Action, Change, Effect, Mouse, Press, update};
