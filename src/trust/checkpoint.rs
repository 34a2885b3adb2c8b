//! Signed checkpoints: an executor's or admin's word that the branch of the repository
//! with a given root stood at a given head, with so many evidence entries, under a given
//! governance entry. Like the signed tree heads of a transparency log, a checkpoint is kept
//! by whoever sees it (this machine's state directory, an auditor's file), and every later
//! state must extend it: in git, the consistency proof is ancestry.
//!
//! Stored under `checkpoints/` on the branch as `{checkpoint, signature}` (SSHSIG,
//! namespace `clearance-checkpoint`, over the checkpoint's compact JSON with sorted keys). A checkpoint that
//! `replaces` an earlier head records an admin accepting a rewrite of the history.

#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::unwrap_used))]

use std::path::PathBuf;

use git2::Oid;
use serde::{Deserialize, Serialize};
use ssh_key::PrivateKey;

use crate::error::{Error, ErrorKind, Result};
use crate::store::repo::ChangeRepo;
use crate::trust::governance::{KeyHistory, hex_of, state_dir};
use crate::trust::identities::{Identities, Role};
use crate::trust::keys;

pub const NAMESPACE: &str = "clearance-checkpoint";
pub const FORMAT: &str = "clearance-checkpoint/v1";
/// Where checkpoints live on the branch.
pub const DIR: &str = "checkpoints";
/// The largest checkpoint file read.
pub const MAX_BYTES: u64 = 64 * 1024;

/// The governance entry in force at the checkpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GovernanceAt {
    pub seq: u64,
    pub entry: String,
}

/// A rewrite an admin accepted: the head it replaced and what vanished with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Replaced {
    pub head: String,
    pub vanished: Vec<String>,
}

/// What a checkpoint states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    pub format: String,
    pub root: String,
    pub branch: String,
    pub head: String,
    pub governance: GovernanceAt,
    /// Evidence entries on the branch at `head`, over all proposals.
    pub evidence: u64,
    pub signed_at: String,
    pub signer: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<Replaced>,
}

/// A checkpoint file.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checkpoint {
    pub checkpoint: Body,
    pub signature: String,
}

impl Body {
    /// The signed bytes: the body as compact JSON with its keys sorted, so anyone can
    /// rebuild them (`jq -cS .checkpoint file | head -c -1 | ssh-keygen -Y verify ...`).
    fn message(&self) -> Vec<u8> {
        serde_json::to_value(self).and_then(|v| serde_json::to_vec(&v)).unwrap_or_default()
    }
}

impl Checkpoint {
    /// Sign `body` as `signer`.
    pub fn sign(body: Body, key: &PrivateKey) -> Result<Checkpoint> {
        let signature = keys::sign(key, NAMESPACE, &body.message())?;
        Ok(Checkpoint { checkpoint: body, signature })
    }

    pub fn parse(bytes: &[u8], name: &str) -> Result<Checkpoint> {
        serde_json::from_slice(bytes).map_err(|e| {
            let mut error = Error::json_in("not a clearance checkpoint", name, None, 1, &e);
            error.kind = ErrorKind::VerificationFailed;
            error
        })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }

    /// The file name on the branch: sortable by time, unique per head.
    pub fn file_name(&self) -> String {
        let at = self.checkpoint.signed_at.replace([':', '-'], "");
        let head = self.checkpoint.head.get(..12).unwrap_or(&self.checkpoint.head);
        format!("{DIR}/{at}-{head}.json")
    }

    pub fn head(&self) -> Result<Oid> {
        Oid::from_str(&self.checkpoint.head)
            .map_err(|_| Error::new(ErrorKind::VerificationFailed, "a checkpoint names a head that is not a commit id"))
    }

