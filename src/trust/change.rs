//! Changing the rules: a governance entry that puts a proposed tree of governed paths in
//! force is signed, waits under `governance/pending/` until every threshold of distinct
//! signers is met, then lands with its files in one commit.

use std::collections::BTreeMap;

use git2::{Oid, Repository, Tree};
use serde::Serialize;
use ssh_key::PrivateKey;

use crate::error::{Error, ErrorKind, Result};
use crate::store::repo::{ChangeRepo, Entry as TreeEntry, Write, changed_paths, tree_with};
use crate::trust::governance::{self, Chain, Entry, LOG, PENDING, Tally};
use crate::trust::identities::Identities;
use crate::trust::keys;

/// The governance log of the branch as it stands, checked, and the tree it puts in force.
pub struct Current {
    pub chain: Chain,
    pub in_force: Oid,
}

/// Read and check the branch's governance log. Unlike the rules a command reads, this
/// is not checked against the pin: `governance status` and `verify` report what they find.
pub fn current(repo: &ChangeRepo) -> Result<Current> {
    let snapshot = repo.snapshot()?;
    let tree = snapshot.branch_tree().ok_or_else(|| Error::not_found("the branch has no commits"))?;
    let chain = governance::chain_at(&repo.git, tree)?.ok_or_else(|| {
        Error::not_found(format!("{} has no governance log ({LOG})", repo.display_path()))
            .hint("an admin runs `clearance governance adopt --key-file KEY`")
    })?;
    let entry = chain
        .in_force()
        .ok_or_else(|| Error::new(ErrorKind::VerificationFailed, format!("{LOG} has no valid genesis")))?;
    let in_force = governance::rules_tree(repo.scratch()?, &entry.tree)?;
    Ok(Current { chain, in_force })
}

/// Which key each principal held when, as the branch's governance log says.
pub fn key_history(repo: &ChangeRepo) -> Result<governance::KeyHistory> {
    let current = current(repo)?;
    governance::key_history(&current.chain, &|e| governance::identities_in(&repo.git, e))
}

/// The trust file in force at the chain's tip.
pub fn identities(repo: &ChangeRepo, chain: &Chain) -> Result<Option<Identities>> {
    match chain.in_force() {
        Some(entry) => governance::identities_in(&repo.git, entry),
        None => Ok(None),
    }
}

/// The rules in force with `edits` applied, in the scratch handle `git` (`None` removes a file): what `trust add` and
/// `graph import --commit` ask to sign.
pub fn edit(git: &Repository, current: &Current, edits: &[(&str, Option<&[u8]>)]) -> Result<Oid> {
    let base = git.find_tree(current.in_force)?;
    let mut entries: Vec<(String, TreeEntry)> = Vec::new();
    for (path, bytes) in edits {
        let entry = match bytes {
            Some(b) => Some((git.blob(b)?, 0o100644)),
            None => None,
        };
        entries.push(((*path).to_owned(), entry));
    }
    tree_with(git, Some(&base), &entries)
}

/// Change one governed file and sign the change in one step (`trust add`, `trust revoke`,
/// `graph import --commit`): `change` turns the file in force into the new one, on the
/// latest rules, under the writer lock. `key` must be allowed to sign it.
pub fn edit_file(
    repo: &ChangeRepo,
    key: &PrivateKey,
    path: &str,
    note: &str,
    mut change: impl FnMut(Option<&[u8]>) -> Result<Vec<u8>>,
) -> Result<Signed> {
    let mut build = |git: &Repository, current: &Current| -> Result<Entry> {
        let tree = git.find_tree(current.in_force)?;
        let old = match tree.get_path(std::path::Path::new(path)) {
            Ok(e) => Some(git.find_blob(e.id())?.content().to_vec()),
            Err(_) => None,
        };
        let new = change(old.as_deref())?;
        let proposed = edit(git, current, &[(path, Some(&new))])?;
        entry_for(git, current, proposed, note)
    };
    let current = current(repo)?;
    let scratch = repo.scratch()?;
    let first = build(scratch, &current)?;
    let principal = signer(repo, &current, &first, key)?;
    sign_with(repo, &principal, key, |current| build(scratch, current))
}

