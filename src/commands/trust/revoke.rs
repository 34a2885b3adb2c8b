use crate::act::sync::PushArgs;
use crate::commands::Session;
use crate::commands::trust::SignerArgs;
use crate::error::{Error, Result};
use crate::trust::change;
use crate::trust::identities::{self, Identities};

/// Revoke a principal: its signatures from then on count for nothing (signed by an admin)
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  clearance trust revoke cost-optimizer --signer admin\n  clearance trust revoke dana --at 2026-05-14T09:00:00Z --signer-file admin.key"
)]
pub struct Args {
    pub principal: String,
    /// When the revocation takes effect (RFC 3339) [default: now]
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    #[command(flatten)]
    pub signer: SignerArgs,
    #[command(flatten)]
    pub push: PushArgs,
}

pub fn run(args: Args, session: &Session<'_>) -> Result<u8> {
    let (repo, ui) = (&session.repo()?, session.ui);
    let signer = args.signer.key_args();
    let key = signer.load()?;
    let at = match &args.at {
        Some(t) => t.parse::<jiff::Timestamp>().map_err(|e| Error::usage(format!("--at {t}: {e}")))?,
        None => crate::text::time::now(),
    };
    let revoked_at = crate::text::time::rfc3339(at);
    let principal = &args.principal;
    let mut kept = true;
    let signed = change::edit_file(repo, &key, identities::PATH, &format!("trust revoke {principal}"), |old| {
        let mut identities = Identities::parse(old.unwrap_or_default())?;
        let entry = identities
            .identities
            .iter_mut()
            .find(|i| i.principal == *principal)
            .ok_or_else(|| Error::not_found(format!("`{principal}` is not in {}", identities::PATH)))?;
        entry.revoked_at = Some(revoked_at.clone());
        let (bytes, comments_kept) = identities.edit(old)?;
        kept = comments_kept;
        Ok(bytes)
    })?;
    let value = serde_json::json!({"principal": principal, "revoked_at": revoked_at});
    let done = format!("revoked {principal} as of {revoked_at}");
    super::report(repo, ui, &args.push, &signer, kept, &signed, value, done)
}
