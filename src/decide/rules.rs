//! Rules before they are in force: a tree of governed files (the work tree's, or a change
//! waiting for signatures) read as every command would read it, so nothing that fails to
//! load is ever signed into force, and authors can try rules before signing them.

use git2::Oid;

use crate::decide::policy::Policy;
use crate::error::Result;
use crate::model::config::Config;
use crate::model::graph;
use crate::store::repo::{ChangeRepo, InForce, Snapshot};
use crate::trust::identities::Identities;

/// A snapshot of the branch whose governed paths are read from `tree` instead of the
/// rules in force (the repository id and root stay those in force).
pub fn snapshot_with(repo: &ChangeRepo, tree: Oid) -> Result<Snapshot<'_>> {
    let current = repo.snapshot()?;
    let entries =
        repo.scratch()?.find_tree(tree)?.iter().filter_map(|e| Some((e.name()?.to_owned(), e.id()))).collect();
    let rules = match current.in_force() {
        Some(f) => InForce { entries, ..f.clone() },
        None => InForce { entries, repo_id: String::new(), root: String::new(), seq: 0 },
    };
    repo.snapshot_with_rules(rules)
}

/// The work tree's governed files as a snapshot, for `check --rules worktree`.
pub fn worktree(repo: &ChangeRepo) -> Result<Snapshot<'_>> {
    match repo.worktree_rules()? {
        Some(tree) => snapshot_with(repo, tree),
        None => repo.snapshot(),
    }
}

/// Load configuration, identities, the graph, policy data and every policy of `tree`;
/// the first that fails is the error, naming its file.
pub fn check(repo: &ChangeRepo, tree: Oid) -> Result<()> {
    let snapshot = snapshot_with(repo, tree)?;
    let config = Config::load(&snapshot)?;
    Identities::load(&snapshot)?;
    graph::load(&snapshot)?;
    crate::model::policy_data::load(&snapshot)?;
    Policy::load(&snapshot, config.policy_timeout(), true)?;
    Ok(())
}
