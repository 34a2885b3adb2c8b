//! Putting a proposal before the policy: the input document (`intent`, `agent`,
//! `blast_radius`, `now`, `history`) and the decision.

use jiff::Timestamp;
use serde::Serialize;

use crate::decide::policy::Policy;
use crate::error::{Error, Result};
use crate::model::blast::{self, BlastRadius};
use crate::model::config::Config;
use crate::model::decision::Decision;
use crate::model::graph_index;
use crate::model::index;
use crate::model::intent::Intent;
use crate::model::proposal::State;
use crate::store::repo::{ChangeRepo, Snapshot};
use crate::trust::identities::Identities;

/// This agent's recent activity, for rate limits and budgets.
#[derive(Debug, Clone, Default, Serialize, serde::Deserialize, PartialEq)]
pub struct History {
    pub proposals_last_hour: u64,
    pub proposals_last_day: u64,
    pub open_proposals: u64,
    pub budget_usd_last_day: f64,
}

impl History {
    /// This history with its hourly and daily counts and budget raised to at least
    /// `floor`'s: what the agent's own word cannot take below.
    pub fn at_least(self, floor: &History) -> History {
        History {
            proposals_last_hour: self.proposals_last_hour.max(floor.proposals_last_hour),
            proposals_last_day: self.proposals_last_day.max(floor.proposals_last_day),
            budget_usd_last_day: self.budget_usd_last_day.max(floor.budget_usd_last_day),
            ..self
        }
    }
}

/// Whether a proposal in `state` counts against its agent's daily budget.
pub fn spends(state: State) -> bool {
    !matches!(state, State::Denied | State::Rejected | State::Withdrawn)
}

/// `agent`'s history in `snapshot` as of `now`, for deciding about a new proposal.
pub fn history_of(repo: &ChangeRepo, snapshot: &Snapshot<'_>, agent: &str, now: Timestamp) -> Result<History> {
    Ok(history(&index::past_of(repo, snapshot, agent)?, now))
}

/// `agent`'s history as an executor counts it at `now`, without `detail` itself (the
/// proposal being decided), from the signed `proposed` entries on the branch.
pub fn history_without(
    repo: &ChangeRepo,
    snapshot: &Snapshot<'_>,
    detail: &crate::model::proposal::Detail,
    now: Timestamp,
) -> Result<History> {
    let past = index::past_of(repo, snapshot, &detail.agent)?;
    let mut h = history(&past, now);
    let budget = detail.intent.pointer("/spec/limits/budget_usd").and_then(|b| b.as_f64());
    if let Some(me) = index::Past::of(&detail.created_at, detail.state, budget) {
        let mine = history(&[me], now);
        h.proposals_last_hour = h.proposals_last_hour.saturating_sub(mine.proposals_last_hour);
        h.proposals_last_day = h.proposals_last_day.saturating_sub(mine.proposals_last_day);
        h.open_proposals = h.open_proposals.saturating_sub(mine.open_proposals);
        h.budget_usd_last_day = (h.budget_usd_last_day - mine.budget_usd_last_day).max(0.0);
    }
    Ok(h)
}

/// Count proposals before `now` (a proposal being evaluated is not yet among them).
pub fn history(past: &[index::Past], now: Timestamp) -> History {
    let mut h = History::default();
    let (hour, day) = (now.as_second() - 3600, now.as_second() - 86400);
    for p in past {
        let at = p.at;
        if at > now.as_second() {
            continue;
        }
        if matches!(p.state, State::Pending | State::Approved) {
            h.open_proposals += 1;
        }
        if at >= day {
            h.proposals_last_day += 1;
            if spends(p.state) {
                h.budget_usd_last_day += p.budget_usd.unwrap_or(0.0);
            }
        }
        if at >= hour {
            h.proposals_last_hour += 1;
        }
    }
    h
}

/// `input.now`: regorus has no clock, so clearance hands the policy the time, in the
/// repository's timezone.
pub fn now_json(now: Timestamp, timezone: &str) -> Result<serde_json::Value> {
    let tz = jiff::tz::TimeZone::get(timezone)
        .map_err(|e| Error::invalid(format!("clearance.yaml: timezone `{timezone}`: {e}")))?;
    let zoned = now.to_zoned(tz);
    Ok(serde_json::json!({
        "rfc3339": crate::text::time::rfc3339(now),
        "unix": now.as_second(),
        "date": zoned.strftime("%Y-%m-%d").to_string(),
        "weekday": zoned.strftime("%A").to_string(),
        "hour": zoned.hour(),
        "timezone": timezone,
    }))
}

/// The outcome of putting one intent before the policy.
#[derive(Debug, Clone, Serialize)]
pub struct Evaluation {
    pub decision: Decision,
    pub blast_radius: BlastRadius,
    pub history: History,
}

/// Everything the evaluation reads from the branch, loaded once.
pub struct Context {
    pub config: Config,
    pub identities: Identities,
    pub graph: std::sync::Arc<graph_index::Compiled>,
    pub policy: Policy,
}

impl Context {
    /// Config, trust, graph and policy: what a decision reads besides the agent's history.
    pub fn load(repo: &ChangeRepo, snapshot: &Snapshot<'_>) -> Result<Context> {
        let config = Config::load(snapshot)?;
        let timeout = config.policy_timeout();
        Ok(Context {
            identities: Identities::load(snapshot)?,
            graph: std::sync::Arc::new(
                graph_index::load(repo, snapshot)
                    .map_err(|e| e.context("the service graph on the branch is broken; fix it before proposing"))?,
            ),
            policy: Policy::load(snapshot, timeout, false)?,
            config,
        })
    }

    /// Decide about `intent` (with `document`, the intent as written) at `now`. A new
    /// proposal is judged with the agent's history as it is ([`history_of`]); a filed one
    /// again with the history recorded when it was filed, so the passing of time alone does
    /// not change its decision (and void its approvals).
    pub fn decide(
        &mut self,
        intent: &Intent,
        document: &serde_json::Value,
        now: Timestamp,
        history: History,
    ) -> Result<Evaluation> {
        let targets: Vec<String> = intent.spec.targets.iter().map(|t| t.0.clone()).collect();
        let blast_radius = blast::compute(&self.graph, &targets, None)?;
        let agent =
            self.identities.get(&intent.metadata.agent).filter(|i| i.role == crate::trust::identities::Role::Agent);
        // Written straight to the text the policy engine reads: a radius of tens of
        // thousands of services never becomes a tree of JSON values first.
        #[derive(serde::Serialize)]
        struct Input<'a, A: serde::Serialize> {
            intent: &'a serde_json::Value,
            agent: A,
            blast_radius: &'a BlastRadius,
            now: serde_json::Value,
            history: &'a History,
        }
        let input = Input {
            intent: document,
            agent,
            blast_radius: &blast_radius,
            now: now_json(now, &self.config.timezone)?,
            history: &history,
        };
        let decision = self.policy.decide(&input)?;
        Ok(Evaluation { decision, blast_radius, history })
    }
}
