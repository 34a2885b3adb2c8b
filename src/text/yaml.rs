//! YAML, read one way: every document clearance reads goes through serde-saphyr with the
//! same strict options, whether it becomes a typed value directly ([`from_str`],
//! [`from_slice`]) or a located tree ([`parse`]) that validation walks to report every
//! problem with its line, column and field path. Large graphs take a faster typed path on
//! the same parser (`yaml_de.rs`), with the located tree behind it for errors.
//!
//! It is deliberately stricter than YAML: one document, no duplicate keys, no anchors or
//! aliases (which closes the door on alias bombs), no merge keys, no tags but the core
//! schema's, YAML 1.2 booleans only, bounded nesting depth and size.

#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::unwrap_used))]

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{Spanned, budget::BudgetBreach};

use crate::error::{Error, Problem, Source};

/// Nesting deeper than this is refused; real documents stay far below it.
pub const MAX_DEPTH: usize = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
    pub width: usize,
}

impl Pos {
    fn from_location(at: serde_saphyr::Location) -> Pos {
        let width = usize::try_from(at.span().len()).unwrap_or(1).max(1);
        Pos { line: to_usize(at.line()).max(1), column: to_usize(at.column()).max(1), width }
    }
}

fn to_usize(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

#[derive(Debug, Clone)]
pub struct Node {
    pub value: Value,
    pub pos: Pos,
}

#[derive(Debug, Clone)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Key, Node)>),
}

#[derive(Debug, Clone)]
pub struct Key {
    pub name: String,
    pub pos: Pos,
    /// A sequence or mapping used as a key: refused, reported where it stands.
    pub complex: bool,
}

impl Value {
    /// The noun used in messages: "expected a string, found a sequence".
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Int(_) => "an integer",
            Value::Float(_) => "a number",
            Value::Str(_) => "a string",
            Value::Seq(_) => "a sequence",
            Value::Map(_) => "a mapping",
        }
    }
}

impl Node {
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Map(entries) => entries.iter().find(|(k, _)| k.name == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The node at a field path such as `services[3].depends_on[1]`.
    pub fn find(&self, path: &str) -> Option<&Node> {
        let mut node = self;
        for segment in path.split('.').filter(|s| !s.is_empty()) {
            let (name, mut rest) = segment.split_once('[').map_or((segment, ""), |(n, r)| (n, r));
            if !name.is_empty() {
                node = node.get(name)?;
            }
            while let Some((index, after)) = rest.split_once(']') {
                let Value::Seq(items) = &node.value else { return None };
                node = items.get(index.parse::<usize>().ok()?)?;
                rest = after.strip_prefix('[').unwrap_or(after);
            }
        }
        Some(node)
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.value {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Int(i) => J::from(*i),
            Value::Float(f) => serde_json::Number::from_f64(*f).map(J::Number).unwrap_or(J::Null),
            Value::Str(s) => J::String(s.clone()),
            Value::Seq(items) => J::Array(items.iter().map(Node::to_json).collect()),
            Value::Map(entries) => J::Object(entries.iter().map(|(k, v)| (k.name.clone(), v.to_json())).collect()),
        }
    }
}

/// Decode bytes as UTF-8, pointing at the first invalid byte.
pub fn decode(bytes: &[u8], source: &Source) -> Result<String, Error> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => {
            let valid = bytes.get(..e.valid_up_to()).unwrap_or_default();
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(valid.get(line_start..).unwrap_or_default()).chars().count() + 1;
            let text = String::from_utf8_lossy(bytes).into_owned();
            Err(Error::located(
                format!("{} is not valid UTF-8", source.name),
                Source { name: source.name.clone(), text: Some(text) },
                vec![Problem::new(
                    format!("invalid UTF-8 byte 0x{:02x}", bytes.get(e.valid_up_to()).copied().unwrap_or(0)),
                    "",
                    line,
                    column,
                )],
            ))
        }
    }
}

/// The options every read uses: strict, and sized for the largest file clearance accepts
/// (callers cap the input's bytes before parsing).
pub fn options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.max_anchors = 0;
    budget.max_aliases = 0;
    budget.max_documents = 1;
    budget.max_nodes = usize::MAX;
    budget.max_events = usize::MAX;
    budget.max_total_scalar_bytes = usize::MAX;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::Error;
    options.merge_keys = serde_saphyr::MergeKeyPolicy::Error;
    options.strict_booleans = true;
    options.reject_unsupported_tags = true;
    options.reject_tagged_field_names = true;
    options.with_snippet = false;
    options
}

/// Deserialize one strict YAML document straight into `T`, without a tree in between: a
/// large document costs the input plus the typed result. The error is serde-saphyr's,
/// located at the first problem; [`problem`] turns it into one.
pub fn from_str<T: de::DeserializeOwned>(text: &str) -> Result<T, serde_saphyr::Error> {
    serde_saphyr::from_str_with_options(text, options())
}

