//! The one strict reader of graph files, in one pass: what it reads goes to a [`Sink`] (the
//! compiled index interns it; [`ServiceGraph::parse`](super::ServiceGraph::parse) keeps it
//! as structs), and no tree is built. Every rule of the schema is checked on the way:
//! objects where objects belong (never the list form serde would also take for a struct),
//! the constant header, known fields given once each, the id syntax, the tier range, no
//! repeated annotation key. Anything wrong and it says `false`; callers then run the
//! located loader, whose job is to say what and where. What the schema cannot say (unique
//! ids, edges to services that exist) is the sink's to check.

#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::unwrap_used))]

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::{EdgeKind, MAX_GRAPH_BYTES, is_service_id};

/// Which list of labels a string belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Owners,
    Data,
    Tags,
}

/// Where the reader puts a service's parts as it reads them; a service's labels,
/// annotations and edges come before its `end_service`.
pub trait Sink {
    fn label(&mut self, label: Label, value: &str);
    fn annotation(&mut self, key: &str, value: &str);
    /// `kind` is `None` for the bare-id form (sync).
    fn edge(&mut self, to: &str, kind: Option<EdgeKind>);
    /// Close the service; `false` when one of its annotation keys was given twice.
    fn end_service(&mut self, id: &str, tier: u8) -> bool;
}

/// Read graph file `name` (JSON when it ends in `.json`, YAML otherwise) into `sink`;
/// `false` when it breaks a rule (the sink then holds a part of it, to be thrown away).
pub fn read(bytes: &[u8], name: &str, sink: &mut impl Sink) -> bool {
    if bytes.len() > MAX_GRAPH_BYTES {
        return false;
    }
    let mut ctx = Ctx { sink, id: String::new() };
    if name.ends_with(".json") {
        let mut de = serde_json::Deserializer::from_slice(bytes);
        Graph(&mut ctx).deserialize(&mut de).is_ok() && de.end().is_ok()
    } else {
        std::str::from_utf8(bytes).is_ok_and(|text| crate::text::yaml_de::from_str_seed(text, Graph(&mut ctx)).is_ok())
    }
}

/// [`read`] for a JSON graph given as a stream of `len` bytes: only a buffer of it is held
/// at a time.
pub fn read_json_stream(bytes: &mut dyn std::io::Read, len: usize, sink: &mut impl Sink) -> bool {
    if len > MAX_GRAPH_BYTES {
        return false;
    }
    let mut ctx = Ctx { sink, id: String::new() };
    let mut de = serde_json::Deserializer::from_reader(std::io::BufReader::with_capacity(1 << 16, bytes));
    Graph(&mut ctx).deserialize(&mut de).is_ok() && de.end().is_ok()
}

/// The sink, and the current service's id (kept until the service ends: it may come
/// after the rest).
struct Ctx<'s, S> {
    sink: &'s mut S,
    id: String,
}

/// The whole document: `{apiVersion, kind, services}`.
struct Graph<'c, 's, S>(&'c mut Ctx<'s, S>);
struct Services<'c, 's, S>(&'c mut Ctx<'s, S>);
struct Service<'c, 's, S>(&'c mut Ctx<'s, S>);
struct Labels<'c, 's, S>(&'c mut Ctx<'s, S>, Label);
struct Annotations<'c, 's, S>(&'c mut Ctx<'s, S>);
struct Edges<'c, 's, S>(&'c mut Ctx<'s, S>);
struct Edge<'c, 's, S>(&'c mut Ctx<'s, S>);

/// Which of `fields` a key is; an unknown key is an error.
struct Field(&'static [&'static str]);

/// A string that must be exactly this.
struct Exactly(&'static str);

/// A string, given to a closure that may refuse it.
struct Str<F>(F);

fn refuse<T, E: de::Error>(what: &str) -> Result<T, E> {
    Err(E::custom(what))
}

/// Mark field `i` seen; a field given twice is an error.
fn once<E: de::Error>(seen: &mut u32, i: usize) -> Result<(), E> {
    if *seen & (1 << i) != 0 {
        return refuse("a field given twice");
    }
    *seen |= 1 << i;
    Ok(())
}

/// The `DeserializeSeed` of a visitor that reads one kind of node.
macro_rules! seed {
    ($ty:ty, $value:ty, $method:ident $(, $bound:ident)?) => {
        impl<'de $(, $bound: Sink)?> DeserializeSeed<'de> for $ty {
            type Value = $value;
            fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<$value, D::Error> {
                d.$method(self)
            }
        }
    };
}

seed!(Field, usize, deserialize_str);
seed!(Exactly, (), deserialize_str);
seed!(Graph<'_, '_, S>, (), deserialize_map, S);
seed!(Services<'_, '_, S>, (), deserialize_seq, S);
seed!(Service<'_, '_, S>, (), deserialize_map, S);
seed!(Labels<'_, '_, S>, (), deserialize_seq, S);
seed!(Annotations<'_, '_, S>, (), deserialize_map, S);
seed!(Edges<'_, '_, S>, (), deserialize_seq, S);
seed!(Edge<'_, '_, S>, (), deserialize_any, S);

impl<'de, F: FnOnce(&str) -> bool> DeserializeSeed<'de> for Str<F> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_str(self)
    }
}

