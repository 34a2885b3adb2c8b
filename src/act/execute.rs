//! The data plane: `plan`, `apply` (with `--resume`) and `withdraw`. Only a cleared change
//! reaches a provider, and at most once: `apply-started` is committed before the provider
//! runs, and a change with a start on record is never started again (only resumed, with the
//! same idempotency key).

use std::time::Duration;

use serde::Serialize;
use ssh_key::PrivateKey;

use crate::act::provider::{Operation, Outcome, Ready, Request};
use crate::decide::evaluate::Context;
use crate::decide::review::{self, Review};
use crate::error::{Error, ErrorKind, Result};
use crate::model::config::Config;
use crate::model::evidence::{self, Kind};
use crate::model::proposal::{self, Detail, State};
use crate::store::repo::{ChangeRepo, Write};
use crate::trust::identities::Role;
use crate::trust::keys::{self, KeyArgs};

/// Who acts, and the key they sign with.
struct Signer {
    key: PrivateKey,
    name: String,
}

/// The signer, who must be trusted in one of `roles`.
fn signer(context: &Context, key: &KeyArgs, roles: &[Role], what: &str) -> Result<Signer> {
    let key = key.load()?;
    let identity = context.identities.by_key(key.public_key()).ok_or_else(|| {
        Error::invalid(format!("your key {} is not in trust/identities.yaml", keys::fingerprint(key.public_key())))
    })?;
    if !roles.contains(&identity.role) || identity.revoked_at.is_some() {
        return Err(Error::invalid(format!(
            "`{}` may not {what} (role {}{})",
            identity.principal,
            identity.role,
            if identity.revoked_at.is_some() { ", revoked" } else { "" }
        )));
    }
    Ok(Signer { name: identity.principal.clone(), key })
}

/// The idempotency key of a proposal's execution: the same on every attempt and machine.
pub fn idempotency_key(repo_id: &str, id: &str, intent_digest: &str) -> String {
    crate::text::bytes::digest(format!("{repo_id}\n{id}\n{intent_digest}").as_bytes())
}

struct Loaded {
    id: String,
    detail: Detail,
    context: Context,
    review: Review,
}

fn load(repo: &ChangeRepo, prefix: &str) -> Result<Loaded> {
    let snapshot = repo.snapshot()?;
    let id = proposal::resolve(&snapshot, prefix)?;
    let detail = proposal::load(&snapshot, &id)?;
    let mut context = Context::load(repo, &snapshot)?;
    let now = crate::text::time::now();
    let mut history = crate::decide::evaluate::history_without(repo, &snapshot, &detail, now)?;
    // The times in proposals are their agents' word; what this executor itself started,
    // by its own clock, is a floor under the agent's history (a backdated proposal does
    // not take its spending out of today's budget).
    if let Some(root) = snapshot.in_force().map(|f| f.root.clone())
        && let Ok(ledger) = crate::act::ledger::Ledger::open(&root)
    {
        history = history.at_least(&ledger.spent(&detail.agent, &id, now)?);
    }
    let review = review::review_with(&snapshot, &detail, &mut context, now, history)?;
    Ok(Loaded { id, detail, context, review })
}

impl Loaded {
    /// Who proposed the change and what it may spend, for the ledger.
    fn spend(&self) -> (&str, Option<f64>) {
        (&self.detail.agent, self.review.intent.intent.spec.limits.as_ref().and_then(|l| l.budget_usd))
    }
}

/// The provider in force for `action`, ready to run.
fn provider_for(repo: &ChangeRepo, config: &Config, action: &str) -> Result<Ready> {
    let name = action.split_once('.').map_or(action, |(p, _)| p).to_owned();
    let provider = config.providers.get(&name).ok_or_else(|| {
        Error::invalid(format!("no provider `{name}` in clearance.yaml for action `{action}`"))
            .hint("declare it under `providers:`")
    })?;
    Ready::new(&name, provider, &repo.snapshot()?)
}

