//! `clearance approve` in a real pseudo-terminal: what the approver sees, No writes
//! nothing, Yes writes one signed approval.

use std::process::Command;
use std::time::Duration;

use expectrl::session::OsSession;
use expectrl::{Eof, Expect, Session};

use crate::common::{BIN, INTENT, Repo};

/// `clearance ARGS` in a pseudo-terminal, in `repo`, without colour, at the fixture's time.
fn in_pty(repo: &Repo, args: &[&str]) -> OsSession {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .current_dir(repo.path())
        .env("NO_COLOR", "1")
        .env("CLEARANCE_NOW", "2026-05-14T09:30:00Z")
        .env("TERM", "xterm");
    let mut session = Session::spawn(cmd).expect("spawn in a pty");
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    session
}

fn approve_in_pty(repo: &Repo, id: &str) -> OsSession {
    in_pty(repo, &["approve", id, "--key-file", repo.key("olive").to_str().unwrap()])
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

/// Ctrl-C at the confirmation and in the picker: the cursor the prompt hid is shown again,
/// the process exits 130 as a shell expects, and nothing is written.
#[test]
fn ctrl_c_at_a_prompt_shows_the_cursor_again_and_writes_nothing() {
    let repo = Repo::new();
    let id = repo.propose(INTENT);
    let head = repo.head();
    for with_id in [true, false] {
        let mut session = if with_id {
            approve_in_pty(&repo, &id)
        } else {
            in_pty(&repo, &["approve", "--key-file", repo.key("olive").to_str().unwrap()])
        };
        let prompt = if with_id { format!("Approve {id} as olive?") } else { "Which proposal?".to_owned() };
        session.expect(prompt.as_str()).unwrap();
        std::thread::sleep(Duration::from_millis(200));
        session.send(expectrl::ControlCode::EndOfText).unwrap();
        let tail = read_to_end(&mut session);
        assert!(tail.contains("\u{1b}[?25h"), "the cursor stays hidden after Ctrl-C ({prompt}): {tail:?}");
        let status = session.get_process().wait().unwrap();
        assert!(format!("{status:?}").contains("130"), "{status:?}");
        assert_eq!(repo.head(), head, "Ctrl-C must not write");
    }
}

fn show_in_pty(repo: &Repo, id: &str, term: &str) -> String {
    let mut cmd = Command::new(BIN);
    cmd.args(["show", id])
        .current_dir(repo.path())
        .env_remove("NO_COLOR")
        .env("CLEARANCE_NOW", "2026-05-14T09:30:00Z")
        .env("TERM", term);
    let mut session = Session::spawn(cmd).expect("spawn in a pty");
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    read_to_end(&mut session)
}

/// Everything the program writes to the terminal until it exits (the pty then reads EIO).
fn read_to_end(session: &mut OsSession) -> String {
    use std::io::Read;
    let mut all = Vec::new();
    let mut buf = [0u8; 4096];
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while std::time::Instant::now() < deadline {
        match session.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => all.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => std::thread::sleep(Duration::from_millis(10)),
            Err(_) => break,
        }
    }
    String::from_utf8_lossy(&all).into_owned()
}

/// Colour on: the labels are painted after they are padded, so the values still line up;
/// `TERM=dumb` turns colour off.
#[test]
fn show_keeps_its_columns_in_colour_and_a_dumb_terminal_gets_none() {
    let repo = Repo::new();
    let id = repo.propose(INTENT);
    let coloured = show_in_pty(&repo, &id, "xterm");
    assert!(coloured.contains('\u{1b}'), "no colour in a terminal: {coloured:?}");
    let plain = strip_ansi(&coloured);
    let column = |label: &str| {
        let line = plain.lines().find(|l| l.trim_start().starts_with(label)).unwrap_or_else(|| panic!("{plain}"));
        line.len() - line[line.find(label).unwrap() + label.len()..].trim_start().len()
    };
    assert_eq!(column("agent"), column("environment"), "{plain}");
    assert_eq!(column("agent"), column("targets"), "{plain}");
    let dumb = show_in_pty(&repo, &id, "dumb");
    assert!(!dumb.contains("\u{1b}["), "colour with TERM=dumb: {dumb:?}");
}

fn strip_ansi(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else if c != '\r' {
            out.push(c);
        }
    }
    out
}

/// `propose` without `-f` in a terminal says it is reading the intent from it, instead of
/// waiting in silence.
#[test]
fn propose_from_a_terminal_says_it_is_reading_the_intent() {
    let repo = Repo::new();
    let mut session = in_pty(&repo, &["propose", "--key-file", repo.key("cost-optimizer").to_str().unwrap()]);
    session.expect("end it with Ctrl-D").unwrap();
    session.send(expectrl::ControlCode::EndOfTransmission).unwrap();
    session.expect("empty").unwrap();
}

/// An agent's key is refused before any picker is drawn: it approves nothing.
#[test]
fn an_agent_key_is_refused_before_the_picker() {
    let repo = Repo::new();
    repo.propose(INTENT);
    let mut session = in_pty(&repo, &["approve", "--key-file", repo.key("deploy-bot").to_str().unwrap()]);
    let all = read_to_end(&mut session);
    assert!(all.contains("`deploy-bot` is trusted as agent, not as an approver"), "{all:?}");
    assert!(!all.contains("Which proposal?"), "the picker was drawn: {all:?}");
}
