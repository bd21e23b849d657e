//! Unit tests of the numeric and statement rules.

use super::names::spelling_variants;
use super::statements::{short, sparse_average_link};
use super::*;

fn fact(value: f64, lo: f64, hi: Option<f64>, open: bool) -> Fact {
    Fact {
        quantity: 0,
        written: None,
        clause: 0,
        dimension: "count".into(),
        value,
        lo,
        hi,
        open,
        head: Some("people".into()),
        predicate: Some("injured".into()),
        bearing: None,
        reference: None,
        scope: vec![],
        background: false,
        revised: false,
        period: None,
        context: vec![],
    }
}

#[test]
fn open_intervals_agree_only_with_close_figures() {
    let at_least_40 = fact(40.0, 40.0, None, true);
    let more_than_250 = fact(250.0, 250.0, None, true);
    assert!(!agree(&at_least_40, &more_than_250), "at least 40 vs more than 250");
    assert!(overlaps(&at_least_40, &more_than_250), "…but they do not conflict either");
    let more_than_20k = fact(20000.0, 20000.0, None, true);
    let about_20k = fact(20000.0, 18600.0, Some(21400.0), false);
    assert!(agree(&more_than_20k, &about_20k));
}

#[test]
fn only_precise_equal_figures_coincide() {
    let mut a = fact(45.8, 45.8, Some(45.8), false);
    let b = fact(45.8, 45.8, Some(45.8), false);
    a.background = true;
    assert!(coincident(&a, &b), "45.8 and 45.8");
    let (eight, other_eight) = (fact(8.0, 8.0, Some(8.0), false), fact(8.0, 8.0, Some(8.0), false));
    assert!(!coincident(&eight, &other_eight), "a round eight is no evidence");
    assert!(!coincident(&fact(300.0, 300.0, Some(300.0), false), &fact(300.0, 300.0, Some(300.0), false)));
    assert!(!coincident(&a, &fact(45.9, 45.9, Some(45.9), false)), "45.8 and 45.9 differ");
    assert!(!coincident(&fact(36.0, 36.0, None, true), &fact(36.0, 36.0, Some(36.0), false)), "an open figure");
    assert!(precise(270.0, "time") && !precise(240.0, "time"), "4:30 is precise, 4:00 is not");
}

/// The full-scan clustering `average_link` must reproduce merge for merge.
fn average_link_by_full_scan(n: usize, score: &[Vec<f64>], threshold: f64) -> Vec<Vec<usize>> {
    let mut clusters: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut sum: Vec<Vec<f64>> = score.to_vec();
    let mut alive: Vec<bool> = vec![true; n];
    loop {
        let mut best: Option<(f64, usize, usize)> = None;
        for i in (0..n).filter(|&i| alive[i]) {
            for j in (i + 1..n).filter(|&j| alive[j] && sum[i][j] > 0.0) {
                let avg = sum[i][j] / (clusters[i].len() * clusters[j].len()) as f64;
                if avg >= threshold && best.is_none_or(|(b, _, _)| avg > b) {
                    best = Some((avg, i, j));
                }
            }
        }
        let Some((_, i, j)) = best else { break };
        let moved = std::mem::take(&mut clusters[j]);
        clusters[i].extend(moved);
        alive[j] = false;
        for k in 0..n {
            if alive[k] && k != i {
                let v = sum[i][k] + sum[j][k];
                sum[i][k] = v;
                sum[k][i] = v;
            }
        }
    }
    clusters.into_iter().filter(|c| !c.is_empty()).map(|mut c| (c.sort_unstable(), c).1).collect()
}

#[test]
#[allow(clippy::needless_range_loop)] // a symmetric matrix is filled by (i, j)
fn average_link_equals_the_full_scan() {
    // Scores from a small set, so ties between pairs are common.
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let levels = [-5.0, 0.0, 0.0, 1.0, 1.4, 1.4, 2.0, 2.5, 3.0, 4.5];
    let mut merged = 0;
    for round in 0..300 {
        let n = 1 + (next() % 40) as usize;
        let mut score = vec![vec![0.0; n]; n];
        for i in 0..n {
            for j in i + 1..n {
                let v = levels[(next() % levels.len() as u64) as usize];
                score[i][j] = v;
                score[j][i] = v;
            }
        }
        let fast = average_link(n, &score, LINK);
        assert_eq!(fast, average_link_by_full_scan(n, &score, LINK), "round {round}: {score:?}");
        merged += n - fast.len();
    }
    assert!(merged > 1000, "the random matrices merged only {merged} times");
}

#[test]
fn average_link_does_not_chain() {
    // 0-1 strong, 1-2 strong, 0-2 nothing: a chain; average link keeps 2 out
    let s = vec![vec![0.0, 3.0, 0.0], vec![3.0, 0.0, 2.0], vec![0.0, 2.0, 0.0]];
    let c = average_link(3, &s, 1.4);
    assert_eq!(c, vec![vec![0, 1], vec![2]]);
    let edges = vec![(0, 1, 0.9), (1, 2, 0.5)];
    assert_eq!(sparse_average_link(3, &edges, 0.34), vec![vec![0, 1]]);
}

