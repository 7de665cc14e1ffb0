#!/usr/bin/env python3
"""Builds the URL lists of the load benchmark from what the seeded database really holds.

    plan.py --db kb_bench_100000 --out DIR

Search terms are chosen by how many documents each one matches *for the benchmark's viewer*
(a signed-in, verified scientist: profiles visible to members, problems published as public
or members-only), counted in PostgreSQL with the tsquery the server builds (analyser.py). The
bands are fractions of the corpus, so they mean the same at every size:

    rare      1 match up to 0.5 % of the documents
    mid       0.5 % to 5 %
    common    10 % or more ("a very common term")
    about-100 70 to 140 matches, whatever the size (the scaling comparison: the same number of
              matches ranked at 10,000 and at 1,000,000 profiles)

Candidates: the keyword phrases of profiles and problems as written (Vietnamese with
diacritics, Japanese, English), a sample from every frequency range and language, plus the
corpus's most common words (pg_stats.most_common_elems of search_doc) that are English words
or Japanese kanji/katakana bigrams. "Two terms" are two keyword phrases of one document, so
every pair matches something.

The search mix (100 lines, one URL a line; oha picks a line at random for every request):
35 rare + 35 mid single terms (every third with a facet), 20 two-term queries and 10 common
terms, the three languages in turn. Also written: the common terms alone, the about-100 band
alone, and the page, candidate and recommendation lists. terms.tsv keeps every search line's
band, language and match count (by list: a query can be in more than one) for the per-band
figures; plan.json the rest.
"""

import argparse
import json
import math
import os
import random
import sys
from urllib.parse import quote

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import analyser  # noqa: E402
from pg import Database, literal  # noqa: E402

LANGS = ("vi", "ja", "en")
RARE_MAX, MID_MAX, COMMON_MIN = 0.005, 0.05, 0.10
ABOUT_100 = (70, 140)
MIX = {"rare": 35, "mid": 35, "two": 20, "common": 10}
PER_BUCKET = 8  # candidates kept per (frequency bucket, language) before counting
SEED = 42
EMAIL = "bench.{kind}.{n:06d}@bench.knowbridge.example"

# What the benchmark's viewer (a verified scientist) sees, as the handlers filter it.
CORPORA = {
    "directory": {
        "path": "/scientists",
        "table": "scientist_profiles p",
        "visible": "p.visibility in ('public', 'members')",
        "keywords": "select keywords from scientist_profiles p where p.visibility in ('public', 'members')",
        "stats_table": "scientist_profiles",
    },
    "board": {
        "path": "/problems",
        "table": "problems p",
        "visible": "p.status = 'published' and p.confidentiality in ('public', 'members')",
        "keywords": "select keywords from problems p where p.status = 'published' and p.confidentiality in ('public', 'members')",
        "stats_table": "problems",
    },
}


def facet_values(db):
    """A few real values of each facet, most used first, for the query strings."""
    def top(sql, n=3):
        return [r[0] for r in db.rows(sql + f" order by count(*) desc, 1 limit {n}")]

    fields = top("select field_code from profile_fields group by 1")
    areas = top("select f.parent_code from profile_fields pf join fields f on f.code = pf.field_code group by 1", 2)
    hubs = [r[0] for r in db.rows("select code from hubs order by code")]
    directory = ([("field", v) for v in fields + areas] + [("hub", v) for v in hubs]
                 + [("engagement", v) for v in top("select kind from profile_engagements group by 1", 2)]
                 + [("position", v) for v in top("select position from scientist_profiles group by 1", 2)]
                 + [("language", v) for v in top("select language_code from profile_languages group by 1", 2)])
    board_fields = top("select field_code from problem_fields group by 1")
    board = ([("field", v) for v in board_fields + areas] + [("hub", v) for v in hubs]
             + [("engagement", v) for v in top("select kind from problem_engagements group by 1", 2)]
             + [("mechanism", v) for v in top("select mechanism from problems where mechanism is not null group by 1", 2)]
             + [("org_kind", v) for v in top("select kind from organisations group by 1", 2)])
    return {"directory": directory, "board": board}


