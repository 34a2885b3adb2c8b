//! Crash points for the test suite's kill campaigns: a debug build stops dead at the point
//! `CLEARANCE_CRASH_AT` names, by SIGKILL (no destructors, no flushing, no unlocking), as a
//! `kill -9` at that instant would. Release builds compile the check away.

/// Die here when `CLEARANCE_CRASH_AT` is `name` (debug builds only).
pub fn crash_point(name: &str) {
    #[cfg(debug_assertions)]
    if std::env::var("CLEARANCE_CRASH_AT").is_ok_and(|v| v == name) {
        // SAFETY: sending a signal to this very process has no memory-safety conditions.
        unsafe {
            libc::kill(libc::getpid(), libc::SIGKILL);
        }
    }
    let _ = name;
}
