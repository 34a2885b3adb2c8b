//! Notifications to a real HTTP server on loopback: what is sent, that it is signed, and
//! that a failing endpoint never blocks or loses the operation.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::common::{INTENT, Repo, run_stdin};

#[derive(Debug, Clone)]
struct Request {
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

/// A loopback HTTP server answering every request with `status`; records what it got.
fn serve(status: u16) -> (String, Arc<Mutex<Vec<Request>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(50) {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut headers = Vec::new();
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            loop {
                line.clear();
                if reader.read_line(&mut line).unwrap() == 0 || line == "\r\n" {
                    break;
                }
                let (k, v) = line.trim_end().split_once(": ").unwrap();
                headers.push((k.to_lowercase(), v.to_owned()));
            }
            let len = headers.iter().find(|(k, _)| k == "content-length").map_or(0, |(_, v)| v.parse().unwrap());
            let mut body = vec![0; len];
            reader.read_exact(&mut body).unwrap();
            log.lock().unwrap().push(Request { headers, body });
            let _ = write!(stream, "HTTP/1.1 {status} X\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
        }
    });
    (url, seen)
}

fn configure(repo: &Repo, hooks: &str) {
    let path = repo.file("clearance.yaml");
    let config = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{config}notifications:\n{hooks}")).unwrap();
    repo.commit_rules("webhooks");
}

#[test]
fn proposals_and_approvals_are_announced_signed() {
    let repo = Repo::new();
    let (url, seen) = serve(200);
    configure(
        &repo,
        &format!(
            "  - url: {url}\n    events: [proposed, needs-approval, approved]\n    secret: {{env: HOOK_SECRET}}\n"
        ),
    );
    let mut cmd = crate::common::clearance(repo.path());
    cmd.env("HOOK_SECRET", "s3cret-hook-key")
        .env("CLEARANCE_KEY_FILE", repo.key("cost-optimizer"))
        .args(["propose", "-f", "-", "-q"]);
    cmd.stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    child.stdin.take().unwrap().write_all(INTENT.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let id = String::from_utf8_lossy(&out.stdout).trim().to_owned();

    let got = seen.lock().unwrap().clone();
    let events: Vec<String> = got
        .iter()
        .map(|r| serde_json::from_slice::<serde_json::Value>(&r.body).unwrap()["event"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(events, vec!["proposed", "needs-approval"]);
    for r in &got {
        let body: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
        assert_eq!(body["proposal"], id.as_str());
        assert_eq!(body["targets"], serde_json::json!(["orders-db-old"]));
        let header = r.headers.iter().find(|(k, _)| k == "x-clearance-signature").expect("signed").1.clone();
        let mut mac = Hmac::<Sha256>::new_from_slice(b"s3cret-hook-key").unwrap();
        mac.update(&r.body);
        let expected: String = mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(header, format!("sha256={expected}"));
        assert!(!String::from_utf8_lossy(&r.body).contains("s3cret"), "the secret is never sent");
    }
    // Quorum met: `approved` goes out.
    for who in ["olive", "sam"] {
        let key = repo.key(who);
        let r = crate::common::clearance(repo.path())
            .env("HOOK_SECRET", "x")
            .args(["approve", &id, "--yes", "--key-file", key.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    }
    let last: serde_json::Value = serde_json::from_slice(&seen.lock().unwrap().last().unwrap().body).unwrap();
    assert_eq!(last["event"], "approved");
    assert_eq!(last["state"], "approved");
}

#[test]
fn a_failing_endpoint_warns_and_never_blocks() {
    let repo = Repo::new();
    let (url, seen) = serve(500);
    configure(
        &repo,
        &format!(
            "  - url: {url}\n    format: slack\n    retries: 2\n    timeout: 2s\n  - url: http://127.0.0.1:9/unreachable\n    retries: 0\n    timeout: 500ms\n"
        ),
    );
    let head = repo.head();
    let r = run_stdin(repo.path(), &["propose", "-f", "-"], INTENT.as_bytes());
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_ne!(repo.head(), head, "the proposal is recorded whatever the webhooks do");
    assert!(r.stderr.contains("did not take `proposed`"), "{}", r.stderr);
    assert!(r.stderr.contains("HTTP 500"), "{}", r.stderr);
    // Two events (proposed, needs-approval), three attempts each; Slack format.
    let got = seen.lock().unwrap().clone();
    assert_eq!(got.len(), 6);
    let body: serde_json::Value = serde_json::from_slice(&got[0].body).unwrap();
    assert!(body["text"].as_str().unwrap().contains("rds.delete-instance on orders-db-old"));
}
