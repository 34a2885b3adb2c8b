//! Filing a proposal: validate, place it in the graph, commit intent and evidence.

use serde::Serialize;

use crate::blast::{self, BlastRadius};
use crate::error::{Problem, Result};
use crate::evidence;
use crate::graph_index::{self, Compiled};
use crate::intent::{self, Parsed};
use crate::proposal::{self, State};
use crate::repo::{ChangeRepo, Snapshot, Write};
use crate::yaml;

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
    pub blast_radius: Option<BlastRadius>,
}

/// Problems with the targets of a located intent: each must be a service in the graph.
pub fn target_problems(graph: &Compiled, node: &yaml::Node) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (target, path, pos) in intent::targets(node) {
        if graph.find(&target).is_none() {
            let mut message = format!("unknown target `{target}`: not a service in the graph");
            let known: Vec<&str> = graph.ids().collect();
            if let Some(near) = crate::schema_check::closest(&target, &known) {
                message.push_str(&format!(", did you mean `{near}`?"));
            }
            problems.push(Problem::new(message, path, pos.line, pos.column).width(pos.width));
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

/// Commit the proposal (or, with `dry_run`, only check it).
pub fn propose(repo: &ChangeRepo, parsed: &Parsed, name: &str, dry_run: bool) -> Result<Outcome> {
    let intent = &parsed.intent;
    let created_at = crate::time::rfc3339(crate::time::now());
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
        blast_radius: None,
    };
    if dry_run {
        let graph = load_graph(repo, &repo.snapshot()?)?;
        outcome.blast_radius = Some(blast::compute(&graph, &outcome.targets, None)?);
        return Ok(outcome);
    }
    let message =
        format!("propose: {} on {} ({})", intent.spec.action, outcome.targets.join(", "), intent.spec.environment);
    let targets = outcome.targets.clone();
    let (commit, (id, radius)) = repo.transact(&intent.metadata.agent, &message, |snapshot| {
        // The graph may have changed since `parse`; the radius is that of the commit it lands on.
        let graph = load_graph(repo, snapshot)?;
        let radius = blast::compute(&graph, &targets, None)
            .map_err(|e| e.context(format!("{name}: the service graph changed while proposing")))?;
        let id = loop {
            let id = proposal::new_id()?;
            if !snapshot.exists(&proposal::dir(&id))? {
                break id;
            }
        };
        let payload = serde_json::json!({
            "id": id,
            "intent_digest": parsed.digest,
            "blast_radius_digest": radius.digest(),
            "blast_radius": radius.summary,
        });
        let log = evidence::append(b"", evidence::Kind::Proposed, &created_at, &intent.metadata.agent, payload)?;
        let writes = vec![
            Write::file(proposal::intent_path(&id), parsed.bytes.clone()),
            Write::file(proposal::evidence_path(&id), log),
        ];
        Ok((writes, (id, radius)))
    })?;
    outcome.id = Some(id);
    outcome.blast_radius = Some(radius);
    outcome.commit = Some(commit.to_string());
    Ok(outcome)
}
