//! Validate a located YAML tree against the JSON Schema generated from our own types.
//!
//! One source of truth: the serde types derive both the deserializer and (through
//! schemars) the schema that `clearance schema` prints; this module checks a document
//! against that schema and reports *every* problem with its location, which serde alone
//! cannot do (it stops at the first).
//!
//! The subset covers what schemars emits for our types: `$ref`/`$defs`, `type`,
//! `properties`, `required`, `additionalProperties`, `items`, `enum`, `const`,
//! `minItems`/`maxItems`, `minLength`/`maxLength`, `pattern`, `minimum`/`maximum`,
//! `anyOf`/`oneOf`. A pattern may carry `x-expected`, a human phrase for what it wants.

#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::unwrap_used))]

use serde_json::Value as J;

use crate::error::Problem;
use crate::text::yaml::{self, Node, Pos, Value};

/// Read a YAML document of type `T` from `bytes` (named `name` in messages): the located
/// loader, then every schema problem at once, then the typed value.
pub fn load<T: schemars::JsonSchema + serde::de::DeserializeOwned>(
    bytes: &[u8],
    name: &str,
    what: &str,
) -> crate::error::Result<T> {
    use crate::error::{Error, Source};
    let source = Source { name: name.to_owned(), text: None };
    let text = yaml::decode(bytes, &source)?;
    let node = yaml::parse(&text, &source)?;
    let schema = serde_json::to_value(schemars::schema_for!(T))?;
    let problems = Checker::new(&schema).check(&node);
    if !problems.is_empty() {
        return Err(Error::located(
            format!("{name} is not a valid {what}"),
            Source { name: name.to_owned(), text: Some(text) },
            problems,
        ));
    }
    Ok(serde_json::from_value(node.to_json())?)
}

pub struct Checker<'s> {
    root: &'s J,
}

impl<'s> Checker<'s> {
    pub fn new(root: &'s J) -> Self {
        Checker { root }
    }

    /// Every problem in `node`, in document order.
    pub fn check(&self, node: &Node) -> Vec<Problem> {
        let mut problems = Vec::new();
        self.node(self.root, node, "", node.pos, &mut problems);
        problems.sort_by_key(|p| (p.line, p.column));
        problems
    }

