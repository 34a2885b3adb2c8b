//! End-to-end tests of the `clearance` binary against real git repositories.
//! One test binary with modules, so the suite links once.

mod blast;
mod common;
mod concurrency;
mod generated;
mod init;
mod invalid_input;
mod policy;
mod snapshots;
