//! Blast radius: correctness against an independent implementation, the outputs users see,
//! broken graphs, and the compiled-graph cache.

use std::collections::BTreeMap;
use std::fs;

use proptest::prelude::*;

use clearance::model::blast::{self, Via};
use clearance::model::graph::ServiceGraph;
use clearance::model::graph_index::{self, Compiled};

use crate::common::Repo;

/// A graph of `n` services `s0..`, tiers from the list, edges `(from, to, async)` meaning
/// `from` depends on `to`.
fn graph_yaml(tiers: &[u8], edges: &[(usize, usize, bool)]) -> String {
    let mut out = String::from("apiVersion: clearance/v1\nkind: ServiceGraph\nservices:\n");
    for (i, tier) in tiers.iter().enumerate() {
        let deps: Vec<String> = edges
            .iter()
            .filter(|e| e.0 == i)
            .map(
                |&(_, to, is_async)| {
                    if is_async { format!("{{service: s{to}, kind: async}}") } else { format!("s{to}") }
                },
            )
            .collect();
        // Some services hold data, carry tags or annotations, so every table is exercised.
        let data = if i % 5 == 0 { "pci" } else { "" };
        let tags = if i % 2 == 0 { format!("x{}, y", i % 3) } else { String::new() };
        let annotations = if i % 4 == 1 { format!("{{resource: r{i}, a: '1'}}") } else { "{}".to_owned() };
        out.push_str(&format!(
            "  - {{id: s{i}, tier: {tier}, owners: [team-{}], data: [{data}], tags: [{tags}], annotations: {annotations}, depends_on: [{}]}}\n",
            i % 3,
            deps.join(", ")
        ));
    }
    out
}

/// Reverse reachability by relaxing every edge until nothing changes: slow and obviously
/// right, sharing no code with the BFS under test.
fn reference(
    n: usize,
    edges: &[(usize, usize, bool)],
    targets: &[usize],
    limit: Option<u32>,
) -> BTreeMap<String, (u32, Via)> {
    let relax = |sync_only: bool| {
        let mut dist = vec![u32::MAX; n];
        for &t in targets {
            dist[t] = 0;
        }
        loop {
            let mut changed = false;
            for &(from, to, is_async) in edges {
                if sync_only && is_async {
                    continue;
                }
                if dist[to] != u32::MAX && dist[to] + 1 < dist[from] {
                    dist[from] = dist[to] + 1;
                    changed = true;
                }
            }
            if !changed {
                return dist;
            }
        }
    };
    let all = relax(false);
    let sync = relax(true);
    let limit = limit.unwrap_or(u32::MAX);
    (0..n)
        .filter(|&i| all[i] != u32::MAX && all[i] <= limit)
        .map(|i| {
            let via = if all[i] == 0 {
                Via::Target
            } else if sync[i] != u32::MAX && sync[i] <= limit {
                Via::Sync
            } else {
                Via::Async
            };
            (format!("s{i}"), (all[i], via))
        })
        .collect()
}

/// Tiers, edges, targets and an optional depth limit.
type Case = (Vec<u8>, Vec<(usize, usize, bool)>, Vec<usize>, Option<u32>);

fn arb_case() -> impl Strategy<Value = Case> {
    (1usize..30).prop_flat_map(|n| {
        (
            proptest::collection::vec(0u8..4, n),
            proptest::collection::vec((0..n, 0..n, any::<bool>()), 0..n * 3),
            proptest::collection::vec(0..n, 1..4),
            proptest::option::of(0u32..5),
        )
    })
}

