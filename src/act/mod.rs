//! Acting on the world: executing cleared changes through providers, webhook
//! notifications, syncing with the remote, and the guided demo.
//!
//! May import every layer below. Only this layer starts processes or opens connections.

pub mod demo;
pub mod execute;
pub mod notify;
pub mod provider;
pub mod sync;
