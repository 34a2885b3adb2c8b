//! Acting on the world: executing cleared changes through providers, webhook
//! notifications, and syncing with the remote.
//!
//! May import every layer below. Providers run and webhooks are sent from here only.

pub mod execute;
pub mod file_provider;
pub mod ledger;
pub mod mcp;
pub mod notify;
pub mod postgres_provider;
pub mod provider;
pub mod sync;
pub mod wait;
