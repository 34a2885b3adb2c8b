//! The compiled service graph: a compact, reverse-adjacency (who depends on me) form,
//! cached under `.git/clearance/graph.bin` keyed by the graph blob's object id.
//!
//! The cache is never trusted blindly: a header names the blob it was built from, a
//! checksum covers the body, and decoding bounds-checks every offset and index. Anything
//! off means the graph is parsed again and the cache rewritten.

use rustc_hash::FxHashMap as HashMap;

use git2::Oid;

use crate::error::{Error, Result};
use crate::model::graph::{self, EdgeKind, ServiceGraph};
use crate::store::fs::write_atomic;
use crate::store::repo::{ChangeRepo, Snapshot};

const MAGIC: &[u8; 4] = b"CLRG";
const VERSION: u32 = 2;
/// The high bit of a reverse edge marks it async.
const ASYNC: u32 = 1 << 31;

/// Read-only graph for traversals. Service `i` has id `strings[i]`; owners, data and tags
/// are lists of string indices.
#[derive(Debug, PartialEq)]
pub struct Compiled {
    strings: Strings,
    tier: Vec<u8>,
    owners: Csr,
    data: Csr,
    tags: Csr,
    /// Annotations as pairs of strings: key, value, key, value.
    annotations: Csr,
    /// For service `i`, the services that depend on it, with the async bit.
    dependents: Csr,
    /// Service indices sorted by id, for lookups by binary search.
    sorted: Vec<u32>,
    /// Each service's position in `sorted` (derived, not stored): ordering services by id
    /// is then comparing two integers.
    rank: Vec<u32>,
}

/// Each service's position in `sorted`.
fn ranks(sorted: &[u32]) -> Vec<u32> {
    let mut rank = vec![0; sorted.len()];
    for (pos, &i) in sorted.iter().enumerate() {
        if let Some(r) = rank.get_mut(i as usize) {
            *r = pos as u32;
        }
    }
    rank
}

#[derive(Debug, PartialEq)]
struct Strings {
    offsets: Vec<u32>,
    bytes: String,
}

impl Strings {
    fn get(&self, i: u32) -> &str {
        let (a, b) = (self.offsets[i as usize] as usize, self.offsets[i as usize + 1] as usize);
        &self.bytes[a..b]
    }
}

/// Compressed sparse rows: the values of row `i` are `values[offsets[i]..offsets[i+1]]`.
#[derive(Debug, PartialEq, Default)]
struct Csr {
    offsets: Vec<u32>,
    values: Vec<u32>,
}

impl Csr {
    fn row(&self, i: usize) -> &[u32] {
        &self.values[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }

    fn from_rows(rows: impl Iterator<Item = Vec<u32>>) -> Csr {
        let mut csr = Csr { offsets: vec![0], values: Vec::new() };
        for row in rows {
            csr.values.extend(row);
            csr.offsets.push(csr.values.len() as u32);
        }
        csr
    }
}

/// One dependent edge: `service` depends on the node whose row this is.
#[derive(Debug, Clone, Copy)]
pub struct Dependent {
    pub service: usize,
    pub kind: EdgeKind,
}

impl Compiled {
    pub fn len(&self) -> usize {
        self.tier.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tier.is_empty()
    }

    pub fn id(&self, i: usize) -> &str {
        self.strings.get(i as u32)
    }

    pub fn tier(&self, i: usize) -> u8 {
        self.tier[i]
    }

    /// Service `i`'s position among all services ordered by id.
    pub fn rank(&self, i: usize) -> u32 {
        self.rank[i]
    }

    /// The interned string `s` (an id, owner, data class, tag or annotation).
    pub fn string(&self, s: u32) -> &str {
        self.strings.get(s)
    }

    /// How many strings are interned: every label id is below it.
    pub fn strings_len(&self) -> usize {
        self.strings.offsets.len() - 1
    }

    /// Service `i`'s owners, data classes and tags as interned string ids.
    pub fn label_ids(&self, i: usize) -> [&[u32]; 3] {
        [self.owners.row(i), self.data.row(i), self.tags.row(i)]
    }

