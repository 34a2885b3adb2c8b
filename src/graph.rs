//! The service graph (DESIGN §4): which services exist and what depends on what.

use std::collections::HashMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Problem, Source};
use crate::schema_check::Checker;
use crate::yaml;

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

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
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
    /// Services this one depends on (calls).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<Edge>,
}

fn default_tier() -> u8 {
    2
}

/// A dependency: a bare id (sync) or `{service, kind}`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Edge {
    Id(String),
    Detailed(DetailedEdge),
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DetailedEdge {
    pub service: String,
    #[serde(default)]
    pub kind: EdgeKind,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
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

impl ServiceGraph {
    /// Parse a graph file. JSON when `name` ends in `.json`, YAML otherwise. The typed parse
    /// is the fast path; only when it fails is the document walked again to locate every
    /// problem.
    pub fn parse(bytes: &[u8], name: &str) -> Result<ServiceGraph, Error> {
        let source = Source { name: name.to_owned(), text: None };
        if bytes.len() > MAX_GRAPH_BYTES {
            return Err(Error::invalid(format!("{name} is larger than {} MiB", MAX_GRAPH_BYTES >> 20)));
        }
        let typed = if name.ends_with(".json") {
            serde_json::from_slice::<ServiceGraph>(bytes).map_err(|e| (e.to_string(), e.line(), e.column()))
        } else {
            // Aliases are refused by the located loader; check them before the typed parse so
            // an alias bomb never expands.
            let text = yaml::decode(bytes, &source)?;
            yaml::parse(&text, &source)?;
            serde_yaml::from_str::<ServiceGraph>(&text).map_err(|e| {
                let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
                (e.to_string(), line, column)
            })
        };
        let graph = match typed {
            Ok(graph) => graph,
            Err((message, line, column)) => {
                return Err(Self::locate(bytes, name, message, line, column));
            }
        };
        graph.check(name)?;
        Ok(graph)
    }

    fn locate(bytes: &[u8], name: &str, message: String, line: usize, column: usize) -> Error {
        let source = Source { name: name.to_owned(), text: None };
        let text = String::from_utf8_lossy(bytes).into_owned();
        // JSON is YAML, so the located loader reads both.
        let problems = match yaml::parse(&text, &source) {
            Ok(node) => Checker::new(&schema()).check(&node),
            Err(e) => return e,
        };
        let problems = if problems.is_empty() { vec![Problem::new(message, "", line, column)] } else { problems };
        let count = problems.len();
        Error::located(
            format!("{name} is not a valid service graph ({count} problem{})", if count == 1 { "" } else { "s" }),
            Source { name: name.to_owned(), text: Some(text) },
            problems,
        )
    }

    /// Semantic checks the schema cannot express: unique ids, edges that point somewhere.
    fn check(&self, name: &str) -> Result<(), Error> {
        let mut problems = Vec::new();
        let mut seen: HashMap<&str, usize> = HashMap::with_capacity(self.services.len());
        for (i, service) in self.services.iter().enumerate() {
            if let Some(first) = seen.insert(&service.id, i) {
                problems.push(Problem::new(
                    format!("duplicate service id `{}` (first defined at services[{first}])", service.id),
                    format!("services[{i}].id"),
                    0,
                    0,
                ));
            }
        }
        for (i, service) in self.services.iter().enumerate() {
            for (j, edge) in service.depends_on.iter().enumerate() {
                if !seen.contains_key(edge.service()) {
                    problems.push(Problem::new(
                        format!("`{}` depends on `{}`, which is not in the graph", service.id, edge.service()),
                        format!("services[{i}].depends_on[{j}]"),
                        0,
                        0,
                    ));
                }
            }
        }
        if problems.is_empty() {
            return Ok(());
        }
        let count = problems.len();
        Err(Error::located(
            format!("{name} is not a valid service graph ({count} problem{})", if count == 1 { "" } else { "s" }),
            Source { name: name.to_owned(), text: None },
            problems,
        ))
    }

    pub fn contains(&self, id: &str) -> bool {
        self.services.iter().any(|s| s.id == id)
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.services.iter().map(|s| s.id.as_str())
    }
}

/// Where the graph lives on the branch; the first that exists wins.
pub const PATHS: [&str; 2] = ["graph/services.yaml", "graph/services.json"];

/// The graph as committed on the branch.
pub fn load(snapshot: &crate::repo::Snapshot<'_>) -> Result<ServiceGraph, Error> {
    for path in PATHS {
        if let Some(bytes) = snapshot.read(path)? {
            return ServiceGraph::parse(&bytes, path);
        }
    }
    Err(Error::not_found("the branch has no service graph (graph/services.yaml or graph/services.json)"))
}