/// Larger graphs whose edges point mostly at the first services, as in a package
/// ecosystem: a target among them reaches most of the graph.
fn arb_large_radius() -> impl Strategy<Value = Case> {
    (50usize..250).prop_flat_map(|n| {
        let edge = (0..n, 0..n, 0u32..100, any::<bool>()).prop_map(move |(from, to, skew, is_async)| {
            // Most edges point at the first tenth of the services.
            let to = if skew < 85 { to % (n / 10).max(1) } else { to };
            (from, to, is_async)
        });
        (
            proptest::collection::vec(0u8..4, n),
            proptest::collection::vec(edge, n..n * 4),
            proptest::collection::vec(0..(n / 10).max(1), 1..3),
            proptest::option::of(0u32..8),
        )
    })
}

/// The radius as clearance serialized it before it read names from the compiled graph:
/// the canonical JSON (and so every recorded digest) must not change.
#[derive(serde::Serialize)]
struct Owned<'a> {
    targets: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    depth_limit: Option<u32>,
    impacted: Vec<OwnedImpacted>,
    summary: &'a blast::Summary,
}

#[derive(serde::Serialize)]
struct OwnedImpacted {
    id: String,
    tier: u8,
    depth: u32,
    via: Via,
    owners: Vec<String>,
    data: Vec<String>,
    tags: Vec<String>,
}

fn check_radius(case: Case) -> Result<(), TestCaseError> {
    let (tiers, edges, targets, limit) = case;
    // Duplicate edges are legal in the file but collapse to one in the reference.
    let yaml = graph_yaml(&tiers, &edges);
    let graph = ServiceGraph::parse(yaml.as_bytes(), "g.yaml")
        .map_err(|e| TestCaseError::fail(format!("{e}: {:?}\n{yaml}", e.problems)))?;
    let built = Compiled::build(&graph);
    // The one-pass reader gives the same compiled graph from the YAML and from the JSON
    // form, and so does the cache it is written to and mapped back from; the radius below
    // is computed on the mapped one.
    let json = serde_json::to_vec_pretty(&graph).unwrap();
    prop_assert_eq!(&graph_index::parse(yaml.as_bytes(), "g.yaml").unwrap(), &built);
    prop_assert_eq!(&graph_index::parse(&json, "g.json").unwrap(), &built);
    let dir = tempfile::tempdir().unwrap();
    let key = git2::Oid::hash_object(git2::ObjectType::Blob, &json).unwrap();
    graph_index::cache::write(&built, &dir.path().join("graph.bin"), key).unwrap();
    let compiled = std::sync::Arc::new(graph_index::cache::open(&dir.path().join("graph.bin"), key).unwrap());
    prop_assert_eq!(&*compiled, &built);
    for (i, id) in built.ids().enumerate() {
        prop_assert_eq!(
            compiled.annotations(i).collect::<Vec<_>>(),
            graph
                .services
                .iter()
                .find(|s| s.id == id)
                .unwrap()
                .annotations
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect::<Vec<_>>()
        );
    }
    let names: Vec<String> = targets.iter().map(|t| format!("s{t}")).collect();
    let radius = blast::compute(&compiled, &names, limit).unwrap();
    let got: BTreeMap<String, (u32, Via)> = radius.impacted().map(|s| (s.id().to_owned(), (s.depth, s.via))).collect();
    prop_assert_eq!(&got, &reference(tiers.len(), &edges, &targets, limit));
    prop_assert_eq!(radius.summary.count, got.len());
    let min_tier = radius.impacted().map(|s| tiers[s.id()[1..].parse::<usize>().unwrap()]).min();
    prop_assert_eq!(radius.summary.most_critical_tier, min_tier);
    prop_assert_eq!(radius.summary.sync_count, got.values().filter(|(_, v)| *v == Via::Sync).count());
    // Ordered by depth, then tier, then id.
    let keys: Vec<(u32, u8, String)> = radius.impacted().map(|s| (s.depth, s.tier(), s.id().to_owned())).collect();
    prop_assert!(keys.windows(2).all(|w| w[0] <= w[1]), "out of order: {:?}", keys);
    let owners: std::collections::BTreeSet<String> =
        radius.impacted().flat_map(|s| s.owners().map(str::to_owned)).collect();
    prop_assert_eq!(&radius.summary.owners, &owners.into_iter().collect::<Vec<_>>());
    // The same bytes as the owned form, so the same digest.
    let owned = Owned {
        targets: &radius.targets,
        depth_limit: radius.depth_limit,
        impacted: radius
            .impacted()
            .map(|s| OwnedImpacted {
                id: s.id().to_owned(),
                tier: s.tier(),
                depth: s.depth,
                via: s.via,
                owners: s.owners().map(str::to_owned).collect(),
                data: s.data().map(str::to_owned).collect(),
                tags: s.tags().map(str::to_owned).collect(),
            })
            .collect(),
        summary: &radius.summary,
    };
    let owned = serde_json::to_vec(&owned).unwrap();
    prop_assert_eq!(serde_json::to_vec(&radius).unwrap(), owned.clone());
    let digest = format!("sha256:{}", sha256_hex(&owned));
    prop_assert_eq!(radius.digest(), digest.clone());
    // What `blast --format json` writes to a pipe: those bytes, then the digest.
    let mut written = Vec::new();
    prop_assert_eq!(radius.write_json(&mut written, &[]).unwrap(), digest.clone());
    let mut expected = owned[..owned.len() - 1].to_vec();
    expected.extend_from_slice(format!(",\"digest\":\"{digest}\"}}\n").as_bytes());
    prop_assert_eq!(written, expected);
    Ok(())
}

