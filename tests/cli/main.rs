//! End-to-end tests of the `clearance` binary against real git repositories.
//! One test binary with modules, so the suite links once.

mod anchor;
mod approvals;
mod blast;
mod common;
mod concurrency;
mod crash;
mod execute;
mod executor;
mod fleet;
mod fuzz;
mod generated;
mod governance;
mod init;
mod interactive;
mod invalid_input;
mod keyring;
mod layout;
mod mcp;
mod policy;
mod postgres;
mod release;
mod remote;
mod schema_keywords;
mod snapshots;
mod verify;
mod wait;
mod webhooks;
