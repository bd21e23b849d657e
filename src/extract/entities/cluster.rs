//! Step 3, in-article canonicalisation: surnames, acronyms and lone
//! organization words linked to the full names they stand for, and role
//! nominals. Apart from the finding, which it only reads the output of.

use super::Rule;
use super::{Raw, Sent};
use crate::extract::Doc;
use crate::gazetteer::{GazClass, Gazetteer, fold};
use crate::lang::{Class, is};
use crate::model::{EntityKind, LocalEntity, Mention};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

pub(super) fn kind_rank(k: EntityKind) -> u8 {
    match k {
        EntityKind::Person => 3,
        EntityKind::Organization => 2,
        EntityKind::Place => 1,
        EntityKind::Other => 0,
    }
}

pub(super) struct Cluster {
    kind: EntityKind,
    strength: u8,
    outlet: bool,
    roles: Vec<String>,
    gaz: Option<usize>,
    user: Option<usize>,
    /// Names of its mentions, fullest first when chosen.
    names: Vec<String>,
    first: usize,
}

pub(super) fn cluster(doc: &Doc, gaz: &Gazetteer, raw: Vec<Raw>) -> (Vec<LocalEntity>, Vec<Mention>) {
    let mut l = Linker::new(&raw);
    l.full_names(gaz);
    let acronyms = l.acronyms();
    l.lone_words(doc, &acronyms);
    l.vote();
    l.finish(doc, gaz)
}

/// The article's mentions as they join clusters, pass by pass.
struct Linker<'r> {
    raw: &'r [Raw],
    /// Last word of person names → raw indices of the full names.
    surnames: HashMap<String, Vec<usize>>,
    clusters: Vec<Cluster>,
    by_key: HashMap<String, usize>,
    /// The cluster of each mention.
    assign: Vec<Option<usize>>,
    /// Mentions that joined by a link rule rather than by their own evidence.
    linked: Vec<Option<Rule>>,
}

