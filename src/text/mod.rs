//! Text in and out: the strict YAML reader, the schema check, terminal output, embedded
//! templates, time and durations, digests and randomness.
//!
//! The bottom layer: it imports nothing of clearance but `error`.

pub mod bytes;
pub mod fault;
pub mod schema;
pub mod templates;
pub mod time;
pub mod ui;
pub mod yaml;
pub mod yaml_de;