fn record(
    repo: &ChangeRepo,
    id: &str,
    signer: &Signer,
    kind: Kind,
    payload: serde_json::Value,
    extra: Vec<Write>,
    message: &str,
) -> Result<()> {
    let at = crate::text::time::rfc3339(crate::text::time::now());
    let (actor, key) = (&signer.name, &signer.key);
    repo.transact_signed(actor, message, Some(key), |snap| {
        let log = snap.read(&proposal::evidence_path(id))?.unwrap_or_default();
        let log = evidence::append_signed(&log, kind, &at, actor, payload.clone(), Some(key))?;
        let mut writes = extra.clone();
        writes.push(Write::file(proposal::evidence_path(id), log));
        Ok((writes, ()))
    })?;
    Ok(())
}

fn outcome_payload(o: &Outcome, idempotency_key: &str, action: &str) -> serde_json::Value {
    let mut v = serde_json::to_value(o).unwrap_or_default();
    v["idempotency_key"] = idempotency_key.into();
    v["action"] = action.into();
    v
}

/// What `plan` did: the provider's outcome, and the approvals the new plan made stale
/// (they were signed over the plan it replaced).
#[derive(Debug, Serialize)]
pub struct Planned {
    #[serde(flatten)]
    pub outcome: Outcome,
    pub stale_approvals: Vec<String>,
}

/// `clearance plan`: the provider's dry run, committed as `plan.json`.
pub fn plan(repo: &ChangeRepo, prefix: &str, key: &KeyArgs) -> Result<Planned> {
    crate::trust::anchor::check(repo)?;
    let l = load(repo, prefix)?;
    check_record(repo, &l)?;
    if !matches!(l.review.state, State::Pending | State::Approved) {
        return Err(Error::new(
            ErrorKind::Conflict,
            format!("{} is {}; there is nothing to plan", l.id, l.review.state),
        ));
    }
    let who = signer(&l.context, key, &[Role::Executor, Role::Admin], "plan")?;
    let provider = provider_for(repo, &l.context.config, &l.review.intent.intent.spec.action)?;
    let ikey = idempotency_key(&l.context.config.repo_id, &l.id, &l.review.digests.intent);
    let request = Request::new(Operation::Plan, &l.id, &ikey, &l.review.intent.document)
        .with_targets(&l.context.graph, &l.review.intent.intent.spec.targets);
    let outcome = provider.run(&request)?;
    // What approvers sign is what the provider said, not how long it took: planning again
    // with the same answer leaves their approvals standing. The duration goes to evidence.
    let mut stored = serde_json::to_value(&outcome)?;
    if let Some(map) = stored.as_object_mut() {
        map.remove("duration_ms");
    }
    let mut plan = serde_json::to_vec_pretty(&stored)?;
    plan.push(b'\n');
    let digest = crate::text::bytes::digest(&plan);
    let stale_approvals = if digest == l.review.digests.plan {
        Vec::new()
    } else {
        l.review.approvals.iter().filter(|a| a.valid).map(|a| a.principal.clone()).collect()
    };
    let payload = serde_json::json!({
        "plan_digest": digest,
        "provider_digest": l.review.digests.provider,
        "status": outcome.status,
        "summary": outcome.summary,
        "duration_ms": outcome.duration_ms,
    });
    record(
        repo,
        &l.id,
        &who,
        Kind::Planned,
        payload,
        vec![Write::file(review::plan_path(&l.id), plan)],
        &format!("plan: {} by {}", l.id, who.name),
    )?;
    Ok(Planned { outcome, stale_approvals })
}

