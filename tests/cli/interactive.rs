//! `clearance approve` in a real pseudo-terminal: what the approver sees, No writes
//! nothing, Yes writes one signed approval.

use std::process::Command;
use std::time::Duration;

use expectrl::session::OsSession;
use expectrl::{Eof, Expect, Session};

use crate::common::{BIN, INTENT, Repo};

fn approve_in_pty(repo: &Repo, id: &str) -> OsSession {
    let mut cmd = Command::new(BIN);
    cmd.args(["approve", id, "--key-file", repo.key("olive").to_str().unwrap()])
        .current_dir(repo.path())
        .env("NO_COLOR", "1")
        .env("CLEARANCE_NOW", "2026-05-14T09:30:00Z")
        .env("TERM", "xterm");
    let mut session = Session::spawn(cmd).expect("spawn in a pty");
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    session
}

#[test]
fn answering_no_writes_nothing_and_yes_writes_one_signed_approval() {
    let repo = Repo::new();
    let id = repo.propose(INTENT);
    let head = repo.head();

    let mut session = approve_in_pty(&repo, &id);
    // The prompt shows what is being signed: id, targets, blast radius, decision.
    session.expect(format!("proposal {id}").as_str()).unwrap();
    session.expect("rds.delete-instance on orders-db-old (prod)").unwrap();
    session.expect("blast radius: 1 service impacted").unwrap();
    session.expect("policy decision: requires 1 from security, 1 from team-orders").unwrap();
    session.expect(format!("Approve {id} as olive?").as_str()).unwrap();
    session.send_line("n").unwrap();
    session.expect("not signed; nothing was written").unwrap();
    session.expect(Eof).unwrap();
    assert_eq!(repo.head(), head, "answering No must not write");

    let mut session = approve_in_pty(&repo, &id);
    session.expect(format!("Approve {id} as olive?").as_str()).unwrap();
    // `y` and Enter: the Enter is the answer's, not the comment's.
    session.send_line("y").unwrap();
    session.expect("Comment").unwrap();
    session.send_line("snapshot verified").unwrap();
    session.expect(format!("approved {id} as olive").as_str()).unwrap();
    session.expect(Eof).unwrap();
    assert_ne!(repo.head(), head);
    let shown: serde_json::Value = serde_json::from_str(&repo.run(&["show", &id, "--format", "json"]).stdout).unwrap();
    let approvals = shown["approvals"].as_array().unwrap();
    assert_eq!(approvals.len(), 1);
    assert_eq!(approvals[0]["principal"], "olive");
    assert_eq!(approvals[0]["valid"], true);
    assert_eq!(approvals[0]["comment"], "snapshot verified");
    assert_eq!(repo.status(), "");
}

#[test]
fn output_redirected_from_a_terminal_is_plain_text() {
    let repo = Repo::new();
    let id = repo.propose(INTENT);
    let out = repo.path().with_file_name("shown.txt");
    let mut cmd = Command::new("sh");
    cmd.args(["-c", &format!("'{BIN}' show {id} > '{}'; echo done", out.display())])
        .current_dir(repo.path())
        .env_remove("NO_COLOR")
        .env("CLEARANCE_NOW", "2026-05-14T09:30:00Z")
        .env("TERM", "xterm");
    let mut session = Session::spawn(cmd).expect("spawn in a pty");
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    session.expect("done").unwrap();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains(&format!("proposal {id}")), "{text}");
    assert!(!text.contains('\u{1b}'), "colour codes in a file: {text:?}");
}
