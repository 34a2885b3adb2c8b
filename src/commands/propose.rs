use std::io::Read;
use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::intent::MAX_INTENT_BYTES;
use crate::propose;
use crate::repo::ChangeRepo;
use crate::ui::{Style, Ui};

/// Propose a change: validate an intent and commit it to the change repository
///
/// Prints the new proposal's id on stdout. Every problem in the intent is reported at
/// once, with file, line, column and field path, and nothing is written.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  clearance propose -f intent.yaml\n  id=$(generate-intent | clearance propose -f -)\n  clearance propose -f intent.yaml --dry-run --format json"
)]
pub struct Args {
    /// The intent file, or `-` for standard input
    #[arg(short = 'f', long = "file", value_name = "FILE", default_value = "-")]
    pub file: PathBuf,
    /// Validate and show the outcome without writing anything
    #[arg(long)]
    pub dry_run: bool,
}

/// Read at most one byte past the limit, so a huge input is refused without reading it all.
fn read_input(file: &PathBuf) -> Result<(Vec<u8>, String)> {
    let limit = MAX_INTENT_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    if file.as_os_str() == "-" {
        std::io::stdin().lock().take(limit).read_to_end(&mut bytes)?;
        return Ok((bytes, "<stdin>".to_owned()));
    }
    let name = file.display().to_string();
    let f = std::fs::File::open(file).map_err(|e| Error::not_found(format!("cannot read {name}: {e}")))?;
    f.take(limit).read_to_end(&mut bytes).map_err(|e| Error::io(format!("cannot read {name}: {e}")))?;
    Ok((bytes, name))
}

pub fn run(args: Args, repo: &ChangeRepo, ui: &Ui) -> Result<u8> {
    let (bytes, name) = read_input(&args.file)?;
    let parsed = propose::parse(repo, bytes, &name)?;
    let outcome = propose::propose(repo, &parsed, &name, args.dry_run)?;
    if ui.json() {
        ui.out_json(&outcome)?;
        return Ok(0);
    }
    let mut what = format!("{} on {} ({})", outcome.action, outcome.targets.join(", "), outcome.environment);
    if let Some(radius) = &outcome.blast_radius {
        what.push_str(&format!("; blast radius: {}", radius.headline()));
    }
    match &outcome.id {
        Some(id) => {
            ui.out(format!("{id}\n"))?;
            ui.status(format!(
                "{} {} {}: {what}",
                ui.paint(Style::Green, "proposed"),
                ui.paint(Style::Bold, id),
                outcome.state
            ));
        }
        None => ui.status(format!("{} would be {}: {what}", ui.paint(Style::Green, "valid:"), outcome.state)),
    }
    Ok(0)
}
