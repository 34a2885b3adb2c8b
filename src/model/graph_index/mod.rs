//! The compiled service graph: a compact, reverse-adjacency (who depends on me) form,
//! cached under `.git/clearance/graph.bin` keyed by the graph blob's object id.
//!
//! Everything lives in one block of 32-bit words (plus the tiers and the interned text), in
//! the cache file's own layout: a fresh build is written out as it is, and a cached one is
//! read straight into place, with no decoding. The cache is never trusted blindly: a header
//! names the blob it was built from, a checksum covers the body, and opening it
//! bounds-checks every offset and index. Anything off means the graph is parsed again and
//! the cache rewritten.

pub mod cache;
mod read;

use std::ops::Range;

use crate::error::{Error, Result};
use crate::model::graph::{self, EdgeKind, ServiceGraph};
use crate::store::repo::{ChangeRepo, Snapshot};

pub use read::parse;

/// The high bit of a reverse edge marks it async.
const ASYNC: u32 = 1 << 31;

/// How many words open the block: the counts every section's place follows from.
const COUNTS: usize = 8;

/// Read-only graph for traversals. Services are numbered in id order, and service `i`'s id
/// is string `i` (the other strings follow the ids); owners, data, tags and annotations are
/// lists of string indices; `dependents` lists, for service `i`, the services that depend
/// on it, with the async bit.
pub struct Compiled {
    store: Store,
    layout: Layout,
}

/// The words, the tiers and the text, owned (read from a cache file or just built).
struct Store {
    words: Vec<u32>,
    tier: Vec<u8>,
    text: String,
}

/// Compressed sparse rows: the values of row `i` are `values[offsets[i]..offsets[i+1]]`,
/// both ranges of the words.
#[derive(Debug, Clone, PartialEq)]
struct Csr {
    offsets: Range<usize>,
    values: Range<usize>,
}

/// Where each section lies in the words, from the counts that open them:
/// `[services, strings, text bytes, owners, data, tags, annotations, edges]`.
#[derive(Debug, Clone, PartialEq)]
struct Layout {
    n: usize,
    text_len: usize,
    string_offsets: Range<usize>,
    owners: Csr,
    data: Csr,
    tags: Csr,
    annotations: Csr,
    dependents: Csr,
    words: usize,
}

impl Layout {
    fn new(counts: &[u32]) -> Option<Layout> {
        let &[n, strings, text_len, owners, data, tags, annotations, edges] = counts else { return None };
        let (n, text_len) = (n as usize, text_len as usize);
        let mut at = COUNTS;
        let mut take = |len: usize| {
            let start = at;
            at = at.checked_add(len)?;
            Some(start..at)
        };
        let string_offsets = take((strings as usize).checked_add(1)?)?;
        let mut csr = |values: u32| Some(Csr { offsets: take(n.checked_add(1)?)?, values: take(values as usize)? });
        let (owners, data, tags) = (csr(owners)?, csr(data)?, csr(tags)?);
        let (annotations, dependents) = (csr(annotations)?, csr(edges)?);
        Some(Layout { n, text_len, string_offsets, owners, data, tags, annotations, dependents, words: at })
    }
}

/// One dependent edge: `service` depends on the node whose row this is.
#[derive(Debug, Clone, Copy)]
pub struct Dependent {
    pub service: usize,
    pub kind: EdgeKind,
}

