//! The change repository: reading the branch through git objects, and writing commits
//! safely under concurrency (docs/reference.md, "Repository layout" and "Concurrency and remotes").
//!
//! A write is a [`ChangeRepo::transact`]: under an exclusive lock file in the git dir, read
//! the branch head, let the caller decide what to write from that snapshot, build the new
//! tree from objects (only the trees along the written paths are rebuilt), commit, and move
//! the branch with a compare-and-swap. If the branch moved underneath (a plain `git commit`
//! does not take our lock), the whole step is redone on the new head. The work tree, when
//! there is one, is then updated for the written paths so `git status` stays clean.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::path::{Path, PathBuf};

use git2::{ErrorCode, FileMode, ObjectType, Oid, Repository, Signature, Tree};

use crate::error::{Error, ErrorKind, IoContext, Result};

/// How often a lost compare-and-swap is retried before giving up.
const CAS_RETRIES: usize = 20;
/// A writer that has waited this long for the lock says so.
const LOCK_NOTICE_AFTER: std::time::Duration = std::time::Duration::from_secs(1);
/// The longest pause between two tries for the lock (the first ones come quicker).
const LOCK_POLL: std::time::Duration = std::time::Duration::from_millis(20);

/// How long a writer waits for the lock another process holds, and whom it tells that it
/// is waiting (the store never prints; the command layer passes a notice that does).
pub struct LockWait {
    pub timeout: std::time::Duration,
    pub notice: Option<LockNotice>,
}

/// Told what went wrong after a write had already landed.
pub type Warn = Box<dyn Fn(&str)>;

/// Told the lock file's path and the timeout, once, when a writer starts to wait.
pub type LockNotice = Box<dyn Fn(&Path, std::time::Duration)>;

impl Default for LockWait {
    fn default() -> Self {
        LockWait { timeout: std::time::Duration::from_secs(60), notice: None }
    }
}

pub struct ChangeRepo {
    pub git: Repository,
    /// Full name of the branch clearance reads and writes, e.g. `refs/heads/main`.
    pub branch: String,
    /// When set, commits leave the work tree alone; the next commit that writes the same
    /// paths brings it up to date. `apply` sets it for `apply-started`, whose evidence file
    /// `apply-finished` rewrites moments later: one git-index rewrite instead of two.
    pub defer_worktree: std::cell::Cell<bool>,
    /// Decides which tree holds the rules in force; without one, snapshots read the branch.
    governor: Option<Box<dyn Governor>>,
    /// How long a writer waits for another process's lock.
    lock_wait: LockWait,
    /// Hears what went wrong after a write had already succeeded.
    warn: Option<Warn>,
    /// The last answer of the governor, keyed by the governance log's blob id.
    in_force: std::cell::RefCell<Option<(Option<Oid>, std::rc::Rc<InForce>)>>,
    /// A second handle on the repository whose new objects stay in memory: trees of rules
    /// that are read or compared but never committed leave nothing behind on disk.
    scratch: std::cell::OnceCell<Repository>,
}

/// The top-level paths whose content is governed: what a snapshot reads from the tree the
/// governance log put in force, never from the branch.
pub const GOVERNED: [&str; 5] = ["clearance.yaml", "graph", "policies", "providers", "trust"];

/// Whether `path` lies under one of the [`GOVERNED`] top-level paths.
pub fn is_governed(path: &str) -> bool {
    let top = path.split('/').next().unwrap_or(path);
    GOVERNED.contains(&top)
}

/// The rules in force: the objects at the governed paths, and the facts of the governance
/// entry that named them.
#[derive(Debug, Clone)]
pub struct InForce {
    /// (Some of) the [`GOVERNED`] top-level names, each with its blob or tree id.
    pub entries: BTreeMap<String, Oid>,
    /// The repository id named by the genesis entry.
    pub repo_id: String,
    /// The hash of the genesis entry: the repository's identity.
    pub root: String,
    /// The sequence number of the entry in force.
    pub seq: u64,
}

/// Finds the rules in force for a branch tree. The trust layer implements it by checking
/// the governance log; storage only routes reads of governed paths to the tree it names.
pub trait Governor {
    fn in_force(&self, repo: &ChangeRepo, branch: &Tree<'_>, log: Option<Oid>) -> Result<InForce>;
}

/// One file to write (or delete) in a commit.
#[derive(Debug, Clone)]
pub struct Write {
    pub path: String,
    pub bytes: Vec<u8>,
    pub executable: bool,
    /// Remove the file instead of writing `bytes`.
    pub delete: bool,
}

impl Write {
    pub fn file(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        Write { path: path.into(), bytes: bytes.into(), executable: false, delete: false }
    }

