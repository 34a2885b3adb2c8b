//! Trust: signing keys and SSHSIG signatures, the governance log that puts the rules in
//! force and the pins that anchor it, the identities file (who holds which key in
//! which role and groups), and signed approval statements with quorum matching.
//!
//! May import `store` and `text`. It judges signatures and principals, not proposals.

pub mod anchor;
pub mod approval;
pub mod change;
pub mod checkpoint;
pub mod governance;
pub mod identities;
pub mod keys;
pub mod local;
