//! clearance: agents propose, humans clear, providers act, everything is evidence.
//!
//! The library is cut into layers, each a folder whose imports point only downward:
//! `text` < `store` < `trust` < `model` < `decide` < `act`, with `error` beside them all and
//! `commands` (one thin file per subcommand) on top. ARCHITECTURE.md walks through them.

pub mod act;
pub mod commands;
pub mod decide;
pub mod error;
pub mod model;
pub mod store;
pub mod text;
pub mod trust;
