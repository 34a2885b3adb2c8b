//! `clearance init`: a new change repository from the embedded templates.

use std::path::{Path, PathBuf};

use git2::{Repository, RepositoryInitOptions};
use serde::Serialize;

use crate::error::{Error, ErrorKind, Result};
use crate::store::repo::{ChangeRepo, Write};
use crate::text::templates;

#[derive(Debug, Serialize)]
pub struct Report {
    pub path: PathBuf,
    pub repo_id: String,
    pub bare: bool,
    pub branch: String,
    pub commit: String,
    pub files: Vec<String>,
}

/// Create (or adopt an existing git repository as) a change repository at `dir`.
/// Refuses when `dir` already is one, or when any file it would write already exists.
pub fn init(dir: &Path, bare: bool) -> Result<Report> {
    let git = match Repository::open(dir) {
        Ok(git) => git,
        Err(_) => {
            let mut opts = RepositoryInitOptions::new();
            opts.bare(bare).initial_head("main").mkpath(true);
            Repository::init_opts(dir, &opts).map_err(|e| {
                Error::io(format!("cannot create a git repository at {}: {}", dir.display(), e.message()))
            })?
        }
    };
    let repo = ChangeRepo::from_git(git)?;
    let repo_id = crate::model::config::new_uuid()?;
    let writes: Vec<Write> = templates::REPO
        .iter()
        .map(|t| Write {
            path: t.path.to_owned(),
            bytes: t.text.replace("{{repo_id}}", &repo_id).into_bytes(),
            executable: t.executable,
        })
        .collect();
    let files: Vec<String> = writes.iter().map(|w| w.path.clone()).collect();
    let (commit, ()) = repo.transact("clearance", "clearance: initialize change repository", |snapshot| {
        if snapshot.exists(crate::model::config::PATH)? {
            return Err(Error::new(
                ErrorKind::Conflict,
                format!("{} is already a change repository", repo.display_path()),
            )
            .hint("nothing was changed; `clearance list` shows its proposals"));
        }
        for w in &writes {
            if snapshot.exists(&w.path)? {
                return Err(Error::new(
                    ErrorKind::Conflict,
                    format!("{} already exists in {}; refusing to overwrite it", w.path, repo.display_path()),
                )
                .hint("move it away, or start in an empty directory"));
            }
        }
        Ok((writes.clone(), ()))
    })?;
    let path = repo.git.workdir().unwrap_or_else(|| repo.git.path()).to_path_buf();
    Ok(Report {
        path,
        repo_id,
        bare: repo.git.is_bare(),
        branch: repo.branch_short().to_owned(),
        commit: commit.to_string(),
        files,
    })
}
