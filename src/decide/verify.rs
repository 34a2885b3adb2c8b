//! `clearance verify`: check every chain, signature, signer's role and trust at signing
//! time, the intent against what was proposed, every approval against what it binds, and
//! the quorum at apply time. Every problem is reported, not only the first. Works on the
//! repository or on an exported bundle, with no repository at all.

#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::unwrap_used))]

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::evidence::{Entry, Kind};
use crate::text::bytes::digest;
use crate::trust::approval::Quorum;
use crate::trust::approval::{self, Facts};
use crate::trust::identities::{Identities, Role};
use crate::trust::keys;

/// Everything about one proposal that verification reads: the same whether it comes from
/// the repository or from a bundle.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Files {
    pub id: String,
    pub intent: String,
    #[serde(default)]
    pub plan: Option<String>,
    pub evidence: String,
    /// File name -> contents, under `approvals/`.
    #[serde(default)]
    pub approvals: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    pub proposal: String,
    /// The evidence line (1-based) the problem is on, if any.
    pub line: Option<usize>,
    pub message: String,
}

pub struct Context<'a> {
    pub repo_id: &'a str,
    pub trust: &'a Identities,
    pub sponsor_is_self: bool,
    /// Each principal's parsed key, parsed once rather than once per line.
    keys: std::collections::HashMap<&'a str, ssh_key::PublicKey>,
    /// The keys each principal held before, with when the rules put them in force.
    history: crate::trust::governance::KeyHistory,
    /// Approval files recorded while their key was not trusted, in branch order (`None`:
    /// no branch, as for a bundle).
    untrusted: Option<std::collections::BTreeSet<String>>,
}

impl<'a> Context<'a> {
    pub fn new(repo_id: &'a str, trust: &'a Identities, sponsor_is_self: bool) -> Self {
        let keys = trust
            .identities
            .iter()
            .filter_map(|i| Some((i.principal.as_str(), keys::parse_public(i.key.as_deref()?).ok()?)))
            .collect();
        Context { repo_id, trust, sponsor_is_self, keys, history: Default::default(), untrusted: None }
    }

    /// Judge each signature by the key the rules in force trusted when it was made, as
    /// `history` says (after a re-key, earlier lines keep verifying with the earlier key).
    pub fn with_history(mut self, history: crate::trust::governance::KeyHistory) -> Self {
        self.history = history;
        self
    }

    /// Judge approvals by when the branch recorded them too: these were recorded while
    /// their key was not trusted.
    pub fn with_untrusted(mut self, untrusted: std::collections::BTreeSet<String>) -> Self {
        self.untrusted = Some(untrusted);
        self
    }

    pub fn history(&self) -> &crate::trust::governance::KeyHistory {
        &self.history
    }

    /// The key `principal` held at `at`: from the history when it says, else the current one.
    fn key_at(&self, principal: &str, at: &str) -> Option<&ssh_key::PublicKey> {
        at.parse()
            .ok()
            .and_then(|at| crate::trust::governance::key_at(&self.history, principal, at))
            .or_else(|| self.keys.get(principal))
    }
}

/// How far ahead of this machine's clock a signed time may be.
const CLOCK_SKEW_SECS: i64 = 300;

/// Evidence signatures waiting for batch verification, tagged with where they came from.
pub type Signatures = keys::Batch<(String, usize, String)>;

/// Verify the queued evidence signatures; each failure becomes a problem.
pub fn finish(signatures: Signatures, out: &mut Vec<Problem>) {
    for (proposal, line, actor) in signatures.finish() {
        out.push(Problem {
            proposal,
            line: Some(line),
            message: format!("signature by `{actor}`: signature does not match the signed text"),
        });
    }
    out.sort_by(|a, b| (&a.proposal, a.line).cmp(&(&b.proposal, b.line)));
}

fn allowed(kind: Kind) -> &'static [Role] {
    match kind {
        Kind::Proposed | Kind::Withdrawn => &[Role::Agent, Role::Admin],
        Kind::Approved | Kind::Rejected => &[Role::Approver, Role::Admin],
        Kind::Planned | Kind::ApplyStarted | Kind::ApplyFinished | Kind::Verified => &[Role::Executor, Role::Admin],
        Kind::AutoApproved => &[],
    }
}

