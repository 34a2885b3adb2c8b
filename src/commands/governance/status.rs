use serde::Serialize;

use crate::commands::Session;
use crate::error::Result;
use crate::text::ui::{Style, escape_controls};
use crate::trust::change::{self, Unauthorized};
use crate::trust::governance::{self, Problem, Tally};

/// Show the root, the entry in force, pending changes and unauthorized edits
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  clearance governance status\n  clearance governance status --format json | jq -r .root"
)]
pub struct Args {}

#[derive(Serialize)]
pub struct Status {
    /// The genesis hash: the repository's identity.
    pub root: String,
    /// The root this clone pinned, if it pinned one.
    pub pinned: Option<String>,
    pub in_force: InForce,
    pub pending: Vec<Pending>,
    pub unauthorized: Vec<Unauthorized>,
    /// The first invalid line of the log, if any (it and what follows are not in force).
    pub log_problem: Option<Problem>,
}

#[derive(Serialize)]
pub struct InForce {
    pub seq: u64,
    pub hash: String,
    pub at: String,
    pub note: String,
    pub admins: Vec<String>,
    pub admin_threshold: u32,
    pub rules: Vec<crate::trust::governance::Rule>,
}

#[derive(Serialize)]
pub struct Pending {
    pub digest: String,
    pub seq: u64,
    pub note: String,
    /// Made against rules that are no longer in force: it can never land.
    pub stale: bool,
    pub tallies: Vec<Tally>,
}

pub fn status(repo: &crate::store::repo::ChangeRepo) -> Result<Status> {
    let current = change::current(repo)?;
    let entry = current.chain.in_force().cloned().unwrap_or_else(|| unreachable!("current() has an entry"));
    let trust = change::identities(repo, &current.chain)?;
    let pending = change::pending(repo)?
        .into_iter()
        .map(|e| Pending {
            digest: e.digest(),
            seq: e.seq,
            note: e.note.clone(),
            stale: e.prev.as_ref() != current.chain.hashes.last(),
            tallies: governance::tally(Some(&entry), &e, trust.as_ref()),
        })
        .collect();
    Ok(Status {
        root: current.chain.root().unwrap_or_default().to_owned(),
        pinned: governance::pinned(repo),
        in_force: InForce {
            seq: entry.seq,
            hash: current.chain.hashes.last().cloned().unwrap_or_default(),
            at: entry.at.clone(),
            note: entry.note.clone(),
            admins: entry.admins.keys().cloned().collect(),
            admin_threshold: entry.admin_threshold(),
            rules: entry.rules.clone(),
        },
        pending,
        unauthorized: change::unauthorized(repo, &current)?,
        log_problem: current.chain.problem.clone(),
    })
}

pub fn run(_args: Args, session: &Session<'_>) -> Result<u8> {
    let (repo, ui) = (&session.repo()?, session.ui);
    let status = status(repo)?;
    if ui.json() {
        return ui.out_json(&status).map(|()| 0);
    }
    let mut out = format!("root      {}\n", status.root);
    let f = &status.in_force;
    out.push_str(&format!("in force  entry {} ({}) at {}: {}\n", f.seq, f.hash, f.at, f.note));
    out.push_str(&format!("admins    {} (threshold {})\n", f.admins.join(", "), f.admin_threshold));
    for r in &f.rules {
        out.push_str(&format!("rule      {r}\n"));
    }
    for p in &status.pending {
        let have: Vec<String> = p
            .tallies
            .iter()
            .map(|t| {
                format!("{}/{} `{}` ({})", t.signed_by.len(), t.need.threshold, t.need.role, t.signed_by.join(", "))
            })
            .collect();
        let stale = if p.stale { ui.paint(Style::Red, " stale: made against older rules") } else { String::new() };
        out.push_str(&format!(
            "pending   {} entry {} {}: {}{stale}\n",
            p.digest,
            p.seq,
            escape_controls(&p.note),
            escape_controls(&have.join("; "))
        ));
    }
    for u in &status.unauthorized {
        out.push_str(&format!("{}\n", describe(ui, u)));
    }
    if let Some(p) = &status.log_problem {
        out.push_str(&format!(
            "{} {} line {}: {} (not in force)\n",
            ui.paint(Style::Red, "invalid"),
            governance::LOG,
            p.line,
            p.message
        ));
    }
    ui.out(out)?;
    Ok(0)
}

/// One line about a governed file that is not in force.
pub fn describe(ui: &crate::text::ui::Ui, u: &Unauthorized) -> String {
    let by = match (&u.commit, &u.author) {
        (Some(c), Some(a)) => format!(" by {} in {}", escape_controls(a), c.get(..12).unwrap_or(c)),
        _ => String::new(),
    };
    let path = escape_controls(&u.path);
    match &u.pending {
        Some(d) => format!("{} {path}{by}: waiting for signatures ({d})", ui.paint(Style::Yellow, "pending  ")),
        None => format!(
            "{} {path}{by}: edited without the signatures the rules require; not in force",
            ui.paint(Style::Red, "unsigned ")
        ),
    }
}