    pub fn owners(&self, i: usize) -> impl Iterator<Item = &str> + Clone {
        self.owners.row(i).iter().map(|&s| self.strings.get(s))
    }

    pub fn data(&self, i: usize) -> impl Iterator<Item = &str> + Clone {
        self.data.row(i).iter().map(|&s| self.strings.get(s))
    }

    pub fn tags(&self, i: usize) -> impl Iterator<Item = &str> + Clone {
        self.tags.row(i).iter().map(|&s| self.strings.get(s))
    }

    /// The value of annotation `key` of service `i`.
    pub fn annotation(&self, i: usize, key: &str) -> Option<&str> {
        self.annotations(i).find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    pub fn annotations(&self, i: usize) -> impl Iterator<Item = (&str, &str)> {
        self.annotations.row(i).chunks_exact(2).map(|kv| (self.strings.get(kv[0]), self.strings.get(kv[1])))
    }

    pub fn dependents(&self, i: usize) -> impl Iterator<Item = Dependent> + '_ {
        self.dependents.row(i).iter().map(|&e| Dependent {
            service: (e & !ASYNC) as usize,
            kind: if e & ASYNC != 0 { EdgeKind::Async } else { EdgeKind::Sync },
        })
    }

    pub fn find(&self, id: &str) -> Option<usize> {
        self.sorted.binary_search_by(|&i| self.strings.get(i).cmp(id)).ok().map(|pos| self.sorted[pos] as usize)
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.id(i))
    }