/// [`from_str`] of `bytes` read from `file`, with its error in the one located shape:
/// "FILE is not WHAT", pointing at the line and column.
pub fn from_slice<T: de::DeserializeOwned>(bytes: &[u8], file: &str, what: &str) -> Result<T, Error> {
    let source = Source { name: file.to_owned(), text: None };
    let text = decode(bytes, &source)?;
    from_str(&text).map_err(|e| {
        let problem = problem(&e, &text);
        Error::located(
            format!("{file} is not {what}"),
            Source { name: file.to_owned(), text: Some(text) },
            vec![problem],
        )
    })
}

/// A serde-saphyr error met reading `text`, as a located problem in the words the rest of
/// clearance uses.
pub fn problem(e: &serde_saphyr::Error, text: &str) -> Problem {
    let e = e.without_snippet();
    let (line, mut column) = e.location().map_or((1, 1), |l| (to_usize(l.line()).max(1), to_usize(l.column()).max(1)));
    // Point at the `&anchor` or `!tag` itself, not at the node it decorates.
    let mark = match e {
        serde_saphyr::Error::Budget { breach: BudgetBreach::Anchors { .. }, .. } => Some('&'),
        serde_saphyr::Error::UnsupportedTag { .. } => Some('!'),
        _ => None,
    };
    if let Some(mark) = mark {
        column = token_before(text, line, column, mark).unwrap_or(column);
    }
    let message = match e {
        serde_saphyr::Error::Budget { breach, .. } => match breach {
            BudgetBreach::Aliases { .. } => {
                "aliases are not allowed (anchors and aliases are refused to rule out alias bombs)".to_owned()
            }
            BudgetBreach::Anchors { .. } => {
                "anchors are not allowed (anchors and aliases are refused to rule out alias bombs)".to_owned()
            }
            BudgetBreach::Depth { .. } => format!("nesting deeper than {MAX_DEPTH} levels"),
            BudgetBreach::Documents { .. } => "only one YAML document is allowed per file".to_owned(),
            other => format!("the document is too large ({other:?})"),
        },
        serde_saphyr::Error::UnsupportedTag { tag, .. } => format!("tag `{tag}` is not allowed"),
        serde_saphyr::Error::MultipleDocuments { .. } => "only one YAML document is allowed per file".to_owned(),
        serde_saphyr::Error::DuplicateMappingKey { key: Some(key), .. } => format!("duplicate key `{key}`"),
        serde_saphyr::Error::DuplicateMappingKey { key: None, .. } => "duplicate key".to_owned(),
        other => {
            let text = other.to_string();
            match text.split_once(" at line ") {
                Some((message, _)) => message.to_owned(),
                None => text,
            }
        }
    };
    Problem::new(message, "", line, column)
}

/// The column of the `&name` or `!tag` (starting with `mark`) that decorates the node at
/// `line:column`.
fn token_before(text: &str, line: usize, column: usize, mark: char) -> Option<usize> {
    let chars: Vec<char> = text.lines().nth(line.checked_sub(1)?)?.chars().take(column.saturating_sub(1)).collect();
    let end = chars.iter().rposition(|c| !c.is_whitespace())?;
    let start = chars.get(..=end)?.iter().rposition(|c| c.is_whitespace()).map_or(0, |i| i + 1);
    (chars.get(start) == Some(&mark)).then_some(start + 1)
}

/// [`options`] for building a located tree: repeated keys reach the tree, so that each is
/// reported with its field path.
fn tree_options() -> serde_saphyr::Options {
    let mut options = options();
    options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::PassThrough;
    options
}

/// Parse one YAML document into a located tree. Structural problems a tree can show
/// (repeated keys, keys that are not scalars) are all returned together.
pub fn parse(text: &str, source: &Source) -> Result<Node, Error> {
    let fail = |problems: Vec<Problem>| {
        Error::located(
            // JSON is read as the YAML it also is; its users know it as JSON.
            format!(
                "{} is not a valid {} document",
                source.name,
                if source.name.ends_with(".json") { "JSON" } else { "YAML" }
            ),
            Source { name: source.name.clone(), text: Some(text.to_owned()) },
            problems,
        )
    };
    if text.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#')) {
        return Err(fail(vec![Problem::new("the document is empty", "", 1, 1)]));
    }
    let mut options = tree_options();
    let mut root: Node = match serde_saphyr::from_str_with_options(text, options.clone()) {
        Ok(root) => root,
        Err(e) => {
            let mut problems = vec![problem(&e, text)];
            // An anchor stops the parse before its aliases: look on for them, to name both.
            if let serde_saphyr::Error::Budget { breach: BudgetBreach::Anchors { .. }, .. } = e.without_snippet()
                && let Some(budget) = options.budget.as_mut()
            {
                budget.max_anchors = usize::MAX;
                if let Err(e) = serde_saphyr::from_str_with_options::<IgnoredAny>(text, options) {
                    problems.push(problem(&e, text));
                }
            }
            name_paths(text, &mut problems);
            return Err(fail(problems));
        }
    };
    let lines: Vec<&str> = text.lines().collect();
    let mut problems = Vec::new();
    settle(&mut root, "", &lines, &mut problems);
    if problems.is_empty() { Ok(root) } else { Err(fail(problems)) }
}

