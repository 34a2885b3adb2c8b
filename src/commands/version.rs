use crate::commands::Session;
use crate::error::Result;

/// Print the version (as --version)
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  clearance version\n  clearance version --format json")]
pub struct Args {}

pub fn run(_args: Args, session: &Session<'_>) -> Result<u8> {
    let ui = session.ui;
    if ui.json() {
        ui.out_json(&serde_json::json!({ "version": env!("CARGO_PKG_VERSION") }))?;
    } else {
        ui.out(format!("clearance {}\n", env!("CARGO_PKG_VERSION")))?;
    }
    Ok(0)
}
