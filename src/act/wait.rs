//! `clearance wait`: block until a proposal reaches a state, without a busy loop. In one
//! clone it sleeps on the branch's ref (inotify on the directories git renames refs into);
//! with a remote it also fetches, backing off from 1 s to 30 s between fetches.

use std::time::{Duration, Instant};

use serde::Serialize;

use crate::decide::evaluate::Context;
use crate::decide::review;
use crate::error::Result;
use crate::model::proposal::{self, State};
use crate::store::repo::ChangeRepo;

/// What to wait for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Until {
    /// Approved (or already applying or applied): the executor may run it.
    Cleared,
    /// A decision either way: approved, denied, rejected or withdrawn.
    Decided,
    /// The end of its life: applied, failed, denied, rejected or withdrawn.
    Done,
}

/// How the wait ended.
#[derive(Debug, Clone, Serialize)]
pub struct Waited {
    pub id: String,
    pub state: State,
    pub until: Until,
    /// The awaited state was reached.
    pub reached: bool,
    /// The time ran out first (the proposal is still where it was).
    pub timed_out: bool,
    pub waited_ms: u64,
    /// Fetches from the remote while waiting.
    pub fetches: u32,
    /// Why the last fetch failed, when it did (the state is then this clone's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fetch_error: Option<String>,
}

impl Waited {
    /// 0 reached, 3 turned down (denied, rejected, withdrawn), 4 timed out, 6 apply failed.
    pub fn exit_code(&self) -> u8 {
        match self.state {
            _ if self.reached => 0,
            State::Denied | State::Rejected | State::Withdrawn => 3,
            State::Failed => 6,
            _ => 4,
        }
    }
}

/// Whether `state` ends a wait for `until`, and whether it is the one awaited.
fn settles(state: State, until: Until) -> Option<bool> {
    match (until, state) {
        (_, State::Denied | State::Rejected | State::Withdrawn) => Some(false),
        (Until::Cleared | Until::Decided, State::Approved | State::Applying | State::Applied) => Some(true),
        (Until::Cleared | Until::Decided, State::Failed) => Some(true),
        (Until::Done, State::Applied) => Some(true),
        (Until::Done, State::Failed) => Some(false),
        _ => None,
    }
}

/// The proposal's state as `show` judges it now.
fn state_of(repo: &ChangeRepo, id: &str) -> Result<State> {
    let snapshot = repo.snapshot()?;
    let detail = proposal::load(&snapshot, id)?;
    let mut context = Context::load(repo, &snapshot)?;
    Ok(review::review(&snapshot, &detail, &mut context, crate::text::time::now())?.state)
}

/// Wait until proposal `prefix` settles for `until`, or `timeout` passes. `remote`: fetch
/// from it too. `seen` is told each state as it is first seen (for progress).
pub fn wait(
    repo: &ChangeRepo,
    prefix: &str,
    until: Until,
    timeout: Duration,
    remote: Option<&str>,
    seen: &mut dyn FnMut(State, Duration),
) -> Result<Waited> {
    let started = Instant::now();
    let deadline = started + timeout;
    let id = proposal::resolve(&repo.snapshot()?, prefix)?;
    let watch = RefWatch::new(repo);
    let mut fetches = 0;
    let mut backoff = Duration::from_secs(1);
    let mut next_fetch = started;
    let mut last = None;
    let mut fetch_error = None;
    loop {
        if let Some(remote) = remote
            && Instant::now() >= next_fetch
        {
            // A remote that cannot be reached now may be reachable on the next try; the
            // last failure is reported with the outcome.
            fetch_error = crate::act::sync::sync(repo, remote, None).err().map(|e| e.to_string());
            fetches += 1;
            next_fetch = Instant::now() + backoff;
            backoff = (backoff * 2).min(Duration::from_secs(30));
        }
        let head = repo.head()?;
        let state = state_of(repo, &id)?;
        if last != Some(state) {
            seen(state, started.elapsed());
            last = Some(state);
        }
        let now = Instant::now();
        let done = settles(state, until);
        if done.is_some() || now >= deadline {
            return Ok(Waited {
                id,
                state,
                until,
                reached: done == Some(true),
                timed_out: done.is_none(),
                waited_ms: started.elapsed().as_millis() as u64,
                fetches,
                fetch_error,
            });
        }
        // The clock alone can change a state (an approval expiring, a freeze window):
        // read it again at least every half minute.
        let wake =
            (now + Duration::from_secs(30)).min(if remote.is_some() { deadline.min(next_fetch) } else { deadline });
        watch.wait_for_change(repo, head, wake);
    }
}

