use crate::commands::Session;
use crate::error::{Error, ErrorKind, Result};
use crate::store::repo::Write;
use crate::trust::governance;
use crate::trust::keys::KeyArgs;

/// Give a repository made before governance its genesis, signed by its first admin
///
/// The governed files on the branch become the rules in force, and the repository id in
/// clearance.yaml moves into the genesis, so every approval and evidence line made before
/// stays valid. Afterwards, edits to trust/, policies/, clearance.yaml, providers/ and
/// graph/ need the admins' signatures (`clearance governance sign`).
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  clearance governance adopt --key-file ~/.ssh/clearance-admin --admin dana")]
pub struct Args {
    /// The first admin's principal name [default: the trusted identity holding the key, else `admin`]
    #[arg(long, value_name = "NAME")]
    pub admin: Option<String>,
    /// Distinct admin signatures a change to the rules needs (capped at the number of admins)
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=16))]
    pub admin_threshold: u32,
    #[command(flatten)]
    pub key: KeyArgs,
}

pub fn run(args: Args, session: &Session<'_>) -> Result<u8> {
    let (repo, ui) = (&session.branch_repo()?, session.ui);
    let key = args.key.load()?;
    let snapshot = repo.snapshot()?;
    if snapshot.exists(governance::LOG)? {
        return Err(Error::new(ErrorKind::Conflict, format!("{} already has a governance log", repo.display_path()))
            .hint("`clearance governance status` shows it"));
    }
    let admin = match args.admin {
        Some(name) => name,
        None => crate::trust::identities::Identities::load(&snapshot)?
            .by_key(key.public_key())
            .map(|i| i.principal.clone())
            .unwrap_or_else(|| governance::ADMIN.to_owned()),
    };
    let config = crate::model::config::Config::load(&snapshot)?;
    let repo_id = if config.repo_id.is_empty() { crate::model::config::new_uuid()? } else { config.repo_id };
    let tree = snapshot.branch_tree().ok_or_else(|| Error::not_found("the branch has no commits"))?;
    let rules = governance::default_rules(args.admin_threshold);
    let entry = governance::genesis(&repo_id, &admin, &key, rules, governance::governed_map(tree))?;
    let line = entry.line();
    let root = crate::text::bytes::digest(&line);
    let commit = repo
        .transact_signed(&admin, "governance: adopt (genesis)", Some(&key), |snap| {
            if snap.exists(governance::LOG)? {
                return Err(Error::new(ErrorKind::Conflict, "a governance log appeared meanwhile"));
            }
            if snap.branch_tree().map(governance::governed_map) != Some(entry.tree.clone()) {
                return Err(Error::new(ErrorKind::Conflict, "the governed files changed meanwhile; adopt again"));
            }
            let mut bytes = line.clone();
            bytes.push(b'\n');
            Ok((vec![Write::file(governance::LOG, bytes)], ()))
        })?
        .0;
    crate::trust::governance::pin(repo, &root);
    if ui.json() {
        ui.out_json(
            &serde_json::json!({"root": root, "repo_id": repo_id, "admin": admin, "commit": commit.to_string()}),
        )?;
    } else {
        ui.status(format!("adopted: root {root}, repo id {repo_id}, admin `{admin}`"));
        ui.status(
            "the governed files on the branch are the rules in force; changes now need `clearance governance sign`",
        );
    }
    Ok(0)
}