    pub fn delete(path: impl Into<String>) -> Self {
        Write { path: path.into(), bytes: Vec::new(), executable: false, delete: true }
    }
}

/// A read-only view of the branch at one commit. Reads of governed paths go to the tree
/// of the rules in force when the repository is governed.
pub struct Snapshot<'r> {
    pub commit: Option<Oid>,
    tree: Option<Tree<'r>>,
    /// The rules in force, and the handle that holds their objects.
    rules: Option<(std::rc::Rc<InForce>, &'r Repository)>,
    repo: &'r Repository,
}

impl<'r> Snapshot<'r> {
    /// For a governed path when rules are in force: the id of what the rules hold there
    /// (`None` inside: nothing), and the handle that holds it.
    fn governed(&self, path: &str) -> Result<Option<(Option<Oid>, &'r Repository)>> {
        let Some((rules, git)) = self.rules.as_ref().filter(|_| is_governed(path)) else { return Ok(None) };
        let (top, rest) = path.split_once('/').unwrap_or((path, ""));
        let Some(&oid) = rules.entries.get(top) else { return Ok(Some((None, git))) };
        if rest.is_empty() {
            return Ok(Some((Some(oid), git)));
        }
        let Ok(tree) = git.find_tree(oid) else { return Ok(Some((None, git))) };
        match tree.get_path(Path::new(rest)) {
            Ok(entry) => Ok(Some((Some(entry.id()), git))),
            Err(e) if e.code() == ErrorCode::NotFound => Ok(Some((None, git))),
            Err(e) => Err(e.into()),
        }
    }

    /// The repository the snapshot reads from.
    pub fn git(&self) -> &'r Repository {
        self.repo
    }

    /// The rules in force, when the repository is governed.
    pub fn in_force(&self) -> Option<&InForce> {
        self.rules.as_ref().map(|(f, _)| f.as_ref())
    }

    /// The branch's own tree, governed paths included as committed (not in force).
    pub fn branch_tree(&self) -> Option<&Tree<'r>> {
        self.tree.as_ref()
    }

    /// The bytes of the file at `path`, or `None` when it does not exist.
    pub fn read(&self, path: &str) -> Result<Option<Vec<u8>>> {
        if let Some((id, git)) = self.governed(path)? {
            return Ok(id.and_then(|id| git.find_blob(id).ok()).map(|b| b.content().to_vec()));
        }
        let Some(tree) = &self.tree else {
            return Ok(None);
        };
        match tree.get_path(Path::new(path)) {
            Ok(entry) if entry.kind() == Some(ObjectType::Blob) => {
                Ok(Some(self.repo.find_blob(entry.id())?.content().to_vec()))
            }
            Ok(_) => Ok(None),
            Err(e) if e.code() == ErrorCode::NotFound => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// The object id of the tree or blob at `path`.
    pub fn entry_id(&self, path: &str) -> Result<Option<Oid>> {
        if let Some((id, _)) = self.governed(path)? {
            return Ok(id);
        }
        let Some(tree) = &self.tree else {
            return Ok(None);
        };
        if path.is_empty() {
            return Ok(Some(tree.id()));
        }
        match tree.get_path(Path::new(path)) {
            Ok(entry) => Ok(Some(entry.id())),
            Err(e) if e.code() == ErrorCode::NotFound => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    pub fn exists(&self, path: &str) -> Result<bool> {
        Ok(self.entry_id(path)?.is_some())
    }

    /// Names and ids of the entries of the tree at `path` (empty when it does not exist).
    pub fn list(&self, path: &str) -> Result<Vec<(String, Oid)>> {
        let Some(id) = self.entry_id(path)? else {
            return Ok(Vec::new());
        };
        let git = self.governed(path)?.map_or(self.repo, |(_, git)| git);
        let Ok(tree) = git.find_tree(id) else {
            return Ok(Vec::new());
        };
        Ok(tree.iter().filter_map(|e| e.name().map(|n| (n.to_owned(), e.id()))).collect())
    }

    /// The entries of a tree by its id.
    pub fn list_tree(&self, id: Oid) -> Result<Vec<(String, Oid)>> {
        let tree = self.scratch_or_main().find_tree(id)?;
        Ok(tree.iter().filter_map(|e| e.name().map(|n| (n.to_owned(), e.id()))).collect())
    }

    pub fn blob(&self, id: Oid) -> Result<Vec<u8>> {
        Ok(self.git_blob(id)?.content().to_vec())
    }

    /// Blob `id` as a stream, when it is stored loose (as a commit made here leaves it):
    /// `read` gets a reader of at most the blob's size, and that size. The object file is
    /// inflated a buffer at a time (nothing of it is held whole), and the content is hashed
    /// on the way and checked against `id`. `None` when the object is not loose, or its
    /// file does not hold what its name says (git, reading it whole, then finds a good copy
    /// in a pack or says what is wrong): what `read` made of it is thrown away.
    pub fn with_blob_stream<T>(&self, id: Oid, read: impl FnOnce(&mut dyn std::io::Read, usize) -> T) -> Option<T> {
        use sha1::Digest as _;
        use std::io::Read as _;
        let hex = id.to_string();
        let path = self.repo.commondir().join("objects").join(&hex[..2]).join(&hex[2..]);
        let file = File::open(&path).ok()?;
        let mut inflated = flate2::bufread::ZlibDecoder::new(std::io::BufReader::with_capacity(1 << 16, file));
        // The header: `blob <decimal size>\0`.
        let mut header = Vec::with_capacity(32);
        let mut byte = [0u8];
        while header.len() < 32 && inflated.read_exact(&mut byte).is_ok() && byte[0] != 0 {
            header.push(byte[0]);
        }
        let len = header
            .strip_prefix(b"blob ")
            .filter(|n| !n.is_empty() && n.iter().all(u8::is_ascii_digit))
            .and_then(|n| std::str::from_utf8(n).ok()?.parse::<usize>().ok())?;
        header.push(0);
        // One byte past the size is read, to see that there is none.
        let limited = std::io::Read::take(inflated, len as u64 + 1);
        let mut verified = Verified { inner: limited, hash: sha1::Sha1::new_with_prefix(&header), seen: 0 };
        let value = read(&mut std::io::Read::take(&mut verified, len as u64), len);
        let whole = std::io::copy(&mut verified, &mut std::io::sink()).is_ok()
            && verified.seen == len
            && verified.hash.finalize().as_slice() == id.as_bytes();
        whole.then_some(value)
    }

    /// Blob `id` itself, to be read in place (`content()`) rather than copied.
    pub fn git_blob(&self, id: Oid) -> Result<git2::Blob<'r>> {
        Ok(self.scratch_or_main().find_blob(id)?)
    }

    /// The handle that sees every object this snapshot can name (the scratch handle sees
    /// the repository's objects too).
    fn scratch_or_main(&self) -> &'r Repository {
        self.rules.as_ref().map_or(self.repo, |(_, git)| git)
    }
}

/// A reader that hashes what passes through it.
struct Verified<R> {
    inner: R,
    hash: sha1::Sha1,
    seen: usize,
}

impl<R: std::io::Read> std::io::Read for Verified<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        use sha1::Digest as _;
        let n = self.inner.read(buf)?;
        self.hash.update(&buf[..n]);
        self.seen += n;
        Ok(n)
    }
}