impl<'r> Linker<'r> {
    fn new(raw: &'r [Raw]) -> Self {
        let mut surnames: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, r) in raw.iter().enumerate() {
            if r.kind == EntityKind::Person
                && r.words >= 2
                && r.strength >= 1
                && let Some(last) = surname_of(&r.name)
            {
                surnames.entry(fold(last)).or_default().push(i);
            }
        }
        let n = raw.len();
        Linker {
            raw,
            surnames,
            clusters: Vec::new(),
            by_key: HashMap::default(),
            assign: vec![None; n],
            linked: vec![None; n],
        }
    }

    /// A lone word: one word, no user entity, and no gazetteer entry unless
    /// it is a city or region that is also the surname of someone named here.
    fn is_lone(&self, gaz: &Gazetteer, r: &Raw) -> bool {
        r.words == 1
            && r.user.is_none()
            && match r.gaz.and_then(|g| gaz.entries.get(g)) {
                None => true,
                Some(e) => e.class != GazClass::Country && self.surnames.contains_key(&fold(&r.name)),
            }
    }

    /// A new cluster for `r`, under `key`.
    fn open(&mut self, r: &Raw, key: String) -> usize {
        self.clusters.push(new_cluster(r));
        self.by_key.insert(key, self.clusters.len() - 1);
        self.clusters.len() - 1
    }

    /// Pass 1: full names, gazetteer and multi-word names make clusters.
    fn full_names(&mut self, gaz: &Gazetteer) {
        let raw = self.raw;
        for (i, r) in raw.iter().enumerate() {
            if self.is_lone(gaz, r) {
                continue;
            }
            let key = cluster_key(r);
            let found = self.by_key.get(&key).copied().or_else(|| {
                (r.kind == EntityKind::Person).then(|| self.by_key.get(&first_last(&r.name)).copied()).flatten()
            });
            let c = match found {
                Some(c) => c,
                None => self.open(r, key),
            };
            if r.kind == EntityKind::Person && r.words >= 2 {
                // "George W. Bush" and "George Bush": same first and last word.
                self.by_key.entry(first_last(&r.name)).or_insert(c);
            }
            if let Some(cl) = self.clusters.get_mut(c)
                && !cl.names.contains(&r.name)
            {
                cl.names.push(r.name.clone());
            }
            self.assign[i] = Some(c);
        }
    }

    /// Acronyms of the organizations named in full ("EU" for "European Union").
    fn acronyms(&self) -> HashMap<String, Vec<usize>> {
        let mut acronyms: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, r) in self.raw.iter().enumerate() {
            let Some(c) = self.assign[i] else { continue };
            if r.kind == EntityKind::Organization && r.words >= 2 {
                let acr: String =
                    r.name.split(' ').filter_map(|w| w.chars().next()).filter(|c| c.is_uppercase()).collect();
                if acr.chars().count() >= 2 {
                    let v = acronyms.entry(acr).or_default();
                    if !v.contains(&c) {
                        v.push(c);
                    }
                }
            }
        }
        acronyms
    }

    /// Pass 2: lone words link to what the article named in full. Words at a
    /// sentence start come last, so that a mid-sentence use can vouch for them.
    fn lone_words(&mut self, doc: &Doc, acronyms: &HashMap<String, Vec<usize>>) {
        let raw = self.raw;
        let mut lone: Vec<usize> = (0..raw.len()).filter(|&i| self.assign[i].is_none()).collect();
        lone.sort_by_key(|&i| (raw[i].initial_only, raw[i].start));
        for i in lone {
            let r = &raw[i];
            let (target, rule) = self.link_target(doc, acronyms, r);
            self.linked[i] = rule;
            if target.is_none() && r.initial_only {
                continue; // A lone capitalised first word nothing else supports.
            }
            let c = match target {
                Some(c) => c,
                None => self.open(r, cluster_key(r)),
            };
            if let Some(cl) = self.clusters.get_mut(c) {
                // Names are collected in pass 1 for clusters made there; org-head links need them now.
                if !cl.names.contains(&r.name) && self.linked[i].is_none() {
                    cl.names.push(r.name.clone());
                }
            }
            self.assign[i] = Some(c);
        }
    }

    /// The cluster a lone word stands for, with the link rule that found it:
    /// a surname, an acronym, an organization's head word ("the Commission"
    /// after "the European Commission"), else its own key.
    fn link_target(&self, doc: &Doc, acronyms: &HashMap<String, Vec<usize>>, r: &Raw) -> (Option<usize>, Option<Rule>) {
        if let Some(cands) = self.surnames.get(&fold(&r.name))
            && let Some(t) = surname_target(doc, self.raw, cands, &self.assign, r.start)
        {
            return (Some(t), Some(Rule::Surname));
        }
        if r.name.chars().count() >= 2
            && r.name.chars().all(|c| c.is_uppercase())
            && let Some(cands) = acronyms.get(&r.name).filter(|v| v.len() == 1)
        {
            return (Some(cands[0]), Some(Rule::Acronym));
        }
        if r.org_head {
            let head = self
                .clusters
                .iter()
                .enumerate()
                .filter(|(_, c)| c.kind == EntityKind::Organization && c.first < r.start)
                .filter(|(_, c)| {
                    c.names.iter().any(|n| n.contains(' ') && n.split(' ').next_back() == Some(r.name.as_str()))
                })
                .max_by_key(|(_, c)| c.first)
                .map(|(k, _)| k);
            if head.is_some() {
                return (head, Some(Rule::OrgHead));
            }
        }
        (self.by_key.get(&cluster_key(r)).copied(), None)
    }

    /// Gather evidence: kinds vote by strength; linked mentions do not vote.
    fn vote(&mut self) {
        for (i, r) in self.raw.iter().enumerate() {
            let Some(c) = self.assign[i] else { continue };
            let Some(cl) = self.clusters.get_mut(c) else { continue };
            if !cl.names.contains(&r.name) {
                cl.names.push(r.name.clone());
            }
            if let Some(role) = &r.role
                && !cl.roles.iter().any(|x| fold(x) == fold(role))
            {
                cl.roles.push(role.clone());
            }
            cl.first = cl.first.min(r.start);
            if self.linked[i].is_some() {
                continue;
            }
            cl.outlet |= r.outlet;
            if cl.gaz.is_none() && r.gaz.is_some() {
                cl.gaz = r.gaz;
            }
            if (r.strength, kind_rank(r.kind)) > (cl.strength, kind_rank(cl.kind)) {
                cl.kind = r.kind;
                cl.strength = r.strength;
            }
        }
    }

    /// The local entities in order of first mention, and the mentions with
    /// their entity's index and kind.
    fn finish(self, doc: &Doc, gaz: &Gazetteer) -> (Vec<LocalEntity>, Vec<Mention>) {
        let clusters = &self.clusters;
        let mut order: Vec<usize> = (0..clusters.len()).collect();
        order.sort_by_key(|&c| clusters[c].first);
        let mut new_index = vec![0usize; clusters.len()];
        for (n, &c) in order.iter().enumerate() {
            new_index[c] = n;
        }
        let entities: Vec<LocalEntity> = order
            .iter()
            .map(|&c| {
                let cl = &clusters[c];
                // The fullest form: most words, then longest, then alphabetical.
                let name = cl
                    .names
                    .iter()
                    .max_by_key(|n| (n.split(' ').count(), n.len(), std::cmp::Reverse((*n).clone())))
                    .cloned()
                    .unwrap_or_default();
                let g = cl.gaz.and_then(|g| gaz.entries.get(g)).filter(|e| e.kind == cl.kind);
                let key = g.map(|e| e.key.clone()).or_else(|| cl.user.map(|u| format!("user:{u}")));
                let outlet = cl.outlet && cl.kind == EntityKind::Organization;
                let roles = if cl.kind == EntityKind::Person { cl.roles.clone() } else { Vec::new() };
                LocalEntity { name, kind: cl.kind, outlet, roles, gazetteer: key }
            })
            .collect();
        let mentions: Vec<Mention> = self
            .raw
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                let local = new_index[self.assign[i]?];
                let kind = entities.get(local).map(|e| e.kind).unwrap_or(r.kind);
                let text = doc.text.get(r.start..r.end)?.to_string();
                let rule = self.linked[i].unwrap_or(r.rule);
                Some(Mention { start: r.start, end: r.end, text, kind, local, rule: rule.id().to_string() })
            })
            .collect();
        (entities, mentions)
    }
}

