//! clearance: agents propose, humans clear, providers act, everything is evidence.
//!
//! The library holds the logic; `src/commands/` holds one thin file per subcommand.

pub mod approval;
pub mod backstage;
pub mod blast;
pub mod cli;
pub mod commands;
pub mod config;
pub mod demo;
pub mod error;
pub mod evaluate;
pub mod evidence;
pub mod execute;
pub mod generate;
pub mod graph;
pub mod graph_index;
pub mod index;
pub mod intent;
pub mod keys;
pub mod new_intent;
pub mod notify;
pub mod policy;
pub mod proposal;
pub mod propose;
pub mod provider;
pub mod repo;
pub mod review;
pub mod scaffold;
pub mod schema_check;
pub mod sigcache;
pub mod sign_off;
pub mod stats;
pub mod sync;
pub mod templates;
pub mod time;
pub mod trust;
pub mod ui;
pub mod verify;
pub mod yaml;
pub mod yaml_de;