#[derive(Debug, Serialize)]
pub struct Applied {
    pub id: String,
    pub idempotency_key: String,
    pub resumed: bool,
    pub apply: Outcome,
    pub verify: Option<Outcome>,
    /// What syncing with the remote could not do (the outcome is recorded here regardless).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// `clearance apply`: the checks of docs/reference.md#providers in order, then the provider, exactly once.
///
/// With a `remote`, what other machines recorded is fetched first, and `apply-started` must
/// reach the remote before the provider runs: of two executors racing for one change, the
/// one whose push loses sees the other's start and stops without running anything.
pub fn apply(repo: &ChangeRepo, prefix: &str, key: &KeyArgs, resume: bool, remote: Option<&str>) -> Result<Applied> {
    let sync_signer = match remote {
        Some(_) => crate::act::sync::load_signer(repo, key)?,
        None => None,
    };
    // Commits of this clone that lost an unrelated race while syncing: reported, not fatal.
    let mut warnings = Vec::new();
    let mut push = |when: &str, fetch_first: bool| -> Result<()> {
        let Some(remote) = remote else { return Ok(()) };
        let synced = match fetch_first {
            true => crate::act::sync::sync(repo, remote, sync_signer.as_ref()),
            false => crate::act::sync::push_writes(repo, remote, sync_signer.as_ref()),
        };
        let report = synced.map_err(|e| Error::new(e.kind, format!("{when}: {e}")))?;
        if !report.dropped.is_empty() {
            warnings.push(crate::act::sync::dropped_error(&report).to_string());
        }
        Ok(())
    };
    push("cannot fetch what other machines recorded", true)?;
    let mut attempts = 0;
    let start = loop {
        attempts += 1;
        let start = start(repo, prefix, key, resume, remote)?;
        let (Some(remote), Some(nonce)) = (remote, &start.run) else { break start };
        let id = &start.loaded.id;
        if let Err(e) = push("cannot push apply-started", false) {
            undo_start(repo, id, nonce)?;
            return Err(Error::new(e.kind, format!("{e}; the provider was not run")));
        }
        // A fresh start holds the change if it is the first on the remote; a resumed run if
        // it is the newest (another executor resuming at the same moment lost the push).
        let all = starts(repo, repo.head()?, id)?;
        let holder = if start.resumed { all.into_iter().last() } else { all.into_iter().next() };
        match holder {
            Some(first) if is_run(&first, nonce) => break start,
            Some(first) => {
                return Err(Error::new(
                    ErrorKind::Conflict,
                    format!(
                        "{id} is held by {}: it started at {} and reached {remote} first; the provider was not run here",
                        first.actor, first.at
                    ),
                )
                .hint(format!("`clearance show {id}` follows it")));
            }
            // Our start was dropped for another reason (the change moved on the remote): check again.
            None if attempts < 3 => continue,
            None => {
                return Err(Error::new(ErrorKind::Conflict, format!("{id} kept changing on {remote}; try again")));
            }
        }
    };
    let Start { loaded: l, who, provider, ikey, resumed, run, ledger, .. } = start;
    let id = l.id.clone();
    crate::text::fault::crash_point("apply-started");
    ledger.note(&ikey, run.as_deref().unwrap_or_default(), &id, crate::act::ledger::Phase::Started, l.spend())?;
    let request = Request::new(Operation::Apply, &id, &ikey, &l.review.intent.document)
        .with_targets(&l.context.graph, &l.review.intent.intent.spec.targets);
    let outcome = provider.run(&request)?;
    record(
        repo,
        &id,
        &who,
        Kind::ApplyFinished,
        outcome_payload(&outcome, &ikey, &l.review.intent.intent.spec.action),
        Vec::new(),
        &format!("apply-finished: {id} {}", outcome.status),
    )?;
    let mut verify = None;
    if let (true, Some(check)) = (outcome.ok(), &l.review.intent.intent.spec.verify) {
        let vprovider = provider_for(repo, &l.context.config, &check.action)?;
        let request = Request::new(Operation::Verify, &id, &ikey, &l.review.intent.document)
            .with_targets(&l.context.graph, &l.review.intent.intent.spec.targets);
        let v = vprovider.run(&request)?;
        record(
            repo,
            &id,
            &who,
            Kind::Verified,
            outcome_payload(&v, &ikey, &check.action),
            Vec::new(),
            &format!("verified: {id} {}", v.status),
        )?;
        verify = Some(v);
    }
    let unsigned = match l.context.config.checkpoint {
        crate::model::config::SyncMode::Auto => sign_checkpoint(repo, &l.context, &who).err(),
        crate::model::config::SyncMode::Manual => None,
    };
    if let Err(e) = push("the outcome is recorded here but not pushed", false) {
        warnings.push(format!("{e}; run `clearance sync` to share it"));
    }
    if let Some(e) = unsigned {
        warnings.push(format!("the outcome is recorded, but no checkpoint was signed: {e}"));
    }
    Ok(Applied { id, idempotency_key: ikey, resumed, apply: outcome, verify, warnings })
}

/// `clearance checkpoint`: an executor or admin signs the branch head, once the history
/// since the last checkpoint is proven to have only appended and to extend every
/// checkpoint held.
pub fn checkpoint(repo: &ChangeRepo, key: &KeyArgs) -> Result<crate::trust::checkpoint::Checkpoint> {
    crate::trust::anchor::check(repo)?;
    let snapshot = repo.snapshot()?;
    let context = Context::load(repo, &snapshot)?;
    let who = signer(&context, key, &[Role::Executor, Role::Admin], "sign checkpoints")?;
    sign_checkpoint(repo, &context, &who)
}

fn sign_checkpoint(repo: &ChangeRepo, context: &Context, who: &Signer) -> Result<crate::trust::checkpoint::Checkpoint> {
    let findings = crate::decide::anchor::history_findings(repo, &context.identities, None, Vec::new())?;
    if !findings.is_empty() {
        return Err(crate::decide::anchor::refusal(&findings)
            .hint("nothing was signed; `clearance verify` shows every problem"));
    }
    crate::decide::anchor::write(repo, &who.key, &who.name, None)
}

/// A change that passed its checks and is on record as started (or resumed).
struct Start {
    loaded: Loaded,
    who: Signer,
    provider: Ready,
    ikey: String,
    /// This attempt's nonce in its `apply-started` (a resumed run records one too).
    run: Option<String>,
    resumed: bool,
    /// This executor's ledger: the run is marked started there before the provider runs.
    ledger: crate::act::ledger::Ledger,
    /// Held until the provider is done: no second run of this change on this machine.
    _running: std::fs::File,
}

/// Which machine this is, as a digest (of /etc/machine-id, else the host name): enough to
/// tell this machine's runs from others' without naming it.
fn host_id() -> String {
    let id = std::fs::read_to_string("/etc/machine-id")
        .ok()
        .filter(|s| !s.trim().is_empty())
        .or_else(|| std::fs::read_to_string("/proc/sys/kernel/hostname").ok())
        .unwrap_or_default();
    crate::text::bytes::digest(id.trim().as_bytes())
}

/// Time beyond the provider's timeouts that a lease lasts.
const LEASE_MARGIN_SECS: i64 = 60;

/// Until when the run that recorded `start` holds the change (starts made before leases
/// existed hold it for no time).
fn lease_until(start: &evidence::Entry) -> Option<jiff::Timestamp> {
    start.payload.get("lease_until")?.as_str()?.parse().ok()
}

fn start(repo: &ChangeRepo, prefix: &str, key: &KeyArgs, resume: bool, remote: Option<&str>) -> Result<Start> {
    // A branch rewound behind what this clone saw, or cut by a commit on top, could show a
    // finished change as cleared.
    crate::trust::anchor::check(repo)?;
    let l = load(repo, prefix)?;
    let id = l.id.clone();
    // 1. The proposal exists and is unchanged since it was proposed.
    let recorded = l
        .detail
        .evidence
        .first()
        .and_then(|e| e.payload.get("intent_digest"))
        .and_then(|d| d.as_str())
        .unwrap_or_default();
    if recorded != l.review.digests.intent {
        return Err(Error::new(
            ErrorKind::VerificationFailed,
            format!("{id}: intent.yaml changed after it was proposed ({recorded} -> {})", l.review.digests.intent),
        ));
    }
    // Every fact the executor relies on, checked as `verify` checks it: the evidence chain
    // and each signature, approval files and their lines both ways, the plan against the
    // executor's record. One judgement for both. Then the branch's history: a commit on top
    // that cut evidence leaves a chain that checks out.
    check_record(repo, &l)?;
    crate::trust::anchor::check_appended(repo)?;
    // 3 before 2 for the message: a change on record as started is never started again.
    let started = l.detail.evidence.iter().rev().find(|e| e.kind == Kind::ApplyStarted).cloned();
    let finished = l.detail.evidence.iter().any(|e| e.kind == Kind::ApplyFinished);
    if finished {
        return Err(Error::new(
            ErrorKind::Conflict,
            format!("{id} was already applied ({}); a change runs at most once", l.detail.state),
        ));
    }
    if let Some(s) = &started
        && !resume
    {
        return Err(Error::new(ErrorKind::Conflict, format!("{id} is in flight: {} started it at {}", s.actor, s.at))
            .hint("if that run crashed, `clearance apply --resume` re-runs it with the same idempotency key"));
    }
    // What this executor remembers of the change, whatever the branch says.
    let root = repo.snapshot()?.in_force().map(|f| f.root.clone()).unwrap_or_default();
    let ledger = crate::act::ledger::Ledger::open(&root)?;
    let ikey = idempotency_key(&l.context.config.repo_id, &id, &l.review.digests.intent);
    let on_record: Vec<String> = l
        .detail
        .evidence
        .iter()
        .filter(|e| e.kind == Kind::ApplyStarted)
        .filter_map(|e| e.payload.get("run").and_then(|r| r.as_str()).map(str::to_owned))
        .collect();
    ledger.check(&ikey, &id, &on_record)?;
    // A run announced in the ledger whose start never reached the branch ran nothing: a
    // resume starts it afresh.
    if started.is_none() && resume && ledger.announced(&ikey)?.is_none() {
        return Err(Error::usage(format!("{id} was never started; run `clearance apply {id}` without --resume")));
    }
    // The plan was made by the provider that would run the change now.
    let planned = l.detail.evidence.iter().rev().find(|e| e.kind == Kind::Planned);
    if let Some(planned) = planned
        && let Some(then) = planned.payload.get("provider_digest").and_then(|d| d.as_str())
        && Some(then) != l.review.digests.provider.as_deref()
    {
        return Err(Error::new(
            ErrorKind::NotCleared,
            format!(
                "{id} was planned with another definition of its provider; the plan and its approvals no longer hold"
            ),
        )
        .hint(format!("plan it again (`clearance plan {id}`) and have it approved again")));
    }
    // 2. Cleared now: valid, unexpired approvals meeting the quorum of the current policy.
    if l.review.state != State::Approved && l.review.state != State::Applying {
        let why = match l.review.state {
            State::Pending => {
                let mut why = format!("still missing {}", crate::decide::approve::describe(&l.review.missing));
                let void: Vec<String> = l
                    .review
                    .approvals
                    .iter()
                    .filter(|a| {
                        !a.valid && a.verdict == crate::trust::approval::Verdict::Approve && !a.principal.is_empty()
                    })
                    .map(|a| format!("{}'s ({})", a.principal, a.reason))
                    .collect();
                if !void.is_empty() {
                    why.push_str(&format!("; not counted: {}", void.join(", ")));
                }
                why
            }
            State::Rejected => format!("vetoed by {}", l.review.vetoed_by.clone().unwrap_or_default()),
            // Judged now, by this executor's clock and its own count of the agent's history.
            State::Denied => format!("denied now: {}", l.review.evaluation.decision.deny.join("; ")),
            other => other.to_string(),
        };
        return Err(Error::new(ErrorKind::NotCleared, format!("{id} is not cleared: {why}")));
    }
    if resume
        && !l.review.quorum_met
        && l.review.evaluation.decision.verdict() != crate::model::decision::Verdict::Cleared
    {
        return Err(Error::new(
            ErrorKind::NotCleared,
            format!("{id} is no longer cleared: {}", crate::decide::approve::describe(&l.review.missing)),
        ));
    }
    let who = signer(&l.context, key, &[Role::Executor, Role::Admin], "apply")?;
    let provider = provider_for(repo, &l.context.config, &l.review.intent.intent.spec.action)?;
    provider.preflight()?;
    let mut lease = crate::text::time::parse_duration(&provider.provider.timeout).unwrap_or(Duration::from_secs(300));
    if let Some(check) = &l.review.intent.intent.spec.verify {
        let vprovider = provider_for(repo, &l.context.config, &check.action)?;
        vprovider.preflight()?;
        lease += crate::text::time::parse_duration(&vprovider.provider.timeout).unwrap_or(Duration::from_secs(300));
    }
    // One run at a time on this machine; a crashed one left no lock behind.
    let running = repo.try_lock_named(&format!("clearance-run-{id}.lock"))?.ok_or_else(|| {
        Error::new(ErrorKind::Conflict, format!("{id} is being applied by another process on this machine"))
    })?;
    let now = crate::text::time::now();
    // A run is not resumed while its lease lasts, unless it was this machine's (whose run
    // lock proves it is over): executors that share one identity run on many machines.
    let host = host_id();
    if let Some(s) = &started
        && (s.actor != who.name || s.payload.get("host").and_then(|h| h.as_str()) != Some(host.as_str()))
        && let Some(until) = lease_until(s)
        && until > now
    {
        return Err(Error::new(
            ErrorKind::Conflict,
            format!("{id} is held by {} until {until}: its run may still be going", s.actor),
        )
        .hint(format!("resume it after {until}, or ask {} what happened", s.actor)));
    }
    let lease_until = jiff::Timestamp::from_second(now.as_second() + lease.as_secs() as i64 + LEASE_MARGIN_SECS)
        .map_err(|e| Error::io(e.to_string()))?;
    let run = {
        let nonce = run_nonce()?;
        ledger.note(&ikey, &nonce, &id, crate::act::ledger::Phase::Intent, l.spend())?;
        crate::text::fault::crash_point("ledger-intent");
        let seen = started.as_ref().and_then(|s| s.payload.get("run")).cloned();
        let payload = serde_json::json!({
            "idempotency_key": ikey,
            "run": nonce,
            "lease_until": crate::text::time::rfc3339(lease_until),
            "host": host,
            "resumes": seen,
            "intent_digest": l.review.digests.intent,
            "plan_digest": l.review.digests.plan,
            "blast_radius_digest": l.review.digests.blast_radius,
            "decision_digest": l.review.digests.decision,
            "approvals": l.review.approvals.iter().filter(|a| a.valid).map(|a| &a.principal).collect::<Vec<_>>(),
            "required": l.review.evaluation.decision.approvals,
            "auto_approve": l.review.evaluation.decision.verdict() == crate::model::decision::Verdict::Cleared,
        });
        // Committed before the provider runs; under the writer lock, re-checked on the head.
        // The work tree catches up with `apply-finished`, which rewrites the same file.
        // Pushing moves the branch under the work tree, so it must be current then.
        repo.defer_worktree.set(remote.is_none());
        let at = crate::text::time::rfc3339(crate::text::time::now());
        let verb = if started.is_some() { "apply-resumed" } else { "apply-started" };
        repo.transact_signed(&who.name, &format!("{verb}: {id} by {}", who.name), Some(&who.key), |snap| {
            let log = snap.read(&proposal::evidence_path(&id))?.unwrap_or_default();
            // The newest start must still be the one this attempt saw (none, or the run it resumes).
            let latest = evidence::parse(&log, "evidence.jsonl")?
                .into_iter()
                .rev()
                .find(|e| e.kind == Kind::ApplyStarted)
                .and_then(|e| e.payload.get("run").cloned());
            if latest != seen {
                return Err(Error::new(ErrorKind::Conflict, format!("{id} was started by someone else a moment ago")));
            }
            let log =
                evidence::append_signed(&log, Kind::ApplyStarted, &at, &who.name, payload.clone(), Some(&who.key))?;
            Ok((vec![Write::file(proposal::evidence_path(&id), log)], ()))
        })?;
        repo.defer_worktree.set(false);
        Some(nonce)
    };
    Ok(Start { loaded: l, who, provider, ikey, run, resumed: started.is_some(), ledger, _running: running })
}

/// A random nonce that tells this attempt's `apply-started` from any other's.
fn run_nonce() -> Result<String> {
    Ok(crate::text::bytes::hex(&crate::text::bytes::random::<16>()?))
}

/// The `apply-started` entries of `id` at commit `at`, oldest first: the first one holds
/// the change.
fn starts(repo: &ChangeRepo, at: Option<git2::Oid>, id: &str) -> Result<Vec<evidence::Entry>> {
    let log = repo.snapshot_at(at)?.read(&proposal::evidence_path(id))?.unwrap_or_default();
    Ok(evidence::parse(&log, "evidence.jsonl")?.into_iter().filter(|e| e.kind == Kind::ApplyStarted).collect())
}

/// Whether `start` is the one this attempt recorded.
fn is_run(start: &evidence::Entry, nonce: &str) -> bool {
    start.payload.get("run").and_then(|r| r.as_str()) == Some(nonce)
}

/// Take back an `apply-started` that never reached the remote, if it is still the newest commit.
fn undo_start(repo: &ChangeRepo, id: &str, nonce: &str) -> Result<()> {
    let _lock = repo.lock()?;
    let Some(head) = repo.head()? else { return Ok(()) };
    let commit = repo.git.find_commit(head)?;
    let holds = |at: git2::Oid| -> Result<bool> { Ok(starts(repo, Some(at), id)?.iter().any(|e| is_run(e, nonce))) };
    if commit.parent_count() == 1 && holds(head)? && !holds(commit.parent_id(0)?)? {
        repo.move_branch(Some(head), commit.parent_id(0)?, "apply: take back an apply-started that was not pushed")?;
        crate::store::mark::set(&repo.git, &repo.branch, commit.parent_id(0)?);
    }
    Ok(())
}

/// `clearance withdraw`: the proposing agent (or an admin) takes it back.
pub fn withdraw(repo: &ChangeRepo, prefix: &str, key: &KeyArgs, reason: Option<String>) -> Result<String> {
    let l = load(repo, prefix)?;
    if matches!(l.review.state, State::Applying | State::Applied | State::Failed | State::Withdrawn) {
        return Err(Error::new(
            ErrorKind::Conflict,
            format!("{} is {}; it can no longer be withdrawn", l.id, l.review.state),
        ));
    }
    let who = signer(&l.context, key, &[Role::Agent, Role::Admin], "withdraw")?;
    if who.name != l.detail.agent && l.context.identities.get(&who.name).map(|i| i.role) != Some(Role::Admin) {
        return Err(Error::invalid(format!("only `{}` (or an admin) may withdraw {}", l.detail.agent, l.id)));
    }
    record(
        repo,
        &l.id,
        &who,
        Kind::Withdrawn,
        serde_json::json!({ "reason": reason }),
        Vec::new(),
        &format!("withdraw: {} by {}", l.id, who.name),
    )?;
    Ok(l.id)
}

/// The proposal's record as `clearance verify` judges it; any problem stops the executor
/// before anything is recorded (exit 5).
fn check_record(repo: &ChangeRepo, l: &Loaded) -> Result<()> {
    let snapshot = repo.snapshot()?;
    let files = crate::decide::verify::files(&snapshot, &l.id)?;
    let cx = crate::decide::verify::Context::new(
        &l.context.config.repo_id,
        &l.context.identities,
        !crate::model::policy_data::sponsor_may_approve(&snapshot)?,
    )
    .with_history(crate::trust::change::key_history(repo)?);
    let mut problems = Vec::new();
    let mut signatures = crate::decide::verify::Signatures::new();
    crate::decide::verify::proposal(&files, &cx, &mut signatures, &mut problems);
    crate::decide::verify::finish(signatures, &mut problems);
    if problems.is_empty() {
        return Ok(());
    }
    let mut err =
        Error::new(ErrorKind::VerificationFailed, format!("{} fails verification; nothing was run or recorded", l.id));
    for p in problems.iter().take(10) {
        let line = p.line.map(|l| format!("evidence line {l}: ")).unwrap_or_default();
        err = err.hint(format!("{line}{}", p.message));
    }
    Err(err.hint("`clearance verify` shows every problem"))
}
