//! Every keyword the generated schemas use is enforced, with the right field path.
//!
//! Generated from the schemas themselves: for each schema `clearance schema` prints, a
//! valid document is built from the schema, then for every constraint at every place in
//! it (through `$ref`, properties, items, maps and each branch of `anyOf`/`oneOf`) a copy
//! that breaks just that constraint is validated, and a problem must name that place. A
//! keyword this test does not know fails it, so a new field or constraint cannot slip past.

use clearance::error::Source;
use clearance::text::schema::Schema;
use clearance::text::yaml;
use serde_json::{Value, json};

/// Keywords that only describe, or that structure (the walk follows them).
const ANNOTATIONS: &[&str] = &["$schema", "$id", "title", "description", "default", "examples", "x-expected"];
/// schemars' names for Rust number types: annotations, whose ranges `minimum`/`maximum` state.
const NUMBER_FORMATS: &[&str] = &["uint8", "uint16", "uint32", "uint64", "int64", "double", "float"];
const STRUCTURE: &[&str] = &["$defs", "$ref", "properties", "items", "anyOf", "oneOf", "additionalProperties"];
const CONSTRAINTS: &[&str] = &[
    "type",
    "required",
    "enum",
    "const",
    "pattern",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "minItems",
    "maxItems",
];

/// Strings tried, in order, for a `pattern`: the first that matches is the valid value.
const SAMPLES: &[&str] = &["ab", "a.b", "30s", "https://example.test", "00000000-0000-0000-0000-000000000000"];
/// Strings tried to break a `pattern`.
const BREAKERS: &[&str] = &["!! not valid !!", "UPPER", "a", "-", ""];

fn schemas() -> Vec<(&'static str, Value)> {
    vec![
        ("intent", clearance::model::intent::schema()),
        ("graph", clearance::model::graph::schema()),
        ("decision", clearance::model::decision::schema()),
        ("config", serde_json::to_value(schemars::schema_for!(clearance::model::config::Config)).unwrap()),
        ("identities", serde_json::to_value(schemars::schema_for!(clearance::trust::identities::Identities)).unwrap()),
        ("local", serde_json::to_value(schemars::schema_for!(clearance::trust::local::Local)).unwrap()),
    ]
}

#[derive(Clone, Debug)]
enum Seg {
    Key(String),
    Index(usize),
}

fn dotted(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) if out.is_empty() => out.push_str(k),
            Seg::Key(k) => out.push_str(&format!(".{k}")),
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

fn at<'v>(doc: &'v mut Value, path: &[Seg]) -> &'v mut Value {
    path.iter().fold(doc, |v, seg| match seg {
        Seg::Key(k) => &mut v[k.as_str()],
        Seg::Index(i) => &mut v[*i],
    })
}

struct Walk<'s> {
    name: &'s str,
    root: &'s Value,
    schema: Schema,
    checked: usize,
    failures: Vec<String>,
}

impl<'s> Walk<'s> {
    fn resolve(&self, mut node: &'s Value) -> &'s Value {
        while let Some(r) = node.get("$ref").and_then(Value::as_str) {
            node = self.root.pointer(r.strip_prefix('#').unwrap()).unwrap_or_else(|| panic!("unresolved {r}"));
        }
        node
    }

    fn first_type(node: &Value) -> Option<&str> {
        match node.get("type") {
            Some(Value::String(t)) => Some(t),
            Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).find(|t| *t != "null"),
            _ => None,
        }
    }