impl ChangeRepo {
    /// Open the repository at `path`, or discover it from the current directory.
    pub fn open(path: Option<&Path>) -> Result<ChangeRepo> {
        let git = match path {
            Some(p) => Repository::open(p).map_err(|e| {
                Error::not_found(format!("{} is not a git repository: {}", p.display(), e.message()))
                    .hint("create one with `clearance init`")
            })?,
            None => Repository::open_from_env().map_err(|_| {
                Error::not_found("not inside a change repository")
                    .hint("run inside one, pass `--repo PATH`, set CLEARANCE_REPO, or create one with `clearance init`")
            })?,
        };
        let repo = ChangeRepo::from_git(git)?;
        repo.start_branch_if_missing()?;
        if !repo.snapshot()?.exists("clearance.yaml")? {
            return Err(Error::not_found(format!(
                "{} is a git repository but not a change repository (no clearance.yaml on {})",
                repo.display_path(),
                repo.branch_short()
            ))
            .hint("run `clearance init` there to make it one"));
        }
        Ok(repo)
    }

    /// Wrap a repository that may not hold a change repo yet (for `init`).
    pub fn from_git(git: Repository) -> Result<ChangeRepo> {
        let branch = branch(&git)?;
        Ok(ChangeRepo {
            git,
            branch,
            defer_worktree: Default::default(),
            governor: None,
            lock_wait: LockWait::default(),
            warn: None,
            in_force: Default::default(),
            scratch: Default::default(),
        })
    }

    /// Whether HEAD points to our branch, so the work tree and index follow its commits.
    fn checked_out(&self) -> bool {
        self.git.find_reference("HEAD").ok().and_then(|h| h.symbolic_target().map(|t| t == self.branch)) == Some(true)
    }

    /// A branch named by `CLEARANCE_BRANCH` that this clone does not have yet starts where
    /// the remote-tracking branch of that name is (as `git switch` would), or else at HEAD.
    fn start_branch_if_missing(&self) -> Result<()> {
        if self.head()?.is_some() {
            return Ok(());
        }
        let short = self.branch_short().to_owned();
        let tracking = self.git.references_glob(&format!("refs/remotes/*/{short}"))?.flatten().find_map(|r| r.target());
        // A branch named on purpose must exist somewhere: a typo must not start a branch
        // where no approver will ever look.
        if tracking.is_none() && std::env::var("CLEARANCE_BRANCH").is_ok_and(|b| !b.is_empty()) {
            let known: Vec<String> = self
                .git
                .branches(None)?
                .flatten()
                .filter_map(|(b, _)| b.name().ok().flatten().map(str::to_owned))
                .collect();
            return Err(Error::not_found(format!(
                "CLEARANCE_BRANCH names `{short}`, which is neither a branch here nor on a remote"
            ))
            .hint(format!("branches here: {}", if known.is_empty() { "none".to_owned() } else { known.join(", ") })));
        }
        let start = tracking.or_else(|| self.git.head().ok().and_then(|h| h.target()));
        if let Some(start) = start {
            self.git.reference(&self.branch, start, false, "clearance: start the branch")?;
        }
        Ok(())
    }

    pub fn display_path(&self) -> String {
        self.git.workdir().unwrap_or_else(|| self.git.path()).display().to_string()
    }

    pub fn branch_short(&self) -> &str {
        self.branch.strip_prefix("refs/heads/").unwrap_or(&self.branch)
    }

    /// Where derived caches live: `.git/clearance/`. The caches are safe to delete at any
    /// time; `marks.json` beside them is this clone's memory of the history it saw.
    pub fn cache_dir(&self) -> PathBuf {
        self.git.path().join("clearance")
    }

