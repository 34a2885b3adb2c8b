//! Providers (docs/reference.md#providers): executables declared in `clearance.yaml`, called as
//! `<command...> <operation>` with a JSON request on stdin and a JSON response on stdout.
//! Never through a shell; the environment is cleared to PATH, HOME and LANG plus what the
//! provider declares; a timeout kills the whole process group; what is kept of stdout and
//! stderr is size-capped and every declared secret value is redacted from it.

use std::io::{Read, Write};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind, Result};
use crate::model::config::Provider;
use crate::model::config::SecretRef;

/// Bytes of stdout/stderr kept in evidence.
pub const OUTPUT_CAP: usize = 16 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Operation {
    Plan,
    Apply,
    Verify,
    Rollback,
}

impl Operation {
    pub fn as_str(self) -> &'static str {
        match self {
            Operation::Plan => "plan",
            Operation::Apply => "apply",
            Operation::Verify => "verify",
            Operation::Rollback => "rollback",
        }
    }
}

#[derive(Debug, Serialize)]
pub struct Request<'a> {
    pub api_version: &'static str,
    pub operation: Operation,
    pub proposal_id: &'a str,
    pub idempotency_key: &'a str,
    pub intent: &'a serde_json::Value,
    /// The intent's targets as the graph in force describes them, so a provider can check
    /// that what it touches is what the blast radius covered.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Target<'a>>,
}

#[derive(Debug, Serialize)]
pub struct Target<'a> {
    pub id: &'a str,
    pub tier: u8,
    pub annotations: std::collections::BTreeMap<&'a str, &'a str>,
}

impl<'a> Request<'a> {
    pub fn new(
        operation: Operation,
        proposal_id: &'a str,
        idempotency_key: &'a str,
        intent: &'a serde_json::Value,
    ) -> Self {
        Request { api_version: "clearance/v1", operation, proposal_id, idempotency_key, intent, targets: Vec::new() }
    }

    /// With the `targets` of the graph in force.
    pub fn with_targets(
        self,
        graph: &'a crate::model::graph_index::Compiled,
        targets: &[crate::model::intent::ServiceId],
    ) -> Self {
        let targets = targets
            .iter()
            .filter_map(|t| graph.find(&t.0))
            .map(|i| Target { id: graph.id(i), tier: graph.tier(i), annotations: graph.annotations(i).collect() })
            .collect();
        Request { targets, ..self }
    }
}

/// A built-in provider's answer, as the protocol wants it on stdout.
#[derive(Debug, Serialize)]
pub struct Answer {
    pub status: &'static str,
    pub summary: String,
    pub changes: Vec<serde_json::Value>,
    pub outputs: serde_json::Value,
}

impl Answer {
    pub fn ok(summary: impl Into<String>, changes: Vec<serde_json::Value>) -> Answer {
        Answer { status: "ok", summary: summary.into(), changes, outputs: serde_json::json!({}) }
    }

    pub fn error(summary: impl Into<String>) -> Answer {
        Answer { status: "error", summary: summary.into(), changes: Vec::new(), outputs: serde_json::json!({}) }
    }

    pub fn with_outputs(self, outputs: serde_json::Value) -> Answer {
        Answer { outputs, ..self }
    }
}

/// What the provider answered, and what clearance saw of it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Outcome {
    /// `ok` or `error` as the provider said; `crashed`, `timeout`, `invalid` when it did not.
    pub status: String,
    pub summary: String,
    #[serde(default)]
    pub changes: serde_json::Value,
    #[serde(default)]
    pub outputs: serde_json::Value,
    pub exit_code: Option<i32>,
    pub duration_ms: u64,
    /// Capped and redacted.
    pub stdout: String,
    pub stderr: String,
}

impl Outcome {
    pub fn ok(&self) -> bool {
        self.status == "ok"
    }
}

#[derive(Deserialize)]
struct Response {
    status: String,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    changes: serde_json::Value,
    #[serde(default)]
    outputs: serde_json::Value,
}

/// A provider secret's value: from where this machine's configuration says, else from the
/// source the repository names.
fn secret_value(var: &str, source: &SecretRef) -> Result<String> {
    let local = crate::trust::local::load()?;
    let source = local.secrets.get(var).unwrap_or(source);
    source.read().map_err(|e| Error::invalid(format!("provider secret {var}: {e}")))
}

/// Replace every secret value in `text`, then cap it.
pub fn redact(text: &[u8], secrets: &[String]) -> String {
    let mut s = String::from_utf8_lossy(text).into_owned();
    for secret in secrets.iter().filter(|s| !s.is_empty()) {
        s = s.replace(secret.as_str(), "[REDACTED]");
    }
    if s.len() > OUTPUT_CAP {
        let mut end = OUTPUT_CAP;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        let dropped = s.len() - end;
        s.truncate(end);
        s.push_str(&format!("\n[... {dropped} more bytes not kept]"));
    }
    s
}