fn sha256_hex(bytes: &[u8]) -> String {
    let out = std::process::Command::new("sha256sum")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin.take().unwrap().write_all(bytes)?;
            c.wait_with_output()
        })
        .unwrap();
    String::from_utf8_lossy(&out.stdout).split_whitespace().next().unwrap_or_default().to_owned()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn blast_radius_matches_an_independent_reverse_reachability(case in arb_case()) {
        check_radius(case)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(60))]

    #[test]
    fn large_radii_match_it_too(case in arb_large_radius()) {
        check_radius(case)?;
    }
}

#[test]
fn cycles_self_loops_and_async_only_paths() {
    // a <- b <- c <- a (cycle), d depends on itself and asynchronously on a, e is apart.
    let edges = [(1, 0, false), (2, 1, false), (0, 2, false), (3, 3, false), (3, 0, true)];
    let yaml = graph_yaml(&[0, 1, 2, 3, 2], &edges);
    let compiled = std::sync::Arc::new(Compiled::build(&ServiceGraph::parse(yaml.as_bytes(), "g.yaml").unwrap()));
    let radius = blast::compute(&compiled, &["s0".to_owned()], None).unwrap();
    let got: Vec<(&str, u32, Via)> = radius.impacted().map(|s| (s.id(), s.depth, s.via)).collect();
    assert_eq!(got, vec![("s0", 0, Via::Target), ("s1", 1, Via::Sync), ("s3", 1, Via::Async), ("s2", 2, Via::Sync)]);
    assert_eq!(radius.summary.most_critical_tier, Some(0));
}

