use serde::Serialize;

use crate::commands::Session;
use crate::error::Result;
use crate::trust::identities::{Identities, Identity};
use crate::trust::keys;

/// List the trusted identities in force
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  clearance trust list\n  clearance trust list --format json")]
pub struct Args {}

#[derive(Serialize)]
struct Row<'a> {
    #[serde(flatten)]
    identity: &'a Identity,
    fingerprint: Option<String>,
}

pub fn run(_args: Args, session: &Session<'_>) -> Result<u8> {
    let (repo, ui) = (&session.repo()?, session.ui);
    let identities = Identities::load(&repo.snapshot()?)?;
    let rows: Vec<Row<'_>> = identities
        .identities
        .iter()
        .map(|i| Row {
            identity: i,
            fingerprint: i.key.as_deref().and_then(|k| keys::parse_public(k).ok()).map(|k| keys::fingerprint(&k)),
        })
        .collect();
    if ui.json() {
        ui.out_json(&rows)?;
        return Ok(0);
    }
    let mut table = crate::text::ui::table(&["PRINCIPAL", "ROLE", "GROUPS", "KEY", "REVOKED"], ui.width(), &[0, 1]);
    for r in &rows {
        table.add_row([
            r.identity.principal.clone(),
            r.identity.role.to_string(),
            r.identity.groups.join(","),
            r.fingerprint.clone().unwrap_or_else(|| "-".into()),
            r.identity.revoked_at.clone().unwrap_or_default(),
        ]);
    }
    ui.out(crate::text::ui::table_text(&table))?;
    Ok(0)
}