def keyword_candidates(db):
    """Keyword phrases as written, a sample of each (log2 frequency, language) bucket; and the
    words of the English keywords and the (folded) syllables of the Vietnamese ones."""
    sql = " union all ".join(
        f"select unnest(keywords) k from ({c['keywords']}) s{i}" for i, c in enumerate(CORPORA.values()))
    rows = db.rows(f"select k, count(*) from ({sql}) u group by k")
    buckets = {}
    for term, n in rows:
        key = (int(math.log2(int(n))), analyser.language(term))
        buckets.setdefault(key, []).append(term)
    rng = random.Random(SEED)
    picked = set()
    for key in sorted(buckets):
        terms = sorted(buckets[key])
        rng.shuffle(terms)
        picked.update([t for t in terms[:PER_BUCKET * 2] if analyser.tsquery(t)][:PER_BUCKET])
    english = {w.lower() for t in buckets_of(buckets, "en") for w in t.split()}
    vietnamese_words = {w for t in buckets_of(buckets, "vi") for w in t.split()}
    return picked, english, {analyser.normalise(w) for w in vietnamese_words}


def buckets_of(buckets, lang):
    return [t for (_, bucket_lang), terms in buckets.items() if bucket_lang == lang for t in terms]


def common_word_candidates(db, corpus, english_words, vietnamese_syllables):
    """The corpus's most common words that a visitor would type as one term: English words
    (seen in an English keyword, and not a folded Vietnamese syllable) and kanji bigrams."""
    rows = db.rows(f"""
        select e from pg_stats, unnest(most_common_elems::text::text[], most_common_elem_freqs) u(e, f)
        where tablename = {literal(corpus['stats_table'])} and attname = 'search_doc'
        order by f desc, e""")
    words = []
    for (lexeme,) in rows:
        english = (lexeme.isascii() and lexeme.isalpha() and len(lexeme) >= 3
                   and lexeme in english_words and lexeme not in vietnamese_syllables)
        kanji = len(lexeme) == 2 and all("\u4e00" <= c <= "\u9fff" for c in lexeme)
        if english or kanji:
            words.append(lexeme)
    return words[:60]


def count_matches(db, corpus, queries):
    """Documents matched by each query text, as the viewer sees them; one text per tsquery
    ("Cache" and "cache" are the same search)."""
    by_tsquery = {}
    for q in sorted(set(queries)):
        t = analyser.tsquery(q)
        if t and t not in by_tsquery:
            by_tsquery[t] = q
    values = [(q, t) for t, q in by_tsquery.items()]
    if not values:
        return {}
    rows = db.rows(f"""
        select q, (select count(*) from {corpus['table']}
                   where {corpus['visible']} and p.search_doc @@ to_tsquery('simple', t))
        from (values {', '.join(f'({literal(q)}, {literal(t)})' for q, t in values)}) v(q, t)""")
    return {q: int(n) for q, n in rows}


def co_occurring_pairs(db, corpus, limit=300):
    """Two keyword phrases of the same document (the same language when it has two)."""
    rows = db.rows(f"""
        select array_to_json(keywords) from ({corpus['keywords']} and cardinality(keywords) >= 2
        order by md5(keywords::text) limit {limit}) s""")
    pairs = set()
    for (doc,) in rows:
        keywords = [k for k in json.loads(doc) if analyser.tsquery(k)]
        by_lang = {}
        for k in keywords:
            by_lang.setdefault(analyser.language(k), []).append(k)
        same = [ks for ks in by_lang.values() if len(ks) >= 2]
        chosen = same[0][:2] if same else keywords[:2]
        if len(chosen) == 2 and chosen[0].lower() != chosen[1].lower():
            pairs.add(f"{chosen[0]} {chosen[1]}")
    return pairs


