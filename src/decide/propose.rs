//! Filing a proposal: validate, place it in the graph, commit intent and evidence.

use serde::Serialize;

use ssh_key::PrivateKey;

use crate::decide::evaluate::{Context, Evaluation};
use crate::error::{Error, Problem, Result};
use crate::model::blast::BlastRadius;
use crate::model::decision::{Decision, Verdict};
use crate::model::evidence;
use crate::model::graph_index::{self, Compiled};
use crate::model::intent::{self, Parsed};
use crate::model::proposal::{self, State};
use crate::store::repo::{ChangeRepo, Snapshot, Write};
use crate::text::yaml;
use crate::trust::identities::Role;
use crate::trust::keys;

#[derive(Debug, Serialize)]
pub struct Outcome {
    /// `null` for a dry run.
    pub id: Option<String>,
    pub state: State,
    pub agent: String,
    pub action: String,
    pub environment: String,
    pub targets: Vec<String>,
    pub intent_digest: String,
    pub created_at: String,
    pub commit: Option<String>,
    pub decision: Option<Decision>,
    pub blast_radius: Option<BlastRadius>,
    /// Set when the same agent already proposed these exact bytes for the same
    /// `metadata.run` (a retry): that proposal's id, and nothing new was written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
    /// What would clear it: deny reasons with the allowed values, the approvals it needs
    /// with who can give them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<crate::decide::explain::Explain>,
}

/// Problems with the targets of a located intent: each must be a service in the graph.
pub fn target_problems(graph: &Compiled, node: &yaml::Node) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (target, path, pos) in intent::targets(node) {
        if graph.find(&target).is_none() {
            let mut message = format!("unknown target `{target}`: not a service in the graph");
            let known: Vec<&str> = graph.ids().collect();
            let near = crate::text::schema::closest(&target, &known);
            match near {
                Some(near) => message.push_str(&format!(", did you mean `{near}`?")),
                None => message.push_str(" (`clearance graph list` shows the services)"),
            }
            problems.push(
                Problem::new(message, path, pos.line, pos.column)
                    .width(pos.width)
                    .expected("a service id from the graph (`clearance graph list`)")
                    .suggest(near),
            );
        }
    }
    problems
}

fn load_graph(repo: &ChangeRepo, snapshot: &Snapshot<'_>) -> Result<Compiled> {
    graph_index::load(repo, snapshot)
        .map_err(|e| e.context("the service graph on the branch is broken; fix it before proposing"))
}

/// Validate intent bytes against the schema and the graph on the branch, all problems at once.
pub fn parse(repo: &ChangeRepo, bytes: Vec<u8>, name: &str) -> Result<Parsed> {
    let graph = load_graph(repo, &repo.snapshot()?)?;
    intent::parse_checked(bytes, name, |node| target_problems(&graph, node))
}

/// Agents sign what they propose: the key must be the one trusted for `metadata.agent`.
fn check_signer(context: &Context, agent: &str, key: &PrivateKey) -> Result<()> {
    let fingerprint = keys::fingerprint(key.public_key());
    let identity = context.identities.get(agent).filter(|i| i.role == Role::Agent).ok_or_else(|| {
        Error::invalid(format!("`{agent}` is not a trusted agent, so nothing it signs can be proposed")).hint(format!(
            "an admin registers it: `clearance trust add {agent} --role agent --key ...` (key {fingerprint})"
        ))
    })?;
    let trusted = identity.key.as_deref().map(keys::parse_public).transpose()?;
    match trusted {
        Some(k) if k.key_data() == key.public_key().key_data() => Ok(()),
        Some(k) => Err(Error::invalid(format!(
            "the signing key {fingerprint} does not belong to `{agent}` (its trusted key is {}); refused",
            keys::fingerprint(&k)
        ))),
        None => Err(Error::invalid(format!("`{agent}` has no key in trust/identities.yaml; refused"))
            .hint(format!("`clearance trust add {agent} --role agent --key ... --replace`"))),
    }
}

