use crate::act::sync::PushArgs;
use crate::commands::Session;
use crate::commands::trust::SignerArgs;
use crate::error::{Error, ErrorKind, Result};
use crate::trust::change;
use crate::trust::identities::{self, Allow, Identities, Identity, Role};
use crate::trust::keys;

/// Trust a principal's public key in a role (a change to the rules, signed by an admin)
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  clearance trust add dana --role approver --group team-orders \\\n      --group security --key dana.pub --signer admin\n  clearance trust add cost-optimizer --role agent --key \"ssh-ed25519 AAAA...\" \\\n      --sponsor dana --allow-action 'rds.*' --allow-env prod \\\n      --signer-file admin.key\n  clearance trust add ci --role executor --key ci.pub --signer admin"
)]
pub struct Args {
    pub principal: String,
    #[arg(long, value_enum)]
    pub role: Role,
    /// Group for approval quorums (repeatable)
    #[arg(long = "group", value_name = "GROUP")]
    pub groups: Vec<String>,
    /// The principal's OpenSSH public key: the text, or a path to a .pub file
    #[arg(long, value_name = "PUBKEY_OR_FILE")]
    pub key: String,
    /// For agents: the accountable human
    #[arg(long)]
    pub sponsor: Option<String>,
    /// For agents: an action it may propose, `rds.*` style (repeatable)
    #[arg(long = "allow-action", value_name = "ACTION")]
    pub actions: Vec<String>,
    /// For agents: an environment it may act in (repeatable)
    #[arg(long = "allow-env", value_name = "ENV")]
    pub environments: Vec<String>,
    /// Replace an existing entry for this principal
    #[arg(long)]
    pub replace: bool,
    #[command(flatten)]
    pub signer: SignerArgs,
    #[command(flatten)]
    pub push: PushArgs,
}

pub fn run(args: Args, session: &Session<'_>) -> Result<u8> {
    let (repo, ui) = (&session.repo()?, session.ui);
    let signer = args.signer.key_args();
    let key = signer.load()?;
    let public = keys::public_from_arg(&args.key)?;
    let allow = (!args.actions.is_empty() || !args.environments.is_empty())
        .then_some(Allow { actions: args.actions, environments: args.environments });
    let principal = args.principal;
    let entry = Identity {
        principal: principal.clone(),
        role: args.role,
        groups: args.groups,
        key: Some(keys::public_openssh(&public)),
        sponsor: args.sponsor,
        allow,
        revoked_at: None,
    };
    let mut kept = true;
    let note = format!("trust add {principal} as {}", args.role);
    let signed = change::edit_file(repo, &key, identities::PATH, &note, |old| {
        let mut identities = match old {
            Some(bytes) => Identities::parse(bytes)?,
            None => Identities::parse(b"apiVersion: clearance/v1\nkind: Identities\nidentities: []\n")?,
        };
        if let Some(other) = identities.by_key(&public).filter(|i| i.principal != principal) {
            return Err(Error::new(ErrorKind::Conflict, format!("that key already belongs to `{}`", other.principal)));
        }
        match identities.identities.iter_mut().find(|i| i.principal == principal) {
            Some(_) if !args.replace => {
                return Err(Error::new(
                    ErrorKind::Conflict,
                    format!("`{principal}` is already in {}", identities::PATH),
                )
                .hint("pass --replace to replace its entry"));
            }
            Some(existing) => *existing = entry.clone(),
            None => identities.identities.push(entry.clone()),
        }
        let (bytes, comments_kept) = identities.edit(old)?;
        Identities::parse(&bytes)?;
        kept = comments_kept;
        Ok(bytes)
    })?;
    let mut value = serde_json::to_value(&entry)?;
    value["fingerprint"] = keys::fingerprint(&public).into();
    let done = format!("trusted {principal} ({}) as {}", keys::fingerprint(&public), args.role);
    super::report(repo, ui, &args.push, &signer, kept, &signed, value, done)
}