/// The person a bare surname at `at` stands for, among the full names `cands` (raw indices) that
/// end with it. One candidate: that one, wherever it is named. Several (relatives, namesakes): the
/// one named in full most recently when that was in the same paragraph, since a writer who just
/// named one of them means that one; otherwise the one introduced first, the story's own bearer
/// of the name ("Madeline Kafoury ... her son Charlie Kafoury ... Kafoury was shot"). None when
/// several exist and none came before.
pub(super) fn surname_target(
    doc: &Doc,
    raw: &[Raw],
    cands: &[usize],
    assign: &[Option<usize>],
    at: usize,
) -> Option<usize> {
    let mut firsts: Vec<(usize, usize)> = cands.iter().filter_map(|&k| assign[k].map(|c| (c, raw[k].start))).collect();
    firsts.sort();
    firsts.dedup_by_key(|x| x.0);
    if firsts.len() == 1 {
        return Some(firsts[0].0);
    }
    let latest = cands
        .iter()
        .filter(|&&k| raw[k].start < at)
        .filter_map(|&k| assign[k].map(|c| (c, raw[k].start)))
        .max_by_key(|&(_, pos)| pos)?;
    if block_of(doc, latest.1) == block_of(doc, at) {
        return Some(latest.0);
    }
    firsts.iter().filter(|&&(_, pos)| pos < at).min_by_key(|&&(_, pos)| pos).map(|&(c, _)| c)
}

/// Index of the block holding byte `pos` (blocks are in text order).
pub(super) fn block_of(doc: &Doc, pos: usize) -> usize {
    doc.blocks.partition_point(|b| b.start <= pos)
}