/// The governed files that differ between two trees of governed paths.
pub fn changed_files(git: &Repository, from: Oid, to: Oid) -> Result<Vec<String>> {
    let (from, to) = (git.find_tree(from)?, git.find_tree(to)?);
    Ok(changed_paths(git, Some(&from), &to)?.into_iter().map(|(path, _, _)| path).collect())
}

/// A unified diff between two trees of governed paths, for the signer to read.
pub fn diff_text(git: &Repository, from: Oid, to: Oid) -> Result<String> {
    let (from, to) = (git.find_tree(from)?, git.find_tree(to)?);
    let diff = git.diff_tree_to_tree(Some(&from), Some(&to), None)?;
    let mut out = String::new();
    diff.print(git2::DiffFormat::Patch, |_, _, line| {
        let text = String::from_utf8_lossy(line.content());
        match line.origin() {
            c @ ('+' | '-' | ' ') => out.push_str(&format!("{c}{text}")),
            _ => out.push_str(&text),
        }
        true
    })?;
    Ok(out)
}

/// The entry that would put `proposed` in force after the chain's tip.
pub fn entry_for(git: &Repository, current: &Current, proposed: Oid, note: &str) -> Result<Entry> {
    let tree = git.find_tree(proposed)?;
    let changed = changed_files(git, current.in_force, proposed)?;
    governance::next_entry(&current.chain, governance::governed_map(&tree), changed, note)
}

/// Who `key` signs `entry` as: an admin in force, or a trusted identity holding a role the
/// change needs. Anyone else is refused before anything is written.
pub fn signer(repo: &ChangeRepo, current: &Current, entry: &Entry, key: &PrivateKey) -> Result<String> {
    let prev = current.chain.in_force();
    let public = keys::public_openssh(key.public_key());
    if let Some((principal, _)) =
        prev.into_iter().flat_map(|p| &p.admins).find(|(_, k)| governance::same_key(k, &public))
    {
        return Ok(principal.clone());
    }
    let needs = governance::needs(prev, entry);
    let trusted = identities(repo, &current.chain)?;
    let identity = trusted.as_ref().and_then(|t| t.by_key(key.public_key()));
    if let Some(i) = identity
        && i.revoked_at.is_none()
        && needs.iter().any(|n| n.role == i.role.to_string())
    {
        return Ok(i.principal.clone());
    }
    let who = identity
        .map(|i| format!("`{}` ({})", i.principal, i.role))
        .unwrap_or_else(|| format!("key {}", keys::fingerprint(key.public_key())));
    let wanted: Vec<String> = needs.iter().map(|n| format!("{} of `{}` for {}", n.threshold, n.role, n.why)).collect();
    Err(Error::invalid(format!("{who} may not sign this change to the rules; nothing was written"))
        .hint(format!("it needs signatures: {}", wanted.join(", ")))
        .hint("an admin signs it with `clearance governance sign`"))
}

/// What signing did.
#[derive(Debug, Serialize)]
pub struct Signed {
    /// The change's name while it waits: `sha256:` of the unsigned entry.
    pub digest: String,
    /// Whether the change is now in force (every threshold met).
    pub landed: bool,
    pub seq: u64,
    pub signer: String,
    pub changed: Vec<String>,
    pub tallies: Vec<Tally>,
    pub commit: String,
}

/// Where a change waits for more signatures.
pub fn pending_path(digest: &str) -> String {
    format!("{PENDING}/{}.json", digest.strip_prefix("sha256:").unwrap_or(digest))
}

/// Every change waiting on the branch, by digest.
pub fn pending(repo: &ChangeRepo) -> Result<Vec<Entry>> {
    let snapshot = repo.snapshot()?;
    let mut out = Vec::new();
    for (name, oid) in snapshot.list(PENDING)? {
        if !name.ends_with(".json") {
            continue;
        }
        let bytes = snapshot.blob(oid)?;
        if let Ok(entry) = serde_json::from_slice::<Entry>(&bytes) {
            out.push(entry);
        }
    }
    Ok(out)
}

