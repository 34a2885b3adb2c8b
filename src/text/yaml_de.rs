//! Typed YAML without a tree in between: a serde `Deserializer` that pulls saphyr events one
//! at a time, so loading a large document (a 100,000-service graph) costs the input plus the
//! typed result and nothing else.
//!
//! It takes the same strict subset as [`crate::text::yaml`] (one document, no anchors, aliases,
//! tags or repeated keys, bounded depth) and resolves scalars the same way, on the same
//! parser (serde-saphyr's); anything else is a plain error, and callers then run the located
//! loader to say precisely what is wrong and where. It exists for speed alone: on a
//! 100,000-service graph it reads in about 60% of serde-saphyr's time.

#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::unwrap_used))]

use std::fmt;

use std::borrow::Cow;

use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle, StrInput};

use crate::text::yaml::MAX_DEPTH;

/// A scalar resolved by the YAML 1.2 core schema; a string is borrowed from the input
/// when it is written there as it is.
enum Value<'a> {
    Null,
    Bool(bool),
    Int(i64),
    Str(Cow<'a, str>),
}

/// Why the fast path gave up (the located loader gives the message users see).
#[derive(Debug)]
pub struct Failed(String);

impl fmt::Display for Failed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Failed {}

impl de::Error for Failed {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Failed(msg.to_string())
    }
}

fn fail<T>(why: &str) -> Result<T, Failed> {
    Err(Failed(why.to_owned()))
}

/// Deserialize one YAML document through `seed` (which may keep what it reads elsewhere).
pub fn from_str_seed<'de, S: DeserializeSeed<'de>>(text: &str, seed: S) -> Result<S::Value, Failed> {
    let mut de = De { parser: Parser::new_from_str(text), peeked: None, depth: 0 };
    if !matches!(de.next()?, Event::StreamStart) {
        return fail("expected one YAML document");
    }
    // A `%YAML` directive could ask for other rules (1.1's booleans): the located loader
    // says what it makes of it.
    if !matches!(de.next()?, Event::DocumentStart(_, None)) {
        return fail("expected one YAML document without directives");
    }
    let value = seed.deserialize(&mut de)?;
    loop {
        match de.next()? {
            Event::DocumentEnd => {}
            Event::StreamEnd => return Ok(value),
            _ => return fail("only one YAML document is allowed"),
        }
    }
}

struct De<'a> {
    parser: Parser<'a, StrInput<'a>>,
    peeked: Option<Event<'a>>,
    depth: usize,
}

impl<'a> De<'a> {
    fn next(&mut self) -> Result<Event<'a>, Failed> {
        if let Some(event) = self.peeked.take() {
            return Ok(event);
        }
        match self.parser.next_event() {
            Some(Ok((event, _))) => Ok(event),
            Some(Err(e)) => Err(Failed(e.info().to_owned())),
            None => fail("unexpected end of input"),
        }
    }

    fn peek(&mut self) -> Result<&Event<'a>, Failed> {
        if self.peeked.is_none() {
            self.peeked = Some(self.next()?);
        }
        Ok(self.peeked.as_ref().expect("just peeked"))
    }

    /// The next node, which must be a scalar, resolved by the YAML core schema.
    fn scalar(&mut self) -> Result<Value<'a>, Failed> {
        match self.next()? {
            Event::Scalar(value, style, 0, None) => scalar(value, style),
            Event::Scalar(..) => fail("anchors and tags are not accepted"),
            _ => fail("expected a scalar"),
        }
    }

    /// A sequence or mapping whose start event is next: `visit` reads its items, all of
    /// them, one level deeper.
    fn nested<T>(
        &mut self,
        seen: Option<Vec<Cow<'a, str>>>,
        visit: impl FnOnce(&mut Items<'_, 'a>) -> Result<T, Failed>,
    ) -> Result<T, Failed> {
        self.next()?;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return fail("nesting too deep");
        }
        let mut items = Items { de: self, done: false, seen };
        let value = visit(&mut items)?;
        if !items.done {
            return fail("sequence or mapping not read to its end");
        }
        self.depth -= 1;
        Ok(value)
    }

    /// Skip one whole node.
    fn skip(&mut self) -> Result<(), Failed> {
        let mut open = 0usize;
        loop {
            match self.next()? {
                Event::SequenceStart(..) | Event::MappingStart(..) => open += 1,
                Event::SequenceEnd | Event::MappingEnd => open -= 1,
                Event::Scalar(..) => {}
                _ => return fail("anchors, aliases and tags are not accepted"),
            }
            if open == 0 {
                return Ok(());
            }
        }
    }
}

