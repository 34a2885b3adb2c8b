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

    /// Every line for `key`, oldest first.
    pub fn lines(&self, key: &str) -> Result<Vec<Line>> {
        let bytes = match std::fs::read(&self.path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e).with_path(&self.path),
        };
        Ok(bytes
            .split(|b| *b == b'\n')
            .filter_map(|l| serde_json::from_slice::<Line>(l).ok())
            .filter(|l| l.key == key)
            .collect())
    }

    /// Record that run `run` of `key` (proposal `proposal`) reached `phase`, now.
    pub fn note(&self, key: &str, run: &str, proposal: &str, phase: Phase) -> Result<()> {
        let at = crate::text::time::rfc3339(crate::text::time::now());
        self.append(&Line { key: key.to_owned(), run: run.to_owned(), proposal: proposal.to_owned(), phase, at })
    }

    /// Append `line` and sync it to disk before returning.
    pub fn append(&self, line: &Line) -> Result<()> {
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
