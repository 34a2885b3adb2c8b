//! A proposal's filing decided again: an `auto-approved` line is clearance's own and
//! unsigned, and the decision it rests on is recorded in the agent's own `proposed` entry.
//! Verification takes neither on trust: it puts the intent before the rules in force at
//! the commit that filed it (in branch order), with the agent's history at that time no
//! lower than what the branch shows, and the auto-approval must come out again.

#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::unwrap_used))]

use std::collections::HashMap;

use crate::decide::evaluate::{Context, History};
use crate::decide::verify::Problem;
use crate::error::Result;
use crate::model::evidence::Entry;
use crate::model::index::{self, Past};
use crate::model::proposal;
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
        // Any JSON string that reads `auto-approved` holds it as written or uses an escape:
        // only such logs are parsed (a hand-written line need not be spaced as clearance
        // writes it).
        if !files.evidence.contains("auto-approved") && !files.evidence.contains('\\') {
            return None;
        }
        let entries = crate::model::evidence::parse(files.evidence.as_bytes(), "evidence.jsonl").ok()?;
        if !entries.iter().any(|e| e.kind == crate::model::evidence::Kind::AutoApproved) {
            return None;
        }
        let first = entries.into_iter().next()?;
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

/// One agent's proposals by the times they claim, oldest first, with running sums of what
/// counts against its budget (state as it is now).
struct Timeline {
    at: Vec<i64>,
    /// `spent[i]`: the budget of the first `i` proposals.
    spent: Vec<f64>,
}

impl Timeline {
    fn of(mut past: Vec<Past>) -> Timeline {
        past.sort_by_key(|p| p.at);
        let mut spent = Vec::with_capacity(past.len() + 1);
        spent.push(0.0);
        for p in &past {
            let counts = crate::decide::evaluate::spends(p.state);
            spent.push(spent.last().copied().unwrap_or(0.0) + if counts { p.budget_usd.unwrap_or(0.0) } else { 0.0 });
        }
        Timeline { at: past.iter().map(|p| p.at).collect(), spent }
    }

    /// The agent's history before `at` as the branch shows it: a lower bound of what its
    /// filing should have counted.
    fn floor(&self, at: i64) -> History {
        let end = self.at.partition_point(|&t| t < at);
        let day = self.at.partition_point(|&t| t < at - 86400);
        let hour = self.at.partition_point(|&t| t < at - 3600);
        History {
            proposals_last_hour: (end - hour) as u64,
            proposals_last_day: (end - day) as u64,
            budget_usd_last_day: self.spent.get(end).zip(self.spent.get(day)).map_or(0.0, |(e, d)| e - d),
            ..History::default()
        }
    }
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
    let mut timelines: HashMap<String, Timeline> = HashMap::new();
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
        let Ok(document) = crate::text::yaml::from_str::<serde_json::Value>(&f.intent) else { continue };
        let Ok(intent) = serde_json::from_value::<crate::model::intent::Intent>(document.clone()) else { continue };
        let Ok(now) = f.first.at.parse::<jiff::Timestamp>() else { continue };
        let recorded: History =
            f.first.payload.get("history").and_then(|h| serde_json::from_value(h.clone()).ok()).unwrap_or_default();
        let timeline = match timelines.entry(f.first.actor.clone()) {
            std::collections::hash_map::Entry::Occupied(o) => o.into_mut(),
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(Timeline::of(index::past_of(repo, head, &f.first.actor)?))
            }
        };
        let history = recorded.at_least(&timeline.floor(now.as_second()));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::proposal::State;
    use proptest::prelude::*;

    fn naive(past: &[Past], at: i64) -> (u64, u64, f64) {
        let before = past.iter().filter(|p| p.at < at);
        let day: Vec<&Past> = before.clone().filter(|p| p.at >= at - 86400).collect();
        let spent = day
            .iter()
            .filter(|p| !matches!(p.state, State::Denied | State::Rejected | State::Withdrawn))
            .map(|p| p.budget_usd.unwrap_or(0.0))
            .sum();
        (before.filter(|p| p.at >= at - 3600).count() as u64, day.len() as u64, spent)
    }

    proptest! {
        #[test]
        fn the_timeline_counts_what_a_scan_counts(
            times in proptest::collection::vec((0i64..200_000, 0u8..4, 0u32..100), 0..60),
            at in 0i64..200_000,
        ) {
            let states = [State::Pending, State::Denied, State::Approved, State::Withdrawn];
            let past: Vec<Past> = times
                .iter()
                .map(|&(t, s, b)| Past { at: t, state: states[s as usize], budget_usd: Some(f64::from(b)) })
                .collect();
            let fast = Timeline::of(past.clone()).floor(at);
            let (hour, day, spent) = naive(&past, at);
            prop_assert_eq!(fast.proposals_last_hour, hour);
            prop_assert_eq!(fast.proposals_last_day, day);
            prop_assert!((fast.budget_usd_last_day - spent).abs() < 1e-6);
        }
    }
}
