//! Validate a located YAML tree against the JSON Schema generated from our own types.
//!
//! One source of truth: the serde types derive both the deserializer and (through
//! schemars) the schema that `clearance schema` prints. A complete JSON Schema validator
//! (the `jsonschema` crate) enforces that schema, so every keyword it uses holds; this
//! module turns each of its errors into a located problem in clearance's words (unknown
//! fields with a did-you-mean, missing fields at the key that lacks them, the branch of an
//! alternative that fits the value) and reports *every* problem at once, which serde alone
//! cannot do (it stops at the first). A pattern may carry `x-expected`, a human phrase for
//! what it wants.

#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::unwrap_used))]

use jsonschema::error::{TypeKind, ValidationErrorKind as Kind};
use jsonschema::paths::LocationSegment;
use jsonschema::{ValidationError, Validator};
use serde_json::Value as J;

use crate::error::Problem;
use crate::text::yaml::{self, Node, Pos, Value};

/// A compiled schema: the document (for names and `x-expected`) and its validator.
pub struct Schema {
    root: J,
    validator: Validator,
}

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
    let schema = Schema::new(serde_json::to_value(schemars::schema_for!(T))?);
    let instance = node.to_json();
    let problems = schema.check(&node, &instance);
    let with_text = || Source { name: name.to_owned(), text: Some(text.clone()) };
    if !problems.is_empty() {
        return Err(Error::located(format!("{name} is not a valid {what}"), with_text(), problems));
    }
    serde_json::from_value(instance).map_err(|e| {
        Error::located(
            format!("{name} is not a valid {what}"),
            with_text(),
            vec![Problem::new(e.to_string(), "", node.pos.line, node.pos.column)],
        )
    })
}

impl Schema {
    /// Compile `root`; a schema generated from our own types always compiles.
    pub fn new(root: J) -> Schema {
        let validator = jsonschema::validator_for(&root).expect("the generated schema compiles");
        Schema { root, validator }
    }

    /// Every problem in `node`, in document order. `instance` is `node.to_json()`, which
    /// every caller also needs for the typed value.
    pub fn check(&self, node: &Node, instance: &J) -> Vec<Problem> {
        let mut problems = Vec::new();
        for error in self.validator.iter_errors(instance) {
            self.report(&error, node, &mut problems);
        }
        problems.sort_by_key(|p| (p.line, p.column));
        let mut unique: Vec<Problem> = Vec::with_capacity(problems.len());
        for problem in problems {
            if !unique.contains(&problem) {
                unique.push(problem);
            }
        }
        unique
    }

    /// The schema object that holds the keyword an error is about.
    fn holder(&self, error: &ValidationError<'_>) -> &J {
        let pointer = error.schema_path().as_str();
        let parent = pointer.rsplit_once('/').map_or("", |(parent, _)| parent);
        self.root.pointer(parent).unwrap_or(&J::Null)
    }

    fn resolve<'s>(&'s self, mut schema: &'s J) -> &'s J {
        while let Some(r) = schema.get("$ref").and_then(J::as_str) {
            match r.strip_prefix('#').and_then(|p| self.root.pointer(p)) {
                Some(target) => schema = target,
                None => break,
            }
        }
        schema
    }

    fn report(&self, error: &ValidationError<'_>, root: &Node, out: &mut Vec<Problem>) {
        let Some(found) = locate(root, error.instance_path().segments()) else {
            out.push(Problem::new(error.to_string(), "", root.pos.line, root.pos.column));
            return;
        };
        let Found { node, path, anchor } = found;
        let at = |message: String| Problem::new(message, &path, node.pos.line, node.pos.column).width(node.pos.width);
        let holder = self.holder(error);
        match error.kind() {
            Kind::AdditionalProperties { unexpected } => {
                let Value::Map(entries) = &node.value else { return };
                let known: Vec<&str> = holder
                    .get("properties")
                    .and_then(J::as_object)
                    .map_or(Vec::new(), |p| p.keys().map(String::as_str).collect());
                for name in unexpected {
                    let Some((key, _)) = entries.iter().find(|(k, _)| &k.name == name) else { continue };
                    out.push(unknown_field(key, &yaml::join(&path, name), &known));
                }
            }
            Kind::Required { property } => {
                let name = plain(property);
                out.push(
                    Problem::new(
                        format!("missing field `{name}`"),
                        yaml::join(&path, &name),
                        anchor.line,
                        anchor.column,
                    )
                    .width(anchor.width),
                );
            }
            Kind::Type { kind } => {
                out.push(at(format!("expected {}, found {}", describe_kind(kind), node.value.kind_name())));
            }
            Kind::Constant { expected_value } => {
                out.push(at(format!("expected `{}`, found `{}`", plain(expected_value), plain(error.instance()))));
            }
            Kind::Enum { options } => {
                let list: Vec<String> =
                    options.as_array().map_or(Vec::new(), |o| o.iter().map(|o| format!("`{}`", plain(o))).collect());
                let problem = at(format!("`{}` is not one of {}", plain(error.instance()), list.join(", ")));
                out.push(problem.suggest(options.as_array().into_iter().flatten().map(plain)));
            }
            Kind::MinItems { limit } => {
                out.push(at(format!("expected at least {limit} item{}, found {}", plural(*limit), items(node))));
            }
            Kind::MaxItems { limit } => {
                out.push(at(format!("expected at most {limit} item{}, found {}", plural(*limit), items(node))));
            }
            Kind::MinLength { limit } => out.push(at(if *limit == 1 {
                "must not be empty".into()
            } else {
                format!("must be at least {limit} characters")
            })),
            Kind::MaxLength { limit } => {
                let len = node.as_str().map_or(0, |s| s.chars().count());
                out.push(at(format!("must be at most {limit} characters, found {len}")));
            }
            Kind::Minimum { limit } => out.push(at(format!("must be at least {}", plain(limit)))),
            Kind::Maximum { limit } => out.push(at(format!("must be at most {}", plain(limit)))),
            Kind::Pattern { pattern } => {
                let expected = holder
                    .get("x-expected")
                    .and_then(J::as_str)
                    .map_or_else(|| format!("matching `{pattern}`"), str::to_owned);
                let written = node.as_str().unwrap_or_default();
                out.push(at(format!("`{written}` is not valid: expected {expected}")).expected(expected));
            }
            Kind::AnyOf { context } | Kind::OneOfNotValid { context } => {
                let keyword = if matches!(error.kind(), Kind::AnyOf { .. }) { "anyOf" } else { "oneOf" };
                let branches = holder.get(keyword).and_then(J::as_array).map_or(&[][..], Vec::as_slice);
                self.alternatives(branches, context, node, &path, root, out);
            }
            _ => {
                let message = error.to_string();
                out.push(at(message));
            }
        }
    }

