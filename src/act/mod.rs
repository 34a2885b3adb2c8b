//! Acting on the world: executing cleared changes through providers, webhook
//! notifications, and syncing with the remote.
//!
//! May import every layer below. Only this layer starts processes or opens connections.

pub mod execute;
pub mod notify;
pub mod provider;
pub mod sync;
