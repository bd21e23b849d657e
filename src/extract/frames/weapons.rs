//! The kind of weapon an attacker used, as a fact a comparison can set
//! against another source's: "walked in with a shotgun" / "brought a rifle
//! into the building".

use super::*;

/// Tokens before a weapon noun searched for a word of use ("armed with a
/// 12-gauge pump-action shotgun" is six tokens).
const USE_REACH: usize = 6;

/// Weapon facts of one sentence: one per weapon noun told as used in the
/// attack. A weapon only bought, owned or found says nothing about the attack
/// ("bought a shotgun", "police seized a rifle"), and "a shotgun or a rifle"
/// names no kind. A clause dated to another time tells another event.
pub(super) fn weapon_facts(
    text: &str,
    base: usize,
    toks: &[Token],
    bounds: &[(usize, usize)],
    dates: &[(usize, bool)],
    index: usize,
) -> Vec<Fact> {
    let lx = lexicon();
    let mut out = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        let Some(class) = lx.weapon(&t.lemma) else { continue };
        let around = toks[k.saturating_sub(3)..(k + 4).min(toks.len())].iter();
        let either = around.clone().any(|w| w.lower == "or" || w.lower == "either");
        if either && around.filter(|w| lx.weapon(&w.lemma).is_some()).count() > 1 {
            continue;
        }
        let mut used = toks.get(k + 1).is_some_and(|n| lx.is_weapon_compound(&n.lower) && !n.hyphen_before);
        for j in (k.saturating_sub(USE_REACH)..k).rev() {
            if phrase_break(text, base, &toks[j], &toks[j + 1]) {
                break;
            }
            if lx.is_weapon_use(&toks[j].lower) {
                used = true;
                break;
            }
        }
        if !used {
            continue;
        }
        let clause = bounds.iter().position(|&(s, e)| t.start >= s && t.start < e).unwrap_or(0);
        let (cs, ce) = bounds.get(clause).copied().unwrap_or((base, base + text.len()));
        if dates.iter().any(|&(d, other)| other && d >= cs && d < ce) {
            continue;
        }
        let mut f = point_fact("weapon", class as f64, t.text, clause, index);
        f.predicate = Some(INCIDENT.to_string());
        out.push(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<&'static str> {
        let toks = tokenize(text, 0);
        let bounds = clause_bounds(text, 0, &toks);
        weapon_facts(text, 0, &toks, &bounds, &[], 0)
            .iter()
            .filter_map(|f| lexicon().weapon_name(f.value as usize))
            .collect()
    }

    #[test]
    fn a_weapon_used_in_the_attack_is_a_fact() {
        assert_eq!(kinds("He walked into the depot with a shotgun and opened fire."), ["shotgun"]);
        assert_eq!(kinds("The man was armed with a 12-gauge pump-action shotgun."), ["shotgun"]);
        assert_eq!(kinds("She was wounded in a pistol attack near the market."), ["handgun"]);
        assert_eq!(kinds("A former clerk brought a rifle into the building."), ["rifle"]);
    }

    #[test]
    fn a_weapon_bought_found_or_in_doubt_is_none() {
        assert!(kinds("He bought a shotgun two days earlier.").is_empty());
        assert!(kinds("Police seized a rifle from his car.").is_empty());
        assert!(kinds("Witnesses said he used a shotgun or a rifle.").is_empty());
        assert!(kinds("He had been refused a handgun permit.").is_empty());
    }
}