    pub fn head(&self) -> Result<Option<Oid>> {
        match self.git.find_reference(&self.branch) {
            Ok(r) => Ok(r.target()),
            Err(e) if e.code() == ErrorCode::NotFound => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    pub fn snapshot(&self) -> Result<Snapshot<'_>> {
        let commit = self.head()?;
        self.snapshot_at(commit)
    }

    pub fn snapshot_at(&self, commit: Option<Oid>) -> Result<Snapshot<'_>> {
        let tree = match commit {
            Some(id) => Some(self.git.find_commit(id)?.tree()?),
            None => None,
        };
        let rules = match (&self.governor, &tree) {
            (Some(governor), Some(tree)) => {
                let log = tree.get_path(Path::new(LOG)).ok().map(|e| e.id());
                let cached = self.in_force.borrow().as_ref().filter(|(l, _)| *l == log).map(|(_, f)| f.clone());
                let in_force = match cached {
                    Some(f) => f,
                    None => {
                        let f = std::rc::Rc::new(governor.in_force(self, tree, log)?);
                        *self.in_force.borrow_mut() = Some((log, f.clone()));
                        f
                    }
                };
                Some((in_force, &self.git))
            }
            _ => None,
        };
        Ok(Snapshot { commit, tree, rules, repo: &self.git })
    }

    /// Wait for other writers' locks as `wait` says; tell `warn` what went wrong after a
    /// write had already landed.
    pub fn waiting(mut self, wait: LockWait, warn: Warn) -> Self {
        self.lock_wait = wait;
        self.warn = Some(warn);
        self
    }

    /// Route reads of governed paths through `governor` from now on.
    pub fn governed_by(mut self, governor: Box<dyn Governor>) -> Self {
        self.governor = Some(governor);
        self
    }