#[test]
fn outputs_in_every_format() {
    let repo = Repo::new();
    let mut s = insta::Settings::clone_current();
    s.set_prepend_module_to_snapshot(false);
    s.add_filter(r"sha256:[0-9a-f]{64}", "sha256:[DIGEST]");
    s.bind(|| {
        for (name, format) in
            [("blast_human", "human"), ("blast_json", "json"), ("blast_dot", "dot"), ("blast_mermaid", "mermaid")]
        {
            let r = repo.run(&["blast", "payments-db", "orders-db", "--env", "prod", "--format", format]);
            assert_eq!(r.code, 0, "{}", r.stderr);
            insta::assert_snapshot!(name, r.stdout);
        }
        let r = repo.run(&["blast", "payments-db", "--depth", "1", "--format", "json"]);
        let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
        let ids: Vec<&str> = v["impacted"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
        assert_eq!(ids, vec!["payments-db", "payments"]);
        let unknown = repo.run(&["blast", "paymnts-db"]);
        assert_eq!(unknown.code, 1);
        insta::assert_snapshot!("blast_unknown", unknown.stderr);
    });
}

fn write_graph(repo: &Repo, text: &str) -> std::path::PathBuf {
    let path = repo.path().join("candidate.yaml");
    fs::write(&path, text).unwrap();
    path
}

#[test]
fn broken_graphs_are_refused_with_located_messages() {
    let repo = Repo::new();
    let base = fs::read_to_string(repo.file("graph/services.yaml")).unwrap();
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "dangling",
            base.replace("depends_on: [users-db]", "depends_on: [users-db, ghost]"),
            "graph/x.yaml:49:28 (services[8].depends_on[1])",
        ),
        ("duplicate", base.replace("  - id: search\n", "  - id: catalog\n"), "(services[6].id)"),
        (
            "bad tier",
            base.replace("tier: 3\n    owners: [team-ml]", "tier: 7\n    owners: [team-ml]"),
            "must be at most 3",
        ),
        (
            "bad edge kind",
            base.replace("kind: async}", "kind: eventually}"),
            "`eventually` is not one of `sync`, `async`",
        ),
        (
            "unknown field",
            base.replace("    owners: [team-ml]", "    owner: [team-ml]"),
            "unknown field `owner`, did you mean `owners`?",
        ),
    ];
    for (what, text, needle) in cases {
        let path = write_graph(&repo, &text);
        let r = repo.run(&["graph", "check", path.to_str().unwrap()]);
        assert_eq!(r.code, 1, "{what}: {}", r.stderr);
        let shown = r.stderr.replace(&path.display().to_string(), "graph/x.yaml");
        assert!(shown.contains(needle), "{what}: expected `{needle}` in\n{shown}");
    }
    // The dangling edge names the missing id.
    let path = write_graph(&repo, &base.replace("depends_on: [users-db]", "depends_on: [users-db, ghost]"));
    assert!(
        repo.run(&["graph", "check", path.to_str().unwrap()])
            .stderr
            .contains("`auth` depends on `ghost`, which is not in the graph")
    );
}

