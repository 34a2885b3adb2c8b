//! The source layout keeps its promises: layers import only downward, no two modules import
//! each other (directly or round a circle), and every test file is part of the test binary.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Layers from the bottom up; a module may import its own layer and those before it.
/// `error` sits beside all of them; `commands` is the top.
const LAYERS: [&str; 6] = ["text", "store", "trust", "model", "decide", "act"];
const TOP: [&str; 1] = ["commands"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rank(top: &str) -> Option<usize> {
    if top == "error" {
        return Some(0);
    }
    if let Some(i) = LAYERS.iter().position(|l| *l == top) {
        return Some(i + 1);
    }
    TOP.contains(&top).then_some(LAYERS.len() + 1)
}

/// Every `.rs` file under `dir`, as (module path like `model::proposal`, text).
fn modules(dir: &Path, prefix: &str, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        let name = path.file_stem().unwrap().to_str().unwrap().to_owned();
        let module = if prefix.is_empty() { name.clone() } else { format!("{prefix}::{name}") };
        if path.is_dir() {
            modules(&path, &module, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let module = match name.as_str() {
                "mod" => prefix.to_owned(),
                "lib" | "main" => String::new(),
                _ => module,
            };
            out.push((module, std::fs::read_to_string(&path).unwrap()));
        }
    }
}

/// The modules a file names through `crate::`, outside its tests: `crate::model::proposal`,
/// `crate::model::{intent, proposal}` and `crate::model` alike, resolved to the deepest
/// module that exists.
fn imports(text: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or(text);
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let mut path = String::new();
        let mut chars = rest.chars().peekable();
        loop {
            let segment: String = std::iter::from_fn(|| chars.next_if(|c| c.is_alphanumeric() || *c == '_')).collect();
            if segment.is_empty() {
                break;
            }
            let candidate = if path.is_empty() { segment } else { format!("{path}::{segment}") };
            if !known.contains(&candidate) {
                break;
            }
            path = candidate;
            if chars.next_if_eq(&':').is_none() || chars.next_if_eq(&':').is_none() {
                break;
            }
            if chars.peek() == Some(&'{') {
                // `crate::model::{intent, proposal}`: each name in the braces.
                let inner: String = chars.by_ref().skip(1).take_while(|c| *c != '}').collect();
                for name in inner.split(',') {
                    let name = name.trim().split("::").next().unwrap_or("").trim();
                    let sub = format!("{path}::{name}");
                    if known.contains(&sub) {
                        out.insert(sub);
                    }
                }
                break;
            }
        }
        if !path.is_empty() {
            out.insert(path);
        }
    }
    out
}

#[test]
fn layers_import_only_downward_and_no_module_imports_round_a_circle() {
    let mut files = Vec::new();
    modules(&root().join("src"), "", &mut files);
    let known: BTreeSet<String> = files.iter().map(|(m, _)| m.clone()).filter(|m| !m.is_empty()).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut wrong = Vec::new();
    for (module, text) in &files {
        if module.is_empty() {
            continue;
        }
        let top = module.split("::").next().unwrap();
        let mine = rank(top).unwrap_or_else(|| panic!("src/{top} is in no layer: add it to LAYERS or TOP"));
        for import in imports(text, &known) {
            let theirs = rank(import.split("::").next().unwrap()).unwrap();
            if theirs > mine {
                wrong.push(format!("{module} imports {import}, a higher layer"));
            }
            // A module's own submodules and its parent do not count as edges of the graph.
            if !import.starts_with(&format!("{module}::")) && !module.starts_with(&format!("{import}::")) {
                graph.entry(module.clone()).or_default().insert(import);
            }
        }
    }
    assert!(wrong.is_empty(), "imports that point upward:\n{}", wrong.join("\n"));

    // Circles: depth-first search with colours; report the first circle found.
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(node.to_owned(), 1);
        stack.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            match state.get(next.as_str()).copied().unwrap_or(0) {
                1 => {
                    let from = stack.iter().position(|n| n == next).unwrap();
                    let mut circle = stack[from..].to_vec();
                    circle.push(next.clone());
                    return Some(circle);
                }
                0 => {
                    if let Some(c) = visit(next, graph, state, stack) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(node.to_owned(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        if state.get(node.as_str()).copied().unwrap_or(0) == 0
            && let Some(circle) = visit(node, &graph, &mut state, &mut Vec::new())
        {
            panic!("modules import each other round a circle: {}", circle.join(" -> "));
        }
    }
}

#[test]
fn the_import_reader_sees_every_form_of_path() {
    let known: BTreeSet<String> =
        ["model", "model::intent", "model::proposal", "store", "store::repo"].iter().map(|s| s.to_string()).collect();
    let text = "use crate::model::{intent, proposal::State};\nfn f() { crate::store::repo::open(); }\n";
    let found: Vec<_> = imports(text, &known).into_iter().collect();
    assert_eq!(found, ["model", "model::intent", "model::proposal", "store::repo"]);
}

#[test]
fn every_test_file_is_part_of_the_test_binary() {
    let dir = root().join("tests/cli");
    let main = std::fs::read_to_string(dir.join("main.rs")).unwrap();
    let declared: BTreeSet<&str> =
        main.lines().filter_map(|l| l.trim().strip_prefix("mod ")).map(|m| m.trim_end_matches(';')).collect();
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_str().unwrap().to_owned();
        if path.extension().is_some_and(|e| e == "rs") && name != "main" && !declared.contains(name.as_str()) {
            missing.push(name);
        }
    }
    assert!(missing.is_empty(), "tests/cli files never compiled (add `mod NAME;` to main.rs): {missing:?}");
    // Test files elsewhere would each be a binary of their own; keep them in tests/cli.
    let stray: Vec<_> = std::fs::read_dir(root().join("tests"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    assert!(stray.is_empty(), "test files outside tests/cli: {stray:?}");
}
