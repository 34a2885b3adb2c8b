//! Checkpoints as verification uses them: made from the branch (with its evidence count),
//! and judged against it: each one held must be extended by the history, and since the
//! oldest one the history must only have appended.

use git2::Oid;
use serde::Serialize;
use ssh_key::PrivateKey;

use crate::error::{Error, ErrorKind, Result};
use crate::store::repo::{ChangeRepo, Snapshot, Write};
use crate::trust::anchor;
use crate::trust::checkpoint::{Body, Checkpoint, FORMAT, GovernanceAt, Held, Replaced};
use crate::trust::governance::KeyHistory;
use crate::trust::identities::Identities;

/// Evidence entries on the branch at `snapshot`, over all proposals.
pub fn evidence_count(snapshot: &Snapshot<'_>) -> Result<u64> {
    let mut count = 0u64;
    for (_, tree) in crate::decide::verify::all(snapshot)? {
        for (name, oid) in snapshot.list_tree(tree)? {
            if name == "evidence.jsonl" {
                count += snapshot.blob(oid)?.split(|b| *b == b'\n').filter(|l| !l.is_empty()).count() as u64;
            }
        }
    }
    Ok(count)
}

/// Sign a checkpoint of the branch head as `signer` and commit it under `checkpoints/`.
/// `replaces` records a rewrite an admin accepted.
pub fn write(repo: &ChangeRepo, key: &PrivateKey, signer: &str, replaces: Option<Replaced>) -> Result<Checkpoint> {
    let current = crate::trust::change::current(repo)?;
    let root = current
        .chain
        .root()
        .map(str::to_owned)
        .ok_or_else(|| Error::not_found("the repository has no governance root"))?;
    let (_, checkpoint) = repo.transact_signed(signer, "checkpoint", Some(key), |snap| {
        let head = snap.commit.ok_or_else(|| Error::not_found("the branch has no commits"))?;
        let seq = current.chain.entries.len().saturating_sub(1);
        let body = Body {
            format: FORMAT.to_owned(),
            root: root.clone(),
            branch: repo.branch_short().to_owned(),
            head: head.to_string(),
            governance: GovernanceAt {
                seq: seq as u64,
                entry: current.chain.hashes.get(seq).cloned().unwrap_or_default(),
            },
            evidence: evidence_count(snap)?,
            signed_at: crate::text::time::rfc3339(crate::text::time::now()),
            signer: signer.to_owned(),
            replaces: replaces.clone(),
        };
        let checkpoint = Checkpoint::sign(body, key)?;
        Ok((vec![Write::file(checkpoint.file_name(), checkpoint.to_bytes())], checkpoint))
    })?;
    crate::trust::checkpoint::keep(&checkpoint);
    Ok(checkpoint)
}

/// A held checkpoint the history breaks, or a commit that took something away.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// Where it came from: a checkpoint's file, or a commit.
    pub source: String,
    pub message: String,
}

