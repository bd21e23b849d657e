//! Corpus-wide entity resolution: the local entities of all articles become
//! corpus entities with global ids.
//!
//! Two local entities are one corpus entity when (first rule that applies):
//! * the user's alias file says so (`[[merge]]`, `[[entity]]` aliases), and
//!   never when it keeps them apart (`[[split]]`);
//! * they carry the same gazetteer key: "U.S.", "US" and "United States" are
//!   `country:US`; "Kharkov" is a form of `city:UA:Kharkiv`;
//! * people: their given names fall in one variant group of
//!   `name_variants.txt` (Sergei/Sergey, Aleksandr/Alexander) or spell alike,
//!   and their surnames have the same spelling key (lower case, no accents,
//!   doubled letters single, y→i, -skyy/-skiy/-sky → -ski, …) or a Jaro-Winkler
//!   similarity of at least 0.93 with the same consonant skeleton. Different
//!   given names keep namesakes apart ("Bill Clinton", "Hillary Clinton");
//! * organizations, places and others: the same spelling key after exonyms
//!   ("Kharkov" → "Kharkiv") and without a leading "the";
//! * a bare surname ("Lavrov") joins a full name only when exactly one person
//!   in the whole corpus has that surname; a bare acronym or short form joins
//!   the one entity that used it as a form elsewhere.
//!
//! Candidate pairs come from hash indices (spelling key, surname skeleton):
//! no step compares all pairs of entities.
//!
//! **Canonical name**: the `canonical` of a user merge; else a gazetteer
//! entry's own name when it is a country, when an article uses it, or when the
//! articles' forms are its exonyms; else the fullest form (most words) among
//! the articles' own names for the entity, then the one used by most
//! articles, then the alphabetically first.
//!
//! Mentions with rule `nominal/role` ("the minister") stay in the articles'
//! records for quote attribution but are not listed as entity mentions or
//! spellings: they are references, not names.

use crate::aliases::AliasConfig;
use crate::gazetteer::{GAZ, GazClass, Gazetteer, fold};
use crate::model::{ArticleRecord, Entity, EntityKind, Evidence, LocalEntity, Spelling};
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use std::collections::{BTreeMap, BTreeSet};

/// Merge local entities of all articles into corpus entities; returns the
/// entities (ids "e1", "e2", ... by descending mention count, then name) and,
/// for each record (same order as `records`), a Vec mapping its local entity
/// index -> global entity id.
pub fn resolve_entities(records: &[ArticleRecord], aliases: &AliasConfig) -> (Vec<Entity>, Vec<Vec<String>>) {
    resolve_with(records, aliases, &GAZ)
}

struct Node<'a> {
    rec: usize,
    local: usize,
    name: &'a str,
    kind: EntityKind,
    /// Surface forms the article uses (name mentions only).
    forms: Vec<&'a str>,
}

struct Dsu {
    parent: Vec<usize>,
    /// Split-rule tags present in each set: (rule, name index).
    tags: Vec<Vec<(usize, usize)>>,
}

impl Dsu {
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Join two sets unless a split rule keeps two of their names apart.
    fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return true;
        }
        let conflict = self.tags[ra].iter().any(|&(r, n)| self.tags[rb].iter().any(|&(r2, n2)| r == r2 && n != n2));
        if conflict {
            return false;
        }
        let (small, big) = if ra < rb { (rb, ra) } else { (ra, rb) };
        self.parent[small] = big;
        let moved = std::mem::take(&mut self.tags[small]);
        for t in moved {
            if !self.tags[big].contains(&t) {
                self.tags[big].push(t);
            }
        }
        true
    }
}

/// [`resolve_entities`] with a given gazetteer.
pub fn resolve_with(
    records: &[ArticleRecord],
    aliases: &AliasConfig,
    gaz: &Gazetteer,
) -> (Vec<Entity>, Vec<Vec<String>>) {
    let (nodes, node_of) = nodes(records);
    let mut r = Resolver::new(records, aliases, gaz, &nodes);
    r.user_merges();
    let suffixes = r.generation_tags();
    r.keys(&suffixes);
    r.near_spellings();
    r.bare_names();
    let _t = crate::timing::stage("resolve/build");
    build(records, aliases, gaz, &nodes, &mut r.dsu, &node_of)
}

