//! Reading a graph file straight into the compiled form, in one pass: the strict reader
//! ([`graph::read`]) hands over names as it reads them, they are interned, edges kept as
//! pairs of small integers, and no per-service structure is ever built. Anything wrong, and
//! the file is read again by the located loader ([`ServiceGraph::parse`]), whose job is to
//! say what and where.

use std::hash::BuildHasher;

use hashbrown::HashTable;

use super::{ASYNC, COUNTS, Compiled, Store};
use crate::error::Result;
use crate::model::graph::read::{Label, Sink};
use crate::model::graph::{self, EdgeKind, ServiceGraph};

/// Read graph file `name` (JSON when it ends in `.json`, YAML otherwise) into its compiled
/// form; on any problem, the located loader's error naming every problem with its place.
pub fn parse(bytes: &[u8], name: &str) -> Result<Compiled> {
    match read(bytes, name).and_then(Builder::finish) {
        Some(compiled) => Ok(compiled),
        None => located(bytes, name),
    }
}

/// The located loader's error, or its graph should it find nothing wrong.
pub(super) fn located(bytes: &[u8], name: &str) -> Result<Compiled> {
    Ok(Compiled::build(&ServiceGraph::parse(bytes, name)?))
}

/// The first half of [`parse`]: the file read into a builder, or `None` when it breaks a
/// rule. The builder no longer borrows `bytes`, so a caller can let them go before
/// [`Builder::finish`] (which can still find the graph wrong).
pub(super) fn read(bytes: &[u8], name: &str) -> Option<Builder> {
    let mut builder = Builder::default();
    graph::read::read(bytes, name, &mut builder).then_some(builder)
}

/// A stream of `len` bytes (it stops there) read whole, if it is not too large to be a graph.
pub(super) fn read_whole(stream: &mut dyn std::io::Read, len: usize) -> Option<Vec<u8>> {
    if len > graph::MAX_GRAPH_BYTES {
        return None;
    }
    let mut bytes = Vec::with_capacity(len);
    stream.read_to_end(&mut bytes).ok()?;
    Some(bytes)
}

/// [`read`] for a JSON graph given as a stream of `len` bytes.
pub(super) fn read_json_stream(bytes: &mut dyn std::io::Read, len: usize) -> Option<Builder> {
    let mut builder = Builder::default();
    graph::read::read_json_stream(bytes, len, &mut builder).then_some(builder)
}

/// Rows of a sparse table built one row at a time.
#[derive(Default)]
struct Rows {
    offsets: Vec<u32>,
    values: Vec<u32>,
}

impl Rows {
    /// The rows in the order `order` gives (`order[new] = old`).
    fn reordered(self, order: &[u32]) -> Rows {
        let mut out =
            Rows { offsets: Vec::with_capacity(order.len() + 1), values: Vec::with_capacity(self.values.len()) };
        out.offsets.push(0);
        for &old in order {
            if let Some(o) = self.offsets.get(old as usize..old as usize + 2) {
                out.values.extend_from_slice(&self.values[o[0] as usize..o[1] as usize]);
            }
            out.offsets.push(out.values.len() as u32);
        }
        out
    }

    fn end_row(&mut self) {
        if self.offsets.is_empty() {
            self.offsets.push(0);
        }
        self.offsets.push(self.values.len() as u32);
    }
}

impl Sink for Builder {
    fn label(&mut self, label: Label, value: &str) {
        let value = self.intern(value);
        self.labels[label as usize].values.push(value);
    }

    fn annotation(&mut self, key: &str, value: &str) {
        let (key, value) = (self.intern(key), self.intern(value));
        self.pending.push((key, value));
    }

    fn edge(&mut self, to: &str, kind: Option<EdgeKind>) {
        let to = self.intern(to);
        self.depends_on.values.push(if kind == Some(EdgeKind::Async) { to | ASYNC } else { to });
    }

    /// Close the service whose labels, annotations and edges were just given.
    fn end_service(&mut self, id: &str, tier: u8) -> bool {
        let id = self.intern(id);
        self.ids.push(id);
        self.tier.push(tier);
        for rows in &mut self.labels {
            rows.end_row();
        }
        let mut pending = std::mem::take(&mut self.pending);
        pending.sort_unstable_by(|a, b| self.string(a.0).cmp(self.string(b.0)));
        let repeated = pending.windows(2).any(|w| w[0].0 == w[1].0);
        self.annotations.values.extend(pending.drain(..).flat_map(|(k, v)| [k, v]));
        self.pending = pending;
        self.annotations.end_row();
        self.depends_on.end_row();
        !repeated
    }
}

/// The compiled graph as it is read, service after service.
#[derive(Default)]
pub(super) struct Builder {
    text: String,
    string_offsets: Vec<u32>,
    /// Interned strings by content: indices into `string_offsets`.
    table: HashTable<u32>,
    ids: Vec<u32>,
    tier: Vec<u8>,
    labels: [Rows; 3],
    annotations: Rows,
    /// The current service's annotations until it ends (they are kept ordered by key).
    pending: Vec<(u32, u32)>,
    /// Per service, the strings naming what it depends on, with the async bit.
    depends_on: Rows,
}

fn hash(s: &str) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(s)
}

impl Builder {
    fn string(&self, s: u32) -> &str {
        &self.text[self.string_offsets[s as usize] as usize..self.string_offsets[s as usize + 1] as usize]
    }

