//! Autonomy metrics: how much work clears itself, how much waits for humans, and how long.

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::Serialize;

use crate::model::index::Summary;
use crate::model::proposal::State;

#[derive(Debug, Default, Clone, Serialize, PartialEq)]
pub struct Stats {
    pub proposals: u64,
    pub auto_approved: u64,
    pub human_approved: u64,
    pub denied: u64,
    pub rejected: u64,
    pub withdrawn: u64,
    pub pending: u64,
    pub applied: u64,
    pub failed: u64,
    /// Shares of all proposals, 0..1.
    pub auto_approved_share: f64,
    pub human_approved_share: f64,
    pub denied_share: f64,
    pub rejected_share: f64,
    /// Seconds from proposal to clearance, over cleared proposals.
    pub median_seconds_to_clearance: Option<i64>,
    pub p90_seconds_to_clearance: Option<i64>,
    pub budget_usd: f64,
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub overall: Stats,
    pub agents: BTreeMap<String, Stats>,
}

fn percentile(sorted: &[i64], p: f64) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    Some(sorted[rank - 1])
}

fn summarize(items: &[&Summary]) -> Stats {
    let mut s = Stats { proposals: items.len() as u64, ..Stats::default() };
    let mut waits = Vec::new();
    for p in items {
        let cleared = p.cleared_at.is_some()
            || matches!(p.state, State::Approved | State::Applying | State::Applied | State::Failed);
        match p.state {
            State::Denied => s.denied += 1,
            State::Rejected => s.rejected += 1,
            State::Withdrawn => s.withdrawn += 1,
            State::Pending => s.pending += 1,
            _ => {}
        }
        if cleared && p.state != State::Denied {
            if p.auto_approved { s.auto_approved += 1 } else { s.human_approved += 1 }
        }
        match p.state {
            State::Applied => s.applied += 1,
            State::Failed => s.failed += 1,
            _ => {}
        }
        if let (Some(c), Ok(from)) =
            (p.cleared_at.as_deref().and_then(|c| c.parse::<Timestamp>().ok()), p.created_at.parse::<Timestamp>())
        {
            waits.push(c.as_second() - from.as_second());
        }
        if !matches!(p.state, State::Denied | State::Rejected | State::Withdrawn) {
            s.budget_usd += p.budget_usd.unwrap_or(0.0);
        }
    }
    waits.sort_unstable();
    let share = |n: u64| if s.proposals == 0 { 0.0 } else { n as f64 / s.proposals as f64 };
    s.auto_approved_share = share(s.auto_approved);
    s.human_approved_share = share(s.human_approved);
    s.denied_share = share(s.denied);
    s.rejected_share = share(s.rejected);
    s.median_seconds_to_clearance = percentile(&waits, 0.5);
    s.p90_seconds_to_clearance = percentile(&waits, 0.9);
    s
}

/// Per agent and overall, for proposals created at or after `since` and by `agent`.
pub fn report(proposals: &[Summary], since: Option<Timestamp>, agent: Option<&str>) -> Report {
    let kept: Vec<&Summary> = proposals
        .iter()
        .filter(|p| agent.is_none_or(|a| p.agent == a))
        .filter(|p| since.is_none_or(|s| p.created_at.parse::<Timestamp>().is_ok_and(|c| c >= s)))
        .collect();
    let mut by_agent: BTreeMap<String, Vec<&Summary>> = BTreeMap::new();
    for p in &kept {
        by_agent.entry(p.agent.clone()).or_default().push(p);
    }
    Report {
        overall: summarize(&kept),
        agents: by_agent.into_iter().map(|(a, items)| (a, summarize(&items))).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_use_nearest_rank() {
        let v: Vec<i64> = (1..=10).collect();
        assert_eq!(percentile(&v, 0.5), Some(5));
        assert_eq!(percentile(&v, 0.9), Some(9));
        assert_eq!(percentile(&[], 0.5), None);
    }
}