    /// `anyOf`/`oneOf` with no branch that holds: report the problems of the one branch
    /// whose type fits the value, or name the keys that tell mappings apart, or the types
    /// allowed.
    fn alternatives(
        &self,
        branches: &[J],
        context: &[Vec<ValidationError<'static>>],
        node: &Node,
        path: &str,
        root: &Node,
        out: &mut Vec<Problem>,
    ) {
        let fitting: Vec<&Vec<ValidationError<'static>>> = branches
            .iter()
            .zip(context)
            .filter(|(branch, _)| self.resolve(branch).get("type").is_none_or(|t| type_matches(t, &node.value)))
            .map(|(_, errors)| errors)
            .collect();
        // Mappings told apart by their one key (`{env: NAME}` or `{keyring: NAME}`).
        let tags: Vec<&str> = branches
            .iter()
            .filter_map(|b| match self.resolve(b).get("required").and_then(J::as_array).map(Vec::as_slice) {
                Some([one]) => one.as_str(),
                _ => None,
            })
            .collect();
        let tagged = match &node.value {
            Value::Map(entries) if tags.len() == branches.len() => {
                tags.iter().position(|t| entries.iter().any(|(k, _)| k.name == *t)).and_then(|i| context.get(i))
            }
            _ => None,
        };
        if let Some(only) = tagged.or(match fitting.as_slice() {
            [only] => Some(*only),
            _ => None,
        }) {
            for error in only {
                self.report(error, root, out);
            }
            return;
        }
        // None of the keys: name them, and the likely one.
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

fn unknown_field(key: &yaml::Key, path: &str, known: &[&str]) -> Problem {
    let mut message = format!("unknown field `{}`", key.name);
    let near = closest(&key.name, known);
    if let Some(near) = near {
        message.push_str(&format!(", did you mean `{near}`?"));
    } else if !known.is_empty() {
        message.push_str(&format!(", expected one of `{}`", known.join("`, `")));
    }
    let problem = Problem::new(message, path, key.pos.line, key.pos.column)
        .width(key.pos.width)
        .expected(format!("one of `{}`", known.join("`, `")));
    match near {
        Some(near) => problem.suggest([near]),
        None => problem.suggest(known.iter().copied()),
    }
}

/// The node an instance path names, its dotted field path, and where a missing field of
/// it is reported: the key (or item) that introduced it.
struct Found<'n> {
    node: &'n Node,
    path: String,
    anchor: Pos,
}

fn locate<'n, 'a>(root: &'n Node, segments: impl Iterator<Item = LocationSegment<'a>>) -> Option<Found<'n>> {
    let mut found = Found { node: root, path: String::new(), anchor: root.pos };
    for segment in segments {
        match (segment, &found.node.value) {
            (LocationSegment::Property(name), Value::Map(entries)) => {
                let (key, value) = entries.iter().find(|(k, _)| k.name == name)?;
                found = Found { node: value, path: yaml::join(&found.path, &name), anchor: key.pos };
            }
            (LocationSegment::Index(i), Value::Seq(items)) => {
                let item = items.get(i)?;
                found = Found { node: item, path: format!("{}[{i}]", found.path), anchor: item.pos };
            }
            _ => return None,
        }
    }
    Some(found)
}

fn items(node: &Node) -> usize {
    match &node.value {
        Value::Seq(items) => items.len(),
        _ => 0,
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

fn type_noun(t: &str) -> &'static str {
    match t {
        "object" => "a mapping",
        "array" => "a sequence",
        "string" => "a string",
        "integer" => "an integer",
        "number" => "a number",
        "boolean" => "a boolean (true or false)",
        "null" => "null",
        _ => "a value",
    }
}

fn describe_types(types: &J) -> String {
    match types {
        J::String(t) => type_noun(t).to_owned(),
        J::Array(ts) => {
            ts.iter().filter_map(J::as_str).filter(|t| *t != "null").map(type_noun).collect::<Vec<_>>().join(" or ")
        }
        _ => "a value".to_owned(),
    }
}

fn describe_kind(kind: &TypeKind) -> String {
    let names: Vec<String> = match kind {
        TypeKind::Single(t) => vec![t.to_string()],
        TypeKind::Multiple(set) => set.iter().map(|t| t.to_string()).collect(),
    };
    describe_types(&J::Array(names.into_iter().map(J::String).collect()))
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
        Schema::new(schema)
            .check(&node, &node.to_json())
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
                "1:1 name missing field `name`",
                "1:1 nmae unknown field `nmae`, did you mean `name`?",
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