    /// A snapshot of the branch whose governed paths are read from `rules` instead, whose
    /// objects may live in [`ChangeRepo::scratch`]: how authors try rules from their work
    /// tree before signing them.
    pub fn snapshot_with_rules(&self, rules: InForce) -> Result<Snapshot<'_>> {
        let mut snapshot = self.snapshot()?;
        snapshot.rules = Some((std::rc::Rc::new(rules), self.scratch()?));
        Ok(snapshot)
    }

    /// The repository through a second handle whose new objects are kept in memory, for
    /// trees that are only read or compared (rules in force, work-tree rules, diffs).
    pub fn scratch(&self) -> Result<&Repository> {
        if let Some(git) = self.scratch.get() {
            return Ok(git);
        }
        let git = Repository::open(self.git.path())?;
        git.odb()?.add_new_mempack_backend(1000)?;
        Ok(self.scratch.get_or_init(|| git))
    }

    /// A tree of the governed paths as they are in the work tree (symlinks and anything
    /// but plain files and directories left out), in [`ChangeRepo::scratch`].
    pub fn worktree_rules(&self) -> Result<Option<Oid>> {
        let Some(workdir) = self.git.workdir() else {
            return Ok(None);
        };
        let git = self.scratch()?;
        let mut top = git.treebuilder(None)?;
        for name in GOVERNED {
            if let Some((oid, mode)) = dir_object(git, &workdir.join(name))? {
                top.insert(name, oid, mode)?;
            }
        }
        Ok(Some(top.write()?))
    }

    /// Write one commit. `plan` sees the current head and returns the files to write (or an
    /// error, which aborts with nothing written). Returns the new commit id and whatever
    /// `plan` returned alongside the writes.
    pub fn transact<T>(
        &self,
        actor: &str,
        message: &str,
        plan: impl FnMut(&Snapshot<'_>) -> Result<(Vec<Write>, T)>,
    ) -> Result<(Oid, T)> {
        self.transact_signed(actor, message, None, plan)
    }

    /// [`ChangeRepo::transact`], with the commit signed by `signer` (an SSH signature in the
    /// commit header, namespace `git`, so `git verify-commit` checks it).
    pub fn transact_signed<T>(
        &self,
        actor: &str,
        message: &str,
        signer: Option<&dyn CommitSigner>,
        plan: impl FnMut(&Snapshot<'_>) -> Result<(Vec<Write>, T)>,
    ) -> Result<(Oid, T)> {
        let lock = self.lock()?;
        let written = self.write_locked(actor, message, signer, plan);
        drop(lock);
        if let Ok((commit, _)) = &written {
            self.pack_if_loose(*commit);
        }
        written
    }

    /// The body of [`ChangeRepo::transact_signed`], run under the writer lock.
    fn write_locked<T>(
        &self,
        actor: &str,
        message: &str,
        signer: Option<&dyn CommitSigner>,
        mut plan: impl FnMut(&Snapshot<'_>) -> Result<(Vec<Write>, T)>,
    ) -> Result<(Oid, T)> {
        let mut locked = false;
        for _ in 0..CAS_RETRIES {
            let snapshot = self.snapshot()?;
            let (writes, value) = plan(&snapshot)?;
            // Nothing to write (the plan found its work already done): no empty commit.
            if let (true, Some(head)) = (writes.is_empty(), snapshot.commit) {
                return Ok((head, value));
            }
            // Refused before anything is committed: the work tree would follow a committed link.
            if let Some(workdir) = self.git.workdir().filter(|_| self.checked_out()) {
                writes.iter().try_for_each(|w| crate::store::fs::check_no_links(workdir, &w.path))?;
            }
            let tree = build_tree(&self.git, snapshot.tree.as_ref(), &writes)?;
            let tree = self.git.find_tree(tree)?;
            let who = signature(actor)?;
            let commit = self.commit(&who, &who, message, &tree, snapshot.commit, signer)?;
            crate::text::fault::crash_point("commit-written");
            let journaled = self.git.workdir().is_some() && self.checked_out();
            if journaled {
                crate::store::journal::begin(&self.git, snapshot.commit, commit, writes.iter().map(|w| w.path.clone()));
            }
            let moved = match snapshot.commit {
                Some(old) => self.git.reference_matching(&self.branch, commit, true, old, message),
                None => self.git.reference(&self.branch, commit, false, message),
            };
            match moved {
                Ok(_) => {
                    crate::store::mark::advance(&self.git, &self.branch, commit);
                    crate::text::fault::crash_point("branch-moved");
                    if !self.defer_worktree.get() {
                        match self.sync_worktree(&writes) {
                            Ok(()) if journaled => crate::store::journal::end(&self.git),
                            Ok(()) => {}
                            // The commit landed: the write succeeded, only the checkout lags.
                            Err(e) => self.warn(&worktree_lag(commit, &writes, &e)),
                        }
                    }
                    return Ok((commit, value));
                }
                // A git command holds the branch's lock file: wait a moment for it.
                Err(e) if e.code() == ErrorCode::Locked => {
                    locked = true;
                    std::thread::sleep(std::time::Duration::from_millis(50));
                    continue;
                }
                // Someone moved the branch without our lock: rebuild on the new head.
                Err(e) if matches!(e.code(), ErrorCode::Modified | ErrorCode::Exists) => {
                    locked = false;
                    continue;
                }
                Err(e) => return Err(e.into()),
            }
        }
        if locked {
            let path = self.git.path().join(format!("{}.lock", self.branch));
            return Err(Error::new(ErrorKind::Conflict, format!("{} is locked by {}", self.branch, path.display()))
                .hint("a git command is writing the branch, or one crashed and left the file behind")
                .hint(format!("if no git command is running, remove it: rm {}", path.display()))
                .hint("nothing was written"));
        }
        Err(Error::io(format!("{} kept moving while writing; gave up after {CAS_RETRIES} attempts", self.branch)))
    }

    /// Keep loose objects bounded, as git's own commands do: when the fan-out directory of
    /// the commit just written holds more than `gc.auto` (default 6700) spread over 256
    /// directories, pack the loose objects (`git repack -d`, which deletes nothing a reader
    /// could still need). `gc.auto` 0 turns it off. Best effort: a failure costs only disk.
    fn pack_if_loose(&self, commit: Oid) {
        let limit = self.git.config().and_then(|c| c.get_i64("gc.auto")).unwrap_or(6700);
        if limit <= 0 {
            return;
        }
        let hex = commit.to_string();
        let dir = self.git.path().join("objects").join(hex.get(..2).unwrap_or("00"));
        let loose = fs::read_dir(dir).map_or(0, |d| d.count());
        if loose as i64 <= (limit + 255) / 256 {
            return;
        }
        let _ = std::process::Command::new("git")
            .arg("--git-dir")
            .arg(self.git.path())
            .args(["repack", "-d", "-q"])
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status();
    }

    /// Tell the command layer's listener (`-q` does not silence warnings); nothing without one.
    fn warn(&self, message: &str) {
        if let Some(warn) = &self.warn {
            warn(message);
        }
    }

    /// Create a commit object (the branch does not move), signed by `signer` when given.
    pub fn commit(
        &self,
        author: &Signature<'_>,
        committer: &Signature<'_>,
        message: &str,
        tree: &Tree<'_>,
        parent: Option<Oid>,
        signer: Option<&dyn CommitSigner>,
    ) -> Result<Oid> {
        let parents: Vec<git2::Commit<'_>> = match parent {
            Some(id) => vec![self.git.find_commit(id)?],
            None => Vec::new(),
        };
        let parent_refs: Vec<&git2::Commit<'_>> = parents.iter().collect();
        Ok(match signer {
            None => self.git.commit(None, author, committer, message, tree, &parent_refs)?,
            Some(key) => {
                let buffer = self.git.commit_create_buffer(author, committer, message, tree, &parent_refs)?;
                let content = std::str::from_utf8(&buffer).map_err(|_| Error::io("commit buffer is not UTF-8"))?;
                let signature = key.sign_commit(content.as_bytes())?;
                self.git.commit_signed(content, &signature, None)?
            }
        })
    }

    /// The exclusive writer lock. Held for the life of the returned file; the kernel drops
    /// it if the process dies, so a crash never leaves a stale lock behind.
    pub fn lock(&self) -> Result<File> {
        self.lock_named("clearance.lock")
    }

    /// A lock file of its own name in the git dir (`sync` serializes fetch and push on one).
    /// [`ChangeRepo::lock_named`] without waiting: `None` when another process holds it.
    pub fn try_lock_named(&self, name: &str) -> Result<Option<File>> {
        let (file, path) = self.lock_file(name)?;
        match file.try_lock() {
            Ok(()) => Ok(Some(file)),
            Err(std::fs::TryLockError::WouldBlock) => Ok(None),
            Err(std::fs::TryLockError::Error(e)) => Err(e).with_path(&path),
        }
    }

    /// [`ChangeRepo::lock`] under another name: waits while another process holds it, tells
    /// the [`LockWait::notice`] once it has waited a second, and gives up after the timeout.
    pub fn lock_named(&self, name: &str) -> Result<File> {
        let (file, path) = self.lock_file(name)?;
        let wait = &self.lock_wait;
        let started = std::time::Instant::now();
        let mut told = false;
        let mut poll = std::time::Duration::from_millis(1);
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(file),
                Err(std::fs::TryLockError::WouldBlock) => {}
                Err(std::fs::TryLockError::Error(e)) => return Err(e).with_path(&path),
            }
            let waited = started.elapsed();
            if waited >= wait.timeout {
                return Err(Error::new(
                    ErrorKind::Conflict,
                    format!("another clearance process held {} for {}s; gave up", path.display(), waited.as_secs()),
                )
                .hint("the holder is still running (see `fuser` or `lsof` on that file); wait for it or raise --lock-timeout")
                .hint("nothing was written"));
            }
            if !told && waited >= LOCK_NOTICE_AFTER {
                told = true;
                if let Some(notice) = &wait.notice {
                    notice(&path, wait.timeout);
                }
            }
            std::thread::sleep(poll);
            poll = (poll * 2).min(LOCK_POLL);
        }
    }

    /// The lock file `.git/NAME`, opened (created when missing), not yet locked.
    fn lock_file(&self, name: &str) -> Result<(File, PathBuf)> {
        let path = self.git.path().join(name);
        let file = fs::OpenOptions::new().create(true).truncate(false).write(true).open(&path).with_path(&path)?;
        Ok((file, path))
    }

    /// Bring the work tree and index up to date for the written paths when HEAD is the
    /// branch we moved. Only clearance's own paths change, so nothing of the user's is touched.
    fn sync_worktree(&self, writes: &[Write]) -> Result<()> {
        let Some(workdir) = self.git.workdir().filter(|_| self.checked_out()) else {
            return Ok(());
        };
        self.update_worktree(
            workdir,
            writes.iter().map(|w| (w.path.as_str(), (!w.delete).then_some((w.bytes.as_slice(), w.executable)))),
        )
    }

    /// Write each file into the work tree and stage it, or remove and unstage it (`None`).
    fn update_worktree<'f>(
        &self,
        workdir: &Path,
        files: impl IntoIterator<Item = (&'f str, Option<(&'f [u8], bool)>)>,
    ) -> Result<()> {
        let mut index = self.git.index()?;
        // Another process may have written it since this one first read it.
        index.read(false)?;
        for (path, content) in files {
            let dest = workdir.join(path);
            match content {
                Some((bytes, executable)) => {
                    crate::store::fs::check_no_links(workdir, path)?;
                    crate::store::fs::write_atomic(&dest, bytes, executable)?;
                    index.add_path(Path::new(path))?;
                }
                None => {
                    match fs::remove_file(&dest) {
                        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e).with_path(&dest),
                        _ => {}
                    }
                    index.remove_path(Path::new(path))?;
                }
            }
        }
        crate::text::fault::crash_point("worktree-written");
        index.write()?;
        Ok(())
    }

    /// Repair what a write killed half-way left behind, before anything else (a no-op
    /// unless `.git/clearance/write.journal` was left by a process that is gone):
    /// - the branch moved but the work tree and index did not: bring them along;
    /// - and someone committed the lagging index on top (a plain `git commit -am`), which
    ///   reverted the write: commit the written files again;
    /// - the branch never moved: nothing landed.
    ///
    /// Leftover temp files beside the written paths are removed. Returns what was done,
    /// for the caller to say.
    pub fn recover(&self) -> Result<Option<String>> {
        use crate::store::journal;
        if !journal::path(&self.git).exists() {
            return Ok(None);
        }
        let _lock = self.lock()?;
        let Some(j) = journal::read(&self.git) else {
            journal::end(&self.git);
            return Ok(None);
        };
        if journal::alive(&j) {
            return Ok(None);
        }
        let (Some(workdir), true) = (self.git.workdir(), self.checked_out()) else {
            journal::end(&self.git);
            return Ok(None);
        };
        let workdir = workdir.to_path_buf();
        let cleaned = journal::clean_temp_files(&workdir, &j.paths);
        let (Ok(commit), Some(head)) = (Oid::from_str(&j.commit), self.head()?) else {
            journal::end(&self.git);
            return Ok(None);
        };
        let at = |id: Option<Oid>, path: &str| -> Result<Option<(Oid, i32)>> {
            let Some(id) = id else { return Ok(None) };
            let tree = self.git.find_commit(id)?.tree()?;
            Ok(tree.get_path(Path::new(path)).ok().map(|e| (e.id(), e.filemode())))
        };
        let short = |o: Oid| o.to_string()[..10].to_owned();
        let done = if head == commit {
            let entries: Vec<(String, Entry)> =
                j.paths.iter().map(|p| Ok((p.clone(), at(Some(head), p)?))).collect::<Result<_>>()?;
            self.put_entries(&workdir, &entries)?;
            Some(format!("repaired the work tree and index after a write was interrupted (commit {})", short(commit)))
        } else if self.git.graph_descendant_of(head, commit)? {
            let base = j.base.as_deref().and_then(|b| Oid::from_str(b).ok());
            let mut restore = Vec::new();
            for path in &j.paths {
                let (now, then, before) = (at(Some(head), path)?, at(Some(commit), path)?, at(base, path)?);
                if now == before && then != before {
                    restore.push((path.clone(), then));
                }
            }
            if restore.is_empty() {
                None
            } else {
                let tree = self.git.find_commit(head)?.tree()?;
                let tree = self.git.find_tree(tree_with(&self.git, Some(&tree), &restore)?)?;
                let who = signature("clearance")?;
                let message = format!(
                    "repair: restore {} file(s) of {} that a commit on top reverted after a write was interrupted",
                    restore.len(),
                    short(commit)
                );
                let repaired = self.commit(&who, &who, &message, &tree, Some(head), None)?;
                self.git.reference_matching(&self.branch, repaired, true, head, &message)?;
                crate::store::mark::advance(&self.git, &self.branch, repaired);
                self.put_entries(&workdir, &restore)?;
                Some(format!(
                    "repaired: a write was interrupted and a commit on top reverted {} of its file(s); restored them in commit {}",
                    restore.len(),
                    short(repaired)
                ))
            }
        } else {
            None
        };
        journal::end(&self.git);
        Ok(done.or_else(|| {
            (cleaned > 0).then(|| format!("repaired: removed {cleaned} temp file(s) an interrupted write left"))
        }))
    }

    /// Move the branch from `old` to `new` (under the writer lock, which the caller holds),
    /// bringing the work tree and index along for every path that differs. A path with local
    /// edits that the move would overwrite stops it before anything is touched.
    pub fn move_branch(&self, old: Option<Oid>, new: Oid, message: &str) -> Result<()> {
        if Some(new) == old {
            return Ok(());
        }
        let workdir = self.git.workdir().filter(|_| self.checked_out());
        let mut changes = Vec::new();
        if let Some(workdir) = workdir {
            let old_tree = old.map(|o| self.git.find_commit(o).and_then(|c| c.tree())).transpose()?;
            let new_tree = self.git.find_commit(new)?.tree()?;
            changes = changed_paths(&self.git, old_tree.as_ref(), &new_tree)?;
            for (path, before, after) in &changes {
                let on_disk = workdir.join(path);
                let current = match fs::symlink_metadata(&on_disk) {
                    Ok(_) => Some(Oid::hash_file(ObjectType::Blob, &on_disk)?),
                    Err(_) => None,
                };
                if current != *before && current != after.map(|(oid, _)| oid) {
                    return Err(Error::new(
                        crate::error::ErrorKind::Conflict,
                        format!("{path} has local edits that syncing would overwrite"),
                    )
                    .hint("commit or stash them with git, then sync again"));
                }
            }
        }
        match old {
            Some(old) => self.git.reference_matching(&self.branch, new, true, old, message)?,
            None => self.git.reference(&self.branch, new, false, message)?,
        };
        let Some(workdir) = workdir else {
            return Ok(());
        };
        let entries: Vec<(String, Entry)> = changes.into_iter().map(|(path, _, after)| (path, after)).collect();
        self.put_entries(workdir, &entries)
    }

    /// Write each path's entry into the work tree and index (`None`: remove the file).
    fn put_entries(&self, workdir: &Path, entries: &[(String, Entry)]) -> Result<()> {
        let mut files = Vec::with_capacity(entries.len());
        for (path, entry) in entries {
            let content = match entry {
                Some((oid, mode)) => {
                    Some((self.git.find_blob(*oid)?.content().to_vec(), *mode == i32::from(FileMode::BlobExecutable)))
                }
                None => None,
            };
            files.push((path.as_str(), content));
        }
        self.update_worktree(workdir, files.iter().map(|(p, c)| (*p, c.as_ref().map(|(b, x)| (b.as_slice(), *x)))))
    }
}

