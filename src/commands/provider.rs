use std::io::Read;

use crate::commands::Session;
use crate::error::{Error, Result};

/// Providers built into clearance, run as `clearance provider NAME OPERATION`
///
/// Each reads its JSON request on stdin and answers JSON on stdout, as any provider does.
/// `file` is the example provider: it writes and deletes files under $FILE_PROVIDER_ROOT.
/// `postgres` changes a PostgreSQL database: it plans in a transaction that it rolls back,
/// applies once (recording the idempotency key in the table `clearance_applied`), and
/// connects with libpq's variables (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD or
/// PGPASSFILE, PGSSLMODE). Declare them in clearance.yaml as
/// `command: [clearance, provider, file]` or `command: [clearance, provider, postgres]`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  echo '{\"idempotency_key\":\"k\",\"intent\":{\"spec\":{\"action\":\"file.write\",' \\\n      '\"params\":{\"path\":\"a.txt\",\"content\":\"hi\"}}}}' \\\n    | FILE_PROVIDER_ROOT=/tmp/files clearance provider file plan\n  echo '{\"idempotency_key\":\"k\",\"intent\":{\"spec\":{\"action\":\"postgres.check\",' \\\n      '\"params\":{\"query\":\"SELECT 1\"}}}}' \\\n    | PGHOST=/var/run/postgresql PGDATABASE=shop \\\n      clearance provider postgres verify"
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
    /// A PostgreSQL database (actions postgres.migrate, postgres.drop-table,
    /// postgres.truncate, postgres.delete-rows, postgres.check)
    Postgres,
}

/// The largest request read, in bytes.
const LIMIT: u64 = 1 << 20;

pub fn run(args: Args, session: &Session<'_>) -> Result<u8> {
    let ui = session.ui;
    let root = std::env::var_os("FILE_PROVIDER_ROOT");
    if matches!(args.name, Name::File) && root.is_none() {
        return Err(Error::usage("set FILE_PROVIDER_ROOT in the provider's env (clearance.yaml)"));
    }
    let mut request = Vec::new();
    std::io::stdin().lock().take(LIMIT).read_to_end(&mut request)?;
    let answer = match args.name {
        Name::File => {
            crate::act::file_provider::run(&args.operation, &request, std::path::Path::new(&root.unwrap_or_default()))
        }
        Name::Postgres => crate::act::postgres_provider::run(&args.operation, &request, &|var| std::env::var(var).ok()),
    };
    ui.out_json(&answer)?;
    Ok(0)
}