/// Judge every held checkpoint against the branch `head` with `evidence` entries (when
/// known): each must be validly signed, and `head` must extend it, unless an admin's
/// later checkpoint accepted a rewrite of it. Stops at the first the history does not
/// extend. Then proves that since the oldest valid checkpoint (or the first commit) every
/// commit only appended. Valid checkpoints are kept on this machine.
pub fn judge(
    repo: &ChangeRepo,
    root: &str,
    identities: &Identities,
    history: &KeyHistory,
    head: Oid,
    evidence: Option<u64>,
    held: &[Held],
) -> Result<Vec<Finding>> {
    let mut findings = Vec::new();
    // A checkpoint speaks for the branch it was signed on.
    let branch = repo.branch_short();
    let valid: Vec<&Held> = held
        .iter()
        .filter(|h| h.checkpoint.checkpoint.branch == branch)
        .filter(|h| match h.checkpoint.check(root, identities, history) {
            Ok(()) => true,
            Err(why) => {
                findings.push(Finding { source: h.from.clone(), message: format!("checkpoint not trusted: {why}") });
                false
            }
        })
        .collect();
    let accepted = |old: Oid| {
        valid.iter().any(|r| {
            r.checkpoint.checkpoint.replaces.as_ref().and_then(|x| Oid::from_str(&x.head).ok()).is_some_and(
                |replaced| {
                    crate::store::mark::descends(&repo.git, replaced, old)
                        && r.checkpoint.head().is_ok_and(|h| crate::store::mark::descends(&repo.git, head, h))
                },
            )
        })
    };
    for h in &valid {
        crate::trust::checkpoint::keep(&h.checkpoint);
        let cp = &h.checkpoint.checkpoint;
        let at = h.checkpoint.head()?;
        if !crate::store::mark::descends(&repo.git, head, at) {
            if accepted(at) {
                continue;
            }
            let gone = anchor::vanished(repo, at, Some(head))?;
            let mut message = format!(
                "the history does not extend the checkpoint signed by {} at {} (head {}, {} evidence entries)",
                cp.signer,
                cp.signed_at,
                cp.head.get(..10).unwrap_or(&cp.head),
                cp.evidence
            );
            if !gone.known {
                message.push_str("; that commit is not in this history");
            }
            for c in gone.commits.iter().take(5) {
                message.push_str(&format!("; vanished commit {c}"));
            }
            for e in gone.evidence.iter().take(5) {
                message.push_str(&format!("; vanished: {e}"));
            }
            findings.push(Finding { source: h.from.clone(), message });
            return Ok(findings);
        }
        if let Some(now) = evidence
            && now < cp.evidence
        {
            findings.push(Finding {
                source: h.from.clone(),
                message: format!(
                    "the checkpoint signed by {} at {} counts {} evidence entries; the branch now has {now}",
                    cp.signer, cp.signed_at, cp.evidence
                ),
            });
        }
    }
    let since = valid.first().and_then(|h| h.checkpoint.head().ok());
    for r in anchor::removals(repo, since, head)? {
        findings.push(Finding {
            source: format!("commit {}", &r.commit[..10]),
            message: format!("by {}: {} (history only appends)", r.author, r.what),
        });
    }
    Ok(findings)
}

/// [`judge`] over every checkpoint held for the branch at `head`: those on the branch, those
/// this machine kept, and `handed` (files given on the command line). A file under
/// `checkpoints/` that is not a checkpoint is a finding too. Nothing for an ungoverned or
/// empty branch.
pub fn history_findings(
    repo: &ChangeRepo,
    identities: &Identities,
    evidence: Option<u64>,
    handed: Vec<Held>,
) -> Result<Vec<Finding>> {
    let snapshot = repo.snapshot()?;
    let (Some(head), Some(root)) = (snapshot.commit, snapshot.in_force().map(|f| f.root.clone())) else {
        return Ok(Vec::new());
    };
    let (mut held, bad) = crate::trust::checkpoint::held(repo, &root)?;
    held.extend(handed);
    held.sort_by(|a, b| a.checkpoint.checkpoint.signed_at.cmp(&b.checkpoint.checkpoint.signed_at));
    let history = crate::trust::change::key_history(repo)?;
    let mut findings: Vec<Finding> = bad.into_iter().map(|(source, message)| Finding { source, message }).collect();
    findings.extend(judge(repo, &root, identities, &history, head, evidence, &held)?);
    Ok(findings)
}

/// The refusal for findings, for commands that stop on them.
pub fn refusal(findings: &[Finding]) -> Error {
    let mut err = Error::new(
        ErrorKind::VerificationFailed,
        format!("the history does not extend what was checkpointed: {} problem(s)", findings.len()),
    );
    for f in findings.iter().take(10) {
        err = err.hint(format!("{}: {}", f.source, f.message));
    }
    err
}
