//! `clearance trust`: who may act, in trust/identities.yaml. Adding and revoking change the
//! rules, so they are signed governance changes.

use std::path::PathBuf;

use crate::commands::Session;
use crate::error::Result;
use crate::trust::keys::KeyArgs;

pub mod add;
pub mod allowed_signers;
pub mod list;
pub mod revoke;

/// Manage who may act: trust/identities.yaml
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    Add(add::Args),
    List(list::Args),
    Revoke(revoke::Args),
    AllowedSigners(allowed_signers::Args),
}

pub fn run(command: Command, session: &Session<'_>) -> Result<u8> {
    match command {
        Command::Add(args) => add::run(args, session),
        Command::List(args) => list::run(args, session),
        Command::Revoke(args) => revoke::run(args, session),
        Command::AllowedSigners(args) => allowed_signers::run(args, session),
    }
}

/// Whose key signs a change to the trust file (an admin's, as the rules require).
#[derive(Debug, Clone, clap::Args)]
pub struct SignerArgs {
    /// Sign the change with the key of this name from the OS keyring
    #[arg(long = "signer", value_name = "NAME", conflicts_with = "signer_file")]
    pub signer: Option<String>,
    /// Sign the change with this OpenSSH private key file (mode 0600)
    #[arg(long = "signer-file", value_name = "PATH", env = "CLEARANCE_KEY_FILE", hide_env_values = true)]
    pub signer_file: Option<PathBuf>,
}

/// After a signed edit of the trust file: say whether its comments survived, push, and
/// report what was signed (`value` in JSON, `done` once it is in force).
#[allow(clippy::too_many_arguments)]
fn report(
    repo: &crate::store::repo::ChangeRepo,
    ui: &crate::text::ui::Ui,
    push: &crate::act::sync::PushArgs,
    signer: &KeyArgs,
    kept: bool,
    signed: &crate::trust::change::Signed,
    mut value: serde_json::Value,
    done: String,
) -> Result<u8> {
    if !kept {
        ui.warn(format!("{} was rewritten; its comments were not kept", crate::trust::identities::PATH));
    }
    let push = crate::commands::after_write(repo, push, Some(signer), ui)?;
    if ui.json() {
        value["governance"] = serde_json::to_value(signed)?;
        ui.out_json(&crate::act::sync::WithPush { value: &value, push })?;
    } else {
        crate::commands::governance::report_signed(ui, signed, None)?;
        if signed.landed {
            ui.status(done);
        }
    }
    Ok(0)
}

impl SignerArgs {
    pub fn key_args(&self) -> KeyArgs {
        KeyArgs { key: self.signer.clone(), key_file: self.signer_file.clone() }
    }
}