    fn resolve(&self, mut schema: &'s J) -> &'s J {
        while let Some(r) = schema.get("$ref").and_then(J::as_str) {
            let name = r.rsplit('/').next().unwrap_or_default();
            match self.root.get("$defs").and_then(|d| d.get(name)) {
                Some(target) => schema = target,
                None => break,
            }
        }
        schema
    }

    /// `anchor` is where missing fields are reported: the key that introduced this node.
    fn node(&self, schema: &'s J, node: &Node, path: &str, anchor: Pos, out: &mut Vec<Problem>) {
        let schema = self.resolve(schema);
        if schema == &J::Bool(true) || schema.as_object().is_some_and(|o| o.is_empty()) {
            return;
        }
        let at = |message: String| Problem::new(message, path, node.pos.line, node.pos.column).width(node.pos.width);

        if let Some(branches) = schema.get("anyOf").or_else(|| schema.get("oneOf")).and_then(J::as_array) {
            self.alternatives(branches, node, path, anchor, out);
            return;
        }
        if let Some(types) = schema.get("type")
            && !type_matches(types, &node.value)
        {
            out.push(at(format!("expected {}, found {}", describe_types(types), node.value.kind_name())));
            return;
        }
        if let Some(expected) = schema.get("const")
            && &node.to_json() != expected
        {
            out.push(at(format!("expected `{}`, found `{}`", plain(expected), plain(&node.to_json()))));
        }
        if let Some(options) = schema.get("enum").and_then(J::as_array) {
            let value = node.to_json();
            if !options.contains(&value) {
                let list: Vec<String> = options.iter().map(|o| format!("`{}`", plain(o))).collect();
                out.push(at(format!("`{}` is not one of {}", plain(&value), list.join(", "))));
            }
        }
        match &node.value {
            Value::Map(entries) => self.mapping(schema, entries, path, anchor, out),
            Value::Seq(items) => {
                let count = items.len() as u64;
                if let Some(min) = schema.get("minItems").and_then(J::as_u64)
                    && count < min
                {
                    out.push(at(format!("expected at least {min} item{}, found {count}", plural(min))));
                }
                if let Some(max) = schema.get("maxItems").and_then(J::as_u64)
                    && count > max
                {
                    out.push(at(format!("expected at most {max} item{}, found {count}", plural(max))));
                }
                if let Some(item_schema) = schema.get("items") {
                    for (i, item) in items.iter().enumerate() {
                        self.node(item_schema, item, &format!("{path}[{i}]"), item.pos, out);
                    }
                }
            }
            Value::Str(s) => {
                let len = s.chars().count() as u64;
                if let Some(min) = schema.get("minLength").and_then(J::as_u64)
                    && len < min
                {
                    out.push(at(if min == 1 {
                        "must not be empty".into()
                    } else {
                        format!("must be at least {min} characters")
                    }));
                }
                if let Some(max) = schema.get("maxLength").and_then(J::as_u64)
                    && len > max
                {
                    out.push(at(format!("must be at most {max} characters, found {len}")));
                }
                if let Some(pattern) = schema.get("pattern").and_then(J::as_str) {
                    let ok = regex::Regex::new(pattern).map(|re| re.is_match(s)).unwrap_or(false);
                    if !ok {
                        let expected = schema
                            .get("x-expected")
                            .and_then(J::as_str)
                            .map_or_else(|| format!("matching `{pattern}`"), str::to_owned);
                        out.push(at(format!("`{s}` is not valid: expected {expected}")).expected(expected));
                    }
                }
            }
            Value::Int(_) | Value::Float(_) => {
                let n = match node.value {
                    Value::Int(i) => i as f64,
                    Value::Float(f) => f,
                    _ => unreachable!(),
                };
                if let Some(min) = schema.get("minimum").and_then(J::as_f64)
                    && n < min
                {
                    out.push(at(format!("must be at least {}", plain(&schema["minimum"]))));
                }
                if let Some(max) = schema.get("maximum").and_then(J::as_f64)
                    && n > max
                {
                    out.push(at(format!("must be at most {}", plain(&schema["maximum"]))));
                }
            }
            Value::Null | Value::Bool(_) => {}
        }
    }

    fn mapping(&self, schema: &'s J, entries: &[(yaml::Key, Node)], path: &str, anchor: Pos, out: &mut Vec<Problem>) {
        let empty = serde_json::Map::new();
        let properties = schema.get("properties").and_then(J::as_object).unwrap_or(&empty);
        let additional = schema.get("additionalProperties");
        for (key, value) in entries {
            let child = yaml::join(path, &key.name);
            match properties.get(&key.name) {
                Some(prop) => self.node(prop, value, &child, key.pos, out),
                None => match additional {
                    Some(J::Bool(false)) => {
                        let mut message = format!("unknown field `{}`", key.name);
                        let known: Vec<&str> = properties.keys().map(String::as_str).collect();
                        let near = closest(&key.name, &known);
                        if let Some(near) = near {
                            message.push_str(&format!(", did you mean `{near}`?"));
                        } else if !known.is_empty() {
                            message.push_str(&format!(", expected one of `{}`", known.join("`, `")));
                        }
                        let problem = Problem::new(message, &child, key.pos.line, key.pos.column)
                            .width(key.pos.width)
                            .expected(format!("one of `{}`", known.join("`, `")));
                        out.push(match near {
                            Some(near) => problem.suggest([near]),
                            None => problem.suggest(known.iter().copied()),
                        });
                    }
                    Some(extra) if extra.is_object() => self.node(extra, value, &child, key.pos, out),
                    _ => {}
                },
            }
        }
        if let Some(required) = schema.get("required").and_then(J::as_array) {
            for name in required.iter().filter_map(J::as_str) {
                if !entries.iter().any(|(k, _)| k.name == name) {
                    out.push(
                        Problem::new(
                            format!("missing field `{name}`"),
                            yaml::join(path, name),
                            anchor.line,
                            anchor.column,
                        )
                        .width(anchor.width),
                    );
                }
            }
        }
    }

    /// `anyOf`/`oneOf`: accept the first branch without problems; otherwise report the
    /// problems of the branch whose type fits the value, or a summary of the types allowed.
    fn alternatives(&self, branches: &'s [J], node: &Node, path: &str, anchor: Pos, out: &mut Vec<Problem>) {
        let mut fitting = Vec::new();
        for branch in branches {
            let mut problems = Vec::new();
            self.node(branch, node, path, anchor, &mut problems);
            if problems.is_empty() {
                return;
            }
            let resolved = self.resolve(branch);
            if resolved.get("type").is_none_or(|t| type_matches(t, &node.value)) {
                fitting.push(problems);
            }
        }
        if fitting.len() == 1
            && let Some(only) = fitting.first_mut()
        {
            out.append(only);
            return;
        }
        // Mappings told apart by their one key (`{env: NAME}` or `{keyring: NAME}`): name the
        // keys, and the likely one.
        let tags: Vec<&str> = branches
            .iter()
            .filter_map(|b| match self.resolve(b).get("required").and_then(J::as_array).map(Vec::as_slice) {
                Some([one]) => one.as_str(),
                _ => None,
            })
            .collect();
        if let Value::Map(entries) = &node.value
            && tags.len() == branches.len()
            && !entries.iter().any(|(k, _)| tags.contains(&k.name.as_str()))
        {
            let wanted = tags.iter().map(|t| format!("`{t}`")).collect::<Vec<_>>().join(" or ");
            let (message, at) = match entries.first() {
                Some((key, _)) => {
                    let near = closest(&key.name, &tags).map(|n| format!(", did you mean `{n}`?")).unwrap_or_default();
                    (format!("unknown key `{}`: expected {wanted}{near}", key.name), key.pos)
                }
                None => (format!("expected one key, {wanted}"), node.pos),
            };
            out.push(Problem::new(message, path, at.line, at.column).width(at.width));
            return;
        }
        let mut names: Vec<String> =
            branches.iter().filter_map(|b| self.resolve(b).get("type").map(describe_types)).collect();
        names.dedup();
        let expected = if names.is_empty() { "a different value".to_owned() } else { names.join(" or ") };
        out.push(
            Problem::new(
                format!("expected {expected}, found {}", node.value.kind_name()),
                path,
                node.pos.line,
                node.pos.column,
            )
            .width(node.pos.width),
        );
    }
}

fn type_matches(types: &J, value: &Value) -> bool {
    let one = |t: &str| match t {
        "object" => matches!(value, Value::Map(_)),
        "array" => matches!(value, Value::Seq(_)),
        "string" => matches!(value, Value::Str(_)),
        "integer" => matches!(value, Value::Int(_)),
        "number" => matches!(value, Value::Int(_) | Value::Float(_)),
        "boolean" => matches!(value, Value::Bool(_)),
        "null" => matches!(value, Value::Null),
        _ => true,
    };
    match types {
        J::String(t) => one(t),
        J::Array(ts) => ts.iter().filter_map(J::as_str).any(one),
        _ => true,
    }
}

fn describe_types(types: &J) -> String {
    let one = |t: &str| match t {
        "object" => "a mapping",
        "array" => "a sequence",
        "string" => "a string",
        "integer" => "an integer",
        "number" => "a number",
        "boolean" => "a boolean (true or false)",
        "null" => "null",
        _ => "a value",
    };
    match types {
        J::String(t) => one(t).to_owned(),
        J::Array(ts) => {
            ts.iter().filter_map(J::as_str).filter(|t| *t != "null").map(one).collect::<Vec<_>>().join(" or ")
        }
        _ => "a value".to_owned(),
    }
}

fn plain(v: &J) -> String {
    match v {
        J::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn plural(n: u64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The known name within edit distance 2 of `name`, if any.
pub fn closest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (edit_distance(name, k), *k))
        .filter(|(d, k)| *d <= 2 && *d < k.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let far = usize::MAX / 2;
    for (i, ca) in a.chars().enumerate() {
        let mut cur = Vec::with_capacity(b.len() + 1);
        cur.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let swap = prev.get(j).map_or(far, |d| d + usize::from(ca != *cb));
            let drop = prev.get(j + 1).map_or(far, |d| d + 1);
            let add = cur.last().map_or(far, |d| d + 1);
            cur.push(swap.min(drop).min(add));
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Source;

    fn problems(schema: J, text: &str) -> Vec<String> {
        let node = yaml::parse(text, &Source { name: "t".into(), text: None }).unwrap();
        Checker::new(&schema)
            .check(&node)
            .into_iter()
            .map(|p| format!("{}:{} {} {}", p.line, p.column, p.path, p.message))
            .collect()
    }

    #[test]
    fn reports_every_problem_with_location() {
        let schema = serde_json::json!({
            "type": "object",
            "properties": {"name": {"type": "string", "minLength": 1}, "count": {"type": "integer", "minimum": 1}},
            "required": ["name", "count"],
            "additionalProperties": false
        });
        let got = problems(schema, "nmae: x\ncount: 0\n");
        assert_eq!(
            got,
            vec![
                "1:1 nmae unknown field `nmae`, did you mean `name`?",
                "1:1 name missing field `name`",
                "2:8 count must be at least 1",
            ]
        );
    }

    #[test]
    fn alternatives_pick_the_branch_that_fits() {
        let schema = serde_json::json!({
            "type": "array",
            "items": {"anyOf": [{"type": "string"}, {"type": "object", "properties": {"service": {"type": "string"}}, "required": ["service"], "additionalProperties": false}]}
        });
        let got = problems(schema, "- a\n- {svc: b}\n- 3\n");
        assert_eq!(got[0], "2:3 [1].service missing field `service`");
        assert_eq!(got[1], "2:4 [1].svc unknown field `svc`, expected one of `service`");
        assert_eq!(got[2], "3:3 [2] expected a string or a mapping, found an integer");
    }
}