/// One node per local entity, with the surface forms its article uses, and
/// for each record its local entity index -> node.
fn nodes(records: &[ArticleRecord]) -> (Vec<Node<'_>>, Vec<Vec<usize>>) {
    let mut nodes: Vec<Node> = Vec::new();
    let mut node_of: Vec<Vec<usize>> = Vec::with_capacity(records.len());
    for (ri, rec) in records.iter().enumerate() {
        let mut ids = Vec::with_capacity(rec.local_entities.len());
        for (li, le) in rec.local_entities.iter().enumerate() {
            ids.push(nodes.len());
            nodes.push(Node { rec: ri, local: li, name: &le.name, kind: le.kind, forms: Vec::new() });
        }
        for m in rec.mentions.iter().filter(|m| !is_nominal(&m.rule)) {
            if let Some(&n) = ids.get(m.local)
                && let Some(node) = nodes.get_mut(n)
                && !node.forms.contains(&m.text.as_str())
            {
                node.forms.push(&m.text);
            }
        }
        node_of.push(ids);
    }
    (nodes, node_of)
}

/// The passes of resolution over one set of nodes, in order: each joins
/// sets in `dsu`, which every later pass respects.
struct Resolver<'r, 'a> {
    records: &'a [ArticleRecord],
    aliases: &'r AliasConfig,
    gaz: &'r Gazetteer,
    nodes: &'r [Node<'a>],
    dsu: Dsu,
    /// Nodes a user split rule names: they join only by their own name.
    pinned: Vec<bool>,
    /// The first node seen with each join key.
    first_with: HashMap<String, usize>,
    /// Full names of people, and lone words, for the later passes.
    persons: Vec<usize>,
    bare: Vec<usize>,
}

/// Generational suffixes seen with each person key.
type Suffixes<'a> = HashMap<String, BTreeSet<&'a str>>;

impl<'r, 'a> Resolver<'r, 'a> {
    fn new(records: &'a [ArticleRecord], aliases: &'r AliasConfig, gaz: &'r Gazetteer, nodes: &'r [Node<'a>]) -> Self {
        let mut dsu = Dsu { parent: (0..nodes.len()).collect(), tags: vec![Vec::new(); nodes.len()] };
        // Split tags first, so that every later union respects them.
        let mut pinned = vec![false; nodes.len()];
        for (n, node) in nodes.iter().enumerate() {
            if let Some(tag) = aliases.split_of(node.name) {
                dsu.tags[n].push(tag);
                pinned[n] = true;
            }
        }
        let (first_with, persons, bare) = (HashMap::default(), Vec::new(), Vec::new());
        Resolver { records, aliases, gaz, nodes, dsu, pinned, first_with, persons, bare }
    }

    /// Join node `n` to the first node seen with `key`.
    fn join(&mut self, key: String, n: usize) {
        match self.first_with.get(&key) {
            Some(&m) => {
                self.dsu.union(m, n);
            }
            None => {
                self.first_with.insert(key, n);
            }
        }
    }

    /// 1. User merges and user entities.
    fn user_merges(&mut self) {
        for (n, node) in self.nodes.iter().enumerate() {
            let names = std::iter::once(node.name).chain(node.forms.iter().copied());
            for name in names {
                if let Some(m) = self.aliases.merge_of(name) {
                    self.join(format!("merge:{m}"), n);
                }
                if let Some((u, _)) = self.aliases.user_entity(name) {
                    self.join(format!("user:{u}"), n);
                }
            }
        }
    }

    /// Generational suffixes seen with each person key: "John Smith Jr." and
    /// "John Smith Sr." are father and son, never one entity (a split tag);
    /// a plain "John Smith" then belongs to neither.
    fn generation_tags(&mut self) -> Suffixes<'a> {
        let mut suffixes: Suffixes = HashMap::default();
        for (n, node) in self.nodes.iter().enumerate() {
            let words = name_words(node.name);
            let personlike = node.kind == EntityKind::Person || node.kind == EntityKind::Other && words.len() <= 4;
            if personlike && words.len() >= 2 && self.local(node).is_none_or(|l| l.gazetteer.is_none()) {
                let sfx = generation(node.name);
                suffixes.entry(person_key(self.gaz, &words)).or_default().insert(sfx.unwrap_or(""));
                if let Some(sfx) = sfx {
                    self.dsu.tags[n].push((GENERATION_RULE, generation_index(sfx)));
                }
            }
        }
        suffixes
    }

