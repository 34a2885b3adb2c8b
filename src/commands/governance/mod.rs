//! `clearance governance`: the signed log that puts the rules in force.

use crate::commands::Session;
use crate::error::Result;
use crate::text::ui::{Style, Ui};
use crate::trust::change::Signed;

pub mod adopt;
pub mod log;
pub mod sign;
pub mod status;

/// Change and inspect the rules: trust, policy, config, providers and the graph
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    Sign(sign::Args),
    Status(status::Args),
    Log(log::Args),
    Adopt(adopt::Args),
}

pub fn run(command: Command, session: &Session<'_>) -> Result<u8> {
    match command {
        Command::Sign(args) => sign::run(args, session),
        Command::Status(args) => status::run(args, session),
        Command::Log(args) => log::run(args, session),
        Command::Adopt(args) => adopt::run(args, session),
    }
}

/// Say what a signature did: in force now, or waiting for whom.
pub fn report_signed(ui: &Ui, signed: &Signed, push: Option<crate::act::sync::PushStatus>) -> Result<()> {
    if ui.json() {
        return ui.out_json(&crate::act::sync::WithPush { value: signed, push });
    }
    if signed.landed {
        ui.status(format!(
            "{} entry {} signed by {}: the rules in force changed ({})",
            ui.paint(Style::Green, "in force:"),
            signed.seq,
            signed.signer,
            signed.changed.join(", ")
        ));
    } else {
        let missing: Vec<String> = signed
            .tallies
            .iter()
            .filter(|t| !t.met())
            .map(|t| format!("{} more of `{}`", t.need.threshold as usize - t.signed_by.len(), t.need.role))
            .collect();
        ui.status(format!(
            "{} signed by {}; waiting for {} ({})",
            ui.paint(Style::Yellow, "pending:"),
            signed.signer,
            missing.join(", "),
            signed.digest
        ));
        ui.status(format!("another signer runs `clearance governance sign {}`", signed.digest));
    }
    Ok(())
}