/// Sleeps until the branch's ref may have moved: inotify on the directories git writes
/// refs into (a ref is written to a lock file and renamed into place), woken at least once
/// a second in case an event was missed, so the branch is read again only when it changed.
struct RefWatch {
    fd: Option<std::os::fd::OwnedFd>,
}

impl RefWatch {
    fn new(repo: &ChangeRepo) -> RefWatch {
        use std::os::fd::FromRawFd;
        use std::os::unix::ffi::OsStrExt;
        // SAFETY: inotify_init1 returns a new descriptor or -1; we own it from here on.
        let raw = unsafe { libc::inotify_init1(libc::IN_CLOEXEC | libc::IN_NONBLOCK) };
        if raw < 0 {
            return RefWatch { fd: None };
        }
        // SAFETY: `raw` is a valid descriptor nobody else owns.
        let fd = unsafe { std::os::fd::OwnedFd::from_raw_fd(raw) };
        // `.git` itself (packed-refs) and the directory of the branch's loose ref.
        let git = repo.git.path();
        let mut dirs = vec![git.to_path_buf()];
        dirs.extend(std::path::Path::new(&repo.branch).parent().map(|d| git.join(d)));
        let mask = libc::IN_MOVED_TO | libc::IN_CREATE | libc::IN_CLOSE_WRITE | libc::IN_DELETE;
        for dir in dirs {
            if let Ok(path) = std::ffi::CString::new(dir.as_os_str().as_bytes()) {
                // SAFETY: a valid descriptor and a NUL-terminated path.
                unsafe { libc::inotify_add_watch(std::os::fd::AsRawFd::as_raw_fd(&fd), path.as_ptr(), mask) };
            }
        }
        RefWatch { fd: Some(fd) }
    }

    /// Return when the branch head is no longer `head`, or at `until`.
    fn wait_for_change(&self, repo: &ChangeRepo, head: Option<git2::Oid>, until: Instant) {
        loop {
            let now = Instant::now();
            if now >= until || repo.head().ok() != Some(head) {
                return;
            }
            let slice = (until - now).min(Duration::from_secs(1));
            match &self.fd {
                Some(fd) => {
                    use std::os::fd::AsRawFd;
                    let mut poll = libc::pollfd { fd: fd.as_raw_fd(), events: libc::POLLIN, revents: 0 };
                    // SAFETY: one pollfd we own, for at most `slice`.
                    let ready = unsafe { libc::poll(&mut poll, 1, slice.as_millis().max(1) as libc::c_int) };
                    if ready > 0 {
                        // Drain the events: what changed is read from the ref itself.
                        let mut buf = [0u8; 4096];
                        // SAFETY: reading into a buffer we own, of its length.
                        while unsafe { libc::read(fd.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len()) } > 0 {}
                    }
                }
                None => std::thread::sleep(slice.min(Duration::from_millis(200))),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_wait_settles_on_the_states_it_names() {
        assert_eq!(settles(State::Pending, Until::Cleared), None);
        assert_eq!(settles(State::Approved, Until::Cleared), Some(true));
        assert_eq!(settles(State::Approved, Until::Done), None);
        assert_eq!(settles(State::Applying, Until::Done), None);
        assert_eq!(settles(State::Applied, Until::Done), Some(true));
        assert_eq!(settles(State::Failed, Until::Done), Some(false));
        for until in [Until::Cleared, Until::Decided, Until::Done] {
            assert_eq!(settles(State::Rejected, until), Some(false));
            assert_eq!(settles(State::Withdrawn, until), Some(false));
        }
    }
}