/// A file's id and mode in a tree, as a change entry.
pub type Entry = Option<(Oid, i32)>;

/// Every file path that differs between two trees: (path, blob before, entry after).
pub fn changed_paths(
    git: &Repository,
    old: Option<&Tree<'_>>,
    new: &Tree<'_>,
) -> Result<Vec<(String, Option<Oid>, Entry)>> {
    let diff = git.diff_tree_to_tree(old, Some(new), None)?;
    let mut out = Vec::new();
    for delta in diff.deltas() {
        let (before, after) = (delta.old_file(), delta.new_file());
        let path = after.path().or_else(|| before.path()).and_then(|p| p.to_str()).unwrap_or_default().to_owned();
        let before_id = (!before.id().is_zero()).then(|| before.id());
        let after_entry = (!after.id().is_zero()).then(|| (after.id(), i32::from(after.mode())));
        out.push((path, before_id, after_entry));
    }
    Ok(out)
}

/// The branch clearance reads and writes: `CLEARANCE_BRANCH` when set (CI checkouts often
/// leave HEAD detached), else the branch HEAD points to (`refs/heads/main` in a fresh repo,
/// even before its first commit).
fn branch(git: &Repository) -> Result<String> {
    if let Some(name) = std::env::var("CLEARANCE_BRANCH").ok().filter(|b| !b.is_empty()) {
        let full = if name.starts_with("refs/") { name } else { format!("refs/heads/{name}") };
        if !git2::Reference::is_valid_name(&full) {
            return Err(Error::usage(format!("CLEARANCE_BRANCH: `{full}` is not a valid branch name")));
        }
        return Ok(full);
    }
    let head = git.find_reference("HEAD")?;
    match head.symbolic_target() {
        Some(target) => Ok(target.to_owned()),
        None => Err(Error::invalid("HEAD is detached, so there is no branch to read and write")
            .hint("check out the change repository's branch, or set CLEARANCE_BRANCH=main (e.g. in CI)")),
    }
}