/// Sign `entry` as `principal` and commit: the entry and its files when every threshold is
/// met, else the partial signatures under `governance/pending/` (with the proposed files on
/// the branch, not in force, so other signers see them). Refused when the rules changed
/// since `entry` was made.
pub fn sign(repo: &ChangeRepo, entry: Entry, principal: &str, key: &PrivateKey) -> Result<Signed> {
    sign_with(repo, principal, key, |current| {
        if current.chain.hashes.last() != entry.prev.as_ref() {
            return Err(Error::new(ErrorKind::Conflict, "the rules changed while this change was being signed")
                .hint("run `clearance governance status`, then sign again"));
        }
        Ok(entry.clone())
    })
}

/// [`sign`] the entry `build` makes from the rules in force at commit time, under the
/// writer lock: edits such as `trust add` are made on the latest rules, so concurrent
/// edits are never lost.
pub fn sign_with(
    repo: &ChangeRepo,
    principal: &str,
    key: &PrivateKey,
    mut build: impl FnMut(&Current) -> Result<Entry>,
) -> Result<Signed> {
    let message = format!("governance: signed by {principal}");
    let git = repo.scratch()?;
    let (commit, (entry, digest, landed, tallies)) = repo.transact_signed(principal, &message, Some(key), |snap| {
        let branch = snap.branch_tree().ok_or_else(|| Error::not_found("the branch has no commits"))?;
        let chain = governance::chain_at(git, branch)?.unwrap_or_default();
        let in_force = match chain.in_force() {
            Some(e) => governance::rules_tree(git, &e.tree)?,
            None => return Err(Error::new(ErrorKind::VerificationFailed, format!("{LOG} has no valid genesis"))),
        };
        let current = Current { chain, in_force };
        let mut entry = build(&current)?;
        if current.chain.in_force().is_some_and(|p| p.same_rules(&entry)) {
            return Err(Error::new(
                ErrorKind::Conflict,
                "nothing to sign: the change leaves the rules in force as they are",
            ));
        }
        entry.sign(principal, key)?;
        let digest = entry.digest();
        // Signatures other signers left on the same change.
        let path = pending_path(&digest);
        if let Some(bytes) = snap.read(&path)?
            && let Ok(waiting) = serde_json::from_slice::<Entry>(&bytes)
        {
            for s in waiting.signatures {
                if !entry.signatures.iter().any(|o| o.principal == s.principal || governance::same_key(&o.key, &s.key))
                {
                    entry.signatures.push(s);
                }
            }
        }
        let prev = current.chain.in_force();
        let trust = prev.map(|p| governance::identities_in(git, p)).transpose()?.flatten();
        let tallies = governance::tally(prev, &entry, trust.as_ref());
        let landed = tallies.iter().all(Tally::met);
        let proposed = governance::rules_tree(git, &entry.tree)?;
        let mut writes = governed_writes(git, branch, &git.find_tree(proposed)?)?;
        if landed {
            let mut log = snap.read(LOG)?.unwrap_or_default();
            if !log.is_empty() && !log.ends_with(b"\n") {
                log.push(b'\n');
            }
            log.extend(entry.line());
            log.push(b'\n');
            writes.push(Write::file(LOG, log));
            if snap.read(&path)?.is_some() {
                writes.push(Write::delete(path.clone()));
            }
        } else {
            let mut bytes = serde_json::to_vec_pretty(&entry)?;
            bytes.push(b'\n');
            writes.push(Write::file(path.clone(), bytes));
        }
        Ok((writes, (entry, digest, landed, tallies)))
    })?;
    Ok(Signed {
        digest,
        landed,
        seq: entry.seq,
        signer: principal.to_owned(),
        changed: entry.changed,
        tallies,
        commit: commit.to_string(),
    })
}

/// The writes that make the branch's governed paths equal `proposed`.
fn governed_writes(git: &Repository, branch: &Tree<'_>, proposed: &Tree<'_>) -> Result<Vec<Write>> {
    let on_branch = git.find_tree(governance::rules_tree(git, &governance::governed_map(branch))?)?;
    let mut writes = Vec::new();
    for (path, _, after) in changed_paths(git, Some(&on_branch), proposed)? {
        writes.push(match after {
            Some((oid, mode)) => Write {
                path,
                bytes: git.find_blob(oid)?.content().to_vec(),
                executable: mode == 0o100755,
                delete: false,
            },
            None => Write::delete(path),
        });
    }
    Ok(writes)
}