    /// Compile a validated graph.
    pub fn build(graph: &ServiceGraph) -> Compiled {
        let n = graph.services.len();
        let mut bytes = String::new();
        let mut offsets = vec![0u32];
        // Ids take the first n strings; labels (owners, data, tags) are interned after them.
        let mut interned: HashMap<&str, u32> = HashMap::with_capacity_and_hasher(n * 2, Default::default());
        fn intern<'g>(v: &'g str, map: &mut HashMap<&'g str, u32>, bytes: &mut String, offsets: &mut Vec<u32>) -> u32 {
            *map.entry(v).or_insert_with(|| {
                bytes.push_str(v);
                offsets.push(bytes.len() as u32);
                (offsets.len() - 2) as u32
            })
        }
        for s in &graph.services {
            intern(&s.id, &mut interned, &mut bytes, &mut offsets);
        }
        // Ids hold the first n strings: a label equal to an id is the id's string, so the
        // same map answers which service an edge names.
        let mut owners = Vec::with_capacity(n);
        let mut data = Vec::with_capacity(n);
        let mut tags = Vec::with_capacity(n);
        let mut annotations = Vec::with_capacity(n);
        for s in &graph.services {
            for (list, out) in [(&s.owners, &mut owners), (&s.data, &mut data), (&s.tags, &mut tags)] {
                out.push(list.iter().map(|v| intern(v, &mut interned, &mut bytes, &mut offsets)).collect::<Vec<u32>>());
            }
            annotations.push(
                s.annotations
                    .iter()
                    .flat_map(|(k, v)| [k, v])
                    .map(|v| intern(v, &mut interned, &mut bytes, &mut offsets))
                    .collect::<Vec<u32>>(),
            );
        }
        let mut rows: Vec<Vec<u32>> = vec![Vec::new(); n];
        for (from, s) in graph.services.iter().enumerate() {
            for edge in &s.depends_on {
                let to = interned[edge.service()] as usize;
                let bit = if edge.kind() == EdgeKind::Async { ASYNC } else { 0 };
                rows[to].push(from as u32 | bit);
            }
        }
        let strings = Strings { offsets, bytes };
        let mut sorted: Vec<u32> = (0..n as u32).collect();
        sorted.sort_by(|&a, &b| strings.get(a).cmp(strings.get(b)));
        Compiled {
            tier: graph.services.iter().map(|s| s.tier).collect(),
            owners: Csr::from_rows(owners.into_iter()),
            data: Csr::from_rows(data.into_iter()),
            tags: Csr::from_rows(tags.into_iter()),
            annotations: Csr::from_rows(annotations.into_iter()),
            dependents: Csr::from_rows(rows.into_iter()),
            rank: ranks(&sorted),
            sorted,
            strings,
        }
    }

    pub fn encode(&self, key: Oid) -> Vec<u8> {
        let mut body = Vec::with_capacity(self.strings.bytes.len() + self.dependents.values.len() * 4 + 1024);
        put_u32(&mut body, self.len() as u32);
        put_vec(&mut body, &self.strings.offsets);
        put_u32(&mut body, self.strings.bytes.len() as u32);
        body.extend_from_slice(self.strings.bytes.as_bytes());
        put_u32(&mut body, self.tier.len() as u32);
        body.extend_from_slice(&self.tier);
        for csr in [&self.owners, &self.data, &self.tags, &self.annotations, &self.dependents] {
            put_vec(&mut body, &csr.offsets);
            put_vec(&mut body, &csr.values);
        }
        put_vec(&mut body, &self.sorted);
        let mut out = Vec::with_capacity(body.len() + 48);
        out.extend_from_slice(MAGIC);
        put_u32(&mut out, VERSION);
        out.extend_from_slice(key.as_bytes());
        out.extend_from_slice(&(body.len() as u64).to_le_bytes());
        out.extend_from_slice(&checksum(&body).to_le_bytes());
        out.extend_from_slice(&body);
        out
    }

    /// Decode a cache file built from `key`; `None` when it is for another blob, corrupt,
    /// or inconsistent in any way.
    pub fn decode(bytes: &[u8], key: Oid) -> Option<Compiled> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != MAGIC || r.u32()? != VERSION || r.take(20)? != key.as_bytes() {
            return None;
        }
        let len = u64::from_le_bytes(r.take(8)?.try_into().ok()?) as usize;
        let sum = u64::from_le_bytes(r.take(8)?.try_into().ok()?);
        let body = r.take(len)?;
        if r.at != bytes.len() || checksum(body) != sum {
            return None;
        }
        let mut r = Reader { bytes: body, at: 0 };
        let n = r.u32()? as usize;
        let offsets = r.vec()?;
        let text_len = r.u32()? as usize;
        let text = std::str::from_utf8(r.take(text_len)?).ok()?.to_owned();
        let tier_len = r.u32()? as usize;
        let tier = r.take(tier_len)?.to_vec();
        let mut csrs = Vec::with_capacity(5);
        for _ in 0..5 {
            csrs.push(Csr { offsets: r.vec()?, values: r.vec()? });
        }
        let sorted = r.vec()?;
        if r.at != body.len() {
            return None;
        }
        let strings = Strings { offsets, bytes: text };
        let n_strings = strings.offsets.len().checked_sub(1)?;
        let monotonic = |o: &[u32], end: usize| {
            o.first() == Some(&0) && o.windows(2).all(|w| w[0] <= w[1]) && o.last().copied() == Some(end as u32)
        };
        if tier.len() != n
            || n_strings < n
            || !monotonic(&strings.offsets, strings.bytes.len())
            || tier.iter().any(|&t| t > 3)
        {
            return None;
        }
        if strings.offsets.iter().any(|&o| !strings.bytes.is_char_boundary(o as usize)) {
            return None;
        }
        let dependents = csrs.pop()?;
        for (i, csr) in csrs.iter().chain(std::iter::once(&dependents)).enumerate() {
            let edges = i == 4;
            let bound = if edges { n } else { n_strings };
            let values_ok = csr.values.iter().all(|&v| ((if edges { v & !ASYNC } else { v }) as usize) < bound);
            if csr.offsets.len() != n + 1 || !monotonic(&csr.offsets, csr.values.len()) || !values_ok {
                return None;
            }
        }
        if sorted.len() != n || sorted.iter().any(|&i| i as usize >= n) {
            return None;
        }
        let annotations = csrs.pop()?;
        if annotations.offsets.windows(2).any(|w| (w[1] - w[0]) % 2 != 0) {
            return None;
        }
        let tags = csrs.pop()?;
        let data = csrs.pop()?;
        let owners = csrs.pop()?;
        let rank = ranks(&sorted);
        let compiled = Compiled { strings, tier, owners, data, tags, annotations, dependents, sorted, rank };
        let ordered = compiled.sorted.windows(2).all(|w| compiled.strings.get(w[0]) < compiled.strings.get(w[1]));
        ordered.then_some(compiled)
    }
}