    fn local(&self, n: &Node) -> Option<&'a LocalEntity> {
        self.records.get(n.rec).and_then(|r| r.local_entities.get(n.local))
    }

    /// A person's join key: with two suffixed generations of the name the
    /// suffix is part of the key, and the unmarked form could be either; a
    /// lone suffix only adds precision to one person.
    fn person_join_key(&self, suffixes: &Suffixes, name: &str, words: &[&str]) -> String {
        let key = person_key(self.gaz, words);
        let generations = suffixes.get(&key).map_or(0, |s| s.iter().filter(|x| !x.is_empty()).count());
        if generations >= 2 { format!("p:{key}#{}", generation(name).unwrap_or("")) } else { format!("p:{key}") }
    }

    /// 2. Gazetteer keys and spelling keys.
    fn keys(&mut self, suffixes: &Suffixes) {
        let (nodes, gaz) = (self.nodes, self.gaz);
        for (n, node) in nodes.iter().enumerate() {
            // A country never changes kind: a name typed as a team by a results line ("Norvia 2")
            // is still the country, one entity with its mentions in prose.
            let country = || {
                (node.kind == EntityKind::Organization)
                    .then(|| gaz.lookup(node.name, true, false))
                    .flatten()
                    .filter(|e| e.class == GazClass::Country)
                    .map(|e| e.key.clone())
            };
            if let Some(g) = self.local(node).and_then(|l| l.gazetteer.clone()).or_else(country) {
                self.join(format!("g:{g}"), n);
                continue;
            }
            if self.pinned[n] {
                self.join(format!("pin:{}", fold(node.name)), n);
                continue;
            }
            let words = name_words(node.name);
            match node.kind {
                EntityKind::Person if words.len() >= 2 => {
                    let key = self.person_join_key(suffixes, node.name, &words);
                    self.join(key, n);
                    self.persons.push(n);
                }
                EntityKind::Person => {
                    // Lone surnames of several articles are one entity at least.
                    self.join(format!("b:{}", spelling_key(node.name)), n);
                    self.bare.push(n);
                }
                kind => {
                    let key = spelling_key(&exonym(gaz, &strip_the(node.name)));
                    // An entity of unclear kind joins one of a known kind by name.
                    // Same spelling, one entity: an unclear "Eastwire" joins the outlet "Eastwire".
                    self.join(format!("n:{key}"), n);
                    // An unclear two-word name joins a person spelled the same way.
                    if kind == EntityKind::Other && (2..=4).contains(&words.len()) {
                        let key = self.person_join_key(suffixes, node.name, &words);
                        self.join(key, n);
                    }
                    if kind == EntityKind::Other || node.name.split(' ').count() == 1 {
                        self.bare.push(n);
                    }
                }
            }
        }
    }

    /// 3. People with near spellings: compare within surname-skeleton buckets only.
    fn near_spellings(&mut self) {
        let mut buckets: HashMap<String, Vec<usize>> = HashMap::default();
        for &n in &self.persons {
            let words = name_words(self.nodes[n].name);
            if let Some(last) = words.last() {
                buckets.entry(skeleton(&spelling_key(last))).or_default().push(n);
            }
        }
        let mut bucket_keys: Vec<&String> = buckets.keys().collect();
        bucket_keys.sort();
        for bk in bucket_keys {
            // One representative per distinct spelling.
            let mut reps: Vec<(usize, String, String)> = Vec::new();
            for &n in &buckets[bk] {
                let words = name_words(self.nodes[n].name);
                let (Some(first), Some(last)) = (words.first(), words.last()) else { continue };
                let (g, s) = (fold(first), spelling_key(last));
                if !reps.iter().any(|(_, g2, s2)| *g2 == g && *s2 == s) {
                    reps.push((n, g, s));
                }
                if reps.len() > 400 {
                    break; // A huge bucket: exact keys only beyond this.
                }
            }
            for i in 0..reps.len() {
                for j in i + 1..reps.len() {
                    let (a, ga, sa) = &reps[i];
                    let (b, gb, sb) = &reps[j];
                    if same_given(self.gaz, ga, gb) && same_surname(sa, sb) {
                        self.dsu.union(*a, *b);
                    }
                }
            }
            self.nicknames(&reps);
        }
    }

    /// A short form ("Chuck") joins the full name ("Charles") of the same
    /// surname, but only when one formal name fits: "Chris Lee" stays apart
    /// when both "Christopher Lee" and "Christine Lee" are named.
    fn nicknames(&mut self, reps: &[(usize, String, String)]) {
        let gaz = self.gaz;
        for (a, ga, sa) in reps {
            let Some(formals) = NICKNAMES.get(ga.as_str()) else { continue };
            let fits: Vec<(usize, &str)> = reps
                .iter()
                .filter(|(b, gb, sb)| b != a && same_surname(sa, sb) && formals.iter().any(|f| same_given(gaz, f, gb)))
                .map(|(b, gb, _)| (*b, gaz.given_group(gb)))
                .collect();
            let mut distinct: Vec<&str> = fits.iter().map(|x| x.1).collect();
            distinct.sort_unstable();
            distinct.dedup();
            if distinct.len() == 1 {
                for (b, _) in fits {
                    self.dsu.union(*a, b);
                }
            }
        }
    }

    /// 4. Bare names: a lone surname joins the one person with that surname;
    ///    a lone word joins the one entity that used it as a form.
    fn bare_names(&mut self) {
        let nodes = self.nodes;
        let mut by_surname: HashMap<String, BTreeSet<usize>> = HashMap::default();
        for &n in &self.persons {
            if let Some(last) = name_words(nodes[n].name).last() {
                let root = self.dsu.find(n);
                by_surname.entry(spelling_key(last)).or_default().insert(root);
            }
        }
        let mut by_form: HashMap<String, BTreeSet<usize>> = HashMap::default();
        for (n, node) in nodes.iter().enumerate() {
            if node.name.split(' ').count() >= 2 {
                for f in &node.forms {
                    if *f != node.name {
                        let root = self.dsu.find(n);
                        by_form.entry(fold(f)).or_default().insert(root);
                    }
                }
            }
        }
        let only = |s: &BTreeSet<usize>| (s.len() == 1).then(|| s.first().copied()).flatten();
        for &n in &self.bare {
            if self.pinned[n] {
                continue;
            }
            let node = &nodes[n];
            let target = if matches!(node.kind, EntityKind::Person | EntityKind::Other) {
                by_surname.get(&spelling_key(node.name)).and_then(only)
            } else {
                None
            };
            let target = target.or_else(|| by_form.get(&fold(node.name)).and_then(only));
            if let Some(t) = target {
                let tn = &nodes[t];
                // A lone word only joins an entity of its own kind, or of a known kind when its own is unclear.
                if tn.kind == node.kind || node.kind == EntityKind::Other {
                    self.dsu.union(t, n);
                }
            }
        }
    }
}

