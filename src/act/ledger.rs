//! The executor's ledger: `$XDG_STATE_HOME/clearance/ledger/<root>.jsonl`, one line per
//! step of every run this machine's executor began, synced to disk before the step it
//! announces. The repository can be reset under an executor; its ledger cannot, so the
//! same idempotency key is never started twice here, whatever the branch says.
//!
//! A run writes `intent` before committing `apply-started`, and `started` once that
//! commit is on record (and pushed, with a remote), just before the provider runs. A key
//! with only an `intent` never reached a provider: it may be started again. A key with a
//! `started` line ran (or may have): only `--resume` of that same run, under its lease,
//! runs it again.

use std::io::Write as _;
use std::os::unix::fs::OpenOptionsExt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind, IoContext, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    /// About to commit `apply-started`; the provider has not run.
    Intent,
    /// `apply-started` is on record; the provider runs next.
    Started,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Line {
    pub key: String,
    pub run: String,
    pub proposal: String,
    pub phase: Phase,
    pub at: String,
    /// Who proposed the change, and what it may spend: an executor counts an agent's
    /// spending by its own clock, not by the times the agent wrote into its proposals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_usd: Option<f64>,
}

pub struct Ledger {
    path: PathBuf,
}

impl Ledger {
    /// The ledger of the repository with `root`; an error when this machine has no state
    /// directory (an executor that cannot remember must not run anything).
    pub fn open(root: &str) -> Result<Ledger> {
        let dir = crate::trust::governance::state_dir().ok_or_else(|| {
            Error::io("no state directory for the executor's ledger").hint("set XDG_STATE_HOME or HOME")
        })?;
        let name = crate::trust::governance::hex_of(root);
        Ok(Ledger { path: dir.join("ledger").join(format!("{name}.jsonl")) })
    }

    fn bytes(&self) -> Result<Vec<u8>> {
        match std::fs::read(&self.path) {
            Ok(b) => Ok(b),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
            Err(e) => Err(e).with_path(&self.path),
        }
    }

    /// Every line for `key`, oldest first.
    pub fn lines(&self, key: &str) -> Result<Vec<Line>> {
        Ok(self
            .bytes()?
            .split(|b| *b == b'\n')
            .filter_map(|l| serde_json::from_slice::<Line>(l).ok())
            .filter(|l| l.key == key)
            .collect())
    }

    /// The changes by `agent` other than `except` that this executor started within the
    /// hour and the day before `now`, each counted once (a resume starts it again), as
    /// the agent's history.
    pub fn spent(&self, agent: &str, except: &str, now: jiff::Timestamp) -> Result<crate::decide::evaluate::History> {
        let mut seen = std::collections::BTreeSet::new();
        let mut spent = crate::decide::evaluate::History::default();
        // Newest first; lines are appended in time order, so reading stops two days back.
        for line in self.bytes()?.rsplit(|b| *b == b'\n').filter_map(|l| serde_json::from_slice::<Line>(l).ok()) {
            let Ok(at) = line.at.parse::<jiff::Timestamp>() else { continue };
            let age = now.as_second() - at.as_second();
            if age > 2 * 86400 {
                break;
            }
            if line.phase != Phase::Started || line.agent.as_deref() != Some(agent) || line.proposal == except {
                continue;
            }
            if !(0..86400).contains(&age) || !seen.insert(line.proposal.clone()) {
                continue;
            }
            spent.proposals_last_day += 1;
            spent.proposals_last_hour += u64::from(age < 3600);
            spent.budget_usd_last_day += line.budget_usd.unwrap_or(0.0);
        }
        Ok(spent)
    }

    /// Record that run `run` of `key` (proposal `proposal` by `agent`, which may spend
    /// `budget_usd`) reached `phase`, now.
    pub fn note(&self, key: &str, run: &str, proposal: &str, phase: Phase, spend: (&str, Option<f64>)) -> Result<()> {
        let at = crate::text::time::rfc3339(crate::text::time::now());
        self.append(&Line {
            key: key.to_owned(),
            run: run.to_owned(),
            proposal: proposal.to_owned(),
            phase,
            at,
            agent: Some(spend.0.to_owned()),
            budget_usd: spend.1,
        })
    }

    /// Append `line` and sync it to disk before returning.
    fn append(&self, line: &Line) -> Result<()> {
        let dir = self.path.parent().unwrap_or(std::path::Path::new("."));
        std::fs::create_dir_all(dir).with_path(dir)?;
        let mut bytes = serde_json::to_vec(line)?;
        bytes.push(b'\n');
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .custom_flags(libc::O_NOFOLLOW)
            .open(&self.path)
            .with_path(&self.path)?;
        file.write_all(&bytes).with_path(&self.path)?;
        file.sync_all().with_path(&self.path)?;
        Ok(())
    }

    /// Refuse to start `key` again when this executor already ran it and the repository
    /// no longer shows that run among its starts (`on_record`: the runs of its
    /// `apply-started` entries). With no start on record, any run of ours refuses.
    pub fn check(&self, key: &str, proposal: &str, on_record: &[String]) -> Result<()> {
        let ran: Vec<Line> = self.lines(key)?.into_iter().filter(|l| l.phase == Phase::Started).collect();
        let Some(last) = ran.last() else { return Ok(()) };
        if ran.iter().any(|l| on_record.contains(&l.run)) {
            return Ok(());
        }
        Err(Error::new(
            ErrorKind::VerificationFailed,
            format!(
                "this executor already started {proposal} at {} (run {}), but the repository does not show that run; the provider was not run again",
                last.at, last.run
            ),
        )
        .hint("the branch was reset or rewritten under this executor; `clearance verify` says what vanished")
        .hint(format!("the executor's ledger is {}", self.path.display())))
    }

    /// The run this executor announced for `key` but never recorded as started.
    pub fn announced(&self, key: &str) -> Result<Option<Line>> {
        let lines = self.lines(key)?;
        let started: Vec<String> = lines.iter().filter(|l| l.phase == Phase::Started).map(|l| l.run.clone()).collect();
        Ok(lines.into_iter().rev().find(|l| l.phase == Phase::Intent && !started.contains(&l.run)))
    }
}
