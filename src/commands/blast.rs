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
}

pub fn run(args: Args, session: &Session<'_>) -> Result<u8> {
    let (repo, ui) = (&session.repo()?, session.ui);
    let snapshot = repo.snapshot()?;
    let graph = graph_index::load(repo, &snapshot)?;
    let radius = blast::compute(&graph, &args.targets, args.depth)?;
    match ui.format {
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
        Format::Dot => ui.out(radius.dot(&graph))?,
        Format::Mermaid => ui.out(radius.mermaid(&graph))?,
        Format::Human => {
            let env = args.environment.map(|e| format!(" in {e}")).unwrap_or_default();
            let headline = format!("{}{env}: {}", radius.targets.join(", "), radius.headline());
            ui.out(format!("{}\n{}\n", crate::text::ui::wrap(&headline, ui.width()), radius.table(ui.width())))?;
        }
    }
    Ok(0)
}