fn build(
    records: &[ArticleRecord],
    aliases: &AliasConfig,
    gaz: &Gazetteer,
    nodes: &[Node],
    dsu: &mut Dsu,
    node_of: &[Vec<usize>],
) -> (Vec<Entity>, Vec<Vec<String>>) {
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for n in 0..nodes.len() {
        let r = dsu.find(n);
        groups.entry(r).or_default().push(n);
    }
    // Each article's mentions by entity, so that gathering an entity reads its own mentions
    // rather than scanning the article's (quadratic in an article with many names).
    // One flat list per article (mention indices ordered by entity, then position): a few bytes
    // a mention, since this is held for the whole corpus.
    let by_local: Vec<Vec<u32>> = records
        .iter()
        .map(|rec| {
            let mut order: Vec<u32> = (0..rec.mentions.len()).filter_map(|i| u32::try_from(i).ok()).collect();
            order.sort_by_key(|&i| rec.mentions.get(i as usize).map_or(usize::MAX, |m| m.local));
            order
        })
        .collect();
    // Each group becomes its entity independently: on all cores.
    let mut drafts: Vec<Draft> = groups
        .into_par_iter()
        .map(|(root, members)| {
            Group::gather(records, &by_local, aliases, nodes, &members).draft(records, aliases, gaz, root)
        })
        .collect();
    drafts.sort_by(|a, b| {
        b.total
            .cmp(&a.total)
            .then_with(|| a.entity.name.cmp(&b.entity.name))
            .then_with(|| a.entity.kind.cmp(&b.entity.kind))
            .then_with(|| {
                a.entity
                    .mentions
                    .first()
                    .map(|m| (&m.article, m.start))
                    .cmp(&b.entity.mentions.first().map(|m| (&m.article, m.start)))
            })
    });
    let mut id_of_root: HashMap<usize, String> = HashMap::default();
    for (i, d) in drafts.iter_mut().enumerate() {
        d.entity.id = format!("e{}", i + 1);
        id_of_root.insert(d.root, d.entity.id.clone());
    }
    let maps: Vec<Vec<String>> = node_of
        .iter()
        .map(|ids| ids.iter().map(|&n| id_of_root.get(&dsu.find(n)).cloned().unwrap_or_default()).collect())
        .collect();
    (drafts.into_iter().map(|d| d.entity).collect(), maps)
}

