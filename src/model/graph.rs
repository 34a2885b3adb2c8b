//! The service graph (docs/reference.md#service-graph-and-blast-radius): which services exist and what depends on what.

#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::unwrap_used))]

use rustc_hash::FxHashMap as HashMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub mod read;

use crate::error::{Error, Problem, Source};
use crate::text::schema::Schema;
use crate::text::yaml;

/// Graph files larger than this are refused.
pub const MAX_GRAPH_BYTES: usize = 512 * 1024 * 1024;

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "clearance ServiceGraph")]
pub struct ServiceGraph {
    /// Always `clearance/v1`.
    #[serde(rename = "apiVersion")]
    #[schemars(extend("const" = "clearance/v1"))]
    pub api_version: String,
    /// Always `ServiceGraph`.
    #[schemars(extend("const" = "ServiceGraph"))]
    pub kind: String,
    #[serde(default)]
    pub services: Vec<Service>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// Unique id: letters, digits and `. _ + : / -`.
    #[schemars(pattern(r"^[A-Za-z0-9._+:/-]{1,200}$"), extend("x-expected" = "a service id: letters, digits and `. _ + : / -`"))]
    pub id: String,
    /// 0 is the most critical, 3 the least.
    #[serde(default = "default_tier")]
    #[schemars(range(min = 0, max = 3))]
    pub tier: u8,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub owners: Vec<String>,
    /// Data classes held, e.g. `pci`, `pii`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Facts about the service for providers, e.g. `resource: postgres://db.internal/orders`
    /// (a PostgreSQL provider touches only the database its targets name).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub annotations: std::collections::BTreeMap<String, String>,
    /// Services this one depends on (calls).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<Edge>,
}

/// Whether `id` is a service id: 1 to 200 of letters, digits and `. _ + : / -` (the
/// schema's pattern, for the reader that does not run the schema).
pub fn is_service_id(id: &str) -> bool {
    (1..=200).contains(&id.len())
        && id
            .bytes()
            .all(|b| matches!(b, b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'.' | b'_' | b'+' | b':' | b'/' | b'-'))
}

fn default_tier() -> u8 {
    2
}

/// A dependency: a bare id (sync) or `{service, kind}`.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Edge {
    Id(String),
    Detailed(DetailedEdge),
}

/// Hand-written instead of `#[serde(untagged)]`, which buffers every value before trying
/// each variant: with a million edges that was the slowest part of loading a graph.
impl<'de> Deserialize<'de> for Edge {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EdgeVisitor;
        impl<'de> serde::de::Visitor<'de> for EdgeVisitor {
            type Value = Edge;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a service id or {service, kind}")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Edge, E> {
                Ok(Edge::Id(v.to_owned()))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Edge, E> {
                Ok(Edge::Id(v))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Edge, A::Error> {
                DetailedEdge::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(Edge::Detailed)
            }
        }
        deserializer.deserialize_any(EdgeVisitor)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DetailedEdge {
    pub service: String,
    #[serde(default)]
    pub kind: EdgeKind,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum EdgeKind {
    #[default]
    Sync,
    Async,
}

impl Edge {
    pub fn service(&self) -> &str {
        match self {
            Edge::Id(id) => id,
            Edge::Detailed(d) => &d.service,
        }
    }

    pub fn kind(&self) -> EdgeKind {
        match self {
            Edge::Id(_) => EdgeKind::Sync,
            Edge::Detailed(d) => d.kind,
        }
    }
}

pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(ServiceGraph)).expect("schema serializes")
}

fn invalid(name: &str, text: Option<String>, problems: Vec<Problem>) -> Error {
    let count = problems.len();
    Error::located(
        format!("{name} is not a valid service graph ({count} problem{})", if count == 1 { "" } else { "s" }),
        Source { name: name.to_owned(), text },
        problems,
    )
}

/// Fill in line and column of problems known only by field path.
fn locate(node: &yaml::Node, mut problems: Vec<Problem>) -> Vec<Problem> {
    for p in &mut problems {
        if let Some(found) = node.find(&p.path) {
            (p.line, p.column, p.width) = (found.pos.line, found.pos.column, found.pos.width);
        }
    }
    problems.sort_by_key(|p| (p.line, p.column));
    problems
}

impl ServiceGraph {
    /// Parse a graph file: JSON when `name` ends in `.json`, YAML otherwise. Every problem
    /// is reported, located: the strict one-pass reader takes it first, and only when
    /// something is wrong is the document walked again by the located loader to find every
    /// problem.
    pub fn parse(bytes: &[u8], name: &str) -> Result<ServiceGraph, Error> {
        let source = Source { name: name.to_owned(), text: None };
        if bytes.len() > MAX_GRAPH_BYTES {
            return Err(Error::invalid(format!("{name} is larger than {} MiB", MAX_GRAPH_BYTES >> 20)));
        }
        let mut collect = Collect::default();
        if read::read(bytes, name, &mut collect) {
            let graph = ServiceGraph {
                api_version: "clearance/v1".to_owned(),
                kind: "ServiceGraph".to_owned(),
                services: collect.services,
            };
            if graph.semantic_problems().is_empty() {
                return Ok(graph);
            }
        } else if name.ends_with(".json")
            && let Err(e) = serde_json::from_slice::<serde::de::IgnoredAny>(bytes)
        {
            // Broken JSON syntax: serde_json's own message and position say it best.
            let text = String::from_utf8_lossy(bytes).into_owned();
            let message = e.to_string().split(" at line ").next().unwrap_or_default().to_owned();
            return Err(invalid(name, Some(text), vec![Problem::new(message, "", e.line(), e.column())]));
        }
        let text = yaml::decode(bytes, &source)?;
        let node = yaml::parse(&text, &source)?;
        let instance = node.to_json();
        let mut problems = Schema::new(schema()).check(&node, &instance);
        if problems.is_empty() {
            match serde_json::from_value::<ServiceGraph>(instance) {
                Ok(graph) => {
                    problems = graph.semantic_problems();
                    if problems.is_empty() {
                        return Ok(graph);
                    }
                }
                Err(e) => problems.push(Problem::new(e.to_string(), "", 1, 1)),
            }
        }
        let problems = locate(&node, problems);
        Err(invalid(name, Some(text), problems))
    }