impl Store {
    /// The layout of these words, after checking that every offset and index is in
    /// bounds, every string on a character boundary and the ids in order: `None` if
    /// anything is off.
    fn check(&self) -> Option<Layout> {
        let (words, tiers, text) = (&self.words[..], &self.tier[..], &self.text[..]);
        let layout = Layout::new(words.get(..COUNTS)?)?;
        let strings = layout.string_offsets.len() - 1;
        let n = layout.n;
        if layout.words != words.len() || tiers.len() != n || text.len() != layout.text_len {
            return None;
        }
        // Written as folds without early exits, which the compiler turns into vector code:
        // every word of a cache is read here on every run.
        let monotonic = |o: &[u32], end: usize| {
            o.first() == Some(&0)
                && o.iter().zip(o.iter().skip(1)).fold(true, |ok, (a, b)| ok & (a <= b))
                && o.last().copied() == Some(end as u32)
        };
        let offsets = &words[layout.string_offsets.clone()];
        if !monotonic(offsets, text.len()) || offsets.iter().any(|&o| !text.is_char_boundary(o as usize)) {
            return None;
        }
        if strings < n || tiers.iter().fold(0, |max, &t| max.max(t)) > 3 {
            return None;
        }
        for (csr, bound, mask) in [
            (&layout.owners, strings, u32::MAX),
            (&layout.data, strings, u32::MAX),
            (&layout.tags, strings, u32::MAX),
            (&layout.annotations, strings, u32::MAX),
            (&layout.dependents, n, !ASYNC),
        ] {
            let values = &words[csr.values.clone()];
            if !monotonic(&words[csr.offsets.clone()], values.len())
                || values.iter().map(|&v| v & mask).max().is_some_and(|max| max as usize >= bound)
            {
                return None;
            }
        }
        if words[layout.annotations.offsets.clone()].iter().fold(0, |odd, &o| odd | o) & 1 != 0 {
            return None;
        }
        // Ids of the id syntax (nothing a terminal would act on), strictly increasing: no id
        // twice, and a lookup can search them.
        let id = |s: usize| &text[offsets[s] as usize..offsets[s + 1] as usize];
        if !(0..n).all(|i| graph::is_service_id(id(i)) && (i == 0 || id(i - 1) < id(i))) {
            return None;
        }
        Some(layout)
    }
}

impl Compiled {
    /// A graph over `store`, checked: `None` if anything in it is off.
    fn new(store: Store) -> Option<Compiled> {
        let layout = store.check()?;
        Some(Compiled { store, layout })
    }

    fn words(&self) -> &[u32] {
        &self.store.words
    }

    fn tiers(&self) -> &[u8] {
        &self.store.tier
    }

    fn text(&self) -> &str {
        &self.store.text
    }

    fn row(&self, csr: &Csr, i: usize) -> &[u32] {
        let words = self.words();
        let offsets = &words[csr.offsets.clone()];
        &words[csr.values.start + offsets[i] as usize..csr.values.start + offsets[i + 1] as usize]
    }

    pub fn len(&self) -> usize {
        self.layout.n
    }

    pub fn is_empty(&self) -> bool {
        self.layout.n == 0
    }

    pub fn id(&self, i: usize) -> &str {
        self.string(i as u32)
    }

    pub fn tier(&self, i: usize) -> u8 {
        self.tiers()[i]
    }

    /// The interned string `s` (an id, owner, data class, tag or annotation).
    pub fn string(&self, s: u32) -> &str {
        let offsets = &self.words()[self.layout.string_offsets.clone()];
        &self.text()[offsets[s as usize] as usize..offsets[s as usize + 1] as usize]
    }

    /// How many strings are interned: every label id is below it.
    pub fn strings_len(&self) -> usize {
        self.layout.string_offsets.len() - 1
    }

    /// Service `i`'s owners, data classes and tags as interned string ids.
    pub fn label_ids(&self, i: usize) -> [&[u32]; 3] {
        [self.row(&self.layout.owners, i), self.row(&self.layout.data, i), self.row(&self.layout.tags, i)]
    }

    pub fn owners(&self, i: usize) -> impl Iterator<Item = &str> + Clone {
        self.row(&self.layout.owners, i).iter().map(|&s| self.string(s))
    }

    pub fn data(&self, i: usize) -> impl Iterator<Item = &str> + Clone {
        self.row(&self.layout.data, i).iter().map(|&s| self.string(s))
    }

    pub fn tags(&self, i: usize) -> impl Iterator<Item = &str> + Clone {
        self.row(&self.layout.tags, i).iter().map(|&s| self.string(s))
    }