impl Provider {
    /// Whether the program (installed on the executor: on PATH or at an absolute path) can be
    /// found and executed. Checked before a change is recorded as started, so a provider
    /// that could never start does not leave a change `applying` with nothing run.
    fn installed(&self, name: &str) -> Result<()> {
        let program = self.program();
        let runnable = |path: &std::path::Path| {
            use std::os::unix::fs::PermissionsExt;
            std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        };
        let found = if program.contains('/') {
            runnable(std::path::Path::new(&program))
        } else {
            std::env::var_os("PATH")
                .is_some_and(|paths| std::env::split_paths(&paths).any(|d| runnable(&d.join(&program))))
        };
        if !found {
            return Err(Error::invalid(format!(
                "provider `{name}`: cannot run `{program}`: not found or not executable"
            ))
            .hint("check `command` under `providers:` in clearance.yaml"));
        }
        Ok(())
    }

    /// The program to start: `clearance` is this very binary (its built-in providers).
    fn program(&self) -> String {
        if self.command[0] == "clearance"
            && let Ok(me) = std::env::current_exe()
        {
            return me.display().to_string();
        }
        self.command[0].clone()
    }

    /// Run `operation` as `program` in `dir`. `Err` only when the provider cannot be started
    /// at all; a provider that fails, times out or answers garbage gives an `Outcome` that
    /// is not `ok`.
    fn run_program(
        &self,
        name: &str,
        program: &str,
        workdir: Option<&std::path::Path>,
        request: &Request<'_>,
    ) -> Result<Outcome> {
        let secrets: Vec<(String, String)> = self
            .secrets
            .iter()
            .map(|(var, src)| secret_value(var, src).map(|v| (var.clone(), v)))
            .collect::<Result<_>>()?;
        let secret_values: Vec<String> = secrets.iter().map(|(_, v)| v.clone()).collect();
        let timeout = crate::text::time::parse_duration(&self.timeout).unwrap_or(Duration::from_secs(300));
        let mut cmd = Command::new(program);
        cmd.args(&self.command[1..]).arg(request.operation.as_str());
        cmd.env_clear();
        for var in ["PATH", "HOME", "LANG"] {
            if let Some(v) = std::env::var_os(var) {
                cmd.env(var, v);
            }
        }
        cmd.envs(&self.env).envs(secrets.iter().map(|(k, v)| (k, v)));
        if let Some(dir) = workdir {
            cmd.current_dir(dir);
        }
        // Its own process group, so a timeout kills everything it started.
        cmd.process_group(0).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
        let started = Instant::now();
        let mut child = cmd.spawn().map_err(|e| {
            Error::new(ErrorKind::ProviderFailed, format!("cannot start provider `{name}` ({program}): {e}"))
        })?;
        let body = serde_json::to_vec(request)?;
        let mut stdin = child.stdin.take().expect("piped");
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(&body);
        });
        let mut stdout_pipe = child.stdout.take().expect("piped");
        let mut stderr_pipe = child.stderr.take().expect("piped");
        let out_reader = std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = stdout_pipe.read_to_end(&mut buf);
            buf
        });
        let err_reader = std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = stderr_pipe.read_to_end(&mut buf);
            buf
        });
        let mut timed_out = false;
        let status = loop {
            if let Some(status) = child.try_wait()? {
                break status;
            }
            if started.elapsed() > timeout {
                timed_out = true;
                // SAFETY: signalling a process group we created; no memory is touched.
                unsafe {
                    libc::kill(-(child.id() as i32), libc::SIGKILL);
                }
                break child.wait()?;
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        let _ = writer.join();
        let stdout = out_reader.join().unwrap_or_default();
        let stderr = err_reader.join().unwrap_or_default();
        let duration_ms = started.elapsed().as_millis() as u64;
        let mut outcome = Outcome {
            status: String::new(),
            summary: String::new(),
            changes: serde_json::Value::Null,
            outputs: serde_json::Value::Null,
            exit_code: status.code(),
            duration_ms,
            stdout: redact(&stdout, &secret_values),
            stderr: redact(&stderr, &secret_values),
        };
        if timed_out {
            outcome.status = "timeout".into();
            outcome.summary = format!("killed after {}s (timeout {})", duration_ms / 1000, self.timeout);
            return Ok(outcome);
        }
        match serde_json::from_slice::<Response>(&stdout) {
            Ok(r) if status.success() || r.status != "ok" => {
                outcome.status = if r.status == "ok" { "ok".into() } else { "error".into() };
                // The provider's own words are redacted too.
                outcome.summary = redact(r.summary.as_bytes(), &secret_values);
                outcome.changes =
                    serde_json::from_str(&redact(r.changes.to_string().as_bytes(), &secret_values)).unwrap_or_default();
                outcome.outputs =
                    serde_json::from_str(&redact(r.outputs.to_string().as_bytes(), &secret_values)).unwrap_or_default();
            }
            Ok(_) => {
                outcome.status = "crashed".into();
                outcome.summary = format!("said ok but exited with {status}");
            }
            Err(e) => {
                outcome.status = if status.success() { "invalid".into() } else { "crashed".into() };
                outcome.summary = format!("no valid JSON response on stdout ({e}); exit {status}");
            }
        }
        Ok(outcome)
    }
}

