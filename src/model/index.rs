//! The proposal index: a summary of every proposal, derived from the branch and cached
//! under `.git/clearance/` keyed by git object ids.
//!
//! Each shard (`proposals/<aa>`) is cached with the id of the tree it was built from, so
//! after a commit only the shards whose tree changed are read again. The cache is safe to
//! delete; a cache that fails its checksum, does not parse, or was built from other objects
//! is rebuilt.

#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::unwrap_used))]

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::model::evidence;
use crate::model::intent::Intent;
use crate::model::proposal::State;
use crate::store::fs::write_atomic;
use crate::store::repo::{ChangeRepo, Snapshot};

const CACHE_VERSION: u32 = 6;

/// What `list` shows of a proposal.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Summary {
    pub id: String,
    pub state: State,
    pub agent: String,
    pub action: String,
    pub environment: String,
    pub targets: Vec<String>,
    pub created_at: String,
    /// `spec.limits.budget_usd`, for per-agent budgets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_usd: Option<f64>,
    /// What the proposal was when filed, for judging its approvals without re-running policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded: Option<Recorded>,
    /// Cleared by policy alone.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub auto_approved: bool,
    /// When it became cleared (auto-approval, or the approval that completed the quorum).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cleared_at: Option<String>,
    /// The approval files, verbatim: judged on every read against the trust file and clock.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub approvals: Vec<(String, String)>,
}

/// The digests and quorum recorded in the `proposed` evidence entry.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Recorded {
    pub intent: String,
    pub plan: String,
    pub blast_radius: String,
    pub decision: String,
    pub approvals: Vec<crate::trust::approval::Quorum>,
}

#[derive(Serialize, Deserialize, Default)]
struct Cache {
    version: u32,
    shards: BTreeMap<String, Shard>,
}

#[derive(Serialize, Deserialize)]
struct Shard {
    tree: String,
    items: Vec<Summary>,
}

pub struct Index {
    pub proposals: Vec<Summary>,
    /// Proposals that could not be read: id and the reason.
    pub broken: Vec<(String, String)>,
}

fn cache_path(repo: &ChangeRepo) -> PathBuf {
    repo.cache_dir().join("proposals.json")
}

/// The cache file: the sha256 of its body on the first line, then the body. A cache edited
/// by hand or cut short fails the sum and is rebuilt from the branch, never served.
fn checked(body: Vec<u8>) -> Vec<u8> {
    let mut file = crate::text::bytes::digest(&body).into_bytes();
    file.push(b'\n');
    file.extend(body);
    file
}

/// The body of a cache file whose sum matches; `None` for anything else.
fn read_checked(path: &std::path::Path) -> Option<Vec<u8>> {
    let mut file = std::fs::read(path).ok()?;
    let newline = file.iter().position(|&b| b == b'\n')?;
    let body = file.split_off(newline + 1);
    (file.get(..newline)? == crate::text::bytes::digest(&body).as_bytes()).then_some(body)
}

/// Every proposal on the branch, newest first.
pub fn load(repo: &ChangeRepo) -> Result<Index> {
    load_at(repo, &repo.snapshot()?)
}

/// Every proposal in `snapshot`, newest first.
pub fn load_at(repo: &ChangeRepo, snapshot: &Snapshot<'_>) -> Result<Index> {
    let path = cache_path(repo);
    let mut cache: Cache = read_checked(&path)
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .filter(|c: &Cache| c.version == CACHE_VERSION)
        .unwrap_or_default();
    cache.version = CACHE_VERSION;

    let mut changed = false;
    let mut problems = Vec::new();
    let shards = snapshot.list("proposals")?;
    let live: Vec<&str> = shards.iter().map(|(name, _)| name.as_str()).collect();
    let before = cache.shards.len();
    cache.shards.retain(|name, _| live.contains(&name.as_str()));
    changed |= cache.shards.len() != before;
    for (name, tree) in &shards {
        let tree_hex = tree.to_string();
        if cache.shards.get(name).is_some_and(|s| s.tree == tree_hex) {
            continue;
        }
        let mut items = Vec::new();
        for (id, dir) in snapshot.list_tree(*tree)? {
            match summarize(snapshot, &id, dir) {
                Ok(summary) => items.push(summary),
                Err(e) => problems.push((id.clone(), e.to_string())),
            }
        }
        cache.shards.insert(name.clone(), Shard { tree: tree_hex, items });
        changed = true;
    }
    if changed && problems.is_empty() {
        // A cache that cannot be written only costs time on the next run.
        if let Ok(bytes) = serde_json::to_vec(&cache) {
            let _ = write_atomic(&path, &checked(bytes), false);
        }
    }
    let mut proposals: Vec<Summary> = cache.shards.into_values().flat_map(|s| s.items).collect();
    settle(repo, snapshot, &mut proposals)?;
    proposals.sort_by(|a, b| b.created_at.cmp(&a.created_at).then_with(|| a.id.cmp(&b.id)));
    Ok(Index { proposals, broken: problems })
}

