//! Decisions: Rego policy, the evaluation of a proposal against it, the review of its
//! approvals (staleness, quorum, vetoes), signing off, filing a proposal, verification of
//! evidence, and statistics.
//!
//! May import `model`, `trust`, `store` and `text`. Nothing here runs a provider or talks
//! to a remote.

pub mod anchor;
pub mod approve;
pub mod evaluate;
pub mod explain;
pub mod filing;
pub mod policy;
pub mod propose;
pub mod review;
pub mod rules;
pub mod stats;
pub mod verify;
