use crate::act::wait::{self, Until};
use crate::commands::Session;
use crate::error::{Error, Result};

/// Wait until a proposal is cleared, decided or done
///
/// Blocks without polling in a loop: it sleeps until the branch moves (another process
/// in this clone writes), and with `sync: auto` (or --remote) also fetches from the remote,
/// backing off from 1 s to 30 s. Prints the final state. Exit 0 when the awaited state is
/// reached, 3 when the proposal is denied, rejected or withdrawn, 4 when the time runs out
/// first, 6 when its apply failed.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  id=$(clearance propose -q -f intent.yaml)
  clearance wait \"$id\" --timeout 30m
  clearance wait 7k3m --until done --format json
  clearance wait 7k3m --remote origin        # fetch while waiting")]
pub struct Args {
    /// The proposal id, or a unique prefix of at least 4 characters
    pub id: String,
    /// What to wait for
    #[arg(long, value_enum, default_value = "cleared")]
    pub until: Until,
    /// Give up after this long (`90s`, `30m`, `2h`)
    #[arg(long, default_value = "30m", value_name = "DURATION")]
    pub timeout: String,
    /// Fetch from this remote while waiting [default: the configured remote with `sync: auto`]
    #[arg(long, value_name = "NAME")]
    pub remote: Option<String>,
}

pub fn run(args: Args, session: &Session<'_>) -> Result<u8> {
    let (repo, ui) = (&session.repo()?, session.ui);
    let timeout = crate::text::time::parse_duration(&args.timeout).ok_or_else(|| {
        Error::usage(format!("--timeout {}: expected a duration such as 90s, 30m or 2h", args.timeout))
    })?;
    let remote = match args.remote {
        Some(remote) => Some(remote),
        None => crate::act::sync::PushArgs::default().remote(repo)?,
    };
    let waited = wait::wait(repo, &args.id, args.until, timeout, remote.as_deref(), &mut |state, after| {
        ui.status(format!("{}: {state} (after {}s)", args.id, after.as_secs()));
    })?;
    if let Some(e) = &waited.fetch_error {
        ui.warn(format!("could not fetch from {}: {e}; the state is this clone's", remote.as_deref().unwrap_or("?")));
    }
    if ui.json() {
        ui.out_json(&waited)?;
    } else {
        ui.out(format!("{}\n", waited.state))?;
        if waited.timed_out {
            ui.warn(format!("{} is still {} after {}", waited.id, waited.state, args.timeout));
        }
    }
    Ok(waited.exit_code())
}
