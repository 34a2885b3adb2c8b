use crate::commands::Session;
use crate::error::Result;

/// Serve the agent's side of clearance over the Model Context Protocol, on stdio
///
/// Tools: propose, check, explain, status, wait (with progress), list, blast and
/// graph_services; resources: the intent schema and the intent templates. It never offers
/// approve, reject, plan, apply, trust or governance: deciding and acting stay with humans
/// and executors. Proposals are signed with the agent key this machine names
/// (CLEARANCE_KEY_FILE, or `key:` in its config.yaml), never a key passed in a call. Each
/// tool answers what `clearance COMMAND --format json` answers, errors included.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  CLEARANCE_KEY_FILE=~/.config/clearance/agent clearance mcp --repo ~/changes
  # in an MCP client's configuration:
  #   {\"command\": \"clearance\", \"args\": [\"mcp\", \"--repo\", \"/srv/changes\"],
  #    \"env\": {\"CLEARANCE_KEY_FILE\": \"/etc/clearance/agent\"}}")]
pub struct Args {}

pub fn run(_args: Args, session: &Session<'_>) -> Result<u8> {
    crate::act::mcp::serve(session.repo_path.map(std::path::Path::to_path_buf))?;
    Ok(0)
}
