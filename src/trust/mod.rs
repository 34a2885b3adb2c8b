//! Trust: signing keys and SSHSIG signatures, the identities file (who holds which key in
//! which role and groups), and signed approval statements with quorum matching.
//!
//! May import `store` and `text`. It judges signatures and principals, not proposals.

pub mod approval;
pub mod identities;
pub mod keys;