    /// Check the signature: by an executor or admin, with the key the rules in force gave
    /// them when it was signed.
    pub fn check(&self, root: &str, identities: &Identities, history: &KeyHistory) -> std::result::Result<(), String> {
        let body = &self.checkpoint;
        if body.format != FORMAT {
            return Err(format!("unknown checkpoint format `{}`", body.format));
        }
        if hex_of(&body.root) != hex_of(root) {
            return Err(format!("it is of another repository (root {})", body.root));
        }
        let identity = identities.get(&body.signer).ok_or_else(|| format!("signed by unknown `{}`", body.signer))?;
        if !matches!(identity.role, Role::Executor | Role::Admin) {
            return Err(format!(
                "signed by `{}`, whose role is {}; only executors and admins sign checkpoints",
                body.signer, identity.role
            ));
        }
        if body.replaces.is_some() && identity.role != Role::Admin {
            return Err(format!("accepts a rewrite but is signed by `{}`, who is not an admin", body.signer));
        }
        let at: jiff::Timestamp =
            body.signed_at.parse().map_err(|_| format!("its signed_at `{}` is not a time", body.signed_at))?;
        let key = match crate::trust::governance::key_at(history, &body.signer, at) {
            Some(public) => public.clone(),
            None => identity
                .key
                .as_deref()
                .and_then(|k| keys::parse_public(k).ok())
                .ok_or_else(|| format!("`{}` has no usable key", body.signer))?,
        };
        if let Some(revoked) = identity.revoked_at.as_deref().and_then(|r| r.parse::<jiff::Timestamp>().ok())
            && at >= revoked
        {
            return Err(format!("signed by `{}` at {at}, after the key was revoked", body.signer));
        }
        keys::verify(&key, NAMESPACE, &body.message(), &self.signature)
    }
}

/// This machine's copies of the checkpoints it saw of `root`.
fn machine_dir(root: &str) -> Option<PathBuf> {
    state_dir().map(|d| d.join("checkpoints").join(hex_of(root)))
}

/// Keep a copy of `checkpoint` on this machine (once seen, a checkpoint outlives the branch).
pub fn keep(checkpoint: &Checkpoint) {
    let Some(dir) = machine_dir(&checkpoint.checkpoint.root) else { return };
    let name = checkpoint.file_name();
    let path = dir.join(name.trim_start_matches("checkpoints/"));
    if !path.exists() {
        let _ = crate::store::fs::write_atomic(&path, &checkpoint.to_bytes(), false);
    }
}

/// Where a checkpoint came from, for messages.
#[derive(Debug, Clone, Serialize)]
pub struct Held {
    pub from: String,
    pub checkpoint: Checkpoint,
}

/// A file under `checkpoints/` that is not a checkpoint, and why.
pub type Unreadable = (String, String);

/// The checkpoints on the branch, and those this machine kept for `root`; and each file
/// on the branch under `checkpoints/` that is not one, with why.
pub fn held(repo: &ChangeRepo, root: &str) -> Result<(Vec<Held>, Vec<Unreadable>)> {
    let (mut out, mut bad) = (Vec::new(), Vec::new());
    let snapshot = repo.snapshot()?;
    for (name, oid) in snapshot.list(DIR).unwrap_or_default() {
        let path = format!("{DIR}/{name}");
        let parsed = snapshot.blob(oid).and_then(|bytes| Checkpoint::parse(&bytes, &path));
        match parsed {
            Ok(checkpoint) => out.push(Held { from: path, checkpoint }),
            Err(e) => bad.push((path, e.to_string())),
        }
    }
    if let Some(dir) = machine_dir(root)
        && let Ok(entries) = std::fs::read_dir(&dir)
    {
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(bytes) = crate::store::fs::read_bounded(&path, MAX_BYTES, "a checkpoint") else { continue };
            if let Ok(checkpoint) = Checkpoint::parse(&bytes, &path.display().to_string())
                && !out.iter().any(|h| h.checkpoint.signature == checkpoint.signature)
            {
                out.push(Held { from: path.display().to_string(), checkpoint });
            }
        }
    }
    out.sort_by(|a, b| a.checkpoint.checkpoint.signed_at.cmp(&b.checkpoint.checkpoint.signed_at));
    Ok((out, bad))
}

/// Read a checkpoint handed over out of band.
pub fn read_file(path: &std::path::Path) -> Result<Held> {
    let bytes = crate::store::fs::read_bounded(path, MAX_BYTES, "a checkpoint")?;
    Ok(Held { from: path.display().to_string(), checkpoint: Checkpoint::parse(&bytes, &path.display().to_string())? })
}

// ----- coverage: a checkpoint's word on one proposal, checkable offline -----