impl<F: FnOnce(&str) -> bool> Visitor<'_> for Str<F> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        if (self.0)(v) { Ok(()) } else { refuse("a value out of its syntax") }
    }
}

impl Visitor<'_> for Field {
    type Value = usize;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "one of {:?}", self.0)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<usize, E> {
        self.0.iter().position(|f| *f == v).map_or_else(|| refuse("an unknown field"), Ok)
    }
}

impl Visitor<'_> for Exactly {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}`", self.0)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        if v == self.0 { Ok(()) } else { refuse("another value") }
    }
}

impl<'de, S: Sink> Visitor<'de> for Graph<'_, '_, S> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a service graph")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = 0;
        while let Some(field) = map.next_key_seed(Field(&["apiVersion", "kind", "services"]))? {
            once(&mut seen, field)?;
            match field {
                0 => map.next_value_seed(Exactly("clearance/v1"))?,
                1 => map.next_value_seed(Exactly("ServiceGraph"))?,
                _ => map.next_value_seed(Services(&mut *self.0))?,
            }
        }
        if seen & 0b11 != 0b11 {
            return refuse("apiVersion or kind missing");
        }
        Ok(())
    }
}

impl<'de, S: Sink> Visitor<'de> for Services<'_, '_, S> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of services")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(Service(&mut *self.0))?.is_some() {}
        Ok(())
    }
}

impl<'de, S: Sink> Visitor<'de> for Service<'_, '_, S> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a service")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        const FIELDS: &[&str] = &["id", "tier", "owners", "data", "tags", "annotations", "depends_on"];
        let ctx = self.0;
        let (mut seen, mut tier) = (0, 2);
        while let Some(field) = map.next_key_seed(Field(FIELDS))? {
            once(&mut seen, field)?;
            match field {
                0 => map.next_value_seed(Str(|v: &str| {
                    ctx.id.clear();
                    ctx.id.push_str(v);
                    is_service_id(v)
                }))?,
                1 => {
                    tier = map.next_value::<u8>()?;
                    if tier > 3 {
                        return refuse("a tier above 3");
                    }
                }
                2 => map.next_value_seed(Labels(&mut *ctx, Label::Owners))?,
                3 => map.next_value_seed(Labels(&mut *ctx, Label::Data))?,
                4 => map.next_value_seed(Labels(&mut *ctx, Label::Tags))?,
                5 => map.next_value_seed(Annotations(&mut *ctx))?,
                _ => map.next_value_seed(Edges(&mut *ctx))?,
            }
        }
        if seen & 1 == 0 {
            return refuse("a service without an id");
        }
        if !ctx.sink.end_service(&ctx.id, tier) {
            return refuse("a repeated annotation key");
        }
        Ok(())
    }
}

impl<'de, S: Sink> Visitor<'de> for Labels<'_, '_, S> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of strings")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let (sink, label) = (&mut *self.0.sink, self.1);
        while seq
            .next_element_seed(Str(|v: &str| {
                sink.label(label, v);
                true
            }))?
            .is_some()
        {}
        Ok(())
    }
}

impl<'de, S: Sink> Visitor<'de> for Annotations<'_, '_, S> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map of strings")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut key = String::new();
        while map
            .next_key_seed(Str(|k: &str| {
                key.clear();
                key.push_str(k);
                true
            }))?
            .is_some()
        {
            let sink = &mut *self.0.sink;
            map.next_value_seed(Str(|v: &str| {
                sink.annotation(&key, v);
                true
            }))?;
        }
        Ok(())
    }
}

impl<'de, S: Sink> Visitor<'de> for Edges<'_, '_, S> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of dependencies")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(Edge(&mut *self.0))?.is_some() {}
        Ok(())
    }
}

impl<'de, S: Sink> Visitor<'de> for Edge<'_, '_, S> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a service id or {service, kind}")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.0.sink.edge(v, None);
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        // The service's name may come after the kind: it is kept in a buffer of its own.
        let (mut seen, mut kind, mut to) = (0, EdgeKind::Sync, String::new());
        while let Some(field) = map.next_key_seed(Field(&["service", "kind"]))? {
            once(&mut seen, field)?;
            if field == 0 {
                map.next_value_seed(Str(|v: &str| {
                    to.push_str(v);
                    true
                }))?;
            } else {
                kind = map.next_value()?;
            }
        }
        if seen & 1 == 0 {
            return refuse("a dependency without a service");
        }
        self.0.sink.edge(&to, Some(kind));
        Ok(())
    }
}
