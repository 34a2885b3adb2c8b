use std::io::Read;
use std::path::PathBuf;

use crate::act::notify;
use crate::commands::Session;
use crate::decide::propose;
use crate::error::{Error, Result};
use crate::model::config::Event;
use crate::model::intent::MAX_INTENT_BYTES;
use crate::model::proposal::State;
use crate::text::ui::Style;
use crate::trust::keys::KeyArgs;

/// Propose a change: validate an intent and commit it to the change repository
///
/// Prints the new proposal's id on stdout. An invalid intent writes nothing: every problem
/// is reported at once, with file, line, column and field path. A valid intent that policy
/// denies is committed all the same, as evidence of the attempt, and exits 3. The same agent
/// proposing the same bytes for the same `metadata.run` again (a retry) gets the first
/// proposal's id back (`duplicate_of` in JSON) and nothing new is written.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  clearance propose -f intent.yaml\n  id=$(generate-intent | clearance propose -f -)\n  clearance propose -f intent.yaml --dry-run --format json"
)]
pub struct Args {
    /// The intent file, or `-` for standard input
    #[arg(short = 'f', long = "file", value_name = "FILE", default_value = "-")]
    pub file: PathBuf,
    /// Validate and show the outcome without writing (or signing) anything
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub key: KeyArgs,
    #[command(flatten)]
    pub push: crate::act::sync::PushArgs,
}

/// Read at most one byte past the limit, so a huge input is refused without reading it all.
pub fn read_input(file: &PathBuf, ui: &crate::text::ui::Ui) -> Result<(Vec<u8>, String)> {
    let limit = MAX_INTENT_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    if file.as_os_str() == "-" {
        if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
            ui.status("reading the intent from the terminal; end it with Ctrl-D (or pass -f FILE)");
        }
        std::io::stdin().lock().take(limit).read_to_end(&mut bytes)?;
        return Ok((bytes, "<stdin>".to_owned()));
    }
    let name = file.display().to_string();
    let f = std::fs::File::open(file).map_err(|e| Error::not_found(format!("cannot read {name}: {e}")))?;
    f.take(limit).read_to_end(&mut bytes).map_err(|e| Error::io(format!("cannot read {name}: {e}")))?;
    Ok((bytes, name))
}

pub fn run(args: Args, session: &Session<'_>) -> Result<u8> {
    let (repo, ui) = (&session.repo()?, session.ui);
    let (bytes, name) = read_input(&args.file, ui)?;
    let parsed = propose::parse(repo, bytes, &name)?;
    // A dry run checks the agent's key and trust too, when it has a key to check.
    let signer = if args.dry_run && !args.key.given()? { None } else { Some(args.key.load()?) };
    if args.dry_run && signer.is_none() {
        ui.warn("no key given: the dry run did not check that the agent's key is trusted to propose this");
    }
    let outcome = propose::propose(repo, &parsed, &name, signer.as_ref(), args.dry_run)?;
    let code = if outcome.state == State::Denied { 3 } else { 0 };
    let mut push = None;
    if let (Some(id), None) = (&outcome.id, &outcome.duplicate_of) {
        push = crate::commands::after_write(repo, &args.push, Some(&args.key), ui)?;
        let mut events = vec![Event::Proposed];
        match outcome.state {
            State::Pending => events.push(Event::NeedsApproval),
            State::Approved => events.push(Event::Approved),
            _ => {}
        }
        for warning in notify::notify(repo, id, &events, outcome.state, &outcome.agent) {
            ui.warn(warning);
        }
    }
    if ui.json() {
        ui.out_json(&crate::act::sync::WithPush { value: &outcome, push })?;
        return Ok(code);
    }
    let what = format!("{} on {} ({})", outcome.action, outcome.targets.join(", "), outcome.environment);
    let state = match outcome.state {
        State::Denied => ui.paint(Style::Red, "denied"),
        State::Approved => ui.paint(Style::Green, "approved"),
        other => ui.paint(Style::Yellow, other.as_str()),
    };
    match &outcome.id {
        Some(id) if outcome.duplicate_of.is_some() => {
            ui.out(format!("{id}\n"))?;
            ui.status(format!(
                "already proposed as {} ({state}): the same agent run with the same intent; nothing new was filed",
                ui.paint(Style::Bold, id)
            ));
        }
        Some(id) => {
            ui.out(format!("{id}\n"))?;
            ui.status(format!("proposed {} ({state}): {what}", ui.paint(Style::Bold, id)));
        }
        None => ui.status(format!("dry run: would be {state}: {what}")),
    }
    if let Some(decision) = &outcome.decision {
        for reason in &decision.deny {
            ui.status(format!("  {} {reason}", ui.paint(Style::Red, "deny:")));
        }
        for warning in &decision.warn {
            ui.status(format!("  {} {warning}", ui.paint(Style::Yellow, "warn:")));
        }
        if outcome.state == State::Pending {
            ui.status(format!("  needs approval: {}", decision.describe_approvals()));
        }
    }
    if let Some(radius) = &outcome.blast_radius {
        ui.status(format!("  blast radius: {}", radius.headline()));
    }
    Ok(code)
}