/// A checkpoint that covers a bundle's proposal, with the git objects that prove the
/// checkpointed commit holds the proposal's evidence file (all of it, or its first lines).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coverage {
    pub checkpoint: Checkpoint,
    /// The raw commit object, hex-encoded.
    pub commit: String,
    /// The raw tree objects from the commit's tree down to the proposal's directory.
    pub trees: Vec<String>,
    /// How many of the bundle's evidence lines the checkpointed commit holds.
    pub lines: usize,
}

/// The coverage of the proposal in `dir` (`proposals/ab/abc…`) whose evidence is
/// `evidence`, by the newest of `held` whose commit holds that evidence or its beginning.
pub fn coverage(git: &git2::Repository, held: &[Held], dir: &str, evidence: &[u8]) -> Result<Option<Coverage>> {
    for h in held.iter().rev() {
        let Ok(head) = h.checkpoint.head() else { continue };
        let Ok(commit) = git.find_commit(head) else { continue };
        let mut trees = vec![commit.tree()?];
        for part in dir.split('/') {
            let Some(next) = trees.last().and_then(|t| t.get_name(part)).map(|e| e.id()) else { break };
            let Ok(tree) = git.find_tree(next) else { break };
            trees.push(tree);
        }
        if trees.len() != dir.split('/').count() + 1 {
            continue;
        }
        let Some(blob) = trees.last().and_then(|t| t.get_name("evidence.jsonl")).map(|e| e.id()) else { continue };
        let then = git.find_blob(blob)?.content().to_vec();
        if !evidence.starts_with(&then) {
            continue;
        }
        let odb = git.odb()?;
        let raw = |id: Oid| -> Result<String> { Ok(crate::text::bytes::hex(odb.read(id)?.data())) };
        return Ok(Some(Coverage {
            checkpoint: h.checkpoint.clone(),
            commit: raw(head)?,
            trees: trees.iter().map(|t| raw(t.id())).collect::<Result<_>>()?,
            lines: then.split(|b| *b == b'\n').filter(|l| !l.is_empty()).count(),
        }));
    }
    Ok(None)
}

impl Coverage {
    /// Prove the coverage offline: the checkpoint is trusted, its commit hashes to the head it
    /// names, each tree to the id its parent names, and the evidence file there is the first
    /// `lines` lines of `evidence`.
    pub fn check(
        &self,
        root: &str,
        identities: &Identities,
        history: &KeyHistory,
        dir: &str,
        evidence: &str,
    ) -> std::result::Result<(), String> {
        self.checkpoint.check(root, identities, history)?;
        let unhex = |h: &str| crate::text::bytes::unhex(h).ok_or_else(|| "an object is not hex".to_owned());
        let commit = unhex(&self.commit)?;
        let id = Oid::hash_object(git2::ObjectType::Commit, &commit).map_err(|e| e.to_string())?;
        if id.to_string() != self.checkpoint.checkpoint.head {
            return Err("its commit object does not hash to the checkpointed head".to_owned());
        }
        let tree_line = commit.split(|b| *b == b'\n').next().unwrap_or_default();
        let mut want = std::str::from_utf8(tree_line)
            .ok()
            .and_then(|l| l.strip_prefix("tree "))
            .and_then(|h| Oid::from_str(h).ok())
            .ok_or_else(|| "its commit object names no tree".to_owned())?;
        let mut names = dir.split('/').chain(std::iter::once("evidence.jsonl"));
        for raw in &self.trees {
            let tree = unhex(raw)?;
            if Oid::hash_object(git2::ObjectType::Tree, &tree).map_err(|e| e.to_string())? != want {
                return Err("a tree object does not hash to the id its parent names".to_owned());
            }
            let name = names.next().unwrap_or_default();
            want = crate::trust::governance::tree_entries(&tree)
                .into_iter()
                .find(|(n, _)| n == name)
                .map(|(_, id)| id)
                .ok_or_else(|| format!("the checkpointed tree has no `{name}`"))?;
        }
        let prefix: String = evidence.split_inclusive('\n').take(self.lines).collect();
        if Oid::hash_object(git2::ObjectType::Blob, prefix.as_bytes()).map_err(|e| e.to_string())? != want {
            return Err(format!("the checkpointed evidence is not the first {} lines of the bundle's", self.lines));
        }
        Ok(())
    }
}