impl<'de> de::Deserializer<'de> for &mut De<'_> {
    type Error = Failed;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Failed> {
        match self.peek()? {
            Event::Scalar(..) => match self.scalar()? {
                Value::Null => visitor.visit_unit(),
                Value::Bool(b) => visitor.visit_bool(b),
                Value::Int(i) => visitor.visit_i64(i),
                Value::Str(Cow::Borrowed(s)) => visitor.visit_str(s),
                Value::Str(Cow::Owned(s)) => visitor.visit_string(s),
            },
            Event::SequenceStart(_, 0, None) => self.nested(None, |items| visitor.visit_seq(items)),
            Event::MappingStart(_, 0, None) => self.nested(None, |entries| visitor.visit_map(entries)),
            _ => fail("anchors, aliases and tags are not accepted"),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Failed> {
        if let Event::Scalar(text, ScalarStyle::Plain, 0, None) = self.peek()?
            && matches!(text.as_ref(), "" | "~" | "null" | "Null" | "NULL")
        {
            self.next()?;
            return visitor.visit_none();
        }
        visitor.visit_some(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Failed> {
        match self.scalar()? {
            Value::Str(s) => visitor.visit_enum(s.into_owned().into_deserializer()),
            _ => fail("expected a string"),
        }
    }

    /// A map (structs refuse repeated fields themselves): its keys are remembered, to refuse
    /// a repeated one.
    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Failed> {
        match self.peek()? {
            Event::MappingStart(_, 0, None) => self.nested(Some(Vec::new()), |entries| visitor.visit_map(entries)),
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Failed> {
        self.skip()?;
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct newtype_struct seq tuple tuple_struct struct identifier
    }
}

/// The items of a sequence or the entries of a mapping; `done` once its end event is read.
struct Items<'d, 'a> {
    de: &'d mut De<'a>,
    done: bool,
    /// The keys read so far, for a map.
    seen: Option<Vec<Cow<'a, str>>>,
}

impl Items<'_, '_> {
    fn at_end(&mut self) -> Result<bool, Failed> {
        if matches!(self.de.peek()?, Event::SequenceEnd | Event::MappingEnd) {
            self.de.next()?;
            self.done = true;
        }
        Ok(self.done)
    }
}

impl<'de> SeqAccess<'de> for &mut Items<'_, '_> {
    type Error = Failed;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Failed> {
        if self.at_end()? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.de).map(Some)
    }
}

impl<'de> MapAccess<'de> for &mut Items<'_, '_> {
    type Error = Failed;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Failed> {
        if self.at_end()? {
            return Ok(None);
        }
        let Event::Scalar(key, ..) = self.de.peek()? else {
            return fail("mapping keys must be plain strings");
        };
        if let Some(seen) = &mut self.seen {
            if seen.iter().any(|k| k == key) {
                return fail("duplicate key");
            }
            seen.push(key.clone());
        }
        seed.deserialize(&mut *self.de).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Failed> {
        seed.deserialize(&mut *self.de)
    }
}

/// YAML 1.2 core schema resolution of a scalar, where it is unambiguous. A plain scalar
/// that looks like a number but is not a plain decimal integer (`01`, `0x+3`, `1_000`,
/// `+.Inf`, `1e3`, `1.5`) is refused: YAML readers disagree on such forms, and the located
/// loader, which resolves them as the rest of the project does, has the last word.
fn scalar(value: Cow<'_, str>, style: ScalarStyle) -> Result<Value<'_>, Failed> {
    if style != ScalarStyle::Plain {
        return Ok(Value::Str(value));
    }
    match value.as_ref() {
        "" | "~" | "null" | "Null" | "NULL" => return Ok(Value::Null),
        "true" | "True" | "TRUE" => return Ok(Value::Bool(true)),
        "false" | "False" | "FALSE" => return Ok(Value::Bool(false)),
        _ => {}
    }
    let s = value.as_ref();
    let digits = s.strip_prefix('-').unwrap_or(s);
    if digits == "0"
        || digits.bytes().next().is_some_and(|b| (b'1'..=b'9').contains(&b))
            && digits.bytes().all(|b| b.is_ascii_digit())
    {
        return s.parse().map(Value::Int).map_err(|_| Failed(format!("`{s}` is out of range")));
    }
    const NUMERIC: &[u8] = b"0123456789abcdefABCDEFxXoO_+-.iInN";
    let unsigned = s.strip_prefix(['-', '+']).unwrap_or(s);
    if unsigned.bytes().next().is_some_and(|b| b.is_ascii_digit() || b == b'.')
        && s.bytes().all(|b| NUMERIC.contains(&b))
    {
        return fail("a scalar that may be read as a number");
    }
    Ok(Value::Str(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from_str<T: de::DeserializeOwned>(text: &str) -> Result<T, Failed> {
        from_str_seed(text, std::marker::PhantomData::<T>)
    }

    #[derive(Debug, serde::Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        name: String,
        count: u8,
        #[serde(default)]
        tags: Vec<String>,
        #[serde(default)]
        labels: std::collections::BTreeMap<String, i64>,
        maybe: Option<i64>,
        kind: Kind,
    }

    #[derive(Debug, serde::Deserialize, PartialEq)]
    #[serde(rename_all = "lowercase")]
    enum Kind {
        Sync,
        Async,
    }

    #[test]
    fn reads_a_strict_document_like_the_located_loader() {
        let doc: Doc = from_str("name: '7'\ncount: 3\ntags: [a, \"b\"]\nmaybe: ~\nkind: async\n").unwrap();
        assert_eq!(
            doc,
            Doc {
                name: "7".into(),
                count: 3,
                tags: vec!["a".into(), "b".into()],
                maybe: None,
                kind: Kind::Async,
                labels: Default::default()
            }
        );
        let doc: Doc = from_str("{name: x, count: 0, maybe: 5, kind: sync}").unwrap();
        assert_eq!(doc.maybe, Some(5));
        // Strings that start like numbers but cannot be read as one stay strings.
        for name in ["3d-service", "1password", "-x", "v1.2"] {
            let doc: Doc = from_str(&format!("{{name: {name}, count: 0, maybe: -5, kind: sync}}")).unwrap();
            assert_eq!((doc.name.as_str(), doc.maybe), (name, Some(-5)));
        }
    }

    /// Forms YAML readers disagree on (a sign after `0x`, a leading zero, digit groups,
    /// spellings of infinity, a 1.1 directive) are left to the located loader.
    #[test]
    fn leaves_ambiguous_scalars_and_directives_to_the_located_loader() {
        for count in ["01", "0x+3", "0o+3", "0x3", "+1", "1_0", "1e0", "1.0"] {
            let text = format!("name: x\ncount: {count}\nmaybe: 1\nkind: sync\n");
            assert!(from_str::<Doc>(&text).is_err(), "accepted count: {count}");
        }
        for name in ["1_000", "0b1", "+.Inf", ".inf", "-.NaN", "0x1_0", "1e3"] {
            let text = format!("name: {name}\ncount: 1\nmaybe: 1\nkind: sync\n");
            assert!(from_str::<Doc>(&text).is_err(), "accepted name: {name}");
        }
        assert!(from_str::<Doc>("%YAML 1.1\n---\nname: x\ncount: 1\nmaybe: 1\nkind: sync\n").is_err());
    }

    #[test]
    fn refuses_what_the_located_loader_refuses() {
        for bad in [
            "name: &a x\ncount: 1\nmaybe: 1\nkind: sync\n",
            "name: x\ncount: 1\nmaybe: 1\nkind: sync\n---\nname: y\n",
            "name: !!binary eA==\ncount: 1\nmaybe: 1\nkind: sync\n",
            "name: x\nname: y\ncount: 1\nmaybe: 1\nkind: sync\n",
            "name: x\ncount: 1\nmaybe: 1\nkind: sync\nlabels: {a: 1, a: 2}\n",
            "name: x\ncount: 300\nmaybe: 1\nkind: sync\n",
            "name: x\ncount: 1\nmaybe: 1\nkind: sync\nextra: 1\n",
            "name: x\ncount: 1\nmaybe: 1\nkind: [sync]\n",
        ] {
            assert!(from_str::<Doc>(bad).is_err(), "accepted: {bad}");
        }
        let deep = format!("{}1{}", "[".repeat(100), "]".repeat(100));
        assert!(from_str::<serde_json::Value>(&deep).is_err());
    }
}