    /// A value `node` accepts, every property filled in.
    fn valid(&self, node: &'s Value, depth: usize) -> Value {
        let node = self.resolve(node);
        assert!(depth < 16, "{}: the schema nests too deep to generate", self.name);
        if let Some(c) = node.get("const") {
            return c.clone();
        }
        if let Some(options) = node.get("enum").and_then(Value::as_array) {
            return options[0].clone();
        }
        if let Some(branches) = node.get("anyOf").or_else(|| node.get("oneOf")).and_then(Value::as_array) {
            let branch =
                branches.iter().find(|b| Self::first_type(self.resolve(b)) != Some("null")).unwrap_or(&branches[0]);
            return self.valid(branch, depth + 1);
        }
        match Self::first_type(node) {
            Some("object") | None if node.get("properties").is_some() => {
                let mut out = serde_json::Map::new();
                for (k, v) in node["properties"].as_object().unwrap() {
                    out.insert(k.clone(), self.valid(v, depth + 1));
                }
                Value::Object(out)
            }
            Some("object") => json!({}),
            Some("array") => {
                let n = node.get("minItems").and_then(Value::as_u64).unwrap_or(1).max(1);
                let item = node.get("items").map_or(json!("x"), |i| self.valid(i, depth + 1));
                Value::Array(vec![item; n as usize])
            }
            Some("string") => match node.get("pattern").and_then(Value::as_str) {
                Some(p) => {
                    let re = regex::Regex::new(p).unwrap();
                    let sample = SAMPLES.iter().find(|s| re.is_match(s));
                    json!(sample.unwrap_or_else(|| panic!("{}: add a sample to SAMPLES for pattern {p}", self.name)))
                }
                None => json!("x".repeat(node.get("minLength").and_then(Value::as_u64).unwrap_or(1).max(1) as usize)),
            },
            Some("integer") => json!(node.get("minimum").and_then(Value::as_i64).unwrap_or(0).max(1)),
            Some("number") => json!(node.get("minimum").and_then(Value::as_f64).unwrap_or(0.0).max(1.0)),
            Some("boolean") => json!(true),
            Some("null") => Value::Null,
            Some(other) => panic!("{}: unknown type {other}", self.name),
            None => json!({}),
        }
    }

    /// Validate `doc`; some problem must stand at `path` or inside it (or, for a field
    /// missing from one branch of an alternative, at the alternative: "expected one key").
    fn expect(&mut self, doc: &Value, path: &[Seg], what: &str, alternative: Option<&[Seg]>) {
        self.checked += 1;
        let text = serde_json::to_string_pretty(doc).unwrap();
        let node = yaml::parse(&text, &Source { name: "t".into(), text: None }).unwrap();
        let want = dotted(path);
        let problems = self.schema.check(&node, &node.to_json());
        let hit = problems.iter().any(|p| {
            p.path == want
                || p.path.starts_with(&format!("{want}."))
                || p.path.starts_with(&format!("{want}["))
                || (want.is_empty() && !p.path.is_empty())
                || alternative.is_some_and(|a| p.path == dotted(a))
        });
        if !hit {
            let got: Vec<String> = problems.iter().map(|p| format!("{} ({})", p.message, p.path)).collect();
            self.failures.push(format!("{}: {what} at `{want}` was not refused there: {got:?}", self.name));
        }
    }

