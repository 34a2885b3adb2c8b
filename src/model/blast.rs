//! Blast radius (docs/reference.md#service-graph-and-blast-radius): the targets plus every service that depends on them,
//! transitively, each with its depth and whether it is reached only through async edges.

use std::collections::VecDeque;
use std::fmt::Write as _;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::graph::EdgeKind;
use crate::model::graph_index::Compiled;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Via {
    /// One of the targets themselves (depth 0).
    Target,
    /// Reached by a path of synchronous calls: it breaks when the target breaks.
    Sync,
    /// Reached only through at least one async edge: degraded, not down.
    Async,
}

impl Via {
    pub fn as_str(self) -> &'static str {
        match self {
            Via::Target => "target",
            Via::Sync => "sync",
            Via::Async => "async",
        }
    }
}

/// One impacted service, read from the compiled graph (nothing is copied).
#[derive(Clone, Copy)]
pub struct Impacted<'g> {
    graph: &'g Compiled,
    service: usize,
    pub depth: u32,
    pub via: Via,
}

impl<'g> Impacted<'g> {
    pub fn id(&self) -> &'g str {
        self.graph.id(self.service)
    }

    pub fn tier(&self) -> u8 {
        self.graph.tier(self.service)
    }

    pub fn owners(&self) -> impl Iterator<Item = &'g str> + Clone + use<'g> {
        self.graph.owners(self.service)
    }

    pub fn data(&self) -> impl Iterator<Item = &'g str> + Clone + use<'g> {
        self.graph.data(self.service)
    }

    pub fn tags(&self) -> impl Iterator<Item = &'g str> + Clone + use<'g> {
        self.graph.tags(self.service)
    }
}

/// Serialized as `{id, tier, depth, via, owners, data, tags}`.
impl Serialize for Impacted<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(7))?;
        map.serialize_entry("id", self.id())?;
        map.serialize_entry("tier", &self.tier())?;
        map.serialize_entry("depth", &self.depth)?;
        map.serialize_entry("via", &self.via)?;
        map.serialize_entry("owners", &Seq(self.owners()))?;
        map.serialize_entry("data", &Seq(self.data()))?;
        map.serialize_entry("tags", &Seq(self.tags()))?;
        map.end()
    }
}

/// An iterator serialized as a sequence, without collecting it.
struct Seq<I>(I);

impl<I: Iterator<Item = T> + Clone, T: Serialize> Serialize for Seq<I> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.clone())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub count: usize,
    /// The lowest tier number touched (0 is the most critical); `null` for nothing.
    pub most_critical_tier: Option<u8>,
    pub sync_count: usize,
    pub async_count: usize,
    pub max_depth: u32,
    pub data_classes: Vec<String>,
    pub owners: Vec<String>,
    pub tags: Vec<String>,
}

/// One impacted service as the radius keeps it: an index into the graph.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Entry {
    service: u32,
    depth: u32,
    via: Via,
}

/// The blast radius of a change: its targets and every service that depends on them,
/// ordered by depth, tier and id. It holds the compiled graph it was computed from and
/// reads every name from it, so a radius of tens of thousands of services is a few
/// integers each, and is serialized as it is written out.
#[derive(Debug, Clone)]
pub struct BlastRadius {
    graph: Arc<Compiled>,
    pub targets: Vec<String>,
    /// The depth limit the radius was computed with, if any.
    pub depth_limit: Option<u32>,
    entries: Vec<Entry>,
    pub summary: Summary,
}

/// Serialized as `{targets, depth_limit?, impacted: [...], summary}`: the canonical JSON
/// whose sha256 approvals bind.
impl Serialize for BlastRadius {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("targets", &self.targets)?;
        if let Some(limit) = self.depth_limit {
            map.serialize_entry("depth_limit", &limit)?;
        }
        map.serialize_entry("impacted", &Seq(self.impacted()))?;
        map.serialize_entry("summary", &self.summary)?;
        map.end()
    }
}