/// What `input.history` needs of one of an agent's proposals.
#[derive(Debug, Clone, PartialEq)]
pub struct Past {
    /// `created_at` in unix seconds.
    pub at: i64,
    pub state: State,
    pub budget_usd: Option<f64>,
}

impl Past {
    pub fn of(at: &str, state: State, budget_usd: Option<f64>) -> Option<Past> {
        Some(Past { at: at.parse::<jiff::Timestamp>().ok()?.as_second(), state, budget_usd })
    }
}

/// `agent`'s proposals in `snapshot`, for `input.history`.
///
/// Deciding about a new proposal needs only these, so when the cache is current they are
/// read from it without building a summary of every proposal (most of `check -f`'s time
/// at 10,000 proposals went there). The full index is loaded when the cache is stale, or
/// when one of the agent's pending proposals has approvals to judge (a veto changes what
/// counts against its budget).
pub fn past_of(repo: &ChangeRepo, snapshot: &Snapshot<'_>, agent: &str) -> Result<Vec<Past>> {
    if let Some(past) = past_from_cache(repo, snapshot, agent)? {
        return Ok(past);
    }
    let index = load_at(repo, snapshot)?;
    Ok(index
        .proposals
        .iter()
        .filter(|p| p.agent == agent)
        .filter_map(|p| Past::of(&p.created_at, p.state, p.budget_usd))
        .collect())
}

/// The cache as `past_of` reads it: borrowed, skipping every field it does not need.
#[derive(Deserialize)]
struct CacheView<'a> {
    version: u32,
    #[serde(borrow)]
    shards: BTreeMap<&'a str, ShardView<'a>>,
}

#[derive(Deserialize)]
struct ShardView<'a> {
    tree: &'a str,
    #[serde(borrow)]
    items: Vec<ItemView<'a>>,
}

#[derive(Deserialize)]
struct ItemView<'a> {
    #[serde(borrow)]
    agent: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    created_at: std::borrow::Cow<'a, str>,
    state: State,
    #[serde(default)]
    budget_usd: Option<f64>,
    /// Present only when there are approval files.
    #[serde(default)]
    approvals: Option<serde::de::IgnoredAny>,
}

fn past_from_cache(repo: &ChangeRepo, snapshot: &Snapshot<'_>, agent: &str) -> Result<Option<Vec<Past>>> {
    let Some(bytes) = read_checked(&cache_path(repo)) else { return Ok(None) };
    let Ok(view) = serde_json::from_slice::<CacheView<'_>>(&bytes) else { return Ok(None) };
    let shards = snapshot.list("proposals")?;
    let current = view.version == CACHE_VERSION
        && shards.len() == view.shards.len()
        && shards.iter().all(|(name, tree)| {
            view.shards.get(name.as_str()).is_some_and(|s| s.tree.parse::<git2::Oid>().ok() == Some(*tree))
        });
    if !current {
        return Ok(None);
    }
    let mut past = Vec::new();
    for item in view.shards.values().flat_map(|s| &s.items).filter(|i| i.agent == agent) {
        if item.state == State::Pending && item.approvals.is_some() {
            return Ok(None);
        }
        past.extend(Past::of(&item.created_at, item.state, item.budget_usd));
    }
    Ok(Some(past))
}

fn summarize(snapshot: &Snapshot<'_>, id: &str, dir: git2::Oid) -> Result<Summary> {
    let mut intent_bytes = None;
    let mut evidence_bytes = Vec::new();
    let mut plan = "none".to_owned();
    let mut approvals = Vec::new();
    for (name, oid) in snapshot.list_tree(dir)? {
        match name.as_str() {
            "intent.yaml" => intent_bytes = Some(snapshot.blob(oid)?),
            "evidence.jsonl" => evidence_bytes = snapshot.blob(oid)?,
            "plan.json" => plan = crate::text::bytes::digest(&snapshot.blob(oid)?),
            "approvals" => {
                for (file, blob) in snapshot.list_tree(oid)? {
                    let text = String::from_utf8_lossy(&snapshot.blob(blob)?).into_owned();
                    approvals.push((format!("{}/approvals/{file}", crate::model::proposal::dir(id)), text));
                }
            }
            _ => {}
        }
    }
    let intent_bytes = intent_bytes.ok_or_else(|| crate::error::Error::invalid("intent.yaml is missing"))?;
    let dir = crate::model::proposal::dir(id);
    let intent: Intent = crate::text::yaml::from_slice(&intent_bytes, &format!("{dir}/intent.yaml"), "an intent")?;
    let entries = evidence::parse(&evidence_bytes, &format!("{dir}/evidence.jsonl"))?;
    let created_at = entries.first().map(|e| e.at.clone()).unwrap_or_default();
    // Only needed to judge approvals; kept out of the cache otherwise (it is read every run).
    let recorded = entries.first().filter(|_| !approvals.is_empty()).and_then(|e| {
        let p = &e.payload;
        let text = |k: &str| p.get(k).and_then(|v| v.as_str()).map(str::to_owned);
        Some(Recorded {
            intent: text("intent_digest")?,
            plan: plan.clone(),
            blast_radius: text("blast_radius_digest")?,
            decision: text("decision_digest")?,
            approvals: serde_json::from_value(p.get("decision")?.get("approvals")?.clone()).ok()?,
        })
    });
    let auto_approved = entries.iter().any(|e| e.kind == evidence::Kind::AutoApproved);
    let cleared_at = if auto_approved {
        Some(created_at.clone())
    } else {
        // Executed changes were cleared by the last approval before the start.
        let start = entries.iter().position(|e| e.kind == evidence::Kind::ApplyStarted);
        start
            .and_then(|s| entries.get(..s))
            .and_then(|before| before.iter().rev().find(|e| e.kind == evidence::Kind::Approved))
            .map(|e| e.at.clone())
    };
    Ok(Summary {
        recorded,
        approvals,
        auto_approved,
        cleared_at,
        id: id.to_owned(),
        state: crate::model::proposal::derive_state(&entries),
        agent: intent.metadata.agent,
        action: intent.spec.action,
        environment: intent.spec.environment,
        targets: intent.spec.targets.into_iter().map(|t| t.0).collect(),
        created_at,
        budget_usd: intent.spec.limits.and_then(|l| l.budget_usd),
    })
}

