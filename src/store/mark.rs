//! High-water marks: the newest commit of each branch this clone verified, wrote or
//! synced, in `.git/clearance/marks.json`. A branch head that does not descend from its
//! mark was rewound or rewritten; the trust layer decides what that means.
//!
//! Marks only ever move forward: a write records its commit only when it descends from
//! the mark, so a commit made on top of rewritten history never hides the rewrite.

use std::collections::BTreeMap;
use std::path::PathBuf;

use git2::{Oid, Repository};

fn path(repo: &Repository) -> PathBuf {
    repo.path().join("clearance").join("marks.json")
}

fn load(repo: &Repository) -> BTreeMap<String, String> {
    std::fs::read(path(repo)).ok().and_then(|b| serde_json::from_slice(&b).ok()).unwrap_or_default()
}

/// The mark named `name` (a branch ref, or `remote:<remote>/<branch>`).
pub fn get(repo: &Repository, name: &str) -> Option<Oid> {
    load(repo).get(name).and_then(|h| Oid::from_str(h).ok())
}

/// Set the mark `name` to `head`, whatever it was (after a check, or an accepted rewrite).
/// Best effort: a clone whose git dir cannot be written still works, it only forgets.
pub fn set(repo: &Repository, name: &str, head: Oid) {
    let mut marks = load(repo);
    if marks.get(name).map(String::as_str) == Some(head.to_string().as_str()) {
        return;
    }
    marks.insert(name.to_owned(), head.to_string());
    if let Ok(bytes) = serde_json::to_vec_pretty(&marks) {
        let _ = crate::store::fs::write_atomic(&path(repo), &bytes, false);
    }
}

/// Move the mark `name` to `head` when `head` descends from it (or there is none yet).
pub fn advance(repo: &Repository, name: &str, head: Oid) {
    match get(repo, name) {
        Some(mark) if mark == head => {}
        Some(mark) if !descends(repo, head, mark) => {}
        _ => set(repo, name, head),
    }
}

/// Whether `head` is `mark` or has it in its history.
pub fn descends(repo: &Repository, head: Oid, mark: Oid) -> bool {
    head == mark || repo.graph_descendant_of(head, mark).unwrap_or(false)
}

/// Forget every mark: the repository here was replaced by a new one (a new root).
pub fn forget(repo: &Repository) {
    let _ = std::fs::remove_file(path(repo));
}

/// The name of the mark for what this clone last saw of `remote`'s `branch` (short name).
pub fn remote_mark(remote: &str, branch: &str) -> String {
    format!("remote:{remote}/{branch}")
}