#[test]
fn spellings_differ_in_one_close_word() {
    assert!(spelling_variants(["Ilene Wolfe", "Ilene Wolff"].into_iter()));
    assert!(spelling_variants(["Sergei Volkov", "Sergey Volkov"].into_iter()));
    assert!(!spelling_variants(["Democrats", "Democratic Party"].into_iter()));
    assert!(!spelling_variants(["Donald J. Trump", "Donald Trump Jr."].into_iter()));
    assert!(!spelling_variants(["UN Security Council", "United Nations Security Council"].into_iter()));
    assert!(!spelling_variants(["Ana Ruiz", "Ana Diaz"].into_iter()), "two different surnames");
}

#[test]
fn labels_read_like_the_fact() {
    let mut f = fact(4.0, 4.0, Some(4.0), false);
    f.head = Some("bomb".into());
    f.predicate = Some("dropped".into());
    assert_eq!(label(&f), "bombs dropped");
    f.dimension = "length".into();
    f.head = Some("distance".into());
    f.bearing = Some(22.5);
    f.reference = Some("santa rosa".into());
    assert_eq!(label(&f), "distance north of Santa Rosa");
    f.dimension = "money:USD".into();
    f.head = Some("fund".into());
    f.predicate = None;
    assert_eq!(label(&f), "fund (USD)");
    f.dimension = "count".into();
    f.head = Some("child".into());
    f.predicate = Some("attended".into());
    assert_eq!(label(&f), "children attended");
    f.dimension = "duration".into();
    f.head = Some("elapsed".into());
    f.predicate = None;
    assert_eq!(label(&f), "time elapsed");
    f.dimension = "time".into();
    f.head = Some("time".into());
    f.predicate = Some(crate::extract::frames::INCIDENT.into());
    assert_eq!(label(&f), "time of the incident");
    f.dimension = "age".into();
    f.head = Some("age".into());
    f.predicate = None;
    f.reference = Some("greer".into());
    assert_eq!(label(&f), "age of Greer");
    assert_eq!(short("one two three four", 9), "one two…");
}

fn claim(voice: Option<&str>) -> Claim {
    use crate::model::{Assertion, Span};
    Claim {
        id: "a#c0".into(),
        article: "a".into(),
        start: 0,
        end: 0,
        text: String::new(),
        quantities: vec![],
        dates: vec![],
        entities: Default::default(),
        local_entities: vec![],
        asserted_by: match voice {
            None => Assertion::Article,
            Some(name) => Assertion::Attributed {
                name: name.into(),
                entity: None,
                local: None,
                outlet: false,
                cue: "said".into(),
                span: Span { start: 0, end: 0, text: name.into() },
            },
        },
        polarity: Default::default(),
        clauses: vec![],
        facts: vec![],
    }
}

fn item<'a>(art: usize, claim: &'a Claim, fact: &'a Fact) -> Item<'a> {
    Item {
        art,
        claim,
        fact,
        entities: BTreeSet::new(),
        sentence_entities: BTreeSet::new(),
        places: BTreeSet::new(),
        orgs: BTreeSet::new(),
        context: vec![],
        ctx_sim: vec![],
    }
}

#[test]
fn values_most_sources_list_in_one_voice_are_several_things() {
    let point = |v: f64| fact(v, v, Some(v), false);
    let (own, police, organisers) = (claim(None), claim(Some("police")), claim(Some("organisers")));
    let f: Vec<Fact> = [38.0, 45.0, 71.0, 80.0, 12.0].into_iter().map(point).collect();
    // each report gives its own figure and the one before it, in its own voice
    let items = vec![
        item(0, &own, &f[0]),
        item(0, &own, &f[1]),
        item(1, &own, &f[2]),
        item(1, &own, &f[3]),
        item(2, &own, &f[4]),
    ];
    let groups: Vec<Vec<usize>> = (0..5).map(|i| vec![i]).collect();
    assert!(listing(&items, &groups.iter().collect::<Vec<_>>()));
    // two values in two voices are the dispute itself
    let g: Vec<Fact> = [15_000.0, 60_000.0, 15_000.0, 20_000.0].into_iter().map(point).collect();
    let items = vec![item(0, &police, &g[0]), item(0, &organisers, &g[1]), item(1, &own, &g[2]), item(2, &own, &g[3])];
    let groups = [vec![0, 2], vec![3], vec![1]];
    assert!(!listing(&items, &groups.iter().collect::<Vec<_>>()));
    // ... and so are two values in one voice when there are only two
    let items = vec![item(0, &own, &g[0]), item(0, &own, &g[1]), item(1, &own, &g[2])];
    let groups = [vec![0, 2], vec![1]];
    assert!(!listing(&items, &groups.iter().collect::<Vec<_>>()));
}

#[test]
fn topic_labels_are_plural_once() {
    for (head, label) in [
        ("home", "homes"),
        ("casualty", "casualties"),
        ("witness", "witnesses"),
        ("bus", "buses"),
        ("crisis", "crises"),
        ("box", "boxes"),
        ("iraqis", "iraqis"),
        ("series", "series"),
        ("magnitude", "magnitude"),
    ] {
        assert_eq!(plural(head), label, "{head}");
    }
}