#[test]
fn hostile_graph_files_are_refused() {
    let repo = Repo::new();
    let garbage: Vec<u8> = (0..10 * 1024 * 1024u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8).collect();
    let path = repo.path().join("garbage.yaml");
    fs::write(&path, &garbage).unwrap();
    let r = repo.run(&["graph", "check", path.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("not valid UTF-8") && r.stderr.contains(":1:"), "{}", r.stderr);

    let mut bomb =
        String::from("apiVersion: clearance/v1\nkind: ServiceGraph\nx0: &x0 [a, a, a, a, a, a, a, a, a, a]\n");
    for i in 1..12 {
        bomb.push_str(&format!(
            "x{i}: &x{i} [*x{p}, *x{p}, *x{p}, *x{p}, *x{p}, *x{p}, *x{p}, *x{p}, *x{p}, *x{p}]\n",
            p = i - 1
        ));
    }
    fs::write(&path, &bomb).unwrap();
    let r = repo.run(&["graph", "check", path.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("anchors are not allowed"), "{}", r.stderr);

    // JSON: broken syntax, and a wrong type.
    let json = repo.path().join("garbage.json");
    fs::write(&json, b"{\"apiVersion\": \"clearance/v1\",\n \"services\": [{\"id\": \"a\"]}").unwrap();
    let r = repo.run(&["graph", "check", json.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("garbage.json:2:25"), "{}", r.stderr);
    fs::write(&json, b"{\"apiVersion\": \"clearance/v1\", \"kind\": \"ServiceGraph\",\n \"services\": [{\"id\": 3}]}")
        .unwrap();
    let r = repo.run(&["graph", "check", json.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("garbage.json:2:22 (services[0].id)")
            && r.stderr.contains("expected a string, found an integer"),
        "{}",
        r.stderr
    );
}

#[test]
fn the_cache_follows_the_graph_and_survives_corruption() {
    let repo = Repo::new();
    let before = repo.run(&["blast", "catalog-db", "--format", "json"]);
    let count = |r: &crate::common::Run| {
        serde_json::from_str::<serde_json::Value>(&r.stdout).unwrap()["summary"]["count"].as_u64().unwrap()
    };
    assert_eq!(count(&before), 5);
    let cache = repo.path().join(".git/clearance/graph.bin");
    assert!(cache.exists(), "blast writes the compiled graph cache");

    // A plain git commit changes the graph: the cache is keyed by the blob, so it is rebuilt.
    let graph = repo.file("graph/services.yaml");
    let text = fs::read_to_string(&graph)
        .unwrap()
        .replace("    owners: [team-platform]", "    owners: [team-platform]\n    depends_on: [catalog-db]");
    fs::write(&graph, text).unwrap();
    repo.commit_rules("flags read the catalog");
    assert_eq!(count(&repo.run(&["blast", "catalog-db", "--format", "json"])), 6);

    // A corrupted cache is detected and replaced, never trusted.
    let mut bytes = fs::read(&cache).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0xff;
    fs::write(&cache, &bytes).unwrap();
    assert_eq!(count(&repo.run(&["blast", "catalog-db", "--format", "json"])), 6);
    assert_ne!(fs::read(&cache).unwrap(), bytes, "the corrupt cache was rewritten");
    fs::write(&cache, b"garbage").unwrap();
    assert_eq!(count(&repo.run(&["blast", "catalog-db", "--format", "json"])), 6);
}

#[test]
fn proposals_record_their_blast_radius() {
    let repo = Repo::new();
    let r = crate::common::run_stdin(
        repo.path(),
        &["propose", "--format", "json"],
        crate::common::INTENT.replace("[orders-db-old]", "[orders-db]").as_bytes(),
    );
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["blast_radius"]["summary"]["count"], 5);
    let id = v["id"].as_str().unwrap();
    let shown: serde_json::Value = serde_json::from_str(&repo.run(&["show", id, "--format", "json"]).stdout).unwrap();
    assert_eq!(shown["blast_radius"]["summary"]["count"], 5);
    assert_eq!(shown["blast_radius_changed"], false);
    let recorded = shown["evidence"][0]["payload"]["blast_radius_digest"].as_str().unwrap().to_owned();
    assert_eq!(recorded.len(), 71);
    // `blast --format json` piped is one line, hashed as it is written: the same digest, and
    // the same document as a terminal gets.
    let r = repo.run(&["blast", "orders-db", "--format", "json"]);
    assert_eq!(r.stdout.lines().count(), 1, "{}", r.stdout);
    let piped: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(piped["digest"], recorded.as_str());
    assert_eq!(piped["summary"]["count"], 5);
    assert_eq!(piped["environment"], serde_json::Value::Null);

    // Someone adds a dependent of orders-db: show says the radius moved.
    let graph = repo.file("graph/services.yaml");
    let text = fs::read_to_string(&graph)
        .unwrap()
        .replace("    owners: [team-platform]", "    owners: [team-platform]\n    depends_on: [orders-db]");
    fs::write(&graph, text).unwrap();
    repo.commit_rules("flags use orders");
    let shown: serde_json::Value = serde_json::from_str(&repo.run(&["show", id, "--format", "json"]).stdout).unwrap();
    assert_eq!(shown["blast_radius"]["summary"]["count"], 6);
    assert_eq!(shown["blast_radius_changed"], true);
    assert!(repo.run(&["show", id]).stdout.contains("changed since the proposal was filed"));
}

#[test]
fn backstage_import_writes_a_valid_graph() {
    let repo = Repo::new();
    let elsewhere = tempfile::TempDir::new().unwrap();
    let catalog = elsewhere.path().join("catalog.yaml");
    fs::write(
        &catalog,
        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: storefront}\nspec: {type: website, owner: group:default/web, lifecycle: production, consumesApis: [orders-api]}\n---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: orders}\nspec: {type: service, owner: group:default/orders, lifecycle: production, providesApis: [orders-api], dependsOn: [resource:orders-db]}\n---\napiVersion: backstage.io/v1alpha1\nkind: API\nmetadata: {name: orders-api}\nspec: {type: openapi, owner: orders, lifecycle: production, definition: x}\n---\napiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata: {name: orders-db, annotations: {clearance.dev/tier: '0', clearance.dev/data: pii}}\nspec: {type: database, owner: group:default/orders}\n",
    )
    .unwrap();
    let printed = repo.run(&["graph", "import", "backstage", catalog.to_str().unwrap()]);
    assert_eq!(printed.code, 0, "{}", printed.stderr);
    let mut s = insta::Settings::clone_current();
    s.set_prepend_module_to_snapshot(false);
    s.add_filter(&regex_lite_escape(&catalog.display().to_string()), "[CATALOG]");
    s.bind(|| insta::assert_snapshot!("backstage_import", printed.stdout));

    let head = repo.head();
    let admin = repo.key("admin");
    let r = repo.run(&[
        "graph",
        "import",
        "backstage",
        catalog.to_str().unwrap(),
        "--commit",
        "--key-file",
        admin.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_ne!(repo.head(), head);
    assert_eq!(repo.status(), "");
    let radius: serde_json::Value =
        serde_json::from_str(&repo.run(&["blast", "orders-db", "--format", "json"]).stdout).unwrap();
    let ids: Vec<&str> = radius["impacted"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids, vec!["orders-db", "orders", "storefront"]);
}

fn regex_lite_escape(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '/' || c == '-' || c == '_' { c.to_string() } else { format!("\\{c}") }
        })
        .collect()
}

#[test]
fn graph_list_shows_what_intents_may_target() {
    let repo = Repo::new();
    let r = repo.run(&["graph", "list", "--owner", "team-payments", "--tier", "0", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let services: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let ids: Vec<&str> = services.as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["checkout", "payments", "payments-db"]);
    // An unknown target with nothing close points there.
    let far = crate::common::INTENT.replace("[orders-db-old]", "[zzzzzzzzzzzz]");
    let r = crate::common::run_stdin(repo.path(), &["propose", "-f", "-"], far.as_bytes());
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("`clearance graph list` shows the services"), "{}", r.stderr);
    // `blast` says the same, and suggests what is close.
    let r = repo.run(&["blast", "zzzzzzzzzzzz"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("`clearance graph list` shows the services"), "{}", r.stderr);
    let r = repo.run(&["blast", "orders-db-olde"]);
    assert!(r.stderr.contains("did you mean `orders-db-old`?"), "{}", r.stderr);
}

/// The human table shows the most critical services first (tier, then depth), as many as
/// asked (or fit), and says how many more there are; `--all` shows them all.
#[test]
fn the_human_table_shows_the_most_critical_first_and_says_what_it_left_out() {
    let repo = Repo::new();
    let r = repo.run(&["blast", "orders-db", "payments-db", "-n", "2"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rows: Vec<&str> = r.stdout.lines().skip(2).collect();
    assert_eq!(rows.len(), 3, "{}", r.stdout);
    assert!(
        rows[0].trim_start().starts_with("payments-db") && rows[1].trim_start().starts_with("payments "),
        "{}",
        r.stdout
    );
    assert_eq!(rows[2], "… and 5 more (use --all or --format json)");
    let all = repo.run(&["blast", "orders-db", "payments-db", "--all"]);
    assert_eq!(all.stdout.lines().count(), 2 + 7, "{}", all.stdout);
    assert!(!all.stdout.contains("more"), "{}", all.stdout);
}

/// What serde would take for a graph but the schema does not: each is refused by the
/// reader behind `graph check` and `governance sign` and by the one behind `blast`, with
/// the same located problem.
#[test]
fn a_json_graph_is_held_to_every_rule_of_the_schema() {
    let head = r#"{"apiVersion": "clearance/v1", "kind": "ServiceGraph", "services": "#;
    let cases = [
        // A struct as a list: serde's derive accepts it.
        (r#"["clearance/v1", "ServiceGraph", [["a", 1, [], [], [], {}, []]]]"#.to_owned(), "expected a mapping"),
        (format!(r#"{head}[["a", 1, [], [], [], {{}}, []]]}}"#), "(services[0])"),
        // One database for the reader of the file, another for the provider.
        (
            format!(
                r#"{head}[{{"id": "db", "annotations": {{"resource": "postgres://db/shop", "resource": "postgres://db/billing"}}}}]}}"#
            ),
            "duplicate key `resource`",
        ),
        (format!(r#"{head}[{{"id": "a", "tier": 1, "tier": 0}}]}}"#), "duplicate key `tier`"),
        (format!(r#"{head}[{{"id": "a b"}}]}}"#), "`a b` is not valid: expected a service id"),
        (format!(r#"{head}[{{"id": "a", "depends_on": [{{"kind": "async"}}]}}]}}"#), "missing field `service`"),
    ];
    for (text, needle) in &cases {
        for result in [
            ServiceGraph::parse(text.as_bytes(), "g.json").map(|_| ()),
            graph_index::parse(text.as_bytes(), "g.json").map(|_| ()),
        ] {
            let err = result.expect_err(text);
            let shown = format!("{err} {:?}", err.problems);
            assert!(
                shown.contains(needle) || err.problems.iter().any(|p| p.path.contains(needle.trim_matches(['(', ')']))),
                "{text}: expected `{needle}` in {shown}"
            );
        }
    }

    // An agent commits the two-database graph and asks the admin to sign it into force.
    let repo = Repo::new();
    fs::remove_file(repo.file("graph/services.yaml")).unwrap();
    fs::write(repo.file("graph/services.json"), &cases[2].0).unwrap();
    let r = repo.sign_rules("graph as JSON");
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("duplicate key `resource`"), "{}", r.stderr);
    assert!(r.stderr.contains("graph/services.json is not a valid JSON document"), "{}", r.stderr);
}

/// The blob of a graph committed here is a loose object, streamed and inflated by
/// clearance; after `git gc` it lies in a pack and is read by git. Both give the same
/// radius. A loose object whose content no longer matches its name is never read: alone,
/// it is an error; beside a good copy in a pack, the pack's copy is read.
#[test]
fn a_graph_blob_loose_or_packed_reads_the_same_and_a_forged_one_is_not_read() {
    use std::io::{Read, Write};
    let repo = Repo::new();
    let graph = ServiceGraph::parse(&fs::read(repo.file("graph/services.yaml")).unwrap(), "g.yaml").unwrap();
    fs::remove_file(repo.file("graph/services.yaml")).unwrap();
    fs::write(repo.file("graph/services.json"), serde_json::to_vec_pretty(&graph).unwrap()).unwrap();
    repo.commit_rules("graph as JSON");
    let cache = repo.path().join(".git/clearance/graph.bin");
    let blast = || {
        let _ = fs::remove_file(&cache);
        repo.run(&["blast", "orders-db", "--format", "json"])
    };
    let loose = blast();
    assert_eq!(loose.code, 0, "{}", loose.stderr);
    let oid = crate::common::git(repo.path(), &["rev-parse", "HEAD:graph/services.json"]).trim().to_owned();
    let object = repo.path().join(".git/objects").join(&oid[..2]).join(&oid[2..]);
    let stored = fs::read(&object).unwrap();
    // The same name over a graph still valid: one owner renamed inside.
    let mut inflated = Vec::new();
    flate2::read::ZlibDecoder::new(&stored[..]).read_to_end(&mut inflated).unwrap();
    let forged = String::from_utf8(inflated).unwrap().replacen("team-", "tean-", 1);
    assert!(ServiceGraph::parse(forged.split_once('\0').unwrap().1.as_bytes(), "g.json").is_ok());
    let mut deflated = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    deflated.write_all(forged.as_bytes()).unwrap();
    let forged = deflated.finish().unwrap();
    let put = |bytes: &[u8]| {
        fs::create_dir_all(object.parent().unwrap()).unwrap();
        let _ = fs::remove_file(&object);
        fs::write(&object, bytes).unwrap();
    };

    put(&forged);
    let r = blast();
    assert_ne!(r.code, 0, "a forged graph blob was read: {}", r.stdout);
    assert!(r.stderr.contains(&oid[..7]), "the error names the object: {}", r.stderr);
    assert!(!cache.exists(), "no cache is written from a forged blob");

    // A header promising 10 bytes before 64 MiB of content: refused without reading on.
    let mut deflated = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    deflated.write_all(b"blob 10\0").unwrap();
    deflated.write_all(&vec![b' '; 64 << 20]).unwrap();
    put(&deflated.finish().unwrap());
    let r = blast();
    assert_ne!(r.code, 0, "{}", r.stdout);
    assert!(!cache.exists());

    put(&stored);
    crate::common::git(repo.path(), &["gc", "--quiet"]);
    assert!(!object.exists(), "git gc packed the graph");
    let packed = blast();
    assert_eq!((packed.code, &packed.stdout), (0, &loose.stdout), "{}", packed.stderr);

    put(&forged);
    let beside = blast();
    assert_eq!((beside.code, &beside.stdout), (0, &loose.stdout), "{}", beside.stderr);
}

/// Scalars YAML readers read differently (a sign after `0x`, a leading zero, digit groups,
/// infinity spelt in capitals) and a `%YAML 1.1` directive: the fast readers leave them to
/// the located loader, so `blast` and `governance sign` never read a tier or an id other
/// than the one the schema check saw.
#[test]
fn yaml_scalars_readers_disagree_on_are_read_as_the_schema_check_reads_them() {
    let head = "apiVersion: clearance/v1\nkind: ServiceGraph\nservices:\n";
    for (service, needle) in [
        ("  - {id: payments, tier: 0x+3}\n", "services[0].tier"),
        // Read as the float 1.0 by the located loader (whose message has no place yet).
        ("  - {id: payments, tier: 01}\n", "floating point `1.0`"),
        ("  - {id: 1_000}\n", "services[0].id"),
        ("  - {id: payments, owners: [+.Inf]}\n", "non-finite float"),
    ] {
        let text = format!("{head}{service}");
        for result in [
            ServiceGraph::parse(text.as_bytes(), "g.yaml").map(|_| ()),
            graph_index::parse(text.as_bytes(), "g.yaml").map(|_| ()),
        ] {
            let err = result.expect_err(&text);
            assert!(
                err.problems.iter().any(|p| p.path == needle || p.message.contains(needle)),
                "{text}: {err} {:?}",
                err.problems
            );
        }
    }
    let text = format!("%YAML 1.1\n---\n{head}  - {{id: payments, owners: [on, off]}}\n");
    let structs = ServiceGraph::parse(text.as_bytes(), "g.yaml").map(|g| Compiled::build(&g));
    let compiled = graph_index::parse(text.as_bytes(), "g.yaml");
    match (structs, compiled) {
        (Ok(a), Ok(b)) => assert_eq!(a, b),
        (Err(_), Err(_)) => {}
        (a, b) => panic!("the readers disagree: {a:?} / {b:?}"),
    }
}
