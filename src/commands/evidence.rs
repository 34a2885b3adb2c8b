use std::path::PathBuf;

use crate::commands::Session;
use crate::decide::verify::{self, Bundle};
use crate::error::{IoContext, Result};

/// Work with a proposal's evidence
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Write one self-contained bundle (intent, plan, approvals, evidence, public keys,
    /// decision) that `clearance verify --bundle` checks with no repository at all
    #[command(
        after_help = "Examples:\n  clearance evidence export 7k3m -o 7k3m.clearance.json\n  clearance verify --bundle 7k3m.clearance.json"
    )]
    Export {
        id: String,
        /// Write here instead of stdout
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

pub fn run(command: Command, session: &Session<'_>) -> Result<u8> {
    let (repo, ui) = (&session.repo()?, session.ui);
    let Command::Export { id, output } = command;
    let snapshot = repo.snapshot()?;
    let id = crate::model::proposal::resolve(&snapshot, &id)?;
    let files = verify::files(&snapshot, &id)?;
    let decision = crate::model::proposal::load(&snapshot, &id)?
        .decision
        .map(|d| serde_json::to_value(d).unwrap_or_default())
        .unwrap_or_default();
    let bundle = Bundle {
        format: verify::BUNDLE_FORMAT.to_owned(),
        repo_id: crate::model::config::Config::load(&snapshot)?.repo_id,
        sponsor_may_approve: crate::model::policy_data::sponsor_may_approve(&snapshot)?,
        identities: String::from_utf8_lossy(&snapshot.read(crate::trust::identities::PATH)?.unwrap_or_default())
            .into_owned(),
        checkpoint: {
            let root = snapshot.in_force().map(|f| f.root.clone()).unwrap_or_default();
            let (held, _) = crate::trust::checkpoint::held(repo, &root)?;
            let dir = crate::model::proposal::dir(&id);
            crate::trust::checkpoint::coverage(&repo.git, &held, &dir, files.evidence.as_bytes())?
        },
        decision,
        files,
        governance: {
            let tree =
                snapshot.branch_tree().ok_or_else(|| crate::error::Error::not_found("the branch has no commits"))?;
            let seq = snapshot.in_force().map(|f| f.seq).unwrap_or_default();
            crate::trust::governance::proof(&repo.git, tree, seq)?
        },
    };
    let mut bytes = serde_json::to_vec_pretty(&bundle)?;
    bytes.push(b'\n');
    match output {
        Some(path) => {
            crate::store::fs::write_atomic(&path, &bytes, false).map_err(|e| e.context(path.display()))?;
            std::fs::metadata(&path).with_path(&path)?;
            if ui.json() {
                ui.out_json(&serde_json::json!({"id": id, "path": path, "bytes": bytes.len()}))?;
            } else {
                ui.status(format!("wrote {} ({} bytes)", path.display(), bytes.len()));
            }
        }
        None => ui.out(String::from_utf8_lossy(&bytes))?,
    }
    Ok(0)
}
