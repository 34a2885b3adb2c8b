//! The write journal: what a write is about to do to the work tree, so that a process
//! killed between moving the branch and bringing the work tree and index along leaves a
//! state the next command repairs, instead of a trap.
//!
//! A write that moves a checked-out branch first records `{pid, commit, base, paths}` in
//! `.git/clearance/write.journal`, and removes it once the work tree and index hold the
//! commit. Found left behind by a dead process, it says which paths may lag (the branch
//! holds `commit`, the index may still hold `base`), and which a plain `git commit -am`
//! afterwards would have reverted: a commit on top whose files at those paths are again
//! `base`'s.

use std::path::{Path, PathBuf};

use git2::{Oid, Repository};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Journal {
    /// The writing process: while it lives, its journal is a write in progress.
    pub pid: u32,
    /// The commit the branch moves to.
    pub commit: String,
    /// The commit the work tree and index last matched (`None`: an empty branch).
    pub base: Option<String>,
    /// The paths the write touches.
    pub paths: Vec<String>,
}

pub fn path(git: &Repository) -> PathBuf {
    git.path().join("clearance").join("write.journal")
}

pub fn read(git: &Repository) -> Option<Journal> {
    serde_json::from_slice(&std::fs::read(path(git)).ok()?).ok()
}

/// Record a write about to move the branch from `base` to `commit`. A journal this
/// process left for a write whose work tree it deferred is extended: the work tree still
/// matches that write's base.
pub fn begin(git: &Repository, base: Option<Oid>, commit: Oid, paths: impl IntoIterator<Item = String>) {
    let pid = std::process::id();
    let mut journal = Journal {
        pid,
        commit: commit.to_string(),
        base: base.map(|b| b.to_string()),
        paths: paths.into_iter().collect(),
    };
    if let Some(open) = read(git).filter(|j| j.pid == pid && j.commit == journal.base.clone().unwrap_or_default()) {
        journal.base = open.base;
        journal.paths.extend(open.paths);
        journal.paths.sort();
        journal.paths.dedup();
    }
    if let Ok(bytes) = serde_json::to_vec(&journal) {
        // Not synced: a kill leaves the page cache to the next process; only a power cut
        // could lose it, and with it only the repair notice.
        let _ = std::fs::create_dir_all(git.path().join("clearance"));
        let _ = std::fs::write(path(git), bytes);
    }
}

/// The work tree and index hold the journal's commit.
pub fn end(git: &Repository) {
    let _ = std::fs::remove_file(path(git));
}

/// Whether the process that wrote the journal is still running.
pub fn alive(journal: &Journal) -> bool {
    // SAFETY: signal 0 only asks whether the process exists.
    journal.pid != std::process::id() && unsafe { libc::kill(journal.pid as libc::pid_t, 0) } == 0
}

/// Remove the temp files a killed write may have left beside `paths` in the work tree.
pub fn clean_temp_files(workdir: &Path, paths: &[String]) -> usize {
    let mut removed = 0;
    let mut dirs: Vec<PathBuf> = paths.iter().filter_map(|p| workdir.join(p).parent().map(Path::to_path_buf)).collect();
    dirs.sort();
    dirs.dedup();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') && name.contains(".clearance-tmp-") && std::fs::remove_file(entry.path()).is_ok() {
                removed += 1;
            }
        }
    }
    removed
}