/// A corpus entity before its id: its set's root node and its mention count.
struct Draft {
    root: usize,
    entity: Entity,
    total: usize,
}

/// What the members of one set say about their entity.
#[derive(Default)]
struct Group<'a> {
    /// Mentions per kind.
    kinds: BTreeMap<EntityKind, usize>,
    /// The articles' own names, with the records using each.
    names: BTreeMap<&'a str, BTreeSet<usize>>,
    /// Mention texts (space-normalised), with the records using each.
    spellings: BTreeMap<String, BTreeSet<usize>>,
    roles: Vec<String>,
    outlet: bool,
    gaz_key: Option<String>,
    merge_canon: Option<String>,
    /// Mentions per article id.
    counts: BTreeMap<String, usize>,
    mentions: Vec<(usize, Evidence)>,
}

impl<'a> Group<'a> {
    /// The group of `members`; `by_local[r]` orders article `r`'s mentions by entity.
    fn gather(
        records: &[ArticleRecord],
        by_local: &[Vec<u32>],
        aliases: &AliasConfig,
        nodes: &[Node<'a>],
        members: &[usize],
    ) -> Self {
        let mut g = Group::default();
        for &n in members {
            let node = &nodes[n];
            let Some(rec) = records.get(node.rec) else { continue };
            let Some(le) = rec.local_entities.get(node.local) else { continue };
            g.names.entry(node.name).or_default().insert(node.rec);
            g.outlet |= le.outlet;
            if g.gaz_key.is_none() {
                g.gaz_key = le.gazetteer.clone();
            }
            if g.merge_canon.is_none() {
                g.merge_canon =
                    aliases.merge_of(node.name).and_then(|m| aliases.merge.get(m)).and_then(|m| m.canonical.clone());
            }
            for role in &le.roles {
                if !g.roles.iter().any(|r| fold(r) == fold(role)) {
                    g.roles.push(role.clone());
                }
            }
            let id = &rec.article.id;
            let mut count = 0;
            let order = by_local.get(node.rec).map_or(&[][..], Vec::as_slice);
            let local_of = |i: &u32| rec.mentions.get(*i as usize).map_or(usize::MAX, |m| m.local);
            let own = &order[order.partition_point(|i| local_of(i) < node.local)..];
            let own = &own[..own.partition_point(|i| local_of(i) == node.local)];
            for m in own.iter().filter_map(|&i| rec.mentions.get(i as usize)).filter(|m| !is_nominal(&m.rule)) {
                count += 1;
                g.spellings
                    .entry(m.text.split_whitespace().collect::<Vec<_>>().join(" "))
                    .or_default()
                    .insert(node.rec);
                g.mentions.push((
                    node.rec,
                    Evidence { article: id.clone(), start: m.start, end: m.end, text: m.text.clone() },
                ));
            }
            *g.kinds.entry(le.kind).or_default() += count.max(1);
            if count > 0 {
                *g.counts.entry(id.to_string()).or_default() += count;
            }
        }
        g
    }

    fn draft(mut self, records: &[ArticleRecord], aliases: &AliasConfig, gaz: &Gazetteer, root: usize) -> Draft {
        // Kind: the gazetteer's, else the most mentioned known kind.
        let gentry = self.gaz_key.as_deref().and_then(|k| gaz.entry_by_key(k));
        let kind = gentry.map(|e| e.kind).unwrap_or_else(|| {
            self.kinds
                .iter()
                .filter(|(k, _)| **k != EntityKind::Other)
                .max_by_key(|(k, c)| (**c, **k == EntityKind::Person))
                .map(|(k, _)| *k)
                .unwrap_or(EntityKind::Other)
        });
        let name = self.canonical(aliases, gaz);
        let article_ids = |set: &BTreeSet<usize>| -> Vec<String> {
            set.iter().filter_map(|&r| records.get(r)).map(|r| r.article.id.to_string()).collect()
        };
        let mut aliases_out: BTreeSet<String> = BTreeSet::new();
        for form in self.spellings.keys().map(String::as_str).chain(self.names.keys().copied()) {
            if form != name {
                aliases_out.insert(form.to_string());
            }
        }
        let spellings: Vec<Spelling> = self
            .spellings
            .iter()
            .map(|(form, set)| Spelling { form: form.clone(), articles: article_ids(set) })
            .collect();
        let mut mentions = self.mentions;
        mentions.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.start.cmp(&b.1.start)).then(a.1.end.cmp(&b.1.end)));
        let total = mentions.len();
        self.roles.sort_by_key(|r| fold(r));
        Draft {
            root,
            entity: Entity {
                id: String::new(),
                name,
                kind,
                outlet: self.outlet && kind == EntityKind::Organization,
                aliases: aliases_out.into_iter().collect(),
                roles: if kind == EntityKind::Person { self.roles } else { Vec::new() },
                spellings,
                mention_counts: self.counts,
                mentions: mentions.into_iter().map(|(_, e)| e).collect(),
            },
            total,
        }
    }

    /// The canonical name: a user merge's, a user entity's, the gazetteer's
    /// when an article uses it, when it is a country, or when the articles'
    /// forms are its exonyms ("Kharkov" → "Kharkiv"); else the fullest of the
    /// articles' own names.
    fn canonical(&mut self, aliases: &AliasConfig, gaz: &Gazetteer) -> String {
        let gentry = self.gaz_key.as_deref().and_then(|k| gaz.entry_by_key(k));
        let user_canon = self
            .gaz_key
            .as_deref()
            .and_then(|k| k.strip_prefix("user:"))
            .and_then(|u| u.parse::<usize>().ok())
            .and_then(|u| aliases.entity.get(u))
            .map(|e| e.name.clone());
        let names = &self.names;
        let gaz_name = gentry
            .filter(|e| {
                e.class == GazClass::Country
                    || names.keys().any(|n| n.eq_ignore_ascii_case(&e.name))
                    || names.keys().any(|n| gaz.exonym(n).is_some_and(|c| c.eq_ignore_ascii_case(&e.name)))
            })
            .map(|e| e.name.clone());
        self.merge_canon.take().or(user_canon).or(gaz_name).unwrap_or_else(|| {
            names
                .iter()
                .max_by(|(a, sa), (b, sb)| {
                    let wa = a.split(' ').count();
                    let wb = b.split(' ').count();
                    wa.cmp(&wb).then(sa.len().cmp(&sb.len())).then(b.cmp(a))
                })
                .map(|(n, _)| n.to_string())
                .unwrap_or_default()
        })
    }
}