/// Compute the blast radius of changing `targets`, optionally stopping at `depth_limit`.
pub fn compute(graph: &Arc<Compiled>, targets: &[String], depth_limit: Option<u32>) -> Result<BlastRadius> {
    let mut starts = Vec::with_capacity(targets.len());
    let mut unknown = Vec::new();
    for t in targets {
        match graph.find(t) {
            Some(i) => starts.push(i),
            None => unknown.push(t.as_str()),
        }
    }
    if !unknown.is_empty() {
        let ids: Vec<&str> = graph.ids().collect();
        let mut err = Error::not_found(format!(
            "unknown target{} {}",
            if unknown.len() == 1 { "" } else { "s" },
            unknown.join(", ")
        ));
        let mut suggested = false;
        for u in &unknown {
            if let Some(near) = crate::text::schema::closest(u, &ids) {
                err = err.hint(format!("did you mean `{near}`?"));
                suggested = true;
            }
        }
        if !suggested {
            err = err.hint("`clearance graph list` shows the services");
        }
        return Err(err);
    }
    let limit = depth_limit.unwrap_or(u32::MAX);
    let depth = bfs(graph, &starts, limit, false);
    let sync = bfs(graph, &starts, limit, true);

    // Ordered by (depth, tier, id) as one integer each: depth above bit 34, tier in bits
    // 32-33, the service number (services are numbered in id order) below.
    let mut keyed: Vec<(u64, Entry)> = depth
        .iter()
        .enumerate()
        .filter(|&(_, &d)| d != u32::MAX)
        .map(|(i, &d)| {
            let via = if d == 0 {
                Via::Target
            } else if sync[i] != u32::MAX {
                Via::Sync
            } else {
                Via::Async
            };
            let key = (u64::from(d) << 34) | (u64::from(graph.tier(i) & 3) << 32) | i as u64;
            (key, Entry { service: i as u32, depth: d, via })
        })
        .collect();
    keyed.sort_unstable_by_key(|&(key, _)| key);
    let entries: Vec<Entry> = keyed.into_iter().map(|(_, e)| e).collect();

    // The labels of the whole radius, as sorted sets of strings: collected as interned ids
    // first, so each distinct label is copied once.
    let mut labels: [Vec<u32>; 3] = Default::default();
    for e in &entries {
        for (set, row) in labels.iter_mut().zip(graph.label_ids(e.service as usize)) {
            set.extend_from_slice(row);
        }
    }
    let [data_classes, owners, tags] = [1, 0, 2].map(|k| {
        let ids = &mut labels[k];
        ids.sort_unstable();
        ids.dedup();
        let mut names: Vec<String> = ids.iter().map(|&s| graph.string(s).to_owned()).collect();
        names.sort();
        names.dedup();
        names
    });
    let summary = Summary {
        count: entries.len(),
        most_critical_tier: entries.iter().map(|e| graph.tier(e.service as usize)).min(),
        sync_count: entries.iter().filter(|e| e.via == Via::Sync).count(),
        async_count: entries.iter().filter(|e| e.via == Via::Async).count(),
        max_depth: entries.iter().map(|e| e.depth).max().unwrap_or(0),
        data_classes,
        owners,
        tags,
    };
    let mut targets: Vec<String> = targets.to_vec();
    targets.sort();
    targets.dedup();
    Ok(BlastRadius { graph: Arc::clone(graph), targets, depth_limit, entries, summary })
}

/// `text` as a JSON string, as serde_json writes it (escaping only what must be escaped).
fn json_string(buf: &mut Vec<u8>, text: &str) {
    if text.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') {
        // Writing into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *buf, text);
    } else {
        buf.push(b'"');
        buf.extend_from_slice(text.as_bytes());
        buf.push(b'"');
    }
}

/// `n` in decimal.
fn decimal(buf: &mut Vec<u8>, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf.extend_from_slice(&digits[at..]);
}

/// Shortest distance from any start over dependent edges (only sync ones when
/// `sync_only`), `u32::MAX` where unreached. Each node is visited once, so cycles end.
fn bfs(graph: &Compiled, starts: &[usize], limit: u32, sync_only: bool) -> Vec<u32> {
    let mut depth = vec![u32::MAX; graph.len()];
    let mut queue = VecDeque::new();
    for &s in starts {
        if depth[s] == u32::MAX {
            depth[s] = 0;
            queue.push_back(s);
        }
    }
    while let Some(v) = queue.pop_front() {
        let next = depth[v] + 1;
        if next > limit {
            continue;
        }
        for d in graph.dependents(v) {
            if sync_only && d.kind == EdgeKind::Async {
                continue;
            }
            if depth[d.service] == u32::MAX {
                depth[d.service] = next;
                queue.push_back(d.service);
            }
        }
    }
    depth
}

