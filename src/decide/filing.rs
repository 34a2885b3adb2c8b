//! A proposal's filing decided again: an `auto-approved` line is clearance's own and
//! unsigned, and the decision it rests on is recorded in the agent's own `proposed` entry.
//! Verification takes neither on trust: it puts the intent before the rules in force at
//! the commit that filed it (in branch order), with the agent's history at that time no
//! lower than what the branch shows, and the auto-approval must come out again.

use std::collections::HashMap;

use crate::decide::evaluate::{Context, History};
use crate::decide::verify::Problem;
use crate::error::Result;
use crate::model::evidence::Entry;
use crate::model::index::{self, Past};
use crate::model::proposal::{self, State};
use crate::store::order::BranchOrder;
use crate::store::repo::{ChangeRepo, InForce, Snapshot};

/// A proposal whose evidence says policy cleared it at filing.
pub struct Filed {
    pub id: String,
    pub intent: String,
    /// The signed `proposed` entry: the time, agent and history the agent recorded.
    pub first: Entry,
}

impl Filed {
    /// The proposal in `files` when its evidence claims an auto-approval.
    pub fn of(files: &crate::decide::verify::Files) -> Option<Filed> {
        if !files.evidence.contains("\"kind\":\"auto-approved\"") {
            return None;
        }
        let first = serde_json::from_str(files.evidence.lines().next()?).ok()?;
        Some(Filed { id: files.id.clone(), intent: files.intent.clone(), first })
    }
}

/// The governed top-level entries of `commit`'s own tree.
fn governed_files(head: &Snapshot<'_>, commit: git2::Oid) -> Result<std::collections::BTreeMap<String, git2::Oid>> {
    let tree = head.git().find_commit(commit)?.tree()?;
    Ok(tree
        .iter()
        .filter_map(|e| Some((e.name()?.to_owned(), e.id())))
        .filter(|(name, _)| crate::store::repo::GOVERNED.contains(&name.as_str()))
        .collect())
}

/// The agent's history before `at` as the branch shows it: proposals counted by the times
/// they claim, state as it is now (a lower bound of what filing should have counted).
fn floor(past: &[Past], at: i64) -> History {
    let mut h = History::default();
    for p in past.iter().filter(|p| p.at < at) {
        if p.at >= at - 86400 {
            h.proposals_last_day += 1;
            if !matches!(p.state, State::Denied | State::Rejected | State::Withdrawn) {
                h.budget_usd_last_day += p.budget_usd.unwrap_or(0.0);
            }
        }
        if p.at >= at - 3600 {
            h.proposals_last_hour += 1;
        }
    }
    h
}

/// Decide each of `filed` again under the rules in force when it was filed; a problem for
/// each whose auto-approval does not come out again.
pub fn check(repo: &ChangeRepo, head: &Snapshot<'_>, filed: &[Filed], out: &mut Vec<Problem>) -> Result<()> {
    if filed.is_empty() {
        return Ok(());
    }
    let order = BranchOrder::new(head.git(), head.commit);
    let chain = match head.branch_tree() {
        Some(tree) => crate::trust::governance::chain_at(head.git(), tree)?,
        None => None,
    };
    // The rules of one governance entry are loaded once (an ungoverned branch: per commit).
    let mut contexts: HashMap<std::result::Result<u64, git2::Oid>, Context> = HashMap::new();
    let mut pasts: HashMap<String, Vec<Past>> = HashMap::new();
    for f in filed {
        let mut problem = |message: String| out.push(Problem { proposal: f.id.clone(), line: Some(1), message });
        let path = proposal::intent_path(&f.id);
        let Some(commit) = order.appeared(&path)?.map(|at| order.commit(at)).transpose()?.flatten() else { continue };
        let (rules, seq) = match (&chain, head.in_force()) {
            (Some(chain), Some(now)) => match crate::trust::governance::in_force_at(head.git(), chain, now, commit)? {
                Some(rules) => (Some(rules.clone()), Some(rules.seq)),
                // Filed before the repository was governed: the rules were its own files.
                None => (Some(InForce { entries: governed_files(head, commit)?, ..now.clone() }), None),
            },
            _ => (None, None),
        };
        let context = match contexts.entry(seq.ok_or(commit)) {
            std::collections::hash_map::Entry::Occupied(o) => o.into_mut(),
            std::collections::hash_map::Entry::Vacant(v) => match rules
                .map_or_else(|| repo.snapshot_at(Some(commit)), |r| repo.snapshot_with_rules(r))
                .and_then(|at_filing| Context::load(repo, &at_filing))
            {
                Ok(c) => v.insert(c),
                Err(e) => {
                    problem(format!("auto-approved, but the rules it was filed under do not load: {}", e.message));
                    continue;
                }
            },
        };
        // The intent was validated when it was filed, and its digest is checked with the
        // chain: a plain parse is enough here (malformed ones are reported there).
        let Ok(document) = serde_yaml::from_str::<serde_json::Value>(&f.intent) else { continue };
        let Ok(intent) = serde_json::from_value::<crate::model::intent::Intent>(document.clone()) else { continue };
        let Ok(now) = f.first.at.parse::<jiff::Timestamp>() else { continue };
        let recorded: History =
            f.first.payload.get("history").and_then(|h| serde_json::from_value(h.clone()).ok()).unwrap_or_default();
        let past = match pasts.entry(f.first.actor.clone()) {
            std::collections::hash_map::Entry::Occupied(o) => o.into_mut(),
            std::collections::hash_map::Entry::Vacant(v) => v.insert(index::past_of(repo, head, &f.first.actor)?),
        };
        let seen = floor(past, now.as_second());
        let history = History {
            proposals_last_hour: recorded.proposals_last_hour.max(seen.proposals_last_hour),
            proposals_last_day: recorded.proposals_last_day.max(seen.proposals_last_day),
            budget_usd_last_day: recorded.budget_usd_last_day.max(seen.budget_usd_last_day),
            ..recorded
        };
        let decision = match context.decide(&intent, &document, now, history) {
            Ok(e) => e.decision,
            Err(e) => {
                problem(format!("auto-approved, but the rules it was filed under fail on it: {}", e.message));
                continue;
            }
        };
        let rules =
            seq.map_or_else(|| "the rules".to_owned(), |s| format!("the rules in force (governance entry {s})"));
        if !decision.deny.is_empty() {
            problem(format!("auto-approved, but {rules} when it was filed deny it: {}", decision.deny.join("; ")));
        } else if !decision.auto_approve {
            let needs: Vec<String> =
                decision.approvals.iter().map(|q| format!("{} from {}", q.count, q.group)).collect();
            problem(format!(
                "auto-approved, but {rules} when it was filed do not clear it without approval (needs {})",
                if needs.is_empty() { "a human".to_owned() } else { needs.join(", ") }
            ));
        }
    }
    Ok(())
}
