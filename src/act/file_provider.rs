//! The example provider, built in: `clearance provider file OPERATION`. It writes and
//! deletes files under `$FILE_PROVIDER_ROOT`, reading its request as JSON, so nothing but
//! `spec.action` and `spec.params.path` / `spec.params.content` can steer what it touches
//! (a label, a comment or a rollback section cannot).
//!
//! Actions: `file.write {path, content}`, `file.delete {path}`, `file.check {path}`.

use std::path::{Component, Path, PathBuf};

use crate::act::provider::Answer;

fn answer(ok: bool, summary: impl Into<String>, changes: Vec<serde_json::Value>) -> Answer {
    if ok { Answer::ok(summary, changes) } else { Answer::error(summary) }
}

/// Run `operation` for the JSON `request` with files under `root`.
pub fn run(operation: &str, request: &[u8], root: &Path) -> Answer {
    let request: serde_json::Value = match serde_json::from_slice(request) {
        Ok(r) => r,
        Err(e) => return answer(false, format!("the request is not JSON: {e}"), Vec::new()),
    };
    let text = |pointer: &str| request.pointer(pointer).and_then(|v| v.as_str()).unwrap_or_default().to_owned();
    let action = text("/intent/spec/action");
    let path = text("/intent/spec/params/path");
    let content = text("/intent/spec/params/content");
    let key: String = text("/idempotency_key").chars().filter(|c| c.is_ascii_hexdigit()).collect();
    let relative = Path::new(&path);
    let confined = !path.is_empty() && relative.components().all(|c| matches!(c, Component::Normal(_)));
    if !confined {
        return answer(false, format!("refusing path `{path}`: give a relative path inside the root"), Vec::new());
    }
    let target = root.join(relative);
    let marker = root.join(format!(".clearance-done-{key}"));
    let change = |kind: &str| vec![serde_json::json!({ kind: path })];
    match (action.as_str(), operation) {
        ("file.write", "plan") if target.exists() => answer(true, format!("would overwrite {path}"), change("update")),
        ("file.write", "plan") => answer(true, format!("would create {path}"), change("create")),
        ("file.delete", "plan") if !target.exists() => answer(false, format!("{path} does not exist"), Vec::new()),
        ("file.delete", "plan") => answer(true, format!("would delete {path}"), change("delete")),
        ("file.write" | "file.delete", "apply") if !key.is_empty() && marker.exists() => {
            answer(true, "already applied (idempotency key seen)", Vec::new())
        }
        ("file.write", "apply") => match write(&target, &content).and_then(|()| touch(&marker)) {
            Ok(()) => answer(true, format!("wrote {path}"), change("create")),
            Err(e) => answer(false, format!("cannot write {path}: {e}"), Vec::new()),
        },
        ("file.delete", "apply") if !target.exists() => answer(false, format!("{path} does not exist"), Vec::new()),
        ("file.delete", "apply") => match std::fs::remove_file(&target).and_then(|()| touch(&marker)) {
            Ok(()) => answer(true, format!("deleted {path}"), change("delete")),
            Err(e) => answer(false, format!("cannot delete {path}: {e}"), Vec::new()),
        },
        ("file.write" | "file.check", "verify") if target.exists() => {
            answer(true, format!("{path} is present"), Vec::new())
        }
        ("file.write" | "file.check", "verify") => answer(false, format!("{path} is missing"), Vec::new()),
        ("file.delete", "verify") if target.exists() => answer(false, format!("{path} still exists"), Vec::new()),
        ("file.delete", "verify") => answer(true, format!("{path} is gone"), Vec::new()),
        (_, "rollback") => match std::fs::remove_file(&target) {
            Ok(()) => answer(true, format!("removed {path}"), change("delete")),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                answer(true, format!("{path} was not there"), Vec::new())
            }
            Err(e) => answer(false, format!("cannot remove {path}: {e}"), Vec::new()),
        },
        _ => answer(false, format!("unsupported: {action} {operation}"), Vec::new()),
    }
}

/// Write `content` (and a newline) to `target`, creating its directory; never through a
/// symlink at the target.
fn write(target: &Path, content: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .custom_flags(libc::O_NOFOLLOW)
        .open(target)?;
    file.write_all(content.as_bytes())?;
    file.write_all(b"\n")
}

fn touch(path: &PathBuf) -> std::io::Result<()> {
    std::fs::OpenOptions::new().write(true).create(true).truncate(false).open(path).map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(action: &str, path: &str, labels: &str) -> Vec<u8> {
        format!(
            r#"{{"api_version":"clearance/v1","operation":"apply","proposal_id":"p","idempotency_key":"sha256:ab12","intent":{{"metadata":{{"agent":"a","labels":{{"note":"{labels}"}}}},"spec":{{"action":"{action}","params":{{"path":"{path}","content":"hello"}}}}}}}}"#
        )
        .into_bytes()
    }

    #[test]
    fn only_the_params_choose_the_file() {
        let root = tempfile::TempDir::new().unwrap();
        // A label that looks like a path comes first in the text: it steers nothing.
        let a = run("apply", &request("file.write", "real.txt", "\\\"path\\\":\\\"../../etc/passwd\\\""), root.path());
        assert_eq!(a.status, "ok", "{}", a.summary);
        assert_eq!(std::fs::read_to_string(root.path().join("real.txt")).unwrap(), "hello\n");
        // Applied once: the idempotency key is remembered.
        std::fs::remove_file(root.path().join("real.txt")).unwrap();
        assert!(run("apply", &request("file.write", "real.txt", ""), root.path()).summary.contains("already applied"));
        assert!(!root.path().join("real.txt").exists());
    }

    #[test]
    fn paths_stay_inside_the_root() {
        let root = tempfile::TempDir::new().unwrap();
        for path in ["../x", "/etc/passwd", "a/../../x", ""] {
            let a = run("apply", &request("file.write", path, ""), root.path());
            assert_eq!(a.status, "error", "{path}");
        }
    }
}
