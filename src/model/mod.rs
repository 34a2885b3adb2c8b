//! The domain: what the files of a change repository mean. Intents, the service graph and
//! its compiled index, blast radius, proposals and their derived state, evidence chains,
//! the repository configuration, the proposal index, and the scaffold of a new repository.
//!
//! May import `trust`, `store` and `text`. It reads and writes facts; it does not decide.

pub mod backstage;
pub mod blast;
pub mod config;
pub mod decision;
pub mod evidence;
pub mod graph;
pub mod graph_index;
pub mod index;
pub mod intent;
pub mod new_intent;
pub mod policy_data;
pub mod proposal;
pub mod scaffold;
