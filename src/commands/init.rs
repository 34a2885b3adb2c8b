use std::path::{Path, PathBuf};

use crate::commands::Session;
use crate::error::Result;
use crate::model::scaffold;

/// Create a change repository from the built-in templates
///
/// Writes clearance.yaml (with a fresh repo id), graph/services.yaml, policies/ and
/// trust/identities.yaml in one commit. Runs `git init` when DIR is not a repository yet;
/// refuses to touch an existing change repository.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  clearance init changes\n  clearance init --bare /srv/git/changes.git")]
pub struct Args {
    /// Where to create it [default: --repo, or the current directory]
    pub dir: Option<PathBuf>,
    /// Create a bare repository (no work tree), e.g. for a server
    #[arg(long)]
    pub bare: bool,
}

pub fn run(args: Args, session: &Session<'_>) -> Result<u8> {
    let (repo, ui) = (session.repo_path, session.ui);
    let dir = args.dir.as_deref().or(repo).unwrap_or(Path::new("."));
    let report = scaffold::init(dir, args.bare)?;
    if ui.json() {
        ui.out_json(&report)?;
    } else {
        ui.status(format!(
            "Initialized {}change repository in {} (branch {}, repo id {})",
            if report.bare { "bare " } else { "" },
            report.path.display(),
            report.branch,
            report.repo_id
        ));
        for file in &report.files {
            ui.status(format!("  created {file}"));
        }
        ui.status("next: edit graph/services.yaml, then `clearance propose -f intent.yaml`");
    }
    Ok(0)
}