    fn intern(&mut self, s: &str) -> u32 {
        if self.string_offsets.is_empty() {
            self.string_offsets.push(0);
        }
        let Builder { text, string_offsets, table, .. } = self;
        let get = |i: &u32| &text[string_offsets[*i as usize] as usize..string_offsets[*i as usize + 1] as usize];
        match table.entry(hash(s), |i| get(i) == s, |i| hash(get(i))) {
            hashbrown::hash_table::Entry::Occupied(e) => *e.get(),
            hashbrown::hash_table::Entry::Vacant(e) => {
                let i = (string_offsets.len() - 1) as u32;
                e.insert(i);
                text.push_str(s);
                string_offsets.push(text.len() as u32);
                i
            }
        }
    }

    /// The compiled graph; `None` when two services share an id or an edge names a service
    /// that is not in the graph. Services are numbered in id order (so ordering them by id
    /// is ordering their numbers, and a lookup is a binary search over them), and service
    /// `i`'s id is string `i`.
    pub(super) fn finish(mut self) -> Option<Compiled> {
        let n = self.ids.len();
        if self.string_offsets.is_empty() {
            self.string_offsets.push(0);
        }
        let strings = self.string_offsets.len() - 1;
        drop(std::mem::take(&mut self.table));
        // Services in id order: `order[new] = old`, `new_of[old] = new`.
        let mut order: Vec<u32> = (0..n as u32).collect();
        order.sort_unstable_by(|&a, &b| self.string(self.ids[a as usize]).cmp(self.string(self.ids[b as usize])));
        let mut new_of = vec![0u32; n];
        for (new, &old) in order.iter().enumerate() {
            new_of[old as usize] = new as u32;
        }
        // Which service (new number) each string names, if any.
        let mut service_of = vec![u32::MAX; strings];
        for (old, &s) in self.ids.iter().enumerate() {
            let slot = &mut service_of[s as usize];
            if *slot != u32::MAX {
                return None;
            }
            *slot = new_of[old];
        }
        drop(new_of);
        // Reverse the edges: count each target's dependents, then fill the rows, each in
        // increasing order.
        let forward = std::mem::take(&mut self.depends_on);
        let row = |old: u32| {
            forward
                .offsets
                .get(old as usize..old as usize + 2)
                .map_or(&[][..], |o| &forward.values[o[0] as usize..o[1] as usize])
        };
        // `offsets[to + 1]` counts first, then serves as row `to`'s cursor, ending at its
        // row's end (the next row's start), so no second array is needed.
        let mut offsets = vec![0u32; n + 1];
        for &e in &forward.values {
            let to = *service_of.get((e & !ASYNC) as usize)?;
            if to == u32::MAX {
                return None;
            }
            if let Some(count) = offsets.get_mut(to as usize + 2) {
                *count += 1;
            }
        }
        for i in 1..n {
            offsets[i + 1] += offsets[i];
        }
        let mut dependents = vec![0u32; forward.values.len()];
        for (from, &old) in order.iter().enumerate() {
            for &e in row(old) {
                let cursor = &mut offsets[service_of[(e & !ASYNC) as usize] as usize + 1];
                dependents[*cursor as usize] = from as u32 | (e & ASYNC);
                *cursor += 1;
            }
        }
        drop((service_of, forward));
        // Strings renumbered: service `i`'s id is string `i` (ids laid out in id order, as
        // output lists them), then the other strings in the order they were met.
        let mut remap = vec![u32::MAX; strings];
        for (new, &old) in order.iter().enumerate() {
            remap[self.ids[old as usize] as usize] = new as u32;
        }
        let mut text = String::with_capacity(self.text.len());
        let mut string_offsets = Vec::with_capacity(strings + 1);
        string_offsets.push(0);
        for &old in &order {
            text.push_str(self.string(self.ids[old as usize]));
            string_offsets.push(text.len() as u32);
        }
        for (s, slot) in remap.iter_mut().enumerate() {
            if *slot == u32::MAX {
                *slot = (string_offsets.len() - 1) as u32;
                text.push_str(self.string(s as u32));
                string_offsets.push(text.len() as u32);
            }
        }
        drop((std::mem::take(&mut self.text), std::mem::take(&mut self.string_offsets)));
        let tier: Vec<u8> = order.iter().map(|&old| self.tier[old as usize]).collect();
        let renumbered = |rows: Rows| {
            let mut rows = rows.reordered(&order);
            for v in &mut rows.values {
                *v = remap[*v as usize];
            }
            rows
        };
        let [owners, data, tags] = self.labels.map(renumbered);
        let annotations = renumbered(self.annotations);
        drop((order, remap));
        let counts = vec![
            n as u32,
            strings as u32,
            text.len() as u32,
            owners.values.len() as u32,
            data.values.len() as u32,
            tags.values.len() as u32,
            annotations.values.len() as u32,
            dependents.len() as u32,
        ];
        debug_assert_eq!(counts.len(), COUNTS);
        let sections = [
            counts,
            string_offsets,
            owners.offsets,
            owners.values,
            data.offsets,
            data.values,
            tags.offsets,
            tags.values,
            annotations.offsets,
            annotations.values,
            offsets,
            dependents,
        ];
        // Each section is let go once copied: the words never sit beside all of them.
        let mut words = Vec::with_capacity(sections.iter().map(Vec::len).sum());
        for section in sections {
            words.extend_from_slice(&section);
        }
        Compiled::new(Store { words, tier, text })
    }
}
