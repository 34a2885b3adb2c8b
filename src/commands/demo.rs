use std::path::PathBuf;

use crate::error::Result;
use crate::text::ui::Ui;

/// Walk through the lifecycle on an embedded example, step by step
///
/// Creates a change repository in DIR (or a fresh temp dir) and runs each step with the
/// real binary, showing the command and what it prints.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  clearance demo\n  clearance demo /tmp/try-clearance")]
pub struct Args {
    /// Where to create the demo repository (must not exist or be empty)
    pub dir: Option<PathBuf>,
}

pub fn run(args: Args, ui: &Ui) -> Result<u8> {
    crate::act::demo::run(args.dir.as_deref(), ui)?;
    Ok(0)
}