impl BlastRadius {
    /// `sha256:` over the canonical JSON; what approvals bind. Streamed into the hash:
    /// a large radius is never held as text.
    pub fn digest(&self) -> String {
        use sha2::Digest as _;
        struct Hashing(sha2::Sha256);
        impl std::io::Write for Hashing {
            fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
                self.0.update(bytes);
                Ok(bytes.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut hashing = Hashing(sha2::Sha256::new());
        self.write_canonical(&mut std::io::BufWriter::with_capacity(1 << 16, &mut hashing)).expect("writes to a hash");
        format!("sha256:{}", crate::text::bytes::hex(&hashing.0.finalize()))
    }

    /// The canonical JSON: byte for byte what `serde_json::to_writer` makes of the
    /// radius, written by hand for the tens of thousands of impacted records (no map
    /// machinery, keys never escaped again, a name escaped only when it needs to be).
    fn write_canonical(&self, w: &mut impl std::io::Write) -> std::io::Result<()> {
        w.write_all(b"{\"targets\":")?;
        serde_json::to_writer(&mut *w, &self.targets)?;
        if let Some(limit) = self.depth_limit {
            write!(w, ",\"depth_limit\":{limit}")?;
        }
        w.write_all(b",\"impacted\":[")?;
        let mut buf = Vec::with_capacity(512);
        for (n, e) in self.entries.iter().enumerate() {
            let i = e.service as usize;
            buf.clear();
            if n > 0 {
                buf.push(b',');
            }
            buf.extend_from_slice(b"{\"id\":");
            json_string(&mut buf, self.graph.id(i));
            buf.extend_from_slice(b",\"tier\":");
            decimal(&mut buf, u32::from(self.graph.tier(i)));
            buf.extend_from_slice(b",\"depth\":");
            decimal(&mut buf, e.depth);
            buf.extend_from_slice(b",\"via\":\"");
            buf.extend_from_slice(e.via.as_str().as_bytes());
            for (key, row) in
                [&b"\",\"owners\":["[..], b"],\"data\":[", b"],\"tags\":["].into_iter().zip(self.graph.label_ids(i))
            {
                buf.extend_from_slice(key);
                for (k, &s) in row.iter().enumerate() {
                    if k > 0 {
                        buf.push(b',');
                    }
                    json_string(&mut buf, self.graph.string(s));
                }
            }
            buf.extend_from_slice(b"]}");
            w.write_all(&buf)?;
        }
        w.write_all(b"],\"summary\":")?;
        serde_json::to_writer(&mut *w, &self.summary)?;
        w.write_all(b"}")
    }

    /// Write the radius as one line of JSON to `out`, with `extra` fields and its digest
    /// after it, in one pass: the canonical bytes go to the hash as they go out (all but
    /// the closing brace, which the extra fields follow). Returns the digest.
    pub fn write_json(
        &self,
        out: &mut impl std::io::Write,
        extra: &[(&str, serde_json::Value)],
    ) -> std::io::Result<String> {
        use sha2::Digest as _;
        /// Everything to the hash; to `out`, everything but the last byte until `finish`.
        struct Tee<'w, W: std::io::Write> {
            hash: sha2::Sha256,
            out: &'w mut W,
            held: Option<u8>,
        }
        impl<W: std::io::Write> std::io::Write for Tee<'_, W> {
            fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
                let Some((&last, rest)) = bytes.split_last() else { return Ok(0) };
                self.hash.update(bytes);
                if let Some(held) = self.held.take() {
                    self.out.write_all(&[held])?;
                }
                self.out.write_all(rest)?;
                self.held = Some(last);
                Ok(bytes.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                self.out.flush()
            }
        }
        let mut tee = Tee { hash: sha2::Sha256::new(), out, held: None };
        self.write_canonical(&mut tee)?;
        let digest = format!("sha256:{}", crate::text::bytes::hex(&tee.hash.finalize()));
        // The held byte is the radius object's closing brace: the extra fields come first.
        for (key, value) in extra {
            write!(tee.out, ",{}:{}", serde_json::Value::from(*key), value)?;
        }
        writeln!(tee.out, ",\"digest\":\"{digest}\"}}")?;
        Ok(digest)
    }