/// A provider ready to run: its declaration in force, and the `providers/` tree as the
/// rules in force hold it. Every provider runs in a private directory holding a copy of
/// exactly those bytes, never in the work tree, where anyone who can commit could put a
/// script, a file it sources or a configuration it reads from its working directory.
/// Relative paths in its argv (`./providers/x.sh`, `[bash, providers/x.sh]`) resolve there.
pub struct Ready {
    pub name: String,
    pub provider: Provider,
    /// `providers/...` paths and contents, in force.
    kept: Vec<(String, Vec<u8>)>,
}

impl Ready {
    pub fn new(name: &str, provider: &Provider, snapshot: &crate::store::repo::Snapshot<'_>) -> Result<Ready> {
        let mut kept = Vec::new();
        collect(snapshot, "providers", &mut kept)?;
        if let Some(arg) = provider.command.iter().find(|a| a.starts_with("../") || a.contains("/../")) {
            return Err(Error::invalid(format!("provider `{name}`: `{arg}` reaches outside the repository"))
                .hint("give an absolute path for a program installed on the executor"));
        }
        let program = &provider.command[0];
        if program.contains('/') && !program.starts_with('/') {
            let path = program.trim_start_matches("./");
            if !kept.iter().any(|(p, _)| p == path) {
                return Err(Error::invalid(format!("provider `{name}`: {path} is not in the rules in force")).hint(
                    "keep provider scripts under providers/ and sign them into force with `clearance governance sign`",
                ));
            }
        }
        Ok(Ready { name: name.to_owned(), provider: provider.clone(), kept })
    }

    /// What can be known before a change is recorded as started: the program can be found
    /// (a script in force, this binary, or an executable on PATH or at an absolute path)
    /// and every declared secret can be read.
    pub fn preflight(&self) -> Result<()> {
        let program = &self.provider.command[0];
        if !program.contains('/') || program.starts_with('/') {
            self.provider.installed(&self.name)?;
        }
        self.provider.secrets.iter().try_for_each(|(var, src)| secret_value(var, src).map(drop))
    }

    pub fn run(&self, request: &Request<'_>) -> Result<Outcome> {
        let copy = PrivateCopy::new(&self.name, &self.kept)?;
        let command = &self.provider.command[0];
        let program = if command.contains('/') && !command.starts_with('/') {
            copy.dir.join(command.trim_start_matches("./")).display().to_string()
        } else {
            self.provider.program()
        };
        self.provider.run_program(&self.name, &program, Some(&copy.dir), request)
    }
}

/// Every file under `dir` of the snapshot (the rules in force for governed paths).
fn collect(snapshot: &crate::store::repo::Snapshot<'_>, dir: &str, out: &mut Vec<(String, Vec<u8>)>) -> Result<()> {
    for (name, _) in snapshot.list(dir)? {
        let path = format!("{dir}/{name}");
        match snapshot.read(&path)? {
            Some(bytes) => out.push((path, bytes)),
            None => collect(snapshot, &path, out)?,
        }
    }
    Ok(())
}

/// Files written to a fresh directory only this user can read, removed on drop.
struct PrivateCopy {
    dir: std::path::PathBuf,
}

impl PrivateCopy {
    fn new(name: &str, files: &[(String, Vec<u8>)]) -> Result<PrivateCopy> {
        use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
        let fail = |e: std::io::Error| {
            Error::new(ErrorKind::ProviderFailed, format!("cannot make a private copy of provider `{name}`: {e}"))
        };
        let dir = std::env::temp_dir()
            .join(format!("clearance-provider-{}", crate::text::bytes::hex(&crate::text::bytes::random::<12>()?)));
        std::fs::DirBuilder::new().mode(0o700).create(&dir).map_err(fail)?;
        let copy = PrivateCopy { dir };
        for (path, bytes) in files {
            let dest = copy.dir.join(path);
            if let Some(parent) = dest.parent() {
                std::fs::DirBuilder::new().mode(0o700).recursive(true).create(parent).map_err(fail)?;
            }
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .custom_flags(libc::O_NOFOLLOW)
                .mode(0o700)
                .open(&dest)
                .and_then(|mut f| f.write_all(bytes))
                .map_err(fail)?;
        }
        Ok(copy)
    }
}

impl Drop for PrivateCopy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