/// Whether governed files on the branch differ from the rules in force (cheap: top-level
/// object ids only); `governance status` says which and who committed them.
pub fn drifted(snapshot: &crate::store::repo::Snapshot<'_>) -> bool {
    let (Some(in_force), Some(branch)) = (snapshot.in_force(), snapshot.branch_tree()) else { return false };
    let rules: BTreeMap<String, String> = in_force.entries.iter().map(|(k, v)| (k.clone(), v.to_string())).collect();
    rules != governance::governed_map(branch)
}

/// A governed path on the branch that is not what the rules in force say.
#[derive(Debug, Clone, Serialize)]
pub struct Unauthorized {
    pub path: String,
    /// The commit that made the branch's version, and its author, when found.
    pub commit: Option<String>,
    pub author: Option<String>,
    /// Waiting for signatures as a pending change (not in force, not an error).
    pub pending: Option<String>,
}

/// Every governed file on the branch that differs from the rules in force, with the commit
/// that wrote it. Files of a pending change that carries at least one valid signature are
/// marked as such.
pub fn unauthorized(repo: &ChangeRepo, current: &Current) -> Result<Vec<Unauthorized>> {
    let snapshot = repo.snapshot()?;
    let Some(branch) = snapshot.branch_tree() else { return Ok(Vec::new()) };
    let map = governance::governed_map(branch);
    let git = repo.scratch()?;
    let in_force = git.find_tree(current.in_force)?;
    if current.chain.in_force().is_some_and(|e| e.tree == map) {
        return Ok(Vec::new());
    }
    let on_branch = git.find_tree(governance::rules_tree(git, &map)?)?;
    // Only a change made against the entry in force can land; signatures on anything else
    // (an old entry copied under pending/, say) excuse nothing.
    let waiting: BTreeMap<BTreeMap<String, String>, String> = pending(repo)?
        .into_iter()
        .filter(|e| e.prev.as_ref() == current.chain.hashes.last())
        .filter(|e| {
            let prev = current.chain.in_force();
            let trust = prev.and_then(|p| governance::identities_in(&repo.git, p).ok().flatten());
            governance::tally(prev, e, trust.as_ref()).iter().any(|t| !t.signed_by.is_empty())
        })
        .map(|e| (e.tree.clone(), e.digest()))
        .collect();
    let pending_digest = waiting.get(&map).cloned();
    let mut out = Vec::new();
    for (path, _, after) in changed_paths(git, Some(&in_force), &on_branch)? {
        let (commit, author) = match find_writer(repo, &path, after.map(|(oid, _)| oid)) {
            Some((c, a)) => (Some(c), Some(a)),
            None => (None, None),
        };
        out.push(Unauthorized { path, commit, author, pending: pending_digest.clone() });
    }
    Ok(out)
}

/// The most recent commit on the branch that set `path` to `blob` (or removed it).
fn find_writer(repo: &ChangeRepo, path: &str, blob: Option<Oid>) -> Option<(String, String)> {
    let head = repo.head().ok()??;
    let mut walk = repo.git.revwalk().ok()?;
    walk.push(head).ok()?;
    walk.simplify_first_parent().ok()?;
    let at =
        |c: &git2::Commit<'_>| c.tree().ok().and_then(|t| t.get_path(std::path::Path::new(path)).ok()).map(|e| e.id());
    for oid in walk.take(100_000).flatten() {
        let commit = repo.git.find_commit(oid).ok()?;
        let parent = commit.parent(0).ok();
        if at(&commit) == blob && parent.as_ref().map(at).unwrap_or(None) != blob {
            let author = commit.author();
            let who = format!("{} <{}>", author.name().unwrap_or("?"), author.email().unwrap_or("?"));
            return Some((oid.to_string(), who));
        }
    }
    None
}