/// Commit the proposal signed by `signer`, or with `dry_run` only decide (checking the
/// signer's key and trust when there is one). A denied proposal is still committed, as
/// evidence of the attempt.
pub fn propose(
    repo: &ChangeRepo,
    parsed: &Parsed,
    name: &str,
    signer: Option<&PrivateKey>,
    dry_run: bool,
) -> Result<Outcome> {
    if signer.is_none() && !dry_run {
        return Err(Error::usage("proposing signs: give the agent's key"));
    }
    let intent = &parsed.intent;
    let now = crate::text::time::now();
    let created_at = crate::text::time::rfc3339(now);
    let decide = |snapshot: &Snapshot<'_>| -> Result<Evaluation> {
        let mut context = Context::load(repo, snapshot)?;
        if let Some(key) = signer {
            check_signer(&context, &intent.metadata.agent, key)?;
        }
        let history = crate::decide::evaluate::history_of(repo, snapshot, &intent.metadata.agent, now)?;
        context
            .decide(intent, &parsed.document, now, history)
            .map_err(|e| e.context(format!("{name}: the service graph or policy")))
    };
    let mut outcome = Outcome {
        id: None,
        state: State::Pending,
        agent: intent.metadata.agent.clone(),
        action: intent.spec.action.clone(),
        environment: intent.spec.environment.clone(),
        targets: intent.spec.targets.iter().map(|t| t.0.clone()).collect(),
        intent_digest: parsed.digest.clone(),
        created_at: created_at.clone(),
        commit: None,
        decision: None,
        blast_radius: None,
        duplicate_of: None,
        explain: None,
    };
    let evaluation = if dry_run {
        decide(&repo.snapshot()?)?
    } else {
        let message =
            format!("propose: {} on {} ({})", intent.spec.action, outcome.targets.join(", "), intent.spec.environment);
        let (commit, filed) = repo.transact_signed(
            &intent.metadata.agent,
            &message,
            signer.map(|k| k as &dyn crate::store::repo::CommitSigner),
            |snapshot| {
                // An agent retrying after a timeout gets the proposal it already filed, not a
                // second (same agent, same run, same bytes): looked for under the writer lock,
                // so retries racing each other find the first too. Nothing is written then.
                if intent.metadata.run.is_some()
                    && let Some(first) = retried(repo, snapshot, parsed)?
                {
                    return Ok((Vec::new(), Err(first)));
                }
                // Decided against the commit the proposal lands on, under the writer lock.
                let evaluation = decide(snapshot)?;
                let id = loop {
                    let id = proposal::new_id()?;
                    if !snapshot.exists(&proposal::dir(&id))? {
                        break id;
                    }
                };
                let payload = serde_json::json!({
                    "id": id,
                    "intent_digest": parsed.digest,
                    "blast_radius_digest": evaluation.blast_radius.digest(),
                    "blast_radius": evaluation.blast_radius.summary,
                    "decision_digest": evaluation.decision.digest(),
                    "decision": evaluation.decision,
                    "history": evaluation.history,
                });
                let mut log = evidence::append_signed(
                    b"",
                    evidence::Kind::Proposed,
                    &created_at,
                    &intent.metadata.agent,
                    payload,
                    signer,
                )?;
                if evaluation.decision.verdict() == Verdict::Cleared {
                    let payload = serde_json::json!({ "decision_digest": evaluation.decision.digest() });
                    log = evidence::append(&log, evidence::Kind::AutoApproved, &created_at, "policy", payload)?;
                }
                let writes = vec![
                    Write::file(proposal::intent_path(&id), parsed.bytes.clone()),
                    Write::file(proposal::evidence_path(&id), log),
                ];
                Ok((writes, Ok((id, evaluation))))
            },
        )?;
        let (id, evaluation) = match filed {
            Ok(filed) => filed,
            Err(first) => {
                outcome.id = Some(first.id.clone());
                outcome.state = first.state;
                outcome.created_at = first.created_at;
                outcome.duplicate_of = Some(first.id);
                return Ok(outcome);
            }
        };
        outcome.id = Some(id);
        outcome.commit = Some(commit.to_string());
        evaluation
    };
    outcome.state = match evaluation.decision.verdict() {
        Verdict::Denied => State::Denied,
        Verdict::Cleared => State::Approved,
        Verdict::NeedsApproval => State::Pending,
    };
    let snapshot = repo.snapshot()?;
    outcome.explain = Some(crate::decide::explain::explain(
        &evaluation.decision,
        &evaluation.decision.approvals,
        &intent.metadata.agent,
        &[],
        &crate::trust::identities::Identities::load(&snapshot)?,
        crate::model::policy_data::sponsor_may_approve(&snapshot)?,
    ));
    outcome.decision = Some(evaluation.decision);
    outcome.blast_radius = Some(evaluation.blast_radius);
    Ok(outcome)
}

/// The proposal these exact intent bytes were already filed as by the same agent (when
/// not withdrawn): its summary matches, and its `proposed` entry names the same digest.
fn retried(
    repo: &ChangeRepo,
    snapshot: &Snapshot<'_>,
    parsed: &Parsed,
) -> Result<Option<crate::model::index::Summary>> {
    let intent = &parsed.intent;
    let targets: Vec<String> = intent.spec.targets.iter().map(|t| t.0.clone()).collect();
    for p in crate::model::index::load_at(repo, snapshot)?.proposals {
        if p.agent != intent.metadata.agent
            || p.action != intent.spec.action
            || p.environment != intent.spec.environment
            || p.targets != targets
            || p.state == State::Withdrawn
        {
            continue;
        }
        let log = snapshot.read(&proposal::evidence_path(&p.id))?.unwrap_or_default();
        let first = evidence::parse(&log, "evidence.jsonl")?.into_iter().next();
        if first.and_then(|e| e.payload.get("intent_digest").and_then(|d| d.as_str()).map(str::to_owned))
            == Some(parsed.digest.clone())
        {
            return Ok(Some(p));
        }
    }
    Ok(None)
}