/// Verify many proposals on every core (each thread judges a share and batches its own
/// signatures); returns the evidence entries checked. Problems come out sorted.
pub fn many(files: &[Files], cx: &Context<'_>, out: &mut Vec<Problem>) -> usize {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    let share = files.len().div_ceil(threads).max(64);
    let results: Vec<(usize, Vec<Problem>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(share)
            .map(|part| {
                scope.spawn(move || {
                    let (mut problems, mut signatures, mut checked) = (Vec::new(), Signatures::new(), 0);
                    for f in part {
                        checked += proposal(f, cx, &mut signatures, &mut problems);
                    }
                    finish(signatures, &mut problems);
                    (checked, problems)
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    });
    let mut checked = 0;
    for (n, mut problems) in results {
        checked += n;
        out.append(&mut problems);
    }
    out.sort_by(|a, b| (&a.proposal, a.line).cmp(&(&b.proposal, b.line)));
    checked
}

/// Verify one proposal; returns the number of evidence entries checked. Evidence
/// signatures are queued in `signatures`; call [`finish`] after the last proposal.
pub fn proposal(files: &Files, cx: &Context<'_>, signatures: &mut Signatures, out: &mut Vec<Problem>) -> usize {
    let id = files.id.as_str();
    let mut problem =
        |line: Option<usize>, message: String| out.push(Problem { proposal: id.to_owned(), line, message });
    let lines: Vec<&str> = files.evidence.lines().filter(|l| !l.is_empty()).collect();
    let mut entries: Vec<Entry> = Vec::with_capacity(lines.len());
    let mut prev: Option<&str> = None;
    let mut last_at: Option<jiff::Timestamp> = None;
    let now = crate::text::time::now();
    for (i, raw) in lines.iter().enumerate() {
        let n = i + 1;
        let entry: Entry = match serde_json::from_str(raw) {
            Ok(e) => e,
            Err(e) => {
                problem(Some(n), format!("not an evidence entry: {e}"));
                prev = Some(raw);
                continue;
            }
        };
        if entry.seq != n as u64 {
            problem(
                Some(n),
                format!("sequence broken: line {n} has seq {} (a line was deleted, inserted or reordered)", entry.seq),
            );
        }
        let expected = prev.map(|p| digest(p.as_bytes()));
        if entry.prev != expected {
            problem(Some(n), "hash chain broken: `prev` does not match the line before (an earlier line was edited, removed or reordered)".to_owned());
        }
        prev = Some(raw);
        // Signed claims of time are bounded by order: never before the line they follow,
        // never ahead of this machine's clock.
        match entry.at.parse::<jiff::Timestamp>() {
            Err(_) => problem(Some(n), format!("`at` is not an RFC 3339 time: `{}`", entry.at)),
            Ok(at) => {
                if last_at.is_some_and(|last| at < last) {
                    problem(Some(n), format!("dated {at}, before the line it follows (backdated?)"));
                }
                if at.as_second() > now.as_second() + CLOCK_SKEW_SECS {
                    problem(Some(n), format!("dated {at}, in the future"));
                }
                last_at = Some(at);
            }
        }
        check_signature(&entry, id, cx, signatures, &mut problem, n);
        entries.push(entry);
    }
    let Some(first) = entries.first() else {
        problem(None, "no evidence at all".to_owned());
        return 0;
    };
    if first.kind != Kind::Proposed {
        problem(Some(1), format!("the first entry is `{}`, not `proposed`", first.kind.name()));
    }
    let intent_digest = digest(files.intent.as_bytes());
    let recorded = first.payload.get("intent_digest").and_then(|d| d.as_str()).unwrap_or_default();
    if recorded != intent_digest {
        problem(
            None,
            format!("intent.yaml was edited after it was proposed: proposed {recorded}, now {intent_digest}"),
        );
    }
    if first.payload.get("id").and_then(|v| v.as_str()) != Some(id) {
        problem(Some(1), "evidence belongs to another proposal".to_owned());
    }
    let agent = crate::text::yaml::from_str::<crate::model::intent::Intent>(&files.intent)
        .map(|i| i.metadata.agent)
        .unwrap_or_default();
    if first.actor != agent {
        problem(Some(1), format!("proposed by `{}` but the intent names agent `{agent}`", first.actor));
    }
    // Auto-approval is clearance's own, unsigned: only where the recorded decision said so.
    for (i, _) in entries.iter().enumerate().filter(|(_, e)| e.kind == Kind::AutoApproved) {
        let auto =
            first.payload.get("decision").and_then(|d| d.get("auto_approve")).and_then(|a| a.as_bool()) == Some(true);
        let denied = first
            .payload
            .get("decision")
            .and_then(|d| d.get("deny"))
            .and_then(|d| d.as_array())
            .is_some_and(|d| !d.is_empty());
        if !auto || denied {
            problem(Some(i + 1), "auto-approved, but the recorded policy decision did not auto-approve".to_owned());
        }
    }

    // Approvals: each judged against what it binds; each recorded in evidence.
    let plan = files.plan.as_deref().map_or_else(|| "none".to_owned(), |p| digest(p.as_bytes()));
    let recorded_digest = |k: &str| first.payload.get(k).and_then(|d| d.as_str()).unwrap_or_default().to_owned();
    let started = entries.iter().find(|e| e.kind == Kind::ApplyStarted);
    let (blast, decision, at) = match started {
        Some(s) => (
            s.payload.get("blast_radius_digest").and_then(|d| d.as_str()).unwrap_or_default().to_owned(),
            s.payload.get("decision_digest").and_then(|d| d.as_str()).unwrap_or_default().to_owned(),
            s.at.parse().unwrap_or_default(),
        ),
        None => (recorded_digest("blast_radius_digest"), recorded_digest("decision_digest"), crate::text::time::now()),
    };
    let facts = Facts {
        provider: None,
        max_expiry: None,
        history: Some(&cx.history),
        untrusted: cx.untrusted.as_ref(),
        repo_id: cx.repo_id,
        proposal: id,
        agent: &agent,
        intent: &intent_digest,
        plan: &plan,
        blast_radius: &blast,
        decision: &decision,
        now: at,
        sponsor_is_self: cx.sponsor_is_self,
        // Proof is checked from scratch, every time.
        signatures: None,
    };
    let mut judged = Vec::new();
    for (name, text) in &files.approvals {
        let j = approval::judge(name, text.as_bytes(), &facts, cx.trust);
        // Expired, stale or self-approvals are legitimate records that do not count; these
        // mean the file itself was forged, edited or moved.
        let tampered = ["bad statement", "bad signature", "unreadable", "made for another", "stored under a name"]
            .iter()
            .any(|p| j.reason.starts_with(p));
        if tampered {
            problem(None, format!("approval {name}: {}", j.reason));
        }
        let statement = digest(j.statement.as_bytes());
        let logged = entries.iter().any(|e| {
            matches!(e.kind, Kind::Approved | Kind::Rejected)
                && e.payload.get("statement_digest").and_then(|d| d.as_str()) == Some(statement.as_str())
        });
        if !logged {
            problem(
                None,
                format!(
                    "approval {name} has no matching `approved`/`rejected` evidence entry (edited or added by hand)"
                ),
            );
        }
        judged.push(j);
    }
    // Every approval or rejection on record has its file: a veto cannot be deleted. An
    // approver who signs again (after a re-plan, or to turn an approval into a veto)
    // replaces their file; their newest line is the one it must match.
    let signed_off = |e: &&Entry| matches!(e.kind, Kind::Approved | Kind::Rejected);
    let file_of = |e: &Entry| {
        let file = e.payload.get("file").and_then(|f| f.as_str()).unwrap_or_default();
        file.rsplit('/').next().unwrap_or_default().to_owned()
    };
    let mut newest = std::collections::BTreeMap::new();
    for (i, e) in entries.iter().enumerate().filter(|(_, e)| signed_off(e)) {
        newest.insert(file_of(e), i);
    }
    for (i, e) in entries.iter().enumerate().filter(|(_, e)| signed_off(e)) {
        let name = file_of(e);
        if newest.get(&name) != Some(&i) {
            continue;
        }
        let name = name.as_str();
        let want = e.payload.get("statement_digest").and_then(|d| d.as_str()).unwrap_or_default();
        let found = files
            .approvals
            .iter()
            .find(|(path, _)| path.rsplit('/').next() == Some(name))
            .and_then(|(_, text)| serde_json::from_str::<approval::Record>(text).ok());
        match found {
            None => problem(
                Some(i + 1),
                format!("the {} by `{}` on record has no file {name} (deleted?)", e.kind.name(), e.actor),
            ),
            Some(r) if digest(r.statement.as_bytes()) != want => problem(
                Some(i + 1),
                format!("the {} by `{}` on record does not match {name} (replaced?)", e.kind.name(), e.actor),
            ),
            Some(_) => {}
        }
    }
    // The plan is the one the executor recorded.
    let planned = entries.iter().enumerate().rev().find(|(_, e)| e.kind == Kind::Planned);
    match (planned, &files.plan) {
        (Some((i, e)), Some(_)) => {
            if e.payload.get("plan_digest").and_then(|d| d.as_str()) != Some(plan.as_str()) {
                problem(Some(i + 1), "plan.json is not the plan the executor recorded (replaced?)".to_owned());
            }
        }
        (Some((i, _)), None) => problem(Some(i + 1), "the plan on record has no plan.json (deleted?)".to_owned()),
        (None, Some(_)) => problem(None, "plan.json has no `planned` entry by an executor (added by hand)".to_owned()),
        (None, None) => {}
    }
    // Quorum at apply time: what the executor relied on must have been enough.
    if let Some(s) = started {
        let required: Vec<Quorum> =
            s.payload.get("required").and_then(|r| serde_json::from_value(r.clone()).ok()).unwrap_or_default();
        let auto = s.payload.get("auto_approve").and_then(|a| a.as_bool()) == Some(true);
        if !auto {
            let (met, missing) = approval::quorum_met(&required, &judged);
            if !met {
                let missing: Vec<String> = missing.iter().map(|q| format!("{} from {}", q.count, q.group)).collect();
                problem(None, format!("applied without a valid quorum at {}: missing {}", s.at, missing.join(", ")));
            }
        }
    }
    entries.len()
}

fn check_signature(
    entry: &Entry,
    id: &str,
    cx: &Context<'_>,
    signatures: &mut Signatures,
    problem: &mut impl FnMut(Option<usize>, String),
    n: usize,
) {
    if entry.kind == Kind::AutoApproved {
        if entry.sig.is_some() || entry.actor != "policy" {
            problem(Some(n), "auto-approved entries are made by `policy`, unsigned".to_owned());
        }
        return;
    }
    let Some(sig) = &entry.sig else {
        return problem(Some(n), format!("`{}` entry by `{}` is not signed", entry.kind.name(), entry.actor));
    };
    let Some(identity) = cx.trust.get(&entry.actor) else {
        return problem(Some(n), format!("signed by `{}`, who is not in trust/identities.yaml", entry.actor));
    };
    if !allowed(entry.kind).contains(&identity.role) {
        return problem(
            Some(n),
            format!("`{}` signed by `{}`, whose role is {}", entry.kind.name(), entry.actor, identity.role),
        );
    }
    let Some(key) = cx.key_at(&entry.actor, &entry.at) else {
        return problem(Some(n), format!("`{}` has no usable key in trust", entry.actor));
    };
    if let (Some(revoked), Ok(at)) = (
        identity.revoked_at.as_deref().and_then(|r| r.parse::<jiff::Timestamp>().ok()),
        entry.at.parse::<jiff::Timestamp>(),
    ) && at >= revoked
    {
        problem(Some(n), format!("signed by `{}` at {at}, after the key was revoked at {revoked}", entry.actor));
    }
    let mut unsigned = entry.clone();
    unsigned.sig = None;
    let bytes = serde_json::to_vec(&unsigned).unwrap_or_default();
    if let Err(e) = signatures.push(key, keys::NS_EVIDENCE, &bytes, sig, (id.to_owned(), n, entry.actor.clone())) {
        problem(Some(n), format!("signature by `{}`: {e}", entry.actor));
    }
}

/// A self-contained, offline-verifiable record of one proposal.
#[derive(Debug, Serialize, Deserialize)]
pub struct Bundle {
    pub format: String,
    /// Informational: the id that counts is the one the governance genesis names.
    pub repo_id: String,
    pub sponsor_may_approve: bool,
    /// Informational: the keys that count are those the governance proof puts in force.
    pub identities: String,
    /// The governance log up to the entry in force at export, and the trust files it names.
    #[serde(default)]
    pub governance: crate::trust::governance::Proof,
    /// The policy decision recorded when the proposal was filed.
    pub decision: serde_json::Value,
    pub files: Files,
    /// The newest checkpoint that holds the proposal's evidence (or its beginning), with
    /// the git objects that prove it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkpoint: Option<crate::trust::checkpoint::Coverage>,
}

pub const BUNDLE_FORMAT: &str = "clearance-bundle/v2";
/// The largest bundle `verify --bundle` reads.
pub const MAX_BUNDLE_BYTES: u64 = 256 * 1024 * 1024;

/// Read one proposal's files from the branch.
pub fn files(snapshot: &crate::store::repo::Snapshot<'_>, id: &str) -> crate::error::Result<Files> {
    let dir = crate::model::proposal::dir(id);
    let oid = snapshot.entry_id(&dir)?.ok_or_else(|| crate::error::Error::not_found(format!("{dir} is missing")))?;
    files_in(snapshot, id, oid)
}

/// Read a proposal's files from its directory tree: one tree read, then blobs by id.
pub fn files_in(
    snapshot: &crate::store::repo::Snapshot<'_>,
    id: &str,
    dir_tree: git2::Oid,
) -> crate::error::Result<Files> {
    let dir = crate::model::proposal::dir(id);
    let text = |oid| -> crate::error::Result<String> { Ok(String::from_utf8_lossy(&snapshot.blob(oid)?).into_owned()) };
    let mut files = Files {
        id: id.to_owned(),
        intent: String::new(),
        plan: None,
        evidence: String::new(),
        approvals: BTreeMap::new(),
    };
    for (name, oid) in snapshot.list_tree(dir_tree)? {
        match name.as_str() {
            "intent.yaml" => files.intent = text(oid)?,
            "plan.json" => files.plan = Some(text(oid)?),
            "evidence.jsonl" => files.evidence = text(oid)?,
            "approvals" => {
                for (file, blob) in snapshot.list_tree(oid)? {
                    files.approvals.insert(format!("{dir}/approvals/{file}"), text(blob)?);
                }
            }
            _ => {}
        }
    }
    Ok(files)
}

/// The approval files among `ids` recorded on the branch while their key was not trusted
/// (nothing to look up, and no tree read, unless some key was ever revoked or replaced).
pub fn untrusted_in(
    snapshot: &crate::store::repo::Snapshot<'_>,
    ids: &Listed,
    history: &crate::trust::governance::KeyHistory,
) -> crate::error::Result<std::collections::BTreeSet<String>> {
    if !history.values().flatten().any(|s| s.closed.is_some()) {
        return Ok(Default::default());
    }
    let mut files = Vec::new();
    for (id, tree) in ids {
        if let Some((_, approvals)) = snapshot.list_tree(*tree)?.into_iter().find(|(n, _)| n == "approvals") {
            let dir = crate::model::proposal::dir(id);
            files.extend(snapshot.list_tree(approvals)?.into_iter().map(|(f, _)| format!("{dir}/approvals/{f}")));
        }
    }
    crate::trust::governance::recorded_untrusted(
        snapshot.git(),
        snapshot.commit,
        history,
        files.iter().map(String::as_str),
    )
}

/// Every proposal on the branch: id and directory tree.
/// Proposal ids with the ids of their directory trees.
pub type Listed = Vec<(String, git2::Oid)>;

pub fn all(snapshot: &crate::store::repo::Snapshot<'_>) -> crate::error::Result<Listed> {
    Ok(all_checked(snapshot)?.0)
}

/// [`all`], and a problem for every entry under `proposals/` that is not a proposal
/// directory where its id says (a stray file or directory, a file in place of a shard).
pub fn all_checked(snapshot: &crate::store::repo::Snapshot<'_>) -> crate::error::Result<(Listed, Vec<Problem>)> {
    let (mut out, mut problems) = (Vec::new(), Vec::new());
    let stray = |path: String, why: &str| Problem { proposal: path, line: None, message: why.to_owned() };
    if let Some(oid) = snapshot.entry_id("proposals")?
        && snapshot.list_tree(oid).is_err()
    {
        problems.push(stray("proposals".to_owned(), "a file where the proposals directory should be"));
    }
    for (shard, oid) in snapshot.list("proposals")? {
        let Ok(entries) = snapshot.list_tree(oid) else {
            problems.push(stray(format!("proposals/{shard}"), "a file where a shard directory should be"));
            continue;
        };
        for (id, tree) in entries {
            let valid = id.len() == crate::model::proposal::ID_LEN
                && id.chars().all(crate::model::proposal::is_id_char)
                && id.get(..2) == Some(shard.as_str());
            if !valid {
                problems
                    .push(stray(format!("proposals/{shard}/{id}"), "not a proposal: a stray name under proposals/"));
            } else if snapshot.list_tree(tree).is_err() {
                problems.push(stray(format!("proposals/{shard}/{id}"), "a file where a proposal directory should be"));
            } else {
                out.push((id, tree));
            }
        }
    }
    out.sort();
    Ok((out, problems))
}
