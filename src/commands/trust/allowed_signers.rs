use crate::commands::Session;
use crate::error::Result;
use crate::trust::identities::Identities;

/// Print an OpenSSH allowed_signers file for `ssh-keygen -Y verify` and `git verify-commit`
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  clearance trust allowed-signers > allowed_signers\n  git -c gpg.ssh.allowedSignersFile=allowed_signers verify-commit HEAD"
)]
pub struct Args {}

pub fn run(_args: Args, session: &Session<'_>) -> Result<u8> {
    let (repo, ui) = (&session.repo()?, session.ui);
    let identities = Identities::load(&repo.snapshot()?)?;
    ui.out(identities.allowed_signers())?;
    Ok(0)
}
