use std::path::{Path, PathBuf};

use crate::commands::Session;
use crate::error::Result;
use crate::model::scaffold;
use crate::trust::keys::{self, KeyArgs};

/// Create a change repository from the built-in templates
///
/// Writes clearance.yaml, graph/services.yaml, policies/, trust/identities.yaml and the
/// governance log in one commit. The log starts with a genesis signed by the first admin:
/// the repository id, the admins, and the rules that say who may change trust, policy,
/// config, providers and the graph. Its hash is the repository's root, which clones pin.
/// Without --key or --key-file, a new admin key is created in
/// $XDG_CONFIG_HOME/clearance/keys/ and its path printed. Runs `git init` when DIR is not a
/// repository yet; refuses to touch an existing change repository.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  clearance init changes\n  clearance init changes --admin dana --key dana --admin-threshold 2\n  clearance init --bare /srv/git/changes.git --key-file ~/.ssh/clearance-admin"
)]
pub struct Args {
    /// Where to create it [default: --repo, or the current directory]
    pub dir: Option<PathBuf>,
    /// Create a bare repository (no work tree), e.g. for a server
    #[arg(long)]
    pub bare: bool,
    /// The first admin's principal name
    #[arg(long, value_name = "NAME", default_value = "admin")]
    pub admin: String,
    /// Distinct admin signatures a change to the rules needs (capped at the number of admins)
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=16))]
    pub admin_threshold: u32,
    #[command(flatten)]
    pub key: KeyArgs,
}

pub fn run(args: Args, session: &Session<'_>) -> Result<u8> {
    let (repo, ui) = (session.repo_path, session.ui);
    let dir = args.dir.as_deref().or(repo).unwrap_or(Path::new("."));
    let (key, created) = match (&args.key.key, &args.key.key_file) {
        (None, None) => {
            let key = keys::generate()?;
            let path = crate::trust::local::config_dir()
                .ok_or_else(|| crate::error::Error::usage("no HOME or XDG_CONFIG_HOME to keep a new admin key in"))?
                .join("keys")
                .join(format!("{}-{}", args.admin, crate::model::proposal::new_id()?));
            keys::write_file(&path, &key, false)?;
            (key, Some(path))
        }
        _ => (args.key.load()?, None),
    };
    let genesis = scaffold::Genesis { admin: args.admin, key: &key, admin_threshold: args.admin_threshold };
    let report = scaffold::init(dir, args.bare, genesis)?;
    if let Ok(repo) = crate::store::repo::ChangeRepo::open(Some(&report.path)) {
        crate::trust::governance::pin(&repo, &report.root);
    }
    if ui.json() {
        ui.out_json(&serde_json::json!({"report": &report, "admin_key_file": created}))?;
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
        ui.status(format!("root {} (clones pin it; give CI executors --root {0})", report.root));
        match created {
            Some(path) => ui.status(format!(
                "admin `{}`: a new key in {} — keep it safe; it signs every change to the rules",
                report.admin,
                path.display()
            )),
            None => ui.status(format!("admin `{}`: the key you gave", report.admin)),
        }
        ui.status("next: edit graph/services.yaml, then `clearance governance sign` to put it in force");
    }
    Ok(0)
}
