//! `clearance mcp`: the agent's side of clearance as a Model Context Protocol server on
//! stdio. Each tool runs this very binary with `--format json`, so an agent gets exactly
//! what the command line gives (the same documents, error codes, located problems and
//! hints) and every call takes the same locks as any other process. It offers proposing
//! and following proposals only: approving, rejecting, planning, applying, trust and
//! governance are not tools here. Proposals are signed with the agent key this machine
//! names (`CLEARANCE_KEY_FILE` or `key:` in its config.yaml), never a key from a call.

use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use rmcp::handler::server::router::tool::ToolRouter;
use rmcp::handler::server::wrapper::Parameters;
use rmcp::model::{
    CallToolResult, ListResourcesResult, PaginatedRequestParams, ProgressNotificationParam, ReadResourceRequestParams,
    ReadResourceResponse, ReadResourceResult, RequestMetaObject, Resource, ResourceContents, ServerCapabilities,
    ServerConfig,
};
use rmcp::service::RequestContext;
use rmcp::{ErrorData, Peer, RoleServer, ServerHandler, tool, tool_handler, tool_router};
use schemars::JsonSchema;
use serde::Deserialize;
use tokio::io::AsyncWriteExt;

const INSTRUCTIONS: &str = "clearance keeps the gate outside the agent: you may propose changes \
to production and follow them, never decide or act on them. `propose` files a signed intent \
(signed with this machine's agent key) and answers its id and state; `check` and `explain` say \
what policy would decide and what would clear it (deny reasons with the allowed values, missing \
approvals with who can give them); `wait` blocks until the proposal is cleared, decided or done; \
`status`, `list`, `blast` and `graph_services` read. Approving, rejecting, planning, applying, \
trust and governance are for humans and executors, and are not offered here. Read \
clearance://schema/intent for the intent format and clearance://templates/* for examples.";

/// An intent: YAML text, or the document as an object.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum IntentArg {
    /// The intent as YAML (or JSON) text.
    Text(String),
    /// The intent as an object.
    Document(#[schemars(with = "crate::model::intent::Intent")] serde_json::Value),
}

