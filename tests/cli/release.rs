//! A release build's clock and crash points are its own: nothing in the environment moves
//! them. The suite runs a debug build (whose test hooks read `CLEARANCE_NOW` and
//! `CLEARANCE_CRASH_AT`), so this test runs the release build: the one at
//! `CLEARANCE_RELEASE_BIN`, else one it builds.

use std::path::PathBuf;
use std::process::Command;

use crate::common::{Repo, feed};

fn release_binary() -> PathBuf {
    if let Some(bin) = std::env::var_os("CLEARANCE_RELEASE_BIN") {
        return std::fs::canonicalize(&bin).expect("CLEARANCE_RELEASE_BIN exists");
    }
    let manifest = env!("CARGO_MANIFEST_DIR");
    let status = Command::new(env!("CARGO"))
        .args(["build", "--release", "--locked", "--quiet", "--bin", "clearance", "--manifest-path"])
        .arg(format!("{manifest}/Cargo.toml"))
        .status()
        .expect("cargo build --release");
    assert!(status.success(), "cargo build --release failed");
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from(manifest).join("target"), PathBuf::from);
    target.join("release/clearance")
}

#[test]
fn no_variable_moves_a_release_build_s_clock_or_stops_it() {
    let bin = release_binary();
    let repo = Repo::new();
    let intent = crate::common::INTENT.replace("environment: prod", "environment: staging");
    let debug = crate::common::clearance(repo.path());
    let mut cmd = Command::new(&bin);
    for (k, v) in debug.get_envs() {
        match v {
            Some(v) => cmd.env(k, v),
            None => cmd.env_remove(k),
        };
    }
    cmd.current_dir(repo.path())
        .env("CLEARANCE_NOW", "2001-01-01T00:00:00Z")
        .env("CLEARANCE_CRASH_AT", "commit-written")
        .env("CLEARANCE_KEY_FILE", repo.key("cost-optimizer"))
        .args(["propose", "-q", "-f", "-"]);
    let r = feed(cmd, intent.as_bytes());
    assert!(r.code == 0 || r.code == 3, "the release build crashed or failed: {} {}", r.code, r.stderr);
    let id = r.stdout.trim();
    let shown: serde_json::Value = serde_json::from_str(&repo.run(&["show", id, "--format", "json"]).stdout).unwrap();
    let created: jiff::Timestamp = shown["created_at"].as_str().unwrap().parse().unwrap();
    let age = jiff::Timestamp::now().as_second() - created.as_second();
    assert!((0..600).contains(&age), "filed at {created}, not now: the variable moved the clock");
}
