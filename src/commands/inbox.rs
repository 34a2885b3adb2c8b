use crate::commands::Session;
use crate::decide::approve;
use crate::error::Result;
use crate::text::ui::escape_controls;
use crate::trust::keys::KeyArgs;

/// What waits for you: pending proposals your signature would move, most urgent first
///
/// A proposal waits for you when your approval would fill a slot it still misses: you are
/// in a group it needs, you did not file it, you do not sponsor its agent (unless policy
/// lets sponsors approve), and you have not signed it yet. Most urgent first: those one
/// signature clears, then the fewest slots missing, then the oldest. `clearance approve`
/// with no ID picks from the same list.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  clearance inbox --key olive\n  clearance inbox --format json | jq -r '.[].id'")]
pub struct Args {
    #[command(flatten)]
    pub key: KeyArgs,
}

pub fn run(args: Args, session: &Session<'_>) -> Result<u8> {
    let (repo, ui) = (&session.repo()?, session.ui);
    let (me, waiting) = approve::waiting_for(repo, &args.key)?;
    if ui.json() {
        let rows: Vec<serde_json::Value> = waiting
            .iter()
            .map(|p| {
                serde_json::json!({
                    "id": p.id, "agent": p.agent, "action": p.action, "environment": p.environment,
                    "targets": p.targets, "created_at": p.created_at,
                    "needs": p.recorded.as_ref().map(|r| &r.approvals),
                })
            })
            .collect();
        ui.out_json(&rows)?;
        return Ok(0);
    }
    if waiting.is_empty() {
        ui.status(format!("nothing waits for `{me}`"));
        return Ok(0);
    }
    let mut table =
        crate::text::ui::table(&["ID", "ACTION", "ENV", "TARGETS", "AGENT", "WAITING SINCE"], ui.width(), &[0]);
    for p in &waiting {
        table.add_row([
            p.id.clone(),
            escape_controls(&p.action).into_owned(),
            escape_controls(&p.environment).into_owned(),
            escape_controls(&p.targets.join(",")).into_owned(),
            escape_controls(&p.agent).into_owned(),
            crate::text::time::short(&p.created_at),
        ]);
    }
    ui.out(crate::text::ui::table_text(&table))?;
    ui.status(format!("{} proposal(s) wait for `{me}`; `clearance approve ID` to review one", waiting.len()));
    Ok(0)
}