pub fn signature(actor: &str) -> Result<Signature<'static>> {
    let time = crate::text::time::now();
    let git_time = git2::Time::new(time.as_second(), 0);
    Ok(Signature::new(actor, &format!("{actor}@clearance"), &git_time)?)
}

/// Signs commits (an SSH signature in the commit header, namespace `git`). The trust layer
/// implements it for signing keys; storage only carries the signature.
pub trait CommitSigner {
    fn sign_commit(&self, content: &[u8]) -> Result<String>;
}

/// Files to write (or delete), grouped by directory so each tree along the way is rebuilt once.
enum Pending {
    Blob(Oid, i32),
    Delete,
    Dir(BTreeMap<String, Pending>),
}

/// What to say when a commit landed but the work tree could not follow it (a stale
/// `.git/index.lock`, a full disk): the write stands, and how to bring the checkout up.
fn worktree_lag(commit: Oid, writes: &[Write], error: &Error) -> String {
    let dirs: std::collections::BTreeSet<&str> =
        writes.iter().map(|w| w.path.rsplit_once('/').map_or(w.path.as_str(), |(d, _)| d)).collect();
    format!(
        "committed {:.12}, but the work tree and index were not updated: {error}\n  \
         once no git command is running (remove a stale .git/index.lock), run: git checkout HEAD -- {}",
        commit.to_string(),
        dirs.into_iter().collect::<Vec<_>>().join(" ")
    )
}