/// Short form (folded) → the formal given names (folded) it stands for, from `nicknames.txt`.
static NICKNAMES: std::sync::LazyLock<HashMap<String, Vec<String>>> = std::sync::LazyLock::new(|| {
    let mut m: HashMap<String, Vec<String>> = HashMap::default();
    for line in include_str!("../data/gazetteers/nicknames.txt").lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split('|').map(fold);
        let Some(formal) = parts.next() else { continue };
        for nick in parts {
            let v = m.entry(nick).or_default();
            if !v.contains(&formal) {
                v.push(formal.clone());
            }
        }
    }
    m
});

/// Split-tag rule number for generational suffixes (user split rules count up from 0).
const GENERATION_RULE: usize = usize::MAX;

/// The generational suffix of a person's name, normalised: "Jr", "Sr", "II", "III", "IV".
fn generation(name: &str) -> Option<&'static str> {
    let last = name.split_whitespace().next_back()?.trim_end_matches([',', '.']);
    match last {
        "Jr" | "jr" | "JR" => Some("Jr"),
        "Sr" | "sr" | "SR" => Some("Sr"),
        "II" => Some("II"),
        "III" => Some("III"),
        "IV" => Some("IV"),
        _ => None,
    }
}

fn generation_index(sfx: &str) -> usize {
    ["Jr", "Sr", "II", "III", "IV"].iter().position(|s| *s == sfx).unwrap_or(5)
}

