//! `clearance mcp` driven by an independently written client: the official Python MCP SDK
//! over stdio (installed into `target/mcp-venv` by scripts/test, or here when missing).

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use crate::common::{BIN, Repo, clearance};

/// The SDK's version the tests pin.
const SDK: &str = "mcp==2.3.0";

/// A Python with the MCP SDK: `CLEARANCE_TEST_PYTHON`, else `target/mcp-venv`, made on
/// first use.
fn python() -> &'static PathBuf {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON.get_or_init(|| {
        if let Some(python) = std::env::var_os("CLEARANCE_TEST_PYTHON") {
            return PathBuf::from(python);
        }
        let venv = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/mcp-venv");
        let python = venv.join("bin/python");
        let has_sdk =
            |p: &PathBuf| Command::new(p).args(["-c", "import mcp"]).output().is_ok_and(|o| o.status.success());
        if !has_sdk(&python) {
            let made = Command::new("python3").arg("-m").arg("venv").arg(&venv).output();
            assert!(
                made.is_ok_and(|o| o.status.success()),
                "cannot make {} (install python3-venv; see scripts/test)",
                venv.display()
            );
            let pip = Command::new(venv.join("bin/pip")).args(["install", "--quiet", SDK]).output().unwrap();
            assert!(pip.status.success(), "pip install {SDK}: {}", String::from_utf8_lossy(&pip.stderr));
        }
        python
    })
}

/// Run the client's `scenario` against `repo`, with the agent's key, and parse what it saw.
fn client(repo: &Repo, scenario: &str, env: &[(&str, String)]) -> serde_json::Value {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/mcp/client.py");
    // The fixture's environment (pinned clock, this run's XDG dirs), passed on to the server.
    let fixture = clearance(repo.path());
    let mut cmd = Command::new(python());
    cmd.arg(&script).arg(scenario).current_dir(repo.path());
    for (k, v) in fixture.get_envs() {
        match v {
            Some(v) => cmd.env(k, v),
            None => cmd.env_remove(k),
        };
    }
    cmd.env("CLEARANCE_BIN", BIN)
        .env("CLEARANCE_REPO_DIR", repo.path())
        .env("CLEARANCE_KEY_FILE", repo.key("deploy-bot"));
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "client {scenario} failed:\n{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

#[test]
fn an_agent_proposes_and_reads_through_mcp_but_cannot_decide_or_act() {
    let repo = Repo::new();
    let v = client(&repo, "tour", &[]);
    assert_eq!(v["server"], "clearance");
    assert!(v["instructions"].as_str().unwrap().contains("never decide or act"), "{v:#}");
    let tools: Vec<&str> = v["tools"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
    assert_eq!(tools, ["blast", "check", "explain", "graph_services", "list", "propose", "status", "wait"]);
    // The intent argument's schema is the intent's own.
    assert!(v["propose_schema"]["$defs"]["Intent"]["properties"]["spec"].is_object(), "{:#}", v["propose_schema"]);
    assert!(v["resources"].as_array().unwrap().iter().any(|r| r == "clearance://templates/postgres-migration"));
    assert_eq!(v["schema_title"], "clearance Intent");
    // A valid intent, as text and as an object, is filed; a broken one is a located error.
    let filed = &v["propose"]["structured"];
    assert_eq!(v["propose"]["is_error"], false, "{v:#}");
    assert_eq!(filed["state"], "pending");
    let id = filed["id"].as_str().unwrap();
    assert_eq!(v["propose_object"]["is_error"], false, "{:#}", v["propose_object"]);
    let bad = &v["propose_bad"];
    assert_eq!(bad["is_error"], true);
    assert_eq!(bad["structured"]["error"]["code"], "invalid-input", "{bad:#}");
    assert_eq!(bad["structured"]["error"]["line"], 4);
    assert!(bad["structured"]["error"]["problems"].to_string().contains("environmnt"), "{bad:#}");
    // What would clear it: one approval from team-platform, which olive can give.
    let explain = &v["explain"]["structured"];
    assert_eq!(
        explain["missing"],
        serde_json::json!([{"group": "team-platform", "count": 1, "candidates": ["olive"]}])
    );
    assert_eq!(v["check"]["structured"]["exit_code"], 4);
    assert_eq!(v["status"]["structured"]["id"], id);
    assert!(v["list"]["structured"]["items"].to_string().contains(id), "{:#}", v["list"]);
    assert_eq!(v["blast"]["structured"]["summary"]["count"], 1);
    assert!(v["services"]["structured"]["items"].to_string().contains("feature-flags"));
    // An argument that looks like a flag is never one: `--repo=/` is looked up as an id.
    assert_eq!(v["flag_id"]["is_error"], true, "{:#}", v["flag_id"]);
    assert!(v["flag_id"]["structured"]["error"]["message"].to_string().contains("--repo=/"), "{:#}", v["flag_id"]);
    // Nothing was approved or run through it.
    let shown = repo.run(&["show", id, "--format", "json"]);
    assert!(shown.stdout.contains("\"state\": \"pending\""), "{}", shown.stdout);
}

#[test]
fn wait_through_mcp_returns_when_an_approver_signs_in_another_process() {
    let repo = Repo::new();
    let approve =
        serde_json::json!([BIN, "--repo", repo.path(), "approve", "{id}", "--yes", "--key-file", repo.key("olive")]);
    let v = client(&repo, "wait", &[("APPROVE_CMD", approve.to_string())]);
    assert_eq!(v["approve_exit"], 0, "{}", v["approve_stderr"]);
    let waited = &v["wait"]["structured"];
    assert_eq!(v["wait"]["is_error"], false, "{v:#}");
    assert_eq!(waited["state"], "approved", "{v:#}");
    assert_eq!(waited["exit_code"], 0);
    assert!(!v["progress"].as_array().unwrap().is_empty(), "no progress while waiting: {v:#}");
}

#[test]
fn twenty_mcp_sessions_proposing_at_once_lose_nothing() {
    let repo = Repo::new();
    let v = client(&repo, "concurrent", &[("CONCURRENT", "20".to_owned())]);
    let ids: std::collections::BTreeSet<String> = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            assert_eq!(r["is_error"], false, "{r:#}");
            r["structured"]["id"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(ids.len(), 20);
    let listed: serde_json::Value = serde_json::from_str(&repo.run(&["list", "--format", "json"]).stdout).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 20);
    let verify = repo.run(&["verify"]);
    assert_eq!(verify.code, 0, "{verify}");
}