    /// The value of annotation `key` of service `i`.
    pub fn annotation(&self, i: usize, key: &str) -> Option<&str> {
        self.annotations(i).find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// Service `i`'s annotations, ordered by key.
    pub fn annotations(&self, i: usize) -> impl Iterator<Item = (&str, &str)> {
        self.row(&self.layout.annotations, i).chunks_exact(2).map(|kv| (self.string(kv[0]), self.string(kv[1])))
    }

    pub fn dependents(&self, i: usize) -> impl Iterator<Item = Dependent> + '_ {
        self.row(&self.layout.dependents, i).iter().map(|&e| Dependent {
            service: (e & !ASYNC) as usize,
            kind: if e & ASYNC != 0 { EdgeKind::Async } else { EdgeKind::Sync },
        })
    }

    pub fn find(&self, id: &str) -> Option<usize> {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let mid = low + (high - low) / 2;
            match self.id(mid).cmp(id) {
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.id(i))
    }

    /// Compile a graph parsed whole (the located path and tests; big graphs are read
    /// straight into the compiled form by [`parse`]).
    pub fn build(graph: &ServiceGraph) -> Compiled {
        use crate::model::graph::read::{Label, Sink as _};
        let mut builder = read::Builder::default();
        for s in &graph.services {
            for (list, label) in [(&s.owners, Label::Owners), (&s.data, Label::Data), (&s.tags, Label::Tags)] {
                for v in list {
                    builder.label(label, v);
                }
            }
            for (k, v) in &s.annotations {
                builder.annotation(k, v);
            }
            for edge in &s.depends_on {
                builder.edge(edge.service(), Some(edge.kind()));
            }
            assert!(builder.end_service(&s.id, s.tier), "a parsed graph's annotations are a map");
        }
        builder.finish().expect("a parsed graph has unique ids and known edges")
    }
}

/// Two graphs are equal when they say the same of every service, however stored and in
/// whatever order their strings were met.
impl PartialEq for Compiled {
    fn eq(&self, other: &Compiled) -> bool {
        self.len() == other.len()
            && (0..self.len()).all(|i| {
                self.id(i) == other.id(i)
                    && self.tier(i) == other.tier(i)
                    && self.owners(i).eq(other.owners(i))
                    && self.data(i).eq(other.data(i))
                    && self.tags(i).eq(other.tags(i))
                    && self.annotations(i).eq(other.annotations(i))
                    && self
                        .dependents(i)
                        .map(|d| (d.service, d.kind))
                        .eq(other.dependents(i).map(|d| (d.service, d.kind)))
            })
    }
}

impl std::fmt::Debug for Compiled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Compiled").field("services", &self.len()).field("strings", &self.strings_len()).finish()
    }
}