fn is_nominal(rule: &str) -> bool {
    rule.starts_with("nominal")
}

/// Words of a person's name without honorifics' periods and generational suffixes.
fn name_words(name: &str) -> Vec<&str> {
    name.split_whitespace().filter(|w| !crate::lang::is(crate::lang::Class::NameSuffix, w)).collect()
}

fn strip_the(name: &str) -> String {
    name.strip_prefix("the ").or_else(|| name.strip_prefix("The ")).unwrap_or(name).to_string()
}

fn exonym(gaz: &Gazetteer, name: &str) -> String {
    gaz.exonym(name).map(str::to_string).unwrap_or_else(|| name.to_string())
}

/// `given-group|surname-key` of a full name (first and last word).
fn person_key(gaz: &Gazetteer, words: &[&str]) -> String {
    let first = fold(words.first().copied().unwrap_or(""));
    let last = words.last().copied().unwrap_or("");
    format!("{}|{}", spelling_key(gaz.given_group(&first)), spelling_key(last))
}

/// A spelling key that transliteration variants share: lower case, no
/// accents or punctuation, "ks"→"x", "kh"→"h", "w"→"v", "j"/"y"→"i",
/// "-skiy"/"-skyy"/"-sky" → "-ski", doubled letters single.
pub fn spelling_key(s: &str) -> String {
    let mut t: String = s
        .chars()
        .flat_map(char::to_lowercase)
        .map(crate::gazetteer::base_letter)
        .filter(|c| c.is_alphanumeric() || *c == ' ')
        .collect();
    for (from, to) in [("ks", "x"), ("kh", "h"), ("ph", "f"), ("w", "v"), ("j", "i"), ("y", "i"), ("ck", "k")] {
        if t.contains(from) {
            t = t.replace(from, to);
        }
    }
    let mut out = String::with_capacity(t.len());
    let mut prev = None;
    for c in t.chars() {
        if Some(c) != prev || c.is_numeric() {
            out.push(c);
        }
        prev = Some(c);
    }
    // "zelenskii" → "zelenski" (after doubling removal "skii" is "ski" already).
    out
}

/// Consonants only: the bucket of near spellings.
fn skeleton(key: &str) -> String {
    key.chars().filter(|c| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | ' ')).collect()
}

fn same_given(gaz: &Gazetteer, a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (ga, gb) = (gaz.given_group(a), gaz.given_group(b));
    if ga == gb {
        return true;
    }
    // Not in the variant list: near spellings with one skeleton, same ending
    // vowel class (so that "Daniel" and "Daniela" stay apart).
    let (ka, kb) = (spelling_key(a), spelling_key(b));
    let ends_a = |s: &str| s.ends_with('a');
    ka == kb
        || (skeleton(&ka) == skeleton(&kb)
            && ends_a(&ka) == ends_a(&kb)
            && strsim::jaro_winkler(&ka, &kb) >= 0.9
            && gaz.given_group(a) == a
            && gaz.given_group(b) == b)
}

fn same_surname(a: &str, b: &str) -> bool {
    a == b || (skeleton(a) == skeleton(b) && a.len().abs_diff(b.len()) <= 2 && strsim::jaro_winkler(a, b) >= 0.93)
}

#[cfg(test)]
mod tests;
