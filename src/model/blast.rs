//! Blast radius (docs/reference.md#service-graph-and-blast-radius): the targets plus every service that depends on them,
//! transitively, each with its depth and whether it is reached only through async edges.

use std::collections::{BTreeSet, VecDeque};
use std::fmt::Write as _;

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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Impacted {
    pub id: String,
    pub tier: u8,
    pub depth: u32,
    pub via: Via,
    pub owners: Vec<String>,
    pub data: Vec<String>,
    pub tags: Vec<String>,
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BlastRadius {
    pub targets: Vec<String>,
    /// The depth limit the radius was computed with, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub depth_limit: Option<u32>,
    pub impacted: Vec<Impacted>,
    pub summary: Summary,
}

/// Compute the blast radius of changing `targets`, optionally stopping at `depth_limit`.
pub fn compute(graph: &Compiled, targets: &[String], depth_limit: Option<u32>) -> Result<BlastRadius> {
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
            if let Some(near) = crate::text::schema_check::closest(u, &ids) {
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

    let mut impacted: Vec<Impacted> = (0..graph.len())
        .filter(|&i| depth[i] != u32::MAX)
        .map(|i| Impacted {
            id: graph.id(i).to_owned(),
            tier: graph.tier(i),
            depth: depth[i],
            via: if depth[i] == 0 {
                Via::Target
            } else if sync[i] != u32::MAX {
                Via::Sync
            } else {
                Via::Async
            },
            owners: graph.owners(i).map(str::to_owned).collect(),
            data: graph.data(i).map(str::to_owned).collect(),
            tags: graph.tags(i).map(str::to_owned).collect(),
        })
        .collect();
    impacted.sort_by(|a, b| (a.depth, a.tier, &a.id).cmp(&(b.depth, b.tier, &b.id)));

    let set = |f: &dyn Fn(&Impacted) -> &Vec<String>| -> Vec<String> {
        impacted.iter().flat_map(|s| f(s).iter().cloned()).collect::<BTreeSet<_>>().into_iter().collect()
    };
    let summary = Summary {
        count: impacted.len(),
        most_critical_tier: impacted.iter().map(|s| s.tier).min(),
        sync_count: impacted.iter().filter(|s| s.via == Via::Sync).count(),
        async_count: impacted.iter().filter(|s| s.via == Via::Async).count(),
        max_depth: impacted.iter().map(|s| s.depth).max().unwrap_or(0),
        data_classes: set(&|s| &s.data),
        owners: set(&|s| &s.owners),
        tags: set(&|s| &s.tags),
    };
    let mut targets: Vec<String> = targets.to_vec();
    targets.sort();
    targets.dedup();
    Ok(BlastRadius { targets, depth_limit, impacted, summary })
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
    /// `sha256:` over the canonical JSON; what approvals bind.
    pub fn digest(&self) -> String {
        crate::text::bytes::digest(&serde_json::to_vec(self).expect("serializes"))
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

    /// The impacted services as a table fitting `width` (see `text::ui::table`).
    pub fn table(&self, width: Option<u16>) -> String {
        let mut table = crate::text::ui::table(&["SERVICE", "TIER", "DEPTH", "VIA", "OWNERS", "DATA"], width, &[0]);
        for s in &self.impacted {
            table.add_row([
                s.id.clone(),
                s.tier.to_string(),
                s.depth.to_string(),
                s.via.as_str().to_owned(),
                s.owners.join(","),
                s.data.join(","),
            ]);
        }
        crate::text::ui::table_text(&table).trim_end_matches('\n').to_owned()
    }

    /// The edges among impacted services, as (dependent, dependency, kind).
    fn edges<'g>(&self, graph: &'g Compiled) -> Vec<(&'g str, &'g str, EdgeKind)> {
        let inside: std::collections::HashSet<&str> = self.impacted.iter().map(|s| s.id.as_str()).collect();
        let mut edges = Vec::new();
        for s in &self.impacted {
            let Some(i) = graph.find(&s.id) else { continue };
            for d in graph.dependents(i) {
                let from = graph.id(d.service);
                if inside.contains(from) {
                    edges.push((from, graph.id(i), d.kind));
                }
            }
        }
        edges.sort();
        edges
    }

    pub fn dot(&self, graph: &Compiled) -> String {
        let mut out = String::from(
            "digraph blast_radius {\n  rankdir=LR;\n  node [shape=box, style=rounded, fontname=\"sans-serif\"];\n",
        );
        for s in &self.impacted {
            let style = if s.via == Via::Target {
                ", style=\"rounded,filled,bold\", fillcolor=\"#f4cccc\", color=\"#cc0000\""
            } else if s.via == Via::Async {
                ", style=\"rounded,dashed\""
            } else {
                ""
            };
            let _ = writeln!(out, "  \"{}\" [label=\"{}\\ntier {}\"{style}];", s.id, s.id, s.tier);
        }
        for (from, to, kind) in self.edges(graph) {
            let style = if kind == EdgeKind::Async { " [style=dashed]" } else { "" };
            let _ = writeln!(out, "  \"{from}\" -> \"{to}\"{style};");
        }
        out.push_str("}\n");
        out
    }

    pub fn mermaid(&self, graph: &Compiled) -> String {
        let mut out = String::from("graph LR\n");
        let key: std::collections::HashMap<&str, usize> =
            self.impacted.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
        for (i, s) in self.impacted.iter().enumerate() {
            let _ = writeln!(out, "  n{i}[\"{}<br/>tier {}\"]", s.id, s.tier);
        }
        for (from, to, kind) in self.edges(graph) {
            let arrow = if kind == EdgeKind::Async { "-.->" } else { "-->" };
            let _ = writeln!(out, "  n{} {arrow} n{}", key[from], key[to]);
        }
        out.push_str("  classDef target fill:#f4cccc,stroke:#cc0000,stroke-width:2px\n");
        let targets: Vec<String> = self
            .impacted
            .iter()
            .enumerate()
            .filter(|(_, s)| s.via == Via::Target)
            .map(|(i, _)| format!("n{i}"))
            .collect();
        if !targets.is_empty() {
            let _ = writeln!(out, "  class {} target", targets.join(","));
        }
        out
    }
}