    /// The impacted services, ordered by depth, tier and id.
    pub fn impacted(&self) -> impl Iterator<Item = Impacted<'_>> + Clone {
        self.entries.iter().map(|e| Impacted {
            graph: &self.graph,
            service: e.service as usize,
            depth: e.depth,
            via: e.via,
        })
    }

    /// One line: `2 services impacted (1 sync, 1 async), most critical tier 0, data pci, ...`.
    pub fn headline(&self) -> String {
        let s = &self.summary;
        let mut line = format!(
            "{} service{} impacted ({} target{}, {} sync, {} async)",
            s.count,
            if s.count == 1 { "" } else { "s" },
            self.targets.len(),
            if self.targets.len() == 1 { "" } else { "s" },
            s.sync_count,
            s.async_count
        );
        if let Some(tier) = s.most_critical_tier {
            line.push_str(&format!(", most critical tier {tier}"));
        }
        if !s.data_classes.is_empty() {
            line.push_str(&format!(", data {}", s.data_classes.join(" ")));
        }
        if !s.owners.is_empty() {
            line.push_str(&format!(", owners {}", s.owners.join(" ")));
        }
        line
    }

    /// The impacted services as a table fitting `width` (see `text::ui::table`): the most
    /// critical first (tier, then depth), at most `limit` rows and a line saying how many
    /// more there are, and where to see them (`more`).
    pub fn table(&self, width: Option<u16>, limit: Option<usize>, more: &str) -> String {
        let mut order: Vec<(u64, usize)> = self
            .entries
            .iter()
            .enumerate()
            .map(|(at, e)| ((u64::from(self.graph.tier(e.service as usize)) << 32) | u64::from(e.depth), at))
            .collect();
        let shown = limit.unwrap_or(usize::MAX).min(order.len());
        if shown < order.len() && shown > 0 {
            order.select_nth_unstable(shown - 1);
            order.truncate(shown);
        }
        order.sort_unstable();
        order.truncate(shown);
        let mut table = crate::text::ui::table(&["SERVICE", "TIER", "DEPTH", "VIA", "OWNERS", "DATA"], width, &[0]);
        for &(_, at) in &order {
            let e = self.entries[at];
            let s = Impacted { graph: &self.graph, service: e.service as usize, depth: e.depth, via: e.via };
            table.add_row([
                s.id().to_owned(),
                s.tier().to_string(),
                s.depth.to_string(),
                s.via.as_str().to_owned(),
                s.owners().collect::<Vec<_>>().join(","),
                s.data().collect::<Vec<_>>().join(","),
            ]);
        }
        let mut text = crate::text::ui::table_text(&table);
        if shown < self.entries.len() {
            let _ = writeln!(text, "… and {} more ({more})", self.entries.len() - shown);
        }
        text.trim_end_matches('\n').to_owned()
    }

    /// The edges among impacted services, as (dependent, dependency, kind).
    fn edges(&self) -> Vec<(&str, &str, EdgeKind)> {
        let mut inside = vec![false; self.graph.len()];
        for e in &self.entries {
            inside[e.service as usize] = true;
        }
        let mut edges = Vec::new();
        for e in &self.entries {
            let i = e.service as usize;
            for d in self.graph.dependents(i) {
                if inside[d.service] {
                    edges.push((self.graph.id(d.service), self.graph.id(i), d.kind));
                }
            }
        }
        edges.sort();
        edges
    }

    pub fn dot(&self) -> String {
        let mut out = String::from(
            "digraph blast_radius {\n  rankdir=LR;\n  node [shape=box, style=rounded, fontname=\"sans-serif\"];\n",
        );
        for s in self.impacted() {
            let style = if s.via == Via::Target {
                ", style=\"rounded,filled,bold\", fillcolor=\"#f4cccc\", color=\"#cc0000\""
            } else if s.via == Via::Async {
                ", style=\"rounded,dashed\""
            } else {
                ""
            };
            let _ = writeln!(out, "  \"{}\" [label=\"{}\\ntier {}\"{style}];", s.id(), s.id(), s.tier());
        }
        for (from, to, kind) in self.edges() {
            let style = if kind == EdgeKind::Async { " [style=dashed]" } else { "" };
            let _ = writeln!(out, "  \"{from}\" -> \"{to}\"{style};");
        }
        out.push_str("}\n");
        out
    }

    pub fn mermaid(&self) -> String {
        let mut out = String::from("graph LR\n");
        let key: std::collections::HashMap<&str, usize> =
            self.impacted().enumerate().map(|(i, s)| (s.id(), i)).collect();
        for (i, s) in self.impacted().enumerate() {
            let _ = writeln!(out, "  n{i}[\"{}<br/>tier {}\"]", s.id(), s.tier());
        }
        for (from, to, kind) in self.edges() {
            let arrow = if kind == EdgeKind::Async { "-.->" } else { "-->" };
            let _ = writeln!(out, "  n{} {arrow} n{}", key[from], key[to]);
        }
        out.push_str("  classDef target fill:#f4cccc,stroke:#cc0000,stroke-width:2px\n");
        let targets: Vec<String> =
            self.impacted().enumerate().filter(|(_, s)| s.via == Via::Target).map(|(i, _)| format!("n{i}")).collect();
        if !targets.is_empty() {
            let _ = writeln!(out, "  class {} target", targets.join(","));
        }
        out
    }
}