    /// What the schema cannot say: ids are unique, edges point at services that exist.
    /// Problems carry field paths; `locate` adds positions.
    fn semantic_problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut seen: HashMap<&str, usize> = HashMap::with_capacity_and_hasher(self.services.len(), Default::default());
        for (i, service) in self.services.iter().enumerate() {
            if let Some(first) = seen.insert(&service.id, i) {
                seen.insert(&service.id, first);
                problems.push(Problem::new(
                    format!("duplicate service id `{}` (first defined at services[{first}])", service.id),
                    format!("services[{i}].id"),
                    0,
                    0,
                ));
            }
        }
        for (i, service) in self.services.iter().enumerate() {
            if service.tier > 3 {
                problems.push(Problem::new("must be at most 3", format!("services[{i}].tier"), 0, 0));
            }
            for (j, edge) in service.depends_on.iter().enumerate() {
                if !seen.contains_key(edge.service()) {
                    let path = match edge {
                        Edge::Id(_) => format!("services[{i}].depends_on[{j}]"),
                        Edge::Detailed(_) => format!("services[{i}].depends_on[{j}].service"),
                    };
                    problems.push(Problem::new(
                        format!("`{}` depends on `{}`, which is not in the graph", service.id, edge.service()),
                        path,
                        0,
                        0,
                    ));
                }
            }
        }
        problems
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.services.iter().map(|s| s.id.as_str())
    }
}

/// The reader's sink that keeps the services as structs.
#[derive(Default)]
struct Collect {
    services: Vec<Service>,
    current: Service,
    repeated: bool,
}

impl read::Sink for Collect {
    fn label(&mut self, label: read::Label, value: &str) {
        let list = match label {
            read::Label::Owners => &mut self.current.owners,
            read::Label::Data => &mut self.current.data,
            read::Label::Tags => &mut self.current.tags,
        };
        list.push(value.to_owned());
    }

    fn annotation(&mut self, key: &str, value: &str) {
        self.repeated |= self.current.annotations.insert(key.to_owned(), value.to_owned()).is_some();
    }

    fn edge(&mut self, to: &str, kind: Option<EdgeKind>) {
        self.current.depends_on.push(match kind {
            None => Edge::Id(to.to_owned()),
            Some(kind) => Edge::Detailed(DetailedEdge { service: to.to_owned(), kind }),
        });
    }

    fn end_service(&mut self, id: &str, tier: u8) -> bool {
        let mut service = std::mem::take(&mut self.current);
        (service.id, service.tier) = (id.to_owned(), tier);
        self.services.push(service);
        !std::mem::take(&mut self.repeated)
    }
}

/// Where the graph lives on the branch; the first that exists wins.
pub const PATHS: [&str; 2] = ["graph/services.yaml", "graph/services.json"];

/// The graph as committed on the branch.
pub fn load(snapshot: &crate::store::repo::Snapshot<'_>) -> Result<ServiceGraph, Error> {
    for path in PATHS {
        if let Some(bytes) = snapshot.read(path)? {
            return ServiceGraph::parse(&bytes, path);
        }
    }
    Err(Error::not_found("the branch has no service graph (graph/services.yaml or graph/services.json)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A repeated annotation would let a reader see one database while the provider, which
    /// keeps the last value, touches another: refused on the fast path and the located one.
    #[test]
    fn a_repeated_annotation_key_is_refused_with_its_path() {
        let text = "apiVersion: clearance/v1\nkind: ServiceGraph\nservices:\n  - id: shop-db\n    annotations:\n      resource: postgres://db/shop\n      resource: postgres://db/billing\n";
        let err = ServiceGraph::parse(text.as_bytes(), "graph/services.yaml").unwrap_err();
        let problem = &err.problems[0];
        assert_eq!(problem.message, "duplicate key `resource`");
        assert_eq!((problem.path.as_str(), problem.line, problem.column), ("services[0].annotations.resource", 7, 7));
        let same = text.replace("billing", "shop");
        assert!(ServiceGraph::parse(same.as_bytes(), "graph/services.yaml").is_err(), "even with equal values");
    }
}
