use crate::commands::Session;
use crate::error::Result;
use crate::model::blast;
use crate::model::graph_index;
use crate::text::ui::Format;

/// Show what a change to TARGET would touch: it and everything that depends on it
///
/// The radius is read from the service graph on the branch. `via` says whether a service
/// is reached through synchronous calls (it breaks with the target) or only through async
/// edges (degraded, not down).
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  clearance blast payments-db
  clearance blast orders-db catalog-db --depth 2
  clearance blast payments-db --all   # every service, not only the top rows
  clearance blast users-db --format json | jq .summary
  clearance blast payments-db --format dot | dot -Tsvg > blast.svg
  clearance blast payments-db --format mermaid")]
pub struct Args {
    /// Service ids from the graph
    #[arg(required = true, value_name = "TARGET")]
    pub targets: Vec<String>,
    /// The environment the change is for (recorded in the output)
    #[arg(long = "env", value_name = "ENV")]
    pub environment: Option<String>,
    /// Stop after this many hops from the targets
    #[arg(long, value_name = "N")]
    pub depth: Option<u32>,
    /// Show the N most critical services (tier, then depth) [default: what fits the
    /// terminal's height, or 50]
    #[arg(short = 'n', long, value_name = "N", conflicts_with = "all")]
    pub limit: Option<usize>,
    /// Show every impacted service
    #[arg(long)]
    pub all: bool,
}

pub fn run(args: Args, session: &Session<'_>) -> Result<u8> {
    let (repo, ui) = (&session.repo()?, session.ui);
    let snapshot = repo.snapshot()?;
    let graph = std::sync::Arc::new(graph_index::load(repo, &snapshot)?);
    let radius = blast::compute(&graph, &args.targets, args.depth)?;
    match ui.format {
        // Piped (a program reads it): one line, hashed as it is written.
        Format::Json if !std::io::IsTerminal::is_terminal(&std::io::stdout()) => {
            let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            let environment = serde_json::to_value(&args.environment)?;
            radius.write_json(&mut out, &[("environment", environment)])?;
            std::io::Write::flush(&mut out)?;
        }
        Format::Json => {
            #[derive(serde::Serialize)]
            struct Output<'a> {
                #[serde(flatten)]
                radius: &'a blast::BlastRadius,
                environment: Option<String>,
                digest: String,
            }
            ui.out_json(&Output { radius: &radius, environment: args.environment, digest: radius.digest() })?;
        }
        Format::Dot => ui.out(radius.dot())?,
        Format::Mermaid => ui.out(radius.mermaid())?,
        Format::Human => {
            let env = args.environment.map(|e| format!(" in {e}")).unwrap_or_default();
            let headline = format!("{}{env}: {}", radius.targets.join(", "), radius.headline());
            let limit = if args.all { None } else { Some(args.limit.unwrap_or_else(|| ui.rows())) };
            let table = radius.table(ui.width(), limit, "use --all or --format json");
            ui.out(format!("{}\n{table}\n", crate::text::ui::wrap(&headline, ui.width())))?;
        }
    }
    Ok(0)
}
