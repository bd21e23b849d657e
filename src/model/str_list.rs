//! [`StrList`]: a list of short strings in one allocation.

use schemars::{JsonSchema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;

/// Joins the items: U+001F, the ASCII unit separator, is made for this, and
/// no item the extractors make holds it (they see every control character
/// of the file as a space, and items are words, lemmas or entity ids).
const SEP: char = '\u{1f}';

/// A list of short strings kept as one boxed `str`, the items joined by
/// U+001F.
///
/// Records hold millions of short strings in lists: a claim's clause terms
/// (eight lemmas of five or six bytes), its entity ids, its polarity words.
/// As a `Vec<String>` each item took a 24-byte header and an allocation of
/// its own, and the vector kept the spare room of its growth: about 320
/// bytes for a claim's terms, against about 70 here. Lists are built once
/// and then only read, so nothing is lost by giving up `push`.
///
/// Its serde form and JSON Schema are those of `Vec<String>` (a JSON array
/// of strings), so reports do not change. An empty list is `None`, which
/// keeps `[]` apart from `[""]` and costs no allocation.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct StrList(Option<Box<str>>);

impl StrList {
    pub fn new() -> Self {
        StrList(None)
    }

    /// The items in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + Clone {
        self.0.as_deref().into_iter().flat_map(|s| s.split(SEP))
    }

    pub fn len(&self) -> usize {
        self.0.as_deref().map_or(0, |s| s.matches(SEP).count() + 1)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    pub fn contains(&self, item: &str) -> bool {
        self.iter().any(|s| s == item)
    }

    pub fn to_vec(&self) -> Vec<String> {
        self.iter().map(str::to_string).collect()
    }
}

impl<S: AsRef<str>> FromIterator<S> for StrList {
    /// An item holding U+001F (no extracted one does) has it replaced by
    /// U+FFFD, so that the list keeps its number of items.
    fn from_iter<I: IntoIterator<Item = S>>(items: I) -> Self {
        let mut joined = String::new();
        let mut any = false;
        for item in items {
            if any {
                joined.push(SEP);
            }
            any = true;
            let item = item.as_ref();
            if item.contains(SEP) {
                joined.extend(item.chars().map(|c| if c == SEP { char::REPLACEMENT_CHARACTER } else { c }));
            } else {
                joined.push_str(item);
            }
        }
        // `into_boxed_str` gives back the spare room of the growth
        StrList(any.then(|| joined.into_boxed_str()))
    }
}

impl From<Vec<String>> for StrList {
    fn from(items: Vec<String>) -> Self {
        items.into_iter().collect()
    }
}

impl fmt::Debug for StrList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for StrList {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for item in self.iter() {
            seq.serialize_element(item)?;
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for StrList {
    /// An item holding U+001F is refused rather than changed: the report
    /// read back (a baseline, a map line) would not be the one written.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let items: Vec<String> = Vec::deserialize(deserializer)?;
        if items.iter().any(|s| s.contains(SEP)) {
            return Err(serde::de::Error::custom("a list item holds U+001F (unit separator)"));
        }
        Ok(items.into_iter().collect())
    }
}

impl JsonSchema for StrList {
    fn inline_schema() -> bool {
        <Vec<String>>::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        <Vec<String>>::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        <Vec<String>>::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> schemars::Schema {
        <Vec<String>>::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lists() -> Vec<Vec<String>> {
        let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<String>>();
        vec![v(&[]), v(&[""]), v(&["", ""]), v(&["#12", "kill", "quak"]), v(&["e1", "e12"]), v(&["go ahead", "not"])]
    }

    #[test]
    fn serializes_as_the_vec_of_strings_it_holds_and_reads_back() {
        for v in lists() {
            let list = StrList::from(v.clone());
            assert_eq!(list.len(), v.len(), "{v:?}");
            assert_eq!(list.is_empty(), v.is_empty());
            assert_eq!(list.to_vec(), v);
            let json = serde_json::to_string(&list).unwrap();
            assert_eq!(json, serde_json::to_string(&v).unwrap());
            assert_eq!(serde_json::to_string_pretty(&list).unwrap(), serde_json::to_string_pretty(&v).unwrap());
            let back: StrList = serde_json::from_str(&json).unwrap();
            assert_eq!(back, list);
        }
        // escaped items read back too
        let back: StrList = serde_json::from_str(r#"["a\"b","\u00e9"]"#).unwrap();
        assert_eq!(back.to_vec(), ["a\"b", "é"]);
    }

    #[test]
    fn keeps_the_schema_of_a_vec_of_strings() {
        let list = serde_json::to_value(schemars::schema_for!(StrList)).unwrap();
        let vec = serde_json::to_value(schemars::schema_for!(Vec<String>)).unwrap();
        assert_eq!(list, vec);
    }

    #[test]
    fn the_separator_is_never_an_item_boundary_it_was_not() {
        let list: StrList = ["a\u{1f}b", "c"].into_iter().collect();
        assert_eq!(list.to_vec(), ["a\u{fffd}b", "c"]);
        assert!(serde_json::from_str::<StrList>(r#"["a\u001fb"]"#).is_err());
    }

    #[test]
    fn iterates_and_finds_items() {
        let list: StrList = ["bridg", "#3"].into_iter().collect();
        assert_eq!(list.iter().collect::<Vec<_>>(), ["bridg", "#3"]);
        assert!(list.contains("#3") && !list.contains("#"));
        assert_eq!(format!("{list:?}"), r##"["bridg", "#3"]"##);
        assert!(StrList::new().iter().next().is_none());
    }
}