/// The compiled graph of the branch, from the cache when it was built from the same blob.
pub fn load(repo: &ChangeRepo, snapshot: &Snapshot<'_>) -> Result<Compiled> {
    for path in graph::PATHS {
        let Some(oid) = snapshot.entry_id(path)? else { continue };
        let cache = repo.cache_dir().join("graph.bin");
        if let Some(compiled) = std::fs::read(&cache).ok().and_then(|b| Compiled::decode(&b, oid)) {
            return Ok(compiled);
        }
        // The blob and the parsed graph are dropped as soon as they are no longer needed:
        // on a large graph they are most of a cold run's peak memory.
        let compiled = {
            let graph = ServiceGraph::parse(&snapshot.blob(oid)?, path)?;
            Compiled::build(&graph)
        };
        // A cache that cannot be written only costs time next run.
        let _ = write_atomic(&cache, &compiled.encode(oid), false);
        return Ok(compiled);
    }
    Err(Error::not_found("the branch has no service graph (graph/services.yaml or graph/services.json)"))
}

/// FNV-1a over 8-byte words: cheap, and enough to catch a torn or edited cache file.
fn checksum(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        h = (h ^ u64::from_le_bytes(c.try_into().expect("8 bytes"))).wrapping_mul(0x0000_0100_0000_01b3);
    }
    for &b in chunks.remainder() {
        h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^ bytes.len() as u64
}

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put_vec(out: &mut Vec<u8>, v: &[u32]) {
    put_u32(out, v.len() as u32);
    for x in v {
        out.extend_from_slice(&x.to_le_bytes());
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let s = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(s)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn vec(&mut self) -> Option<Vec<u32>> {
        let n = self.u32()? as usize;
        let raw = self.take(n.checked_mul(4)?)?;
        Some(raw.chunks_exact(4).map(|c| u32::from_le_bytes(c.try_into().expect("4 bytes"))).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> ServiceGraph {
        let yaml = "apiVersion: clearance/v1\nkind: ServiceGraph\nservices:\n  - {id: a, tier: 0, owners: [t1], data: [pci]}\n  - {id: b, depends_on: [a], owners: [t1]}\n  - {id: c, depends_on: [{service: b, kind: async}, c], tags: [x]}\n";
        ServiceGraph::parse(yaml.as_bytes(), "g.yaml").unwrap()
    }

    #[test]
    fn round_trips_and_answers_lookups() {
        let compiled = Compiled::build(&sample());
        let key = Oid::hash_object(git2::ObjectType::Blob, b"x").unwrap();
        let decoded = Compiled::decode(&compiled.encode(key), key).unwrap();
        assert_eq!(decoded, compiled);
        let b = decoded.find("b").unwrap();
        assert_eq!(decoded.id(b), "b");
        let deps: Vec<(String, EdgeKind)> =
            decoded.dependents(b).map(|d| (decoded.id(d.service).to_owned(), d.kind)).collect();
        assert_eq!(deps, vec![("c".to_owned(), EdgeKind::Async)]);
        assert_eq!(decoded.owners(0).collect::<Vec<_>>(), vec!["t1"]);
        assert!(decoded.find("zz").is_none());
    }

    #[test]
    fn a_cache_for_another_blob_or_with_one_flipped_byte_is_refused() {
        let compiled = Compiled::build(&sample());
        let key = Oid::hash_object(git2::ObjectType::Blob, b"x").unwrap();
        let other = Oid::hash_object(git2::ObjectType::Blob, b"y").unwrap();
        let bytes = compiled.encode(key);
        assert!(Compiled::decode(&bytes, other).is_none());
        for i in [0, 30, bytes.len() / 2, bytes.len() - 1] {
            let mut bad = bytes.clone();
            bad[i] ^= 0x40;
            assert!(Compiled::decode(&bad, key).is_none(), "flipped byte {i} was accepted");
        }
        assert!(Compiled::decode(&bytes[..bytes.len() - 3], key).is_none());
    }
}