/// Give refusals the strict parse could only locate (anchors, aliases, tags) the field path
/// they stand at, from a second, lenient parse: anchors and tags let through, aliases
/// expanded under tight limits (a bomb fails here too, and keeps its bare position).
fn name_paths(text: &str, problems: &mut [Problem]) {
    let mut lenient = tree_options();
    lenient.reject_unsupported_tags = false;
    lenient.reject_tagged_field_names = false;
    lenient.alias_limits.max_total_replayed_events = 10_000;
    lenient.alias_limits.max_alias_expansions_per_anchor = 16;
    if let Some(budget) = lenient.budget.as_mut() {
        budget.max_anchors = 1_000;
        budget.max_aliases = 1_000;
    }
    let Ok(root) = serde_saphyr::from_str_with_options::<Node>(text, lenient) else { return };
    let mut starts = Vec::new();
    starts_of(&root, "", &mut starts);
    for p in problems.iter_mut().filter(|p| p.path.is_empty()) {
        // The last node or key that starts at or before the problem.
        if let Some((_, path)) = starts
            .iter()
            .filter(|(at, _)| *at <= (p.line, p.column))
            .max_by_key(|(at, path)| (*at, std::cmp::Reverse(path.len())))
        {
            p.path.clone_from(path);
        }
        p.width = token_width(text, p.line, p.column);
    }
}

fn starts_of(node: &Node, path: &str, out: &mut Vec<((usize, usize), String)>) {
    out.push(((node.pos.line, node.pos.column), path.to_owned()));
    match &node.value {
        Value::Seq(items) => {
            for (i, item) in items.iter().enumerate() {
                starts_of(item, &format!("{path}[{i}]"), out);
            }
        }
        Value::Map(entries) => {
            for (key, value) in entries {
                let child = join(path, &key.name);
                out.push(((key.pos.line, key.pos.column), child.clone()));
                starts_of(value, &child, out);
            }
        }
        _ => {}
    }
}

/// How many characters the token at `line:column` spans (an `&anchor`, `*alias` or `!tag`).
fn token_width(text: &str, line: usize, column: usize) -> usize {
    let Some(l) = text.lines().nth(line.saturating_sub(1)) else { return 1 };
    l.chars()
        .skip(column.saturating_sub(1))
        .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | ']' | '}'))
        .count()
        .max(1)
}

/// Clip underlines to the line they start on, and report what the tree holds that the
/// strict subset refuses.
fn settle(node: &mut Node, path: &str, lines: &[&str], problems: &mut Vec<Problem>) {
    clip(&mut node.pos, lines);
    match &mut node.value {
        Value::Seq(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                settle(item, &format!("{path}[{i}]"), lines, problems);
            }
        }
        Value::Map(entries) => {
            let repeated: Vec<bool> = (0..entries.len())
                .map(|i| {
                    let name = entries.get(i).map(|(k, _)| k.name.as_str());
                    entries.iter().take(i).any(|(k, _)| !k.complex && Some(k.name.as_str()) == name)
                })
                .collect();
            for ((key, value), repeated) in entries.iter_mut().zip(repeated) {
                clip(&mut key.pos, lines);
                let child = join(path, &key.name);
                if key.complex {
                    problems.push(Problem::new(
                        "mapping keys must be plain strings",
                        path,
                        key.pos.line,
                        key.pos.column,
                    ));
                } else if repeated {
                    problems.push(
                        Problem::new(format!("duplicate key `{}`", key.name), &child, key.pos.line, key.pos.column)
                            .width(key.pos.width),
                    );
                }
                settle(value, &child, lines, problems);
            }
        }
        _ => {}
    }
}