/// The compiled graph of the branch, from the cache when it was built from the same blob.
pub fn load(repo: &ChangeRepo, snapshot: &Snapshot<'_>) -> Result<Compiled> {
    for path in graph::PATHS {
        let Some(oid) = snapshot.entry_id(path)? else { continue };
        let cache = repo.cache_dir().join("graph.bin");
        if let Some(compiled) = cache::open(&cache, oid) {
            return Ok(compiled);
        }
        // On a large graph the blob is most of a cold run's peak memory. Stored loose, it is
        // inflated here: a JSON graph is read as it streams in, a YAML one read whole first.
        // In a pack, it is read in place. Either way it is let go before the compiled form
        // is put together.
        let streamed = snapshot.with_blob_stream(oid, |stream, len| match path.ends_with(".json") {
            true => read::read_json_stream(stream, len),
            false => read::read_whole(stream, len).and_then(|bytes| read::read(&bytes, path)),
        });
        let read = match streamed {
            Some(read) => read,
            None => read::read(snapshot.git_blob(oid)?.content(), path),
        };
        let compiled = match read.and_then(read::Builder::finish) {
            Some(compiled) => compiled,
            None => read::located(snapshot.git_blob(oid)?.content(), path)?,
        };
        // A cache that cannot be written only costs time next run.
        let _ = cache::write(&compiled, &cache, oid);
        return Ok(compiled);
    }
    Err(Error::not_found("the branch has no service graph (graph/services.yaml or graph/services.json)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> ServiceGraph {
        let yaml = "apiVersion: clearance/v1\nkind: ServiceGraph\nservices:\n  - {id: c, depends_on: [{service: b, kind: async}, c], tags: [x], annotations: {z: '1', a: '2'}}\n  - {id: a, tier: 0, owners: [t1], data: [pci]}\n  - {id: b, depends_on: [a], owners: [t1]}\n";
        ServiceGraph::parse(yaml.as_bytes(), "g.yaml").unwrap()
    }

    #[test]
    fn answers_lookups_and_round_trips_through_the_cache() {
        let compiled = Compiled::build(&sample());
        let b = compiled.find("b").unwrap();
        assert_eq!(compiled.id(b), "b");
        let deps: Vec<(String, EdgeKind)> =
            compiled.dependents(b).map(|d| (compiled.id(d.service).to_owned(), d.kind)).collect();
        assert_eq!(deps, vec![("c".to_owned(), EdgeKind::Async)]);
        assert_eq!(compiled.owners(compiled.find("a").unwrap()).collect::<Vec<_>>(), vec!["t1"]);
        assert_eq!(compiled.annotations(2).collect::<Vec<_>>(), vec![("a", "2"), ("z", "1")]);
        assert!(compiled.find("zz").is_none());
        let numbers: Vec<usize> = ["a", "b", "c"].iter().map(|id| compiled.find(id).unwrap()).collect();
        assert_eq!(numbers, vec![0, 1, 2], "services are numbered in id order");

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("graph.bin");
        let key = git2::Oid::hash_object(git2::ObjectType::Blob, b"x").unwrap();
        cache::write(&compiled, &path, key).unwrap();
        let opened = cache::open(&path, key).unwrap();
        assert_eq!(opened, compiled);
        assert_eq!(opened.id(opened.find("c").unwrap()), "c");
    }

    /// `compiled`'s parts, edited, checked again.
    fn edited(compiled: &Compiled, edit: impl FnOnce(&mut Vec<u32>, &mut Vec<u8>, &mut String)) -> Option<Compiled> {
        let Store { words, tier, text } = &compiled.store;
        let (mut words, mut tier, mut text) = (words.clone(), tier.clone(), text.clone());
        edit(&mut words, &mut tier, &mut text);
        Compiled::new(Store { words, tier, text })
    }

    /// What the checksum cannot catch (a cache rewritten whole, checksum and all) the
    /// checks on opening do: every bound, the character boundaries and the id order.
    #[test]
    fn words_out_of_bounds_or_order_are_refused() {
        let c = Compiled::build(&sample());
        let layout = c.layout.clone();
        assert!(edited(&c, |_, _, _| {}).is_some());
        // An edge to a service that does not exist; the async bit is not part of the number.
        let edge = layout.dependents.values.start;
        assert!(edited(&c, |w, _, _| w[edge] = 3).is_none());
        assert!(edited(&c, |w, _, _| w[edge] |= ASYNC).is_some());
        // A label naming no string, a row running past its table, a tier of 4.
        assert!(edited(&c, |w, _, _| w[layout.owners.values.start] = 99).is_none());
        assert!(edited(&c, |w, _, _| w[layout.owners.offsets.end - 1] += 1).is_none());
        assert!(edited(&c, |_, t, _| t[0] = 4).is_none());
        // Ids out of order (lookups would miss them): the first two strings swapped.
        let (a, b) = (c.id(0).len(), c.id(1).len());
        assert!(
            edited(&c, |w, _, t| {
                let first = t[..a].to_owned();
                t.replace_range(..a + b, &format!("{}{first}", &t[a..a + b]));
                w[layout.string_offsets.start + 1] = b as u32;
            })
            .is_none()
        );
        // A string boundary inside a character (the text keeps its length).
        let p = c.words()[layout.string_offsets.start + 1] as usize;
        assert!(edited(&c, |_, _, t| t.replace_range(p - 1..p + 1, "é")).is_none());
        // An id no graph file could hold (the text keeps its length).
        assert!(edited(&c, |_, _, t| t.replace_range(0..1, "\u{1b}")).is_none());
        // Counts that do not add up to the words there are.
        assert!(edited(&c, |w, _, _| w[0] += 1).is_none());
        assert!(edited(&c, |w, _, _| w.push(0)).is_none());
    }
}
