use std::io::Read;

use crate::commands::Session;
use crate::error::{Error, Result};

/// Providers built into clearance, run as `clearance provider NAME OPERATION`
///
/// `file` is the example provider: it writes and deletes files under $FILE_PROVIDER_ROOT,
/// reading its JSON request on stdin and answering JSON on stdout. Declare it in
/// clearance.yaml as `command: [clearance, provider, file]`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  echo '{\"idempotency_key\":\"k\",\"intent\":{\"spec\":{\"action\":\"file.write\",\"params\":{\"path\":\"a.txt\",\"content\":\"hi\"}}}}' \\\n    | FILE_PROVIDER_ROOT=/tmp/files clearance provider file plan"
)]
pub struct Args {
    #[arg(value_enum)]
    pub name: Name,
    /// plan, apply, verify or rollback
    #[arg(value_parser = ["plan", "apply", "verify", "rollback"])]
    pub operation: String,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Name {
    /// Files under $FILE_PROVIDER_ROOT (actions file.write, file.delete, file.check)
    File,
}

/// The largest request read, in bytes.
const LIMIT: u64 = 1 << 20;

pub fn run(args: Args, session: &Session<'_>) -> Result<u8> {
    let ui = session.ui;
    let Name::File = args.name;
    let root = std::env::var_os("FILE_PROVIDER_ROOT")
        .ok_or_else(|| Error::usage("set FILE_PROVIDER_ROOT in the provider's env (clearance.yaml)"))?;
    let mut request = Vec::new();
    std::io::stdin().lock().take(LIMIT).read_to_end(&mut request)?;
    let answer = crate::act::file_provider::run(&args.operation, &request, std::path::Path::new(&root));
    ui.out_json(&answer)?;
    Ok(0)
}