impl IntentArg {
    /// The bytes to file: the text as given, or the object as JSON (which is YAML).
    fn bytes(&self) -> Vec<u8> {
        match self {
            IntentArg::Text(text) => text.clone().into_bytes(),
            IntentArg::Document(value) => value.to_string().into_bytes(),
        }
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct ProposeArgs {
    /// The intent to propose (see the resource clearance://schema/intent).
    pub intent: IntentArg,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct CheckArgs {
    /// An intent to check without filing it...
    #[serde(default)]
    pub intent: Option<IntentArg>,
    /// ...or the id (or unique prefix) of a filed proposal.
    #[serde(default)]
    pub id: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct IdArgs {
    /// The proposal id, or a unique prefix of at least 4 characters.
    pub id: String,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct WaitArgs {
    /// The proposal id, or a unique prefix of at least 4 characters.
    pub id: String,
    /// What to wait for: `cleared` (default), `decided` or `done`.
    #[serde(default)]
    pub until: Option<crate::act::wait::Until>,
    /// Give up after this long, e.g. `90s`, `30m` (default `30m`).
    #[serde(default)]
    pub timeout: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct ListArgs {
    /// Only proposals in this state (pending, approved, denied, rejected, applying,
    /// applied, failed, withdrawn).
    #[serde(default)]
    pub state: Option<String>,
    /// Only this agent's.
    #[serde(default)]
    pub agent: Option<String>,
    /// Only this environment's.
    #[serde(default)]
    pub environment: Option<String>,
    /// Only those touching this service.
    #[serde(default)]
    pub target: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct BlastArgs {
    /// Service ids from the graph.
    pub targets: Vec<String>,
    /// Stop after this many hops from the targets.
    #[serde(default)]
    pub depth: Option<u32>,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct ServicesArgs {
    /// Only services this team owns.
    #[serde(default)]
    pub owner: Option<String>,
    /// Only services of this tier (0 most critical .. 3).
    #[serde(default)]
    pub tier: Option<u8>,
}

/// The server: where the change repository is, and the tools.
#[derive(Clone)]
pub struct Server {
    repo: Option<PathBuf>,
    tool_router: ToolRouter<Server>,
}

/// What one run of this binary answered.
struct Answer {
    code: i32,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

impl Server {
    pub fn new(repo: Option<PathBuf>) -> Server {
        Server { repo, tool_router: Self::tool_router() }
    }

    fn command(&self, args: &[&str]) -> Result<tokio::process::Command, ErrorData> {
        let me = std::env::current_exe()
            .map_err(|e| ErrorData::internal_error(format!("cannot find the clearance binary: {e}"), None))?;
        let mut cmd = tokio::process::Command::new(me);
        if let Some(repo) = &self.repo {
            cmd.arg("--repo").arg(repo);
        }
        // Global flags first: what an agent passes comes after `--` or as `--flag=value`,
        // so no value of its can become an option (`--repo=...`, `--key-file=...`).
        cmd.args(["--format", "json"]).args(args).env_remove("CLEARANCE_FORMAT");
        cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).kill_on_drop(true);
        Ok(cmd)
    }

    /// Run this binary with `args` (and `stdin`), and wait for it.
    async fn run(&self, args: &[&str], stdin: Option<Vec<u8>>) -> Result<Answer, ErrorData> {
        let mut child = self.command(args)?.spawn().map_err(|e| ErrorData::internal_error(e.to_string(), None))?;
        let mut input = child.stdin.take();
        if let (Some(pipe), Some(bytes)) = (input.as_mut(), stdin) {
            pipe.write_all(&bytes).await.map_err(|e| ErrorData::internal_error(e.to_string(), None))?;
        }
        drop(input);
        let out = child.wait_with_output().await.map_err(|e| ErrorData::internal_error(e.to_string(), None))?;
        Ok(Answer { code: out.status.code().unwrap_or(-1), stdout: out.stdout, stderr: out.stderr })
    }

    /// A tool's result: the JSON document the command printed, `is_error` when it failed
    /// (its JSON error from stderr: code, message, located problems, hints). `outcomes`
    /// are exit codes that are answers rather than failures (3 denied, 4 not yet cleared).
    fn result(answer: Answer, outcomes: &[i32]) -> Result<CallToolResult, ErrorData> {
        let parse = |bytes: &[u8]| serde_json::from_slice::<serde_json::Value>(bytes).ok();
        if answer.code == 0 || outcomes.contains(&answer.code) {
            let mut value = parse(&answer.stdout)
                .unwrap_or_else(|| serde_json::json!({ "output": String::from_utf8_lossy(&answer.stdout) }));
            // Structured content is an object: a list comes as `items`.
            if value.is_array() {
                value = serde_json::json!({ "items": value });
            }
            if let Some(map) = value.as_object_mut() {
                map.insert("exit_code".into(), answer.code.into());
            }
            return Ok(CallToolResult::structured(value));
        }
        let mut error = parse(&answer.stderr).unwrap_or_else(
            || serde_json::json!({ "error": { "message": String::from_utf8_lossy(&answer.stderr).trim() } }),
        );
        if let Some(map) = error.as_object_mut() {
            map.insert("exit_code".into(), answer.code.into());
        }
        Ok(CallToolResult::structured_error(error))
    }
}

#[tool_router]
impl Server {
    #[tool(description = "File a signed proposal for a change (an intent). Answers its id and state \
        (pending, approved by policy, or denied), the policy decision and blast radius; a retry of the \
        same intent with the same metadata.run returns the first proposal (duplicate_of). Nothing runs \
        until humans clear it and an executor applies it.")]
    async fn propose(&self, Parameters(args): Parameters<ProposeArgs>) -> Result<CallToolResult, ErrorData> {
        let answer = self.run(&["propose", "-f", "-"], Some(args.intent.bytes())).await?;
        Self::result(answer, &[3])
    }

    #[tool(description = "What policy would decide about an intent (not filed) or a filed proposal, \
        with `explain`: deny reasons with the allowed values, missing approvals with who can give them. \
        exit_code 0 cleared by policy, 3 denied, 4 needs approval.")]
    async fn check(&self, Parameters(args): Parameters<CheckArgs>) -> Result<CallToolResult, ErrorData> {
        let answer = match (&args.id, &args.intent) {
            (Some(id), None) => self.run(&["check", "--", id], None).await?,
            (None, Some(intent)) => self.run(&["check", "-f", "-"], Some(intent.bytes())).await?,
            _ => return Err(ErrorData::invalid_params("give either `intent` or `id`", None)),
        };
        Self::result(answer, &[3, 4])
    }

    #[tool(description = "What would clear a filed proposal now: deny reasons with the allowed values, \
        the approval slots still open with who can fill them, the policy's warnings.")]
    async fn explain(&self, Parameters(args): Parameters<IdArgs>) -> Result<CallToolResult, ErrorData> {
        let answer = self.run(&["check", "--", &args.id], None).await?;
        let result = Self::result(answer, &[3, 4])?;
        if result.is_error == Some(true) {
            return Ok(result);
        }
        let report = result.structured_content.unwrap_or_default();
        let mut explain = report.get("explain").cloned().unwrap_or_default();
        if let Some(map) = explain.as_object_mut() {
            map.insert("id".into(), report.get("id").cloned().unwrap_or_default());
            map.insert("state".into(), report.get("state").cloned().unwrap_or_default());
        }
        Ok(CallToolResult::structured(explain))
    }

    #[tool(description = "One proposal as it stands: state, intent, decision, approvals (each judged \
        now), blast radius and its signed evidence.")]
    async fn status(&self, Parameters(args): Parameters<IdArgs>) -> Result<CallToolResult, ErrorData> {
        Self::result(self.run(&["show", "--", &args.id], None).await?, &[])
    }

    #[tool(description = "Block until a proposal is cleared (default), decided or done, or the timeout \
        passes, sending progress notifications while it waits. exit_code 0 reached, 3 denied, rejected \
        or withdrawn, 4 timed out, 6 apply failed.")]
    async fn wait(
        &self,
        Parameters(args): Parameters<WaitArgs>,
        meta: RequestMetaObject,
        client: Peer<RoleServer>,
    ) -> Result<CallToolResult, ErrorData> {
        let until = serde_json::to_value(args.until.unwrap_or(crate::act::wait::Until::Cleared))
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_else(|| "cleared".into());
        let timeout = args.timeout.unwrap_or_else(|| "30m".into());
        let mut child = self
            .command(&["wait", &format!("--until={until}"), &format!("--timeout={timeout}"), "--", &args.id])?
            .spawn()
            .map_err(|e| ErrorData::internal_error(e.to_string(), None))?;
        drop(child.stdin.take());
        let token = meta.get_progress_token();
        let started = std::time::Instant::now();
        let mut tick = tokio::time::interval(Duration::from_secs(2));
        let wait = child.wait_with_output();
        tokio::pin!(wait);
        let out = loop {
            tokio::select! {
                out = &mut wait => break out.map_err(|e| ErrorData::internal_error(e.to_string(), None))?,
                _ = tick.tick() => {
                    if let Some(token) = &token {
                        let waited = started.elapsed().as_secs();
                        let _ = client
                            .notify_progress(
                                ProgressNotificationParam::new(token.clone(), waited as f64)
                                    .with_message(format!("waiting for {} to be {until}: {waited}s", args.id)),
                            )
                            .await;
                    }
                }
            }
        };
        let answer = Answer { code: out.status.code().unwrap_or(-1), stdout: out.stdout, stderr: out.stderr };
        Self::result(answer, &[3, 4, 6])
    }

    #[tool(description = "Proposals, newest first, optionally filtered by state, agent, environment or target.")]
    async fn list(&self, Parameters(args): Parameters<ListArgs>) -> Result<CallToolResult, ErrorData> {
        let mut argv = vec!["list".to_owned()];
        for (flag, value) in [
            ("--state", &args.state),
            ("--agent", &args.agent),
            ("--env", &args.environment),
            ("--target", &args.target),
        ] {
            if let Some(value) = value {
                argv.push(format!("{flag}={value}"));
            }
        }
        let argv: Vec<&str> = argv.iter().map(String::as_str).collect();
        Self::result(self.run(&argv, None).await?, &[])
    }

    #[tool(description = "The blast radius of changing the targets: every service that depends on them, \
        with depth, tier, owners and whether it breaks (sync) or degrades (async), and a summary.")]
    async fn blast(&self, Parameters(args): Parameters<BlastArgs>) -> Result<CallToolResult, ErrorData> {
        let depth = args.depth.map(|d| format!("--depth={d}"));
        let mut argv: Vec<&str> = vec!["blast"];
        argv.extend(depth.as_deref());
        argv.push("--");
        argv.extend(args.targets.iter().map(String::as_str));
        Self::result(self.run(&argv, None).await?, &[])
    }

    #[tool(description = "The services an intent may target (the service graph in force), optionally \
        only those a team owns or of one tier.")]
    async fn graph_services(&self, Parameters(args): Parameters<ServicesArgs>) -> Result<CallToolResult, ErrorData> {
        let owner = args.owner.as_ref().map(|o| format!("--owner={o}"));
        let tier = args.tier.map(|t| format!("--tier={t}"));
        let mut argv: Vec<&str> = vec!["graph", "list"];
        argv.extend(owner.as_deref());
        argv.extend(tier.as_deref());
        Self::result(self.run(&argv, None).await?, &[])
    }
}

#[tool_handler(router = self.tool_router)]
impl ServerHandler for Server {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().enable_resources().build())
            .with_server_info(rmcp::model::Implementation::new("clearance", env!("CARGO_PKG_VERSION")))
            .with_instructions(INSTRUCTIONS)
    }

    async fn list_resources(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListResourcesResult, ErrorData> {
        let mut resources = vec![
            Resource::new("clearance://schema/intent", "intent schema")
                .with_description("The JSON Schema of an intent, as `clearance schema intent` prints it")
                .with_mime_type("application/schema+json"),
        ];
        for (name, text) in crate::model::new_intent::TEMPLATES {
            resources.push(
                Resource::new(format!("clearance://templates/{name}"), format!("template {name}"))
                    .with_description(crate::model::new_intent::describe(text))
                    .with_mime_type("application/yaml"),
            );
        }
        Ok(ListResourcesResult::with_all_items(resources))
    }

    async fn read_resource(
        &self,
        request: ReadResourceRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<ReadResourceResponse, ErrorData> {
        let uri = request.uri;
        let text = if uri == "clearance://schema/intent" {
            serde_json::to_string_pretty(&crate::model::intent::schema())
                .map_err(|e| ErrorData::internal_error(e.to_string(), None))?
        } else if let Some((_, text)) = uri
            .strip_prefix("clearance://templates/")
            .and_then(|name| crate::model::new_intent::TEMPLATES.iter().find(|(n, _)| *n == name))
        {
            (*text).to_owned()
        } else {
            return Err(ErrorData::resource_not_found(format!("no resource {uri}"), None));
        };
        Ok(ReadResourceResult::new(vec![ResourceContents::text(text, uri)]).into())
    }
}

/// Serve MCP on stdin and stdout until the client goes away.
pub fn serve(repo: Option<PathBuf>) -> crate::error::Result<()> {
    use rmcp::ServiceExt;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| crate::error::Error::io(format!("cannot start the MCP server: {e}")))?;
    runtime.block_on(async {
        let running = Server::new(repo)
            .serve(rmcp::transport::stdio())
            .await
            .map_err(|e| crate::error::Error::io(format!("MCP handshake failed: {e}")))?;
        running.waiting().await.map_err(|e| crate::error::Error::io(format!("MCP server stopped: {e}")))?;
        Ok(())
    })
}