pub(super) fn new_cluster(r: &Raw) -> Cluster {
    Cluster {
        kind: r.kind,
        strength: r.strength,
        outlet: r.outlet,
        roles: Vec::new(),
        gaz: r.gaz,
        user: r.user,
        names: Vec::new(),
        first: r.start,
    }
}

pub(super) fn cluster_key(r: &Raw) -> String {
    if let Some(u) = r.user {
        return format!("u:{u}");
    }
    if let Some(g) = r.gaz {
        return format!("g:{g}");
    }
    match r.kind {
        EntityKind::Person if r.words >= 2 => format!("p:{}", fold(&r.name)),
        _ => format!("n:{}", fold(&r.name)),
    }
}

pub(super) fn first_last(name: &str) -> String {
    let first = name.split(' ').next().unwrap_or("");
    format!("p:{} {}", fold(first), fold(surname_of(name).unwrap_or("")))
}

/// The surname of a full name: its last word, skipping "Jr." and numerals.
pub(crate) fn surname_of(name: &str) -> Option<&str> {
    name.split(' ').rev().find(|w| !crate::lang::is(crate::lang::Class::NameSuffix, w))
}

// ------------------------------------------------------------------ nominal mentions

/// "the minister", "the spokeswoman": a mention of the one person the article
/// gave that role before.
pub(super) fn nominal_mentions(
    doc: &Doc,
    gaz: &Gazetteer,
    sents: &[Sent],
    entities: &mut [LocalEntity],
    mentions: &mut Vec<Mention>,
) {
    // Role head word → persons with the position of their first mention.
    let mut heads: HashMap<String, Vec<(usize, usize)>> = HashMap::default();
    for m in mentions.iter() {
        let Some(e) = entities.get(m.local) else { continue };
        if e.kind != EntityKind::Person {
            continue;
        }
        for role in &e.roles {
            if let Some(h) = role.split(' ').next_back() {
                let v = heads.entry(fold(h)).or_default();
                if !v.iter().any(|&(l, _)| l == m.local) {
                    v.push((m.local, m.start));
                }
            }
        }
    }
    if heads.is_empty() {
        return;
    }
    let ends: HashSet<usize> = mentions.iter().filter(|m| m.kind == EntityKind::Person).map(|m| m.end).collect();
    let mut add = Vec::new();
    for s in sents {
        let t = &s.toks;
        for i in 0..t.len() {
            if !t[i].text.eq_ignore_ascii_case("the") {
                continue;
            }
            // "the [modifiers] minister", not followed by a name.
            let mut k = i + 1;
            while let Some(x) = t.get(k) {
                if !x.joined || !is(Class::RoleModifier, fold(x.text).as_str()) {
                    break;
                }
                k += 1;
            }
            let Some(h) = t.get(k) else { continue };
            if !h.joined || gaz.title(h.text).is_none() {
                continue;
            }
            if t.get(k + 1).is_some_and(|x| x.joined && (x.cap || x.text == "of" || x.text == "for")) {
                continue;
            }
            // "Aleksandr Hrytsenko, the emergency minister": the apposition that gave the role.
            if i > 0
                && ends.contains(&t[i - 1].end)
                && doc.text.get(t[i - 1].end..t[i].start).is_some_and(|g| g.trim() == ",")
            {
                continue;
            }
            let Some(cands) = heads.get(&fold(h.text)) else { continue };
            let before: Vec<&(usize, usize)> = cands.iter().filter(|&&(_, pos)| pos < t[i].start).collect();
            if before.len() != 1 {
                continue;
            }
            let (start, end) = (t[i].start, h.end);
            let Some(text) = doc.text.get(start..end) else { continue };
            add.push(Mention {
                start,
                end,
                text: text.to_string(),
                kind: EntityKind::Person,
                local: before[0].0,
                rule: Rule::NominalRole.id().to_string(),
            });
        }
    }
    mentions.extend(add);
}
