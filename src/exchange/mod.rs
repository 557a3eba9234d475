//! Data in and out: CSV / JSON import and export, the printable checklist, the weekly
//! plan's pages, and the atomic file writes they share.

pub mod activity;
pub mod atomic;
pub mod columns;
pub mod detect;
pub mod dispatch;
pub mod export;
pub mod gather;
pub mod header;
pub mod import;
pub mod plan;
pub mod print;
pub mod ticks;
pub mod unpack;
pub mod wellness;