    /// Break every constraint of `node`, standing at `path` of `base`, then walk inside.
    fn walk(&mut self, node: &'s Value, base: &Value, path: &[Seg], depth: usize, alternative: Option<&[Seg]>) {
        if depth > 12 {
            return;
        }
        let node = self.resolve(node);
        let Some(object) = node.as_object() else { return };
        for (keyword, value) in object {
            let known = ANNOTATIONS.contains(&keyword.as_str())
                || STRUCTURE.contains(&keyword.as_str())
                || CONSTRAINTS.contains(&keyword.as_str())
                || (keyword == "format" && value.as_str().is_some_and(|f| NUMBER_FORMATS.contains(&f)));
            if !known {
                self.failures.push(format!("{}: keyword `{keyword}` is not covered by this test", self.name));
            }
        }
        let current = {
            let mut b = base.clone();
            at(&mut b, path).clone()
        };
        let broken = |this: &mut Self, value: Value, at_path: &[Seg], what: &str| {
            let mut doc = base.clone();
            *at(&mut doc, path) = value;
            let missing = what == "required";
            this.expect(&doc, at_path, what, alternative.filter(|_| missing));
        };
        if let Some(types) = node.get("type") {
            let allowed: Vec<&str> = match types {
                Value::String(t) => vec![t.as_str()],
                Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
                _ => vec![],
            };
            let fits = |v: &Value| match v {
                Value::Object(_) => allowed.contains(&"object"),
                Value::Array(_) => allowed.contains(&"array"),
                Value::String(_) => allowed.contains(&"string"),
                Value::Bool(_) => allowed.contains(&"boolean"),
                Value::Null => allowed.contains(&"null"),
                Value::Number(n) if n.is_f64() => allowed.contains(&"number"),
                Value::Number(_) => allowed.contains(&"integer") || allowed.contains(&"number"),
            };
            let wrong =
                [json!(true), json!("s"), json!(1.5), json!([]), json!({}), json!(7)].into_iter().find(|v| !fits(v));
            if let Some(wrong) = wrong {
                broken(self, wrong, path, "type");
            }
        }
        if let Some(options) = node.get("enum") {
            let outside = if options.as_array().unwrap().iter().all(Value::is_string) {
                json!("zz-not-listed")
            } else {
                json!(987654)
            };
            broken(self, outside, path, "enum");
        }
        if node.get("const").is_some() {
            broken(self, json!("zz-not-the-constant"), path, "const");
        }
        if let Some(p) = node.get("pattern").and_then(Value::as_str) {
            let re = regex::Regex::new(p).unwrap();
            let breaker = BREAKERS.iter().find(|s| !re.is_match(s)).expect("a string that breaks the pattern");
            broken(self, json!(breaker), path, "pattern");
        }
        if node.get("minLength").and_then(Value::as_u64).is_some_and(|n| n >= 1) {
            broken(self, json!(""), path, "minLength");
        }
        if let Some(max) = node.get("maxLength").and_then(Value::as_u64) {
            broken(self, json!("y".repeat(max as usize + 1)), path, "maxLength");
        }
        if let Some(min) = node.get("minimum").and_then(Value::as_f64) {
            broken(self, json!(min - 1.0), path, "minimum");
        }
        if let Some(max) = node.get("maximum").and_then(Value::as_f64) {
            broken(self, json!(max + 1.0), path, "maximum");
        }
        if node.get("minItems").and_then(Value::as_u64).is_some_and(|n| n >= 1) {
            broken(self, json!([]), path, "minItems");
        }
        if let Some(max) = node.get("maxItems").and_then(Value::as_u64) {
            let item = current.as_array().and_then(|a| a.first().cloned()).unwrap_or(json!("x"));
            broken(self, Value::Array(vec![item; max as usize + 1]), path, "maxItems");
        }
        if let Some(required) = node.get("required").and_then(Value::as_array) {
            for name in required.iter().filter_map(Value::as_str) {
                let mut value = current.clone();
                value.as_object_mut().unwrap().remove(name);
                let mut child = path.to_vec();
                child.push(Seg::Key(name.to_owned()));
                broken(self, value, &child, "required");
            }
        }
        match node.get("additionalProperties") {
            Some(Value::Bool(false)) => {
                let mut value = current.clone();
                value.as_object_mut().unwrap().insert("zz_unknown_field".into(), json!(1));
                let mut child = path.to_vec();
                child.push(Seg::Key("zz_unknown_field".into()));
                broken(self, value, &child, "additionalProperties: false");
            }
            Some(extra @ Value::Object(_)) if !extra.as_object().unwrap().is_empty() => {
                // A map: one entry, then what its values must be.
                let mut doc = base.clone();
                let entry = self.valid(extra, depth + 1);
                at(&mut doc, path).as_object_mut().unwrap().insert("some-key".into(), entry);
                let mut child = path.to_vec();
                child.push(Seg::Key("some-key".into()));
                self.walk(extra, &doc, &child, depth + 1, None);
            }
            _ => {}
        }
        if let Some(properties) = node.get("properties").and_then(Value::as_object) {
            for (name, sub) in properties {
                let mut child = path.to_vec();
                child.push(Seg::Key(name.clone()));
                self.walk(sub, base, &child, depth + 1, None);
            }
        }
        if let Some(items) = node.get("items") {
            let mut child = path.to_vec();
            child.push(Seg::Index(0));
            self.walk(items, base, &child, depth + 1, None);
        }
        for keyword in ["anyOf", "oneOf"] {
            for branch in node.get(keyword).and_then(Value::as_array).into_iter().flatten() {
                let mut doc = base.clone();
                *at(&mut doc, path) = self.valid(branch, depth + 1);
                self.walk(branch, &doc, path, depth + 1, Some(path));
            }
        }
    }
}

#[test]
fn every_keyword_of_every_schema_is_enforced_at_its_path() {
    let mut total = 0;
    for (name, root) in schemas() {
        let mut walk = Walk { name, root: &root, schema: Schema::new(root.clone()), checked: 0, failures: Vec::new() };
        let doc = walk.valid(&root, 0);
        // The generated document itself is valid.
        let text = serde_json::to_string_pretty(&doc).unwrap();
        let node = yaml::parse(&text, &Source { name: "t".into(), text: None }).unwrap();
        let problems = walk.schema.check(&node, &node.to_json());
        assert!(problems.is_empty(), "{name}: the generated valid document is refused: {problems:?}\n{text}");
        walk.walk(&root, &doc, &[], 0, None);
        assert!(walk.failures.is_empty(), "{}", walk.failures.join("\n"));
        assert!(walk.checked >= 10, "{name}: only {} violations tried", walk.checked);
        total += walk.checked;
    }
    assert!(total >= 100, "only {total} violations tried");
}