def band_of(n, docs):
    if n >= COMMON_MIN * docs:
        return "common"
    if n == 0:
        return None
    if n < max(RARE_MAX * docs, 2):
        return "rare"
    if n < MID_MAX * docs:
        return "mid"
    return None


def spread(items, k):
    """k items whose match counts are evenly spaced on a log scale over the list's range (all
    if fewer): a band's long tail of one-match terms must not crowd out the rest of it."""
    if len(items) <= k:
        return list(items)
    lo, hi = math.log(items[0]["n"]), math.log(items[-1]["n"])
    left = list(items)
    chosen = []
    for i in range(k):
        target = lo + (hi - lo) * i / max(k - 1, 1)
        best = min(left, key=lambda t: (abs(math.log(t["n"]) - target), t["q"]))
        left.remove(best)
        chosen.append(best)
    return sorted(chosen, key=lambda t: (t["n"], t["q"]))


def by_language(terms, k):
    """k terms, the three languages in turn, each language's list spread over its counts."""
    lists = {lang: [t for t in terms if t["lang"] == lang] for lang in LANGS}
    share = {lang: spread(lists[lang], k) for lang in LANGS}
    out, i = [], 0
    while len(out) < k and any(share.values()):
        lang = LANGS[i % 3]
        if share[lang]:
            out.append(share[lang].pop(0))
        i += 1
    return out


def url(corpus, query, facet=None):
    parts = [f"q={quote(query)}"]
    if facet:
        parts.append(f"{facet[0]}={quote(facet[1])}")
    return f"{corpus['path']}?{'&'.join(parts)}"


def plan_corpus(db, corpus, keywords, english_words, vietnamese_syllables, facets):
    docs = int(db.value(f"select count(*) from {corpus['table']} where {corpus['visible']}"))
    candidates = set(keywords) | set(common_word_candidates(db, corpus, english_words, vietnamese_syllables))
    counts = count_matches(db, corpus, candidates)
    singles = sorted(({"q": q, "n": n, "lang": analyser.language(q)} for q, n in counts.items()),
                     key=lambda t: (t["n"], t["q"]))
    bands = {b: [t for t in singles if band_of(t["n"], docs) == b] for b in ("rare", "mid", "common")}
    pair_counts = count_matches(db, corpus, co_occurring_pairs(db, corpus))
    pairs = sorted(({"q": q, "n": n, "lang": analyser.language(q)} for q, n in pair_counts.items() if n > 0),
                   key=lambda t: (t["n"], t["q"]))
    about_100 = [t for t in singles if ABOUT_100[0] <= t["n"] <= ABOUT_100[1]]

    lines = []  # (url, band, lang, matches, query, facet)
    facet_cycle = 0
    for band in ("rare", "mid"):
        for i, term in enumerate(by_language(bands[band], MIX[band])):
            facet = None
            if i % 3 == 2 and facets:
                facet = facets[facet_cycle % len(facets)]
                facet_cycle += 1
            lines.append((url(corpus, term["q"], facet), band, term["lang"], term["n"], term["q"], facet))
    for term in by_language(pairs, MIX["two"]):
        lines.append((url(corpus, term["q"]), "two", term["lang"], term["n"], term["q"], None))
    lines += [(url(corpus, t["q"]), "common", t["lang"], t["n"], t["q"], None)
              for t in by_language(bands["common"], MIX["common"])]
    common_lines = [(url(corpus, t["q"]), "common", t["lang"], t["n"], t["q"], None)
                    for t in by_language(bands["common"], 30)]
    about_lines = [(url(corpus, t["q"]), "about-100", t["lang"], t["n"], t["q"], None)
                   for t in by_language(about_100, 30)]

    summary = {
        "docs": docs,
        "thresholds": {"rare": [1, max(RARE_MAX * docs, 2)], "mid": [RARE_MAX * docs, MID_MAX * docs],
                       "common": [COMMON_MIN * docs, docs], "about-100": list(ABOUT_100)},
        "candidates_counted": len(counts) + len(pair_counts),
        "in_band": {b: len(v) for b, v in bands.items()} | {"two": len(pairs), "about-100": len(about_100)},
    }
    return lines, common_lines, about_lines, summary


