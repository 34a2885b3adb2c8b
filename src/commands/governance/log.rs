use crate::commands::Session;
use crate::error::Result;
use crate::trust::change;

/// List the entries of the governance log, oldest first
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  clearance governance log\n  clearance governance log --format json")]
pub struct Args {}

pub fn run(_args: Args, session: &Session<'_>) -> Result<u8> {
    let (repo, ui) = (&session.repo()?, session.ui);
    let current = change::current(repo)?;
    if ui.json() {
        let rows: Vec<serde_json::Value> = current
            .chain
            .entries
            .iter()
            .zip(&current.chain.hashes)
            .map(|(e, hash)| {
                serde_json::json!({
                    "seq": e.seq, "hash": hash, "at": e.at, "note": e.note, "changed": e.changed,
                    "admins": e.admins.keys().collect::<Vec<_>>(),
                    "signed_by": e.signatures.iter().map(|s| &s.principal).collect::<Vec<_>>(),
                })
            })
            .collect();
        return ui.out_json(&rows).map(|()| 0);
    }
    let mut table = crate::text::ui::table(&["SEQ", "AT", "CHANGE", "CHANGED", "SIGNED BY"], ui.width(), &[0, 1]);
    for e in &current.chain.entries {
        table.add_row([
            e.seq.to_string(),
            e.at.clone(),
            e.note.clone(),
            e.changed.join(", "),
            e.signatures.iter().map(|s| s.principal.as_str()).collect::<Vec<_>>().join(", "),
        ]);
    }
    ui.out(crate::text::ui::table_text(&table))?;
    Ok(0)
}
