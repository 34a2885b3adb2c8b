use crate::commands::Session;
use crate::error::Result;

/// Print the JSON Schema of a document clearance reads
///
/// Agent frameworks can hand the intent schema to a model as a tool schema.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  clearance schema intent > intent.schema.json\n  clearance schema graph\n  clearance schema decision     # what policies/*.rego must produce"
)]
pub struct Args {
    #[arg(value_enum)]
    pub document: Document,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Document {
    /// An agent's intent (proposals/*/*/intent.yaml)
    Intent,
    /// The service graph (graph/services.yaml)
    Graph,
    /// What the policy decides (rules deny, warn, approvals, auto_approve of package clearance)
    Decision,
    /// The repository configuration (clearance.yaml)
    Config,
    /// Who may act (trust/identities.yaml)
    Identities,
    /// This machine's own configuration ($XDG_CONFIG_HOME/clearance/config.yaml)
    Local,
}

pub fn run(args: Args, session: &Session<'_>) -> Result<u8> {
    let ui = session.ui;
    let schema = match args.document {
        Document::Intent => crate::model::intent::schema(),
        Document::Graph => crate::model::graph::schema(),
        Document::Decision => crate::model::decision::schema(),
        Document::Config => serde_json::to_value(schemars::schema_for!(crate::model::config::Config))?,
        Document::Identities => serde_json::to_value(schemars::schema_for!(crate::trust::identities::Identities))?,
        Document::Local => serde_json::to_value(schemars::schema_for!(crate::trust::local::Local))?,
    };
    ui.out_json(&schema)?;
    Ok(0)
}
