//! A strict, located YAML loader.
//!
//! Builds a small tree where every node knows its line and column, so validation can report
//! every problem at once and point at it. It is deliberately stricter than YAML: one
//! document, string keys only, no duplicate keys, no anchors or aliases (which closes the
//! door on alias bombs), bounded nesting depth and size.

#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::unwrap_used))]

use std::borrow::Cow;

use saphyr_parser::{Event, Parser, ScalarStyle, Span};

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
    fn from_span(span: Span) -> Pos {
        let width =
            if span.end.line() == span.start.line() { span.end.col().saturating_sub(span.start.col()) } else { 1 };
        Pos { line: span.start.line(), column: span.start.col() + 1, width: width.max(1) }
    }
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

/// Parse one YAML document into a located tree. All structural problems found before the
/// parser gives up are returned together.
pub fn parse(text: &str, source: &Source) -> Result<Node, Error> {
    let mut builder = Builder { problems: Vec::new(), depth: 0 };
    let root = builder.document(text);
    let fail = |problems: Vec<Problem>| {
        Error::located(
            format!("{} is not a valid YAML document", source.name),
            Source { name: source.name.clone(), text: Some(text.to_owned()) },
            problems,
        )
    };
    match root {
        Ok(node) if builder.problems.is_empty() => Ok(node),
        Ok(_) => Err(fail(builder.problems)),
        Err(problem) => {
            builder.problems.push(problem);
            Err(fail(builder.problems))
        }
    }
}

struct Builder {
    problems: Vec<Problem>,
    depth: usize,
}

type Events<'a> = Parser<'a, saphyr_parser::StrInput<'a>>;

fn scan_problem(e: &saphyr_parser::ScanError) -> Problem {
    let m = e.marker();
    Problem::new(e.info().to_owned(), "", m.line(), m.col() + 1)
}

