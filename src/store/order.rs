//! Branch order: where on a branch's first-parent line something first appeared. Times
//! written inside files are their writers' word; the order of commits on the branch is
//! what every clone sees alike. What clearance stores only grows (append-only is proven
//! separately), so "first present" is found by bisecting the line.

use std::cell::OnceCell;
use std::path::Path;

use git2::{Oid, Repository, Tree};

use crate::error::Result;

pub struct BranchOrder<'r> {
    git: &'r Repository,
    head: Option<Oid>,
    /// The first-parent line, oldest first; walked once, when first needed.
    line: OnceCell<Vec<Oid>>,
}

impl<'r> BranchOrder<'r> {
    pub fn new(git: &'r Repository, head: Option<Oid>) -> BranchOrder<'r> {
        BranchOrder { git, head, line: OnceCell::new() }
    }

    fn line(&self) -> Result<&[Oid]> {
        if let Some(line) = self.line.get() {
            return Ok(line);
        }
        let mut line = Vec::new();
        if let Some(head) = self.head {
            let mut walk = self.git.revwalk()?;
            walk.simplify_first_parent()?;
            walk.push(head)?;
            for id in walk {
                line.push(id?);
            }
            line.reverse();
        }
        Ok(self.line.get_or_init(|| line))
    }

    /// The position (0: the oldest commit) of the first commit on the line from which
    /// `present` holds, or `None` when it does not hold at the head.
    pub fn first_where(&self, present: impl Fn(&Tree<'_>) -> Result<bool>) -> Result<Option<usize>> {
        let line = self.line()?;
        let at = |i: usize| -> Result<bool> {
            let Some(&id) = line.get(i) else { return Ok(false) };
            present(&self.git.find_commit(id)?.tree()?)
        };
        if line.is_empty() || !at(line.len() - 1)? {
            return Ok(None);
        }
        // Invariant: present at `hi`; absent before `lo`.
        let (mut lo, mut hi) = (0, line.len() - 1);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if at(mid)? {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        Ok(Some(hi))
    }

    /// The commit at `position` on the line.
    pub fn commit(&self, position: usize) -> Result<Option<Oid>> {
        Ok(self.line()?.get(position).copied())
    }

    /// Where `path` first appeared on the line.
    pub fn appeared(&self, path: &str) -> Result<Option<usize>> {
        self.first_where(|tree| Ok(tree.get_path(Path::new(path)).is_ok()))
    }

    /// Where the file at `path` first had at least `lines` non-empty lines.
    pub fn grew_to(&self, path: &str, lines: usize) -> Result<Option<usize>> {
        self.first_where(|tree| {
            let Ok(entry) = tree.get_path(Path::new(path)) else { return Ok(false) };
            let blob = self.git.find_blob(entry.id())?;
            Ok(blob.content().split(|b| *b == b'\n').filter(|l| !l.is_empty()).count() >= lines)
        })
    }
}
