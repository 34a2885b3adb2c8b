//! Keys in real OS keyrings: the Secret Service (gnome-keyring on a private D-Bus session)
//! and the kernel's keyutils (a fresh session keyring). `.ci/run` installs both.

use std::process::Command;

use crate::common::BIN;

/// Run `script` (a shell command line using `$CLEARANCE`) under `wrapper`, with a private
/// config dir; returns stdout, failing the test on a non-zero exit.
fn in_session(wrapper: &[&str], backend: &str, script: &str) -> String {
    let config = tempfile::TempDir::new().unwrap();
    let out = Command::new(wrapper[0])
        .args(&wrapper[1..])
        .arg("sh")
        .arg("-c")
        .arg(script)
        .env("CLEARANCE", BIN)
        // keyutils keeps keys in the user's persistent keyring across sessions: a fresh name.
        .env("NAME", format!("approver-{}-{}", std::process::id(), backend))
        .env("CLEARANCE_KEYRING", backend)
        .env("XDG_CONFIG_HOME", config.path())
        .env("HOME", config.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e} (install it: see .ci/run)", wrapper[0]));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{backend} round trip failed:\n{stderr}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// New key, stored; a second process reads the public half back and signs with it.
const ROUND_TRIP: &str = r#"
set -e
created=$("$CLEARANCE" key new "$NAME")
exported=$("$CLEARANCE" key export "$NAME")
[ "$created" = "$exported" ] || { echo "exported key differs" >&2; exit 1; }
"$CLEARANCE" key new "$NAME" 2>/dev/null && { echo "overwrote without --force" >&2; exit 1; }
"$CLEARANCE" key list
"#;

fn assert_round_trip(listing: &str) {
    let row = listing.lines().find(|l| l.trim_start().starts_with("approver-")).unwrap_or_else(|| panic!("{listing}"));
    assert!(row.contains(" SHA256:") && row.trim_end().ends_with("keyring"), "{listing}");
}

#[test]
fn secret_service_round_trip() {
    let script = format!(
        "echo -n ci-unlock | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; sleep 0.3; {ROUND_TRIP}"
    );
    assert_round_trip(&in_session(&["dbus-run-session", "--"], "secret-service", &script));
}

#[test]
fn keyutils_round_trip() {
    assert_round_trip(&in_session(&["keyctl", "session", "-"], "keyutils", ROUND_TRIP));
}

/// Where no keyring can hold a key (no D-Bus session; a kernel keyring that keeps nothing),
/// `key new` says to keep the key in a file instead of passing on the keyring's words.
#[test]
fn without_a_usable_keyring_key_new_points_to_a_key_file() {
    let dir = tempfile::TempDir::new().unwrap();
    let name = format!("no-keyring-{}", std::process::id());
    let out = crate::common::clearance(dir.path())
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
        .env_remove("DISPLAY")
        .args(["key", "new", &name])
        .output()
        .unwrap();
    if out.status.success() {
        // This machine's kernel keyring kept it: nothing to point to.
        return;
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--file"), "{stderr}");
}
