//! Storage: git objects, refs, commits and the branch, file locks, atomic no-follow writes
//! of the work tree and caches, and the signature cache.
//!
//! May import `text` (and `error`). It knows paths and bytes, not what the files mean.

pub mod fs;
pub mod journal;
pub mod mark;
pub mod order;
pub mod repo;
pub mod sigcache;