/// What judging a pending proposal's approvals against what it was when filed reads: the
/// rules in force and the clock, loaded once for many proposals.
pub struct Judging {
    trust: crate::trust::identities::Identities,
    repo_id: String,
    sponsor_is_self: bool,
    max_expiry: Option<std::time::Duration>,
    now: jiff::Timestamp,
    signatures: crate::store::sigcache::SigCache,
}

impl Judging {
    pub fn load(repo: &ChangeRepo, snapshot: &Snapshot<'_>) -> Result<Judging> {
        Ok(Judging {
            trust: crate::trust::identities::Identities::load(snapshot)?,
            repo_id: crate::model::config::Config::load(snapshot)?.repo_id,
            sponsor_is_self: !crate::model::policy_data::sponsor_may_approve(snapshot)?,
            max_expiry: crate::model::policy_data::max_approval_expiry(snapshot)?,
            now: crate::text::time::now(),
            signatures: crate::store::sigcache::SigCache::open(repo),
        })
    }

    /// Whether `principal` counts as the proposing agent (its sponsor, when policy says so).
    pub fn is_self(&self, p: &Summary, principal: &str) -> bool {
        principal == p.agent
            || (self.sponsor_is_self && self.trust.get(&p.agent).and_then(|a| a.sponsor.as_deref()) == Some(principal))
    }

    /// `p`'s approvals judged as of now against its record at filing.
    pub fn judge(&self, p: &Summary, r: &Recorded) -> Vec<crate::trust::approval::Judged> {
        let facts = crate::trust::approval::Facts {
            repo_id: &self.repo_id,
            proposal: &p.id,
            agent: &p.agent,
            intent: &r.intent,
            plan: &r.plan,
            blast_radius: &r.blast_radius,
            decision: &r.decision,
            provider: None,
            max_expiry: self.max_expiry,
            history: None,
            untrusted: None,
            now: self.now,
            sponsor_is_self: self.sponsor_is_self,
            signatures: Some(&self.signatures),
        };
        p.approvals
            .iter()
            .map(|(file, text)| crate::trust::approval::judge(file, text.as_bytes(), &facts, &self.trust))
            .collect()
    }

    pub fn save(&self) {
        self.signatures.save();
    }
}

/// Judge the approvals of pending proposals as of now, against what each proposal was
/// when filed (`show` and `apply` judge against what it is now, policy re-run).
fn settle(repo: &ChangeRepo, snapshot: &Snapshot<'_>, proposals: &mut [Summary]) -> Result<()> {
    if !proposals.iter().any(|p| p.state == State::Pending && !p.approvals.is_empty()) {
        return Ok(());
    }
    let judging = Judging::load(repo, snapshot)?;
    for p in proposals.iter_mut().filter(|p| p.state == State::Pending && !p.approvals.is_empty()) {
        let Some(r) = &p.recorded else { continue };
        // Expired approvals neither clear nor veto: no signature to check (old proposals
        // keep their approval files forever, and `list` would verify them on every run).
        if p.approvals.iter().all(|(_, text)| crate::trust::approval::expired(text.as_bytes(), judging.now)) {
            continue;
        }
        let judged = judging.judge(p, r);
        if crate::trust::approval::vetoed(&r.approvals, &judged).is_some() {
            p.state = State::Rejected;
        } else if crate::trust::approval::quorum_met(&r.approvals, &judged).0 {
            p.state = State::Approved;
            p.cleared_at = judged.iter().filter(|j| j.valid).map(|j| j.created_at.clone()).max();
        }
    }
    judging.save();
    Ok(())
}
