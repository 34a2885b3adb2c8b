use crate::commands::Session;
use crate::error::Result;
use crate::model::index::{self, Summary};
use crate::model::proposal::State;

/// List proposals, newest first
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  clearance list --state pending\n  clearance list --agent cost-optimizer --env prod\n  clearance list --format json | jq '.[].id'"
)]
pub struct Args {
    /// Only proposals in this state
    #[arg(long, value_enum)]
    pub state: Option<State>,
    /// Only proposals by this agent
    #[arg(long)]
    pub agent: Option<String>,
    /// Only proposals for this environment
    #[arg(long = "env", value_name = "ENV")]
    pub environment: Option<String>,
    /// Only proposals that target this service
    #[arg(long)]
    pub target: Option<String>,
    /// Show at most this many
    #[arg(short = 'n', long)]
    pub limit: Option<usize>,
    /// Exit 5 when some proposal cannot be read (it is listed as `broken` either way)
    #[arg(long)]
    pub strict: bool,
}

impl Args {
    fn keeps(&self, p: &Summary) -> bool {
        self.state.is_none_or(|s| p.state == s)
            && self.agent.as_ref().is_none_or(|a| &p.agent == a)
            && self.environment.as_ref().is_none_or(|e| &p.environment == e)
            && self.target.as_ref().is_none_or(|t| p.targets.contains(t))
    }
}

pub fn run(args: Args, session: &Session<'_>) -> Result<u8> {
    let (repo, ui) = (&session.repo()?, session.ui);
    let index = index::load(repo)?;
    // Unreadable proposals are listed, never dropped; a state filter leaves them out.
    let broken: &[(String, String)] = if args.state.is_some() { &[] } else { &index.broken };
    let code = if args.strict && !index.broken.is_empty() { 5 } else { 0 };
    let shown: Vec<&Summary> =
        index.proposals.iter().filter(|p| args.keeps(p)).take(args.limit.unwrap_or(usize::MAX)).collect();
    if ui.json() {
        #[derive(serde::Serialize)]
        struct Item<'a> {
            id: &'a str,
            state: crate::model::proposal::State,
            agent: &'a str,
            action: &'a str,
            environment: &'a str,
            targets: &'a [String],
            created_at: &'a str,
        }
        let mut items: Vec<serde_json::Value> = shown
            .iter()
            .map(|p| Item {
                id: &p.id,
                state: p.state,
                agent: &p.agent,
                action: &p.action,
                environment: &p.environment,
                targets: &p.targets,
                created_at: &p.created_at,
            })
            .map(|i| serde_json::to_value(i).unwrap_or_default())
            .collect();
        items.extend(broken.iter().map(|(id, why)| serde_json::json!({"id": id, "state": "broken", "reason": why})));
        ui.out_json(&items)?;
        return Ok(code);
    }
    if shown.is_empty() && broken.is_empty() {
        ui.status("no proposals match");
        return Ok(code);
    }
    let mut table =
        crate::text::ui::table(&["ID", "STATE", "AGENT", "ACTION", "ENV", "TARGETS", "CREATED"], ui.width(), &[0, 1]);
    for p in &shown {
        let esc = |s: &str| crate::text::ui::escape_controls(s).into_owned();
        table.add_row([
            esc(&p.id),
            p.state.as_str().to_owned(),
            esc(&p.agent),
            esc(&p.action),
            esc(&p.environment),
            esc(&p.targets.join(",")),
            esc(&crate::text::time::short(&p.created_at)),
        ]);
    }
    for (id, why) in broken {
        let esc = |s: &str| crate::text::ui::escape_controls(s).into_owned();
        table.add_row([
            esc(id),
            ui.paint(crate::text::ui::Style::Red, "broken"),
            String::new(),
            esc(why),
            String::new(),
            String::new(),
            String::new(),
        ]);
    }
    ui.out(crate::text::ui::table_text(&table))?;
    if code != 0 {
        return Err(crate::error::Error::new(
            crate::error::ErrorKind::VerificationFailed,
            format!("{} proposal(s) cannot be read", index.broken.len()),
        )
        .hint("`clearance verify` says what is wrong with each"));
    }
    Ok(code)
}