fn build_tree(git: &Repository, base: Option<&Tree<'_>>, writes: &[Write]) -> Result<Oid> {
    let mut entries = Vec::with_capacity(writes.len());
    for w in writes {
        let mode = if w.executable { FileMode::BlobExecutable } else { FileMode::Blob };
        let entry = if w.delete { None } else { Some((git.blob(&w.bytes)?, i32::from(mode))) };
        entries.push((w.path.clone(), entry));
    }
    tree_with(git, base, &entries)
}

/// Where the governance log lives.
pub const LOG: &str = "governance/log.jsonl";

/// The object for a work-tree path: a blob for a regular file, a tree for a directory
/// (recursively), nothing for symlinks, sockets or what does not exist.
fn dir_object(git: &Repository, path: &Path) -> Result<Option<(Oid, i32)>> {
    let meta = match fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).with_path(path),
    };
    if meta.is_file() {
        use std::os::unix::fs::PermissionsExt;
        let bytes = fs::read(path).with_path(path)?;
        let mode = if meta.permissions().mode() & 0o111 != 0 { FileMode::BlobExecutable } else { FileMode::Blob };
        return Ok(Some((git.blob(&bytes)?, mode.into())));
    }
    if !meta.is_dir() {
        return Ok(None);
    }
    let mut builder = git.treebuilder(None)?;
    let mut names: Vec<_> = fs::read_dir(path).with_path(path)?.filter_map(|e| e.ok()).map(|e| e.file_name()).collect();
    names.sort();
    for name in names {
        let Some(text) = name.to_str() else { continue };
        if text == ".git" {
            continue;
        }
        if let Some((oid, mode)) = dir_object(git, &path.join(&name))? {
            builder.insert(text, oid, mode)?;
        }
    }
    Ok((!builder.is_empty()).then(|| builder.write()).transpose()?.map(|oid| (oid, FileMode::Tree.into())))
}

/// `base` with each path set to its entry, or removed where the entry is `None` (directories
/// left empty disappear, as in git).
pub fn tree_with(git: &Repository, base: Option<&Tree<'_>>, entries: &[(String, Entry)]) -> Result<Oid> {
    let mut root = BTreeMap::new();
    for (path, entry) in entries {
        let parts: Vec<&str> = path.split('/').collect();
        if parts.iter().any(|p| p.is_empty() || *p == "." || *p == ".." || *p == ".git") {
            return Err(Error::invalid(format!("refusing to write to path `{path}`")));
        }
        let mut dir = &mut root;
        for part in &parts[..parts.len() - 1] {
            let entry = dir.entry((*part).to_owned()).or_insert_with(|| Pending::Dir(BTreeMap::new()));
            dir = match entry {
                Pending::Dir(d) => d,
                _ => return Err(Error::invalid(format!("`{part}` is both a file and a directory in one commit"))),
            };
        }
        let leaf = match entry {
            Some((oid, mode)) => Pending::Blob(*oid, *mode),
            None => Pending::Delete,
        };
        dir.insert(parts[parts.len() - 1].to_owned(), leaf);
    }
    match write_dir(git, base, &root)? {
        Some(tree) => Ok(tree),
        // Written only when the tree really is empty, never as a dangling spare.
        None => Ok(git.treebuilder(None)?.write()?),
    }
}

/// The tree id, or `None` when nothing is left in it.
fn write_dir(git: &Repository, base: Option<&Tree<'_>>, pending: &BTreeMap<String, Pending>) -> Result<Option<Oid>> {
    let mut builder = git.treebuilder(base)?;
    for (name, item) in pending {
        match item {
            Pending::Blob(oid, mode) => {
                builder.insert(name, *oid, *mode)?;
            }
            Pending::Delete => {
                if builder.get(name)?.is_some() {
                    builder.remove(name)?;
                }
            }
            Pending::Dir(children) => {
                let sub = match base.and_then(|t| t.get_name(name)) {
                    Some(entry) if entry.kind() == Some(ObjectType::Tree) => Some(git.find_tree(entry.id())?),
                    Some(_) => {
                        return Err(Error::invalid(format!("`{name}` exists as a file, cannot write beneath it")));
                    }
                    None => None,
                };
                match write_dir(git, sub.as_ref(), children)? {
                    Some(oid) => {
                        builder.insert(name, oid, FileMode::Tree.into())?;
                    }
                    None => {
                        if builder.get(name)?.is_some() {
                            builder.remove(name)?;
                        }
                    }
                }
            }
        }
    }
    Ok((!builder.is_empty()).then(|| builder.write()).transpose()?)
}
