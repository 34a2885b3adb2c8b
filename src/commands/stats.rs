use crate::commands::Session;
use crate::decide::stats::{self, Stats};
use crate::error::{Error, Result};

/// Autonomy metrics per agent: what clears itself, what waits for humans, how long
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  clearance stats\n  clearance stats --since 7d --agent cost-optimizer\n  clearance stats --format json   # for dashboards"
)]
pub struct Args {
    /// Only proposals from this long ago until now, e.g. 24h, 7d
    #[arg(long, value_name = "DURATION")]
    pub since: Option<String>,
    /// Only this agent
    #[arg(long)]
    pub agent: Option<String>,
}

fn human(d: Option<i64>) -> String {
    match d {
        None => "-".into(),
        Some(s) if s < 120 => format!("{s}s"),
        Some(s) if s < 7200 => format!("{}m", s / 60),
        Some(s) => format!("{:.1}h", s as f64 / 3600.0),
    }
}

fn row(name: &str, s: &Stats) -> Vec<String> {
    let pct = |x: f64| format!("{:.0}%", x * 100.0);
    vec![
        name.to_owned(),
        s.proposals.to_string(),
        pct(s.auto_approved_share),
        pct(s.human_approved_share),
        pct(s.denied_share),
        pct(s.rejected_share),
        human(s.median_seconds_to_clearance),
        human(s.p90_seconds_to_clearance),
        s.applied.to_string(),
        s.failed.to_string(),
        format!("{:.2}", s.budget_usd),
    ]
}

pub fn run(args: Args, session: &Session<'_>) -> Result<u8> {
    let (repo, ui) = (&session.repo()?, session.ui);
    let since = match &args.since {
        Some(d) => {
            let dur = crate::text::time::parse_duration(d)
                .ok_or_else(|| Error::usage(format!("--since {d}: expected a duration such as 24h or 7d")))?;
            Some(
                jiff::Timestamp::from_second(crate::text::time::now().as_second() - dur.as_secs() as i64)
                    .map_err(|e| Error::usage(e.to_string()))?,
            )
        }
        None => None,
    };
    let index = crate::model::index::load(repo)?;
    let report = stats::report(&index.proposals, since, args.agent.as_deref());
    if ui.json() {
        ui.out_json(&report)?;
        return Ok(0);
    }
    let mut table = crate::text::ui::table(
        &[
            "AGENT",
            "PROPOSALS",
            "AUTO",
            "HUMAN",
            "DENIED",
            "REJECTED",
            "MEDIAN",
            "P90",
            "APPLIED",
            "FAILED",
            "BUDGET $",
        ],
        ui.width(),
        &[],
    );
    for (agent, s) in &report.agents {
        table.add_row(row(agent, s));
    }
    table.add_row(row("(all)", &report.overall));
    ui.out(crate::text::ui::table_text(&table))?;
    Ok(0)
}
