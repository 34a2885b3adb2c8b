//! `clearance init`: a new change repository from the embedded templates.

use std::path::{Path, PathBuf};

use git2::{Repository, RepositoryInitOptions};
use serde::Serialize;

use crate::error::{Error, ErrorKind, Result};
use crate::store::repo::{ChangeRepo, Write, tree_with};
use crate::text::templates;
use crate::trust::governance;
use crate::trust::keys;

#[derive(Debug, Serialize)]
pub struct Report {
    pub path: PathBuf,
    pub repo_id: String,
    /// The hash of the genesis entry: the repository's identity, which clones pin.
    pub root: String,
    pub admin: String,
    pub bare: bool,
    pub branch: String,
    pub commit: String,
    pub files: Vec<String>,
}

/// The first admin of a new repository and the rules it starts with.
pub struct Genesis<'k> {
    pub admin: String,
    pub key: &'k ssh_key::PrivateKey,
    pub admin_threshold: u32,
}

/// Create (or adopt an existing git repository as) a change repository at `dir`, its
/// governance log starting with a genesis signed by the first admin.
/// Refuses when `dir` already is one, or when any file it would write already exists.
pub fn init(dir: &Path, bare: bool, genesis: Genesis<'_>) -> Result<Report> {
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
    let admin_entry = format!(
        "  - principal: {}\n    role: admin\n    key: {}\n",
        genesis.admin,
        keys::public_openssh(genesis.key.public_key())
    );
    let mut writes: Vec<Write> = templates::REPO
        .iter()
        .map(|t| {
            let mut text = t.text.to_owned();
            if t.path == crate::trust::identities::PATH {
                text.push_str(&admin_entry);
            }
            Write { path: t.path.to_owned(), bytes: text.into_bytes(), executable: t.executable, delete: false }
        })
        .collect();
    // The genesis puts the templates' governed files in force as they will be committed.
    let base = repo.snapshot()?;
    let mut entries = Vec::new();
    for w in &writes {
        let mode = if w.executable { 0o100755 } else { 0o100644 };
        entries.push((w.path.clone(), Some((repo.git.blob(&w.bytes)?, mode))));
    }
    let tree = repo.git.find_tree(tree_with(&repo.git, base.branch_tree(), &entries)?)?;
    let rules = governance::default_rules(genesis.admin_threshold);
    let entry = governance::genesis(&repo_id, &genesis.admin, genesis.key, rules, governance::governed_map(&tree))?;
    let mut line = entry.line();
    let root = crate::text::bytes::digest(&line);
    line.push(b'\n');
    writes.push(Write::file(governance::LOG, line));
    let files: Vec<String> = writes.iter().map(|w| w.path.clone()).collect();
    let (commit, ()) = repo.transact_signed(
        &genesis.admin,
        "clearance: initialize change repository",
        Some(genesis.key),
        |snapshot| {
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
        },
    )?;
    let path = repo.git.workdir().unwrap_or_else(|| repo.git.path()).to_path_buf();
    Ok(Report {
        path,
        repo_id,
        root,
        admin: genesis.admin,
        bare: repo.git.is_bare(),
        branch: repo.branch_short().to_owned(),
        commit: commit.to_string(),
        files,
    })
}
