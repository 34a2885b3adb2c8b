use crate::error::Result;
use crate::ui::Ui;

/// Print the JSON Schema of a document clearance reads
///
/// Agent frameworks can hand the intent schema to a model as a tool schema.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  clearance schema intent > intent.schema.json\n  clearance schema graph")]
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
}

pub fn run(args: Args, ui: &Ui) -> Result<u8> {
    let schema = match args.document {
        Document::Intent => crate::intent::schema(),
        Document::Graph => crate::graph::schema(),
    };
    ui.out_json(&schema)?;
    Ok(0)
}
