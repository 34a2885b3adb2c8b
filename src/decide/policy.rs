//! Policy (docs/reference.md#policy): Rego in `policies/*.rego` (package `clearance`), evaluated in-process
//! by regorus under a time limit. Anything that goes wrong fails closed: an error is
//! returned and nothing is cleared.

use std::collections::BTreeSet;
use std::num::NonZeroU32;
use std::time::Duration;

use regorus::utils::limits::ExecutionTimerConfig;

use crate::error::{Error, Result};
use crate::model::decision::{Decision, Quorum};
use crate::model::policy_data::DATA;
use crate::store::repo::Snapshot;

pub const DIR: &str = "policies";

/// The loaded policy files, compiled once per invocation.
pub struct Policy {
    engine: regorus::Engine,
    pub files: Vec<String>,
    /// Which of the four rules some file of package `clearance` defines: an undefined one
    /// is empty (or false), as in OPA, not an error.
    defined: std::collections::BTreeSet<&'static str>,
}

/// The rules of package `clearance` that clearance reads.
const RULES: [&str; 4] = ["deny", "warn", "approvals", "auto_approve"];

/// A `.rego` file on the branch.
pub struct RegoFile {
    pub path: String,
    pub text: String,
}

/// Every `policies/*.rego` on the branch, tests included, sorted by path.
pub fn files(snapshot: &Snapshot<'_>) -> Result<Vec<RegoFile>> {
    let mut out = Vec::new();
    for (name, oid) in snapshot.list(DIR)? {
        if !name.ends_with(".rego") {
            continue;
        }
        let path = format!("{DIR}/{name}");
        let text =
            String::from_utf8(snapshot.blob(oid)?).map_err(|_| Error::invalid(format!("{path} is not valid UTF-8")))?;
        out.push(RegoFile { path, text });
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

pub fn is_test(path: &str) -> bool {
    path.ends_with("_test.rego")
}

/// Policy data as Rego reads it, from `path` (`.json`, else YAML).
pub fn parse_data(path: &str, bytes: &[u8]) -> Result<regorus::Value> {
    let text = String::from_utf8_lossy(bytes);
    let data: serde_json::Value = if path.ends_with(".json") {
        serde_json::from_slice(bytes).map_err(|e| Error::json_in("not policy data", path, Some(&text), 1, &e))?
    } else {
        let source = crate::error::Source { name: path.to_owned(), text: None };
        crate::text::yaml::parse(&crate::text::yaml::decode(bytes, &source)?, &source)?.to_json()
    };
    if !data.is_object() || data.get("clearance").is_some() {
        return Err(Error::located(
            format!("{path} is not policy data"),
            crate::error::Source { name: path.to_owned(), text: Some(text.into_owned()) },
            vec![crate::error::Problem::new(
                "must be a mapping without a top-level `clearance` key (that name is the policy package)",
                "",
                1,
                1,
            )],
        ));
    }
    to_rego(&data)
}

impl Policy {
    /// Compile the branch's policies (`with_tests` also loads `*_test.rego`).
    pub fn load(snapshot: &Snapshot<'_>, timeout: Duration, with_tests: bool) -> Result<Policy> {
        let mut engine = regorus::Engine::new();
        engine.set_rego_v0(false);
        // A builtin that fails (bad conversion, division by zero) is an error, not `undefined`:
        // undefined would quietly drop a deny rule.
        engine.set_strict_builtin_errors(true);
        engine.set_execution_timer_config(ExecutionTimerConfig {
            limit: timeout,
            check_interval: NonZeroU32::new(64).expect("non-zero"),
        });
        let mut loaded = Vec::new();
        let mut defined = std::collections::BTreeSet::new();
        let package = regex::Regex::new(r"(?m)^\s*package\s+clearance\s*$").expect("valid regex");
        let head = regex::Regex::new(r"(?m)^\s*(?:default\s+)?([A-Za-z_][A-Za-z0-9_]*)\b").expect("valid regex");
        for file in files(snapshot)? {
            if is_test(&file.path) && !with_tests {
                continue;
            }
            if !is_test(&file.path) && package.is_match(&file.text) {
                for name in head.captures_iter(&file.text).filter_map(|c| c.get(1)) {
                    if let Some(rule) = RULES.iter().find(|r| **r == name.as_str()) {
                        defined.insert(*rule);
                    }
                }
            }
            engine.add_policy(file.path.clone(), file.text).map_err(|e| {
                Error::invalid(format!("policy {} does not compile: {e}", file.path))
                    .hint("nothing was cleared; fix the policy, then `clearance policy test`")
            })?;
            loaded.push(file.path);
        }
        if loaded.iter().all(|p| is_test(p)) {
            return Err(Error::invalid(format!(
                "no policy files in {DIR}/ on the branch; without policy nothing can be cleared"
            )));
        }
        for path in DATA {
            let Some(bytes) = snapshot.read(path)? else { continue };
            engine.add_data(parse_data(path, &bytes)?).map_err(|e| Error::invalid(format!("{path}: {e}")))?;
        }
        Ok(Policy { engine, files: loaded, defined })
    }

    /// Evaluate the four rules for `input`. Errors, timeouts and malformed results are
    /// errors: the caller must not clear anything.
    pub fn decide<T: serde::Serialize>(&mut self, input: &T) -> Result<Decision> {
        self.engine.set_input(to_rego(input)?);
        let deny = strings(self.eval("deny")?, "deny")?;
        let warn = strings(self.eval("warn")?, "warn")?;
        let approvals = quorums(self.eval("approvals")?)?;
        let auto_approve = match self.eval("auto_approve")? {
            serde_json::Value::Null => false,
            serde_json::Value::Bool(b) => b,
            other => return Err(malformed(format!("`auto_approve` must be a boolean, found {other}"))),
        };
        Ok(Decision { deny, warn, approvals, auto_approve })
    }

    /// A rule of package `clearance`; undefined is `null`.
    fn eval(&mut self, rule: &str) -> Result<serde_json::Value> {
        if !self.defined.contains(rule) {
            return Ok(serde_json::Value::Null);
        }
        let value = self.engine.eval_rule(format!("data.clearance.{rule}")).map_err(|e| {
            Error::invalid(format!("policy evaluation of `{rule}` failed: {e}"))
                .hint("fail closed: nothing was cleared")
        })?;
        if value == regorus::Value::Undefined {
            return Ok(serde_json::Value::Null);
        }
        serde_json::to_value(&value).map_err(|e| malformed(format!("`{rule}` is not representable as JSON: {e}")))
    }

    /// Evaluate a boolean rule such as `data.policy.test_x` (for `policy test`).
    pub fn eval_test(&mut self, rule: &str) -> Result<bool, String> {
        self.engine.set_input(regorus::Value::Undefined);
        match self.engine.eval_rule(rule.to_owned()) {
            Ok(regorus::Value::Bool(b)) => Ok(b),
            Ok(regorus::Value::Undefined) => Ok(false),
            Ok(other) => Err(format!("returned {other}, not a boolean")),
            Err(e) => Err(e.to_string()),
        }
    }
}

fn malformed(message: String) -> Error {
    Error::invalid(format!("malformed policy decision: {message}")).hint("fail closed: nothing was cleared")
}

fn to_rego<T: serde::Serialize>(value: &T) -> Result<regorus::Value> {
    let text = serde_json::to_string(value).map_err(|e| Error::invalid(format!("policy input: {e}")))?;
    regorus::Value::from_json_str(&text).map_err(|e| Error::invalid(format!("policy input: {e}")))
}

/// A set (or array) of strings, sorted and deduplicated.
fn strings(value: serde_json::Value, rule: &str) -> Result<Vec<String>> {
    match value {
        serde_json::Value::Null => Ok(Vec::new()),
        serde_json::Value::Array(items) => {
            let mut out = BTreeSet::new();
            for item in items {
                match item {
                    serde_json::Value::String(s) => {
                        out.insert(s);
                    }
                    other => return Err(malformed(format!("`{rule}` must hold strings, found {other}"))),
                }
            }
            Ok(out.into_iter().collect())
        }
        other => Err(malformed(format!("`{rule}` must be a set of strings, found {other}"))),
    }
}

/// `approvals`: objects with exactly `group` (non-empty string) and `count` (positive
/// integer). The same group named twice keeps the larger count.
fn quorums(value: serde_json::Value) -> Result<Vec<Quorum>> {
    let items = match value {
        serde_json::Value::Null => return Ok(Vec::new()),
        serde_json::Value::Array(items) => items,
        other => return Err(malformed(format!("`approvals` must be a set of {{group, count}}, found {other}"))),
    };
    let mut out: Vec<Quorum> = Vec::new();
    for item in items {
        let shape_ok = item.as_object().is_some_and(|o| o.len() == 2);
        let group = item.get("group").and_then(|g| g.as_str()).filter(|g| !g.is_empty());
        let count = item.get("count").and_then(|c| c.as_u64()).filter(|c| (1..=100).contains(c));
        match (shape_ok, group, count) {
            (true, Some(group), Some(count)) => match out.iter_mut().find(|q| q.group == group) {
                Some(q) => q.count = q.count.max(count as u32),
                None => out.push(Quorum { group: group.to_owned(), count: count as u32 }),
            },
            _ => {
                return Err(malformed(format!(
                    "each approval must be {{\"group\": non-empty string, \"count\": integer 1..100}}, found {item}"
                )));
            }
        }
    }
    out.sort();
    Ok(out)
}