fn clip(pos: &mut Pos, lines: &[&str]) {
    let rest = lines.get(pos.line.saturating_sub(1)).map_or(0, |l| l.chars().count().saturating_sub(pos.column - 1));
    pos.width = pos.width.min(rest).max(1);
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Node, D::Error> {
        let spanned = Spanned::<Value>::deserialize(d)?;
        Ok(Node { value: spanned.value, pos: Pos::from_location(spanned.referenced) })
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a YAML value")
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::Str(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(item) = seq.next_element::<Node>()? {
            items.push(item);
        }
        Ok(Value::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0).min(1024));
        while let Some(key) = map.next_key::<Spanned<KeyName>>()? {
            let value = map.next_value::<Node>()?;
            let KeyName(name, complex) = key.value;
            entries.push((Key { name, pos: Pos::from_location(key.referenced), complex }, value));
        }
        Ok(Value::Map(entries))
    }
}

/// A mapping key as written: a scalar's text, or a marker for a sequence or mapping.
struct KeyName(String, bool);

impl<'de> Deserialize<'de> for KeyName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<KeyName, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = KeyName;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a mapping key")
            }
            fn visit_unit<E>(self) -> Result<KeyName, E> {
                Ok(KeyName("null".into(), false))
            }
            fn visit_bool<E>(self, v: bool) -> Result<KeyName, E> {
                Ok(KeyName(v.to_string(), false))
            }
            fn visit_i64<E>(self, v: i64) -> Result<KeyName, E> {
                Ok(KeyName(v.to_string(), false))
            }
            fn visit_u64<E>(self, v: u64) -> Result<KeyName, E> {
                Ok(KeyName(v.to_string(), false))
            }
            fn visit_f64<E>(self, v: f64) -> Result<KeyName, E> {
                Ok(KeyName(v.to_string(), false))
            }
            fn visit_str<E>(self, v: &str) -> Result<KeyName, E> {
                Ok(KeyName(v.to_owned(), false))
            }
            fn visit_string<E>(self, v: String) -> Result<KeyName, E> {
                Ok(KeyName(v, false))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<KeyName, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(KeyName(String::new(), true))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<KeyName, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(KeyName(String::new(), true))
            }
        }
        d.deserialize_any(KeyVisitor)
    }
}

/// `spec` + `targets` = `spec.targets`.
pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() { key.to_owned() } else { format!("{path}.{key}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src() -> Source {
        Source { name: "t.yaml".into(), text: None }
    }

    #[test]
    fn scalars_resolve_like_yaml_core_schema() {
        let node = parse("a: 1\nb: '1'\nc: true\nd: ~\ne: 1.5\nf: hello\n", &src()).unwrap();
        assert!(matches!(node.get("a").unwrap().value, Value::Int(1)));
        assert!(matches!(node.get("b").unwrap().value, Value::Str(_)));
        assert!(matches!(node.get("c").unwrap().value, Value::Bool(true)));
        assert!(matches!(node.get("d").unwrap().value, Value::Null));
        assert!(matches!(node.get("e").unwrap().value, Value::Float(_)));
        assert_eq!(node.get("f").unwrap().as_str(), Some("hello"));
    }

    #[test]
    fn positions_are_one_based() {
        let node = parse("spec:\n  action: x.y\n", &src()).unwrap();
        let action = node.get("spec").unwrap().get("action").unwrap();
        assert_eq!((action.pos.line, action.pos.column, action.pos.width), (2, 11, 3));
    }

    #[test]
    fn duplicate_keys_and_aliases_are_refused() {
        let err = parse("a: 1\na: 2\n", &src()).unwrap_err();
        assert_eq!(err.problems[0].message, "duplicate key `a`");
        assert_eq!(err.problems[0].line, 2);
        let err = parse("a: &x [1]\nb: *x\n", &src()).unwrap_err();
        assert_eq!(
            err.problems[0].message,
            "anchors are not allowed (anchors and aliases are refused to rule out alias bombs)"
        );
        assert_eq!((err.problems[0].line, err.problems[0].column), (1, 4));
        assert!(err.problems[1].message.starts_with("aliases are not allowed"));
        assert_eq!((err.problems[1].line, err.problems[1].column), (2, 4));
        let err = parse("b: *x\n", &src()).unwrap_err();
        assert!(err.problems[0].message.contains("alias"), "{}", err.problems[0].message);
        let err = from_str::<serde_json::Value>("a: &x [1]\nb: *x\n").unwrap_err();
        assert!(problem(&err, "a: &x [1]\nb: *x\n").message.starts_with("anchors are not allowed"));
    }

    #[test]
    fn find_walks_field_paths() {
        let node = parse("services:\n  - id: a\n    depends_on: [b, {service: c}]\n", &src()).unwrap();
        let c = node.find("services[0].depends_on[1].service").unwrap();
        assert_eq!((c.pos.line, c.pos.column), (3, 31));
        assert!(node.find("services[1]").is_none());
    }

    #[test]
    fn deep_nesting_is_refused() {
        let text = "[".repeat(200) + &"]".repeat(200);
        let err = parse(&text, &src()).unwrap_err();
        assert!(err.problems[0].message.contains("nesting deeper"));
    }
}
