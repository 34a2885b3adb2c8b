//! Import a Backstage software catalog into a service graph.
//!
//! Components, Resources and Systems become services; `spec.dependsOn` becomes edges;
//! an API links each component that consumes it to each component that provides it; a
//! System depends on its member components, so breaking a component shows its system in
//! the blast radius. Owners come from `spec.owner`, tags from `metadata.tags` and
//! `spec.lifecycle`. Annotations `clearance.dev/tier` and `clearance.dev/data` (comma
//! separated) set tier and data classes; experimental components default to tier 3.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::model::graph::{Edge, Service, ServiceGraph};

#[derive(Debug, Deserialize)]
struct Entity {
    kind: String,
    metadata: Metadata,
    #[serde(default)]
    spec: Spec,
}

#[derive(Debug, Deserialize)]
struct Metadata {
    name: String,
    #[serde(default)]
    namespace: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    annotations: BTreeMap<String, String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Spec {
    owner: Option<String>,
    lifecycle: Option<String>,
    system: Option<String>,
    #[serde(default)]
    depends_on: Vec<String>,
    #[serde(default)]
    provides_apis: Vec<String>,
    #[serde(default)]
    consumes_apis: Vec<String>,
}

pub struct Import {
    pub graph: ServiceGraph,
    pub warnings: Vec<String>,
}

/// `kind:namespace/name`, lower-cased, with the defaults Backstage applies.
fn full_ref(reference: &str, default_kind: &str) -> String {
    let (kind, rest) = match reference.split_once(':') {
        Some((k, r)) => (k, r),
        None => (default_kind, reference),
    };
    let (ns, name) = rest.split_once('/').unwrap_or(("default", rest));
    format!("{}:{}/{}", kind.to_lowercase(), ns.to_lowercase(), name.to_lowercase())
}

/// `group:default/team-payments` -> `team-payments`.
fn owner_name(owner: &str) -> String {
    let rest = owner.split_once(':').map_or(owner, |(_, r)| r);
    rest.rsplit('/').next().unwrap_or(rest).to_owned()
}

/// Parse catalog files (`(name, text)`, each possibly several YAML documents).
pub fn import(files: &[(String, String)]) -> Result<Import> {
    let mut entities = Vec::new();
    for (name, text) in files {
        // Catalog files are another tool's: anchors, aliases and several documents are fine.
        let documents: Vec<serde_json::Value> = serde_saphyr::from_str_multiple(text).map_err(|e| {
            let problem = crate::text::yaml::problem(&e, text);
            Error::located(
                format!("{name} is not a catalog file"),
                crate::error::Source { name: name.clone(), text: Some(text.clone()) },
                vec![problem],
            )
        })?;
        for (i, value) in documents.into_iter().enumerate() {
            if value.is_null() {
                continue;
            }
            let entity: Entity = serde_json::from_value(value)
                .map_err(|e| Error::invalid(format!("{name}: document {}: not a catalog entity: {e}", i + 1)))?;
            entities.push(entity);
        }
    }
    let mut warnings = Vec::new();
    let is_service = |k: &str| matches!(k.to_lowercase().as_str(), "component" | "resource" | "system");
    let refs: Vec<String> =
        entities.iter().map(|e| full_ref(&format!("{}:{}", e.kind, qualified(&e.metadata)), "component")).collect();

    // Ids: the plain name where unique, `kind:name` where two kinds share a name.
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for e in entities.iter().filter(|e| is_service(&e.kind)) {
        *by_name.entry(qualified(&e.metadata)).or_default() += 1;
    }
    let mut ids: HashMap<&str, String> = HashMap::new();
    for (e, r) in entities.iter().zip(&refs) {
        if is_service(&e.kind) {
            let name = qualified(&e.metadata);
            let id = if by_name[&name] > 1 { format!("{}:{name}", e.kind.to_lowercase()) } else { name };
            ids.insert(r.as_str(), id);
        }
    }

    // Who provides each API.
    let mut providers: HashMap<String, Vec<String>> = HashMap::new();
    for (e, r) in entities.iter().zip(&refs) {
        for api in &e.spec.provides_apis {
            providers.entry(full_ref(api, "api")).or_default().push(ids.get(r.as_str()).cloned().unwrap_or_default());
        }
    }

    let mut services: BTreeMap<String, Service> = BTreeMap::new();
    let mut members: HashMap<String, Vec<String>> = HashMap::new();
    for (e, r) in entities.iter().zip(&refs) {
        let Some(id) = ids.get(r.as_str()) else { continue };
        let mut deps: BTreeSet<String> = BTreeSet::new();
        for d in &e.spec.depends_on {
            match ids.get(full_ref(d, "component").as_str()) {
                Some(target) => {
                    deps.insert(target.clone());
                }
                None => warnings.push(format!("{id}: dependsOn `{d}` is not in the catalog files; edge dropped")),
            }
        }
        for api in &e.spec.consumes_apis {
            match providers.get(&full_ref(api, "api")) {
                Some(list) => deps.extend(list.iter().filter(|p| !p.is_empty() && *p != id).cloned()),
                None => warnings.push(format!(
                    "{id}: consumes API `{api}`, which no component in the catalog provides; edge dropped"
                )),
            }
        }
        if let Some(system) = &e.spec.system {
            members.entry(full_ref(system, "system")).or_default().push(id.clone());
        }
        let annotations = &e.metadata.annotations;
        let lifecycle = e.spec.lifecycle.as_deref();
        let tier = match annotations.get("clearance.dev/tier") {
            Some(t) => t.trim().parse::<u8>().ok().filter(|t| *t <= 3).ok_or_else(|| {
                Error::invalid(format!("{id}: annotation clearance.dev/tier must be 0, 1, 2 or 3, found `{t}`"))
            })?,
            None if lifecycle == Some("experimental") => 3,
            None => 2,
        };
        let mut tags = e.metadata.tags.clone();
        if let Some(l) = lifecycle {
            tags.push(format!("lifecycle:{l}"));
        }
        tags.push(format!("backstage:{}", e.kind.to_lowercase()));
        let data = annotations
            .get("clearance.dev/data")
            .map(|d| d.split(',').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect())
            .unwrap_or_default();
        services.insert(
            id.clone(),
            Service {
                id: id.clone(),
                tier,
                owners: e.spec.owner.iter().map(|o| owner_name(o)).collect(),
                data,
                tags,
                // `clearance.dev/resource: postgres://...` and the like, for providers.
                annotations: annotations
                    .iter()
                    .filter_map(|(k, v)| Some((k.strip_prefix("clearance.dev/")?.to_owned(), v.clone())))
                    .filter(|(k, _)| k != "tier" && k != "data")
                    .collect(),
                depends_on: deps.into_iter().map(Edge::Id).collect(),
            },
        );
    }
    // A system depends on its members: when a member breaks, the system is in the radius.
    for (system, list) in members {
        match ids.get(system.as_str()).and_then(|id| services.get_mut(id)) {
            Some(service) => {
                let mut deps: BTreeSet<String> = service.depends_on.iter().map(|e| e.service().to_owned()).collect();
                deps.extend(list);
                service.depends_on = deps.into_iter().map(Edge::Id).collect();
            }
            None => warnings.push(format!("system `{system}` is not in the catalog files; membership ignored")),
        }
    }
    let graph = ServiceGraph {
        api_version: "clearance/v1".into(),
        kind: "ServiceGraph".into(),
        services: services.into_values().collect(),
    };
    Ok(Import { graph, warnings })
}

fn qualified(m: &Metadata) -> String {
    match m.namespace.as_deref() {
        None | Some("default") => m.name.clone(),
        Some(ns) => format!("{ns}/{}", m.name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CATALOG: &str = r#"
apiVersion: backstage.io/v1alpha1
kind: System
metadata: {name: shop}
spec: {owner: group:default/team-shop}
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: {name: checkout, tags: [revenue], annotations: {clearance.dev/tier: "0", clearance.dev/data: "pci, pii"}}
spec: {type: service, owner: group:default/team-payments, lifecycle: production, system: shop, consumesApis: [payments-api], dependsOn: [resource:checkout-db]}
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: {name: payments}
spec: {type: service, owner: team-payments, lifecycle: experimental, providesApis: [payments-api], dependsOn: [resource:vault]}
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata: {name: payments-api}
spec: {type: openapi, owner: team-payments, lifecycle: production, definition: "..."}
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata: {name: checkout-db}
spec: {type: database, owner: team-payments}
"#;

    #[test]
    fn maps_entities_to_services_and_apis_to_edges() {
        let import = import(&[("catalog.yaml".into(), CATALOG.into())]).unwrap();
        let get = |id: &str| import.graph.services.iter().find(|s| s.id == id).unwrap();
        let deps = |id: &str| get(id).depends_on.iter().map(|e| e.service().to_owned()).collect::<Vec<_>>();
        assert_eq!(deps("checkout"), vec!["checkout-db", "payments"]);
        assert_eq!(deps("shop"), vec!["checkout"]);
        assert_eq!(get("checkout").tier, 0);
        assert_eq!(get("checkout").data, vec!["pci", "pii"]);
        assert_eq!(get("checkout").owners, vec!["team-payments"]);
        assert_eq!(get("payments").tier, 3, "experimental defaults to tier 3");
        assert!(import.graph.services.iter().all(|s| s.id != "payments-api"), "APIs are edges, not services");
        assert_eq!(
            import.warnings,
            vec!["payments: dependsOn `resource:vault` is not in the catalog files; edge dropped"]
        );
        // The result is a valid graph.
        let yaml = serde_yaml::to_string(&import.graph).unwrap();
        ServiceGraph::parse(yaml.as_bytes(), "out.yaml").unwrap();
    }
}