impl Builder {
    fn next<'a>(&self, parser: &mut Events<'a>) -> Result<(Event<'a>, Span), Problem> {
        match parser.next_event() {
            Some(Ok(ev)) => Ok(ev),
            Some(Err(e)) => Err(scan_problem(&e)),
            None => Err(Problem::new("unexpected end of input", "", 1, 1)),
        }
    }

    fn document(&mut self, text: &str) -> Result<Node, Problem> {
        let mut parser = Parser::new_from_str(text);
        let mut root = None;
        loop {
            let (event, span) = self.next(&mut parser)?;
            match event {
                Event::StreamStart | Event::DocumentEnd | Event::Nothing => {}
                Event::StreamEnd => break,
                Event::DocumentStart(_) => {
                    if root.is_some() {
                        let pos = Pos::from_span(span);
                        return Err(Problem::new(
                            "only one YAML document is allowed per file",
                            "",
                            pos.line,
                            pos.column,
                        ));
                    }
                    let (event, span) = self.next(&mut parser)?;
                    root = Some(self.node(&mut parser, event, span, "")?);
                }
                _ => {
                    let pos = Pos::from_span(span);
                    return Err(Problem::new("unexpected YAML event", "", pos.line, pos.column));
                }
            }
        }
        root.ok_or_else(|| Problem::new("the document is empty", "", 1, 1))
    }

    fn node<'a>(&mut self, parser: &mut Events<'a>, event: Event<'a>, span: Span, path: &str) -> Result<Node, Problem> {
        let pos = Pos::from_span(span);
        let located = |message: &str| Problem::new(message, path, pos.line, pos.column).width(pos.width);
        match event {
            Event::Alias(_) => {
                Err(located("aliases are not allowed (anchors and aliases are refused to rule out alias bombs)"))
            }
            Event::Scalar(value, style, anchor, tag) => {
                if anchor != 0 {
                    self.problems.push(located("anchors are not allowed"));
                }
                if let Some(tag) = &tag {
                    let core = tag.is_yaml_core_schema()
                        && matches!(tag.suffix.as_str(), "str" | "int" | "float" | "bool" | "null");
                    if !core {
                        let handle = if tag.is_yaml_core_schema() { "!!" } else { tag.handle.as_str() };
                        self.problems.push(located(&format!("tag `{handle}{}` is not allowed", tag.suffix)));
                    }
                }
                let forced_string = tag.as_ref().is_some_and(|t| t.is_yaml_core_schema() && t.suffix == "str");
                let value = if forced_string { Value::Str(value.into_owned()) } else { scalar(value, style) };
                Ok(Node { value, pos })
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if anchor != 0 {
                    self.problems.push(located("anchors are not allowed"));
                }
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(located(&format!("nesting deeper than {MAX_DEPTH} levels")));
                }
                let value = if matches!(event, Event::SequenceStart(..)) {
                    self.sequence(parser, path)?
                } else {
                    self.mapping(parser, path)?
                };
                self.depth -= 1;
                Ok(Node { value, pos })
            }
            _ => Err(located("unexpected YAML event")),
        }
    }

    fn sequence<'a>(&mut self, parser: &mut Events<'a>, path: &str) -> Result<Value, Problem> {
        let mut items = Vec::new();
        loop {
            let (event, span) = self.next(parser)?;
            if matches!(event, Event::SequenceEnd) {
                return Ok(Value::Seq(items));
            }
            let child = format!("{path}[{}]", items.len());
            items.push(self.node(parser, event, span, &child)?);
        }
    }

    fn mapping<'a>(&mut self, parser: &mut Events<'a>, path: &str) -> Result<Value, Problem> {
        let mut entries: Vec<(Key, Node)> = Vec::new();
        loop {
            let (event, span) = self.next(parser)?;
            let pos = Pos::from_span(span);
            let name = match event {
                Event::MappingEnd => return Ok(Value::Map(entries)),
                Event::Scalar(name, _, _, _) => name.into_owned(),
                other => {
                    // A complex key: report it, then skip the key's node and its value.
                    self.problems.push(Problem::new("mapping keys must be plain strings", path, pos.line, pos.column));
                    self.node(parser, other, span, path)?;
                    String::new()
                }
            };
            let child = join(path, &name);
            if !name.is_empty() && entries.iter().any(|(k, _)| k.name == name) {
                self.problems.push(
                    Problem::new(format!("duplicate key `{name}`"), &child, pos.line, pos.column).width(pos.width),
                );
            }
            let (event, span) = self.next(parser)?;
            let value = self.node(parser, event, span, &child)?;
            entries.push((Key { name, pos }, value));
        }
    }
}

/// `spec` + `targets` = `spec.targets`.
pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() { key.to_owned() } else { format!("{path}.{key}") }
}

/// YAML 1.2 core schema resolution of a scalar.
pub(crate) fn scalar(value: Cow<'_, str>, style: ScalarStyle) -> Value {
    if style != ScalarStyle::Plain {
        return Value::Str(value.into_owned());
    }
    match value.as_ref() {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        _ => {}
    }
    let s = value.as_ref();
    if let Some(i) = parse_int(s) {
        return Value::Int(i);
    }
    let numeric = s.bytes().next().is_some_and(|b| b.is_ascii_digit() || b == b'-' || b == b'+' || b == b'.');
    if numeric
        && s.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'))
        && let Ok(f) = s.parse::<f64>()
    {
        return Value::Float(f);
    }
    match s {
        ".inf" | ".Inf" | ".INF" | "+.inf" => Value::Float(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => Value::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => Value::Float(f64::NAN),
        _ => Value::Str(value.into_owned()),
    }
}

fn parse_int(s: &str) -> Option<i64> {
    if let Some(hex) = s.strip_prefix("0x") {
        return i64::from_str_radix(hex, 16).ok();
    }
    if let Some(oct) = s.strip_prefix("0o") {
        return i64::from_str_radix(oct, 8).ok();
    }
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
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
        assert!(err.problems.iter().any(|p| p.message.contains("aliases are not allowed")));
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