def write_lines(path, base, lines):
    with open(path, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(base + (line if isinstance(line, str) else line[0]) + "\n")


def page_lists(db):
    profiles = [r[0] for r in db.rows(
        f"select user_id from scientist_profiles p where {CORPORA['directory']['visible']} "
        "order by md5(user_id::text) limit 200")]
    problems = [r[0] for r in db.rows(
        f"select id from problems p where {CORPORA['board']['visible']} order by md5(id::text) limit 200")]
    return [f"/scientists/{i}" for i in profiles], [f"/problems/{i}" for i in problems]


def owners_with_problems(db, k=4, per_owner=20):
    """The k owners with the most published problems, and those problems' candidate pages."""
    owners = db.rows(f"""
        select u.email, m.org_id from users u join org_members m on m.user_id = u.id
        join problems p on p.org_id = m.org_id and p.status = 'published'
        where u.role = 'owner' and u.disabled_at is null
        group by 1, 2 order by count(*) desc, 1 limit {k}""")
    out = []
    for email, org_id in owners:
        ids = [r[0] for r in db.rows(
            f"select id from problems where org_id = {int(org_id)} and status = 'published' "
            f"order by md5(id::text) limit {per_owner}")]
        out.append({"email": email, "urls": [f"/problems/{i}/candidates" for i in ids]})
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--base", required=True, help="http://127.0.0.1:PORT")
    args = parser.parse_args()
    db = Database(args.db)
    os.makedirs(args.out, exist_ok=True)

    keywords, english_words, vietnamese_syllables = keyword_candidates(db)
    facets = facet_values(db)
    plan = {"corpora": {}, "files": {}}
    tsv = ["list\turl\tband\tlang\tmatches\tquery\tfacet"]
    for name, corpus in CORPORA.items():
        lines, common, about, summary = plan_corpus(db, corpus, keywords, english_words,
                                                    vietnamese_syllables, facets[name])
        plan["corpora"][name] = summary
        for kind, chosen in (("mix", lines), ("common", common), ("about-100", about)):
            path = os.path.join(args.out, f"{name}-{kind}.urls")
            write_lines(path, args.base, chosen)
            plan["files"][f"{name}-{kind}"] = {"path": path, "lines": len(chosen)}
            for u, band, lang, n, q, facet in chosen:
                tsv.append("\t".join([f"{name}-{kind}", u, band, lang, str(n), q,
                                      "=".join(facet) if facet else ""]))
    with open(os.path.join(args.out, "terms.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(tsv) + "\n")

    profiles, problems = page_lists(db)
    for kind, urls in (("profiles", profiles), ("problems", problems), ("home", ["/"]),
                       ("recommendations", ["/me/recommendations"])):
        path = os.path.join(args.out, f"{kind}.urls")
        write_lines(path, args.base, urls)
        plan["files"][kind] = {"path": path, "lines": len(urls)}
    owners = owners_with_problems(db)
    for i, owner in enumerate(owners, 1):
        path = os.path.join(args.out, f"candidates-{i}.urls")
        write_lines(path, args.base, owner["urls"])
        owner["path"] = path
        owner["lines"] = len(owner.pop("urls"))
    plan["owners"] = owners
    plan["scientists"] = [EMAIL.format(kind="scientist", n=n) for n in range(1, 5)]
    plan["search_viewer"] = EMAIL.format(kind="scientist", n=5)
    with open(os.path.join(args.out, "plan.json"), "w", encoding="utf-8") as f:
        json.dump(plan, f, ensure_ascii=False, indent=1)
    for name, summary in plan["corpora"].items():
        print(f"{name}: {summary['docs']} documents; in band: {summary['in_band']}", file=sys.stderr)


if __name__ == "__main__":
    main()
