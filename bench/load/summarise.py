#!/usr/bin/env python3
"""Writes the results file of one load-benchmark run from its work directory.

    summarise.py WORK_DIR RESULTS.md

The work directory (made by bench/run.sh) holds: info.tsv (key, value: sizes, commit, tool,
settings), runs.tsv (one line per load-generator run: scenario, mode, offered rate, output
prefixes), memory.tsv (label, VmRSS in kB), cold.json and signin.json (probe.py), plan/ (the
URL lists, terms.tsv and plan.json of plan.py) and the generator's outputs: PREFIX.json
(oha's --output-format json, or wrk.lua's) and, with oha, PREFIX.db (one row per request, from
--db-url), from which the latencies are computed, per search band too. Latencies with a fixed
offered rate are corrected for coordinated omission: measured from when each request was due.
A summary.json beside the work files feeds the scaling table (scaling.py).
"""

import json
import os
import platform
import sqlite3
import subprocess
import sys
from urllib.parse import unquote, urlsplit

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pg import Database  # noqa: E402

# key: (what, p99 target in ms or None)
SCENARIOS = {
    "home": ("home page `/` (anonymous)", None),
    "board-mix": ("problem board `/problems`, search mix", 50),
    "board-common": ("problem board, very common terms only", 100),
    "board-about-100": ("problem board, terms with 70–140 matches", None),
    "directory-mix": ("scientist directory `/scientists`, search mix", 50),
    "directory-common": ("scientist directory, very common terms only", 100),
    "directory-about-100": ("scientist directory, terms with 70–140 matches", None),
    "profile": ("profile page `/scientists/{id}` (200 ids)", 10),
    "problem": ("problem page `/problems/{id}` (200 ids)", 10),
    "candidates": ("candidates `/problems/{id}/candidates` (owners' problems)", 50),
    "recommendations": ("recommendations `/me/recommendations` (several scientists)", 50),
}
MEMORY_IDLE_MB, MEMORY_PEAK_MB, COLD_START_MS = 50, 150, 150


def read_tsv(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def percentile(values, p):
    """Nearest-rank percentile of a sorted list."""
    if not values:
        return None
    rank = max(1, -(-len(values) * p // 100))
    return values[int(min(rank, len(values))) - 1]


def path_of(url):
    parts = urlsplit(url)
    return unquote(parts.path + ("?" + parts.query if parts.query else ""))


def load_requests(prefixes):
    """(path, status, seconds) of every answered request of the runs' sqlite files."""
    rows = []
    for prefix in prefixes:
        db = prefix + ".db"
        if not os.path.exists(db):
            continue
        with sqlite3.connect(db) as conn:
            rows += [(path_of(u), s, d) for u, s, d in conn.execute("select url, status, duration from oha")]
    return rows


def generator_totals(prefixes):
    """Requests per second, transport errors and the tool's own latencies, summed/maxed over
    runs that went side by side."""
    rps, errors, own = 0.0, 0, []
    for prefix in prefixes:
        with open(prefix + ".json", encoding="utf-8") as f:
            data = json.load(f)
        if data.get("tool") == "wrk":
            rps += data["requests_per_sec"]
            errors += data["errors"]
            own.append(data)
        else:
            rps += data["summary"]["requestsPerSec"]
            errors += sum(data.get("errorDistribution", {}).values())
            own.append(data)
    return rps, errors, own


def figures(prefixes):
    """The row of one scenario run: achieved rate, latency percentiles (ms), failures."""
    rps, errors, own = generator_totals(prefixes)
    requests = load_requests(prefixes)
    if requests:
        latencies = sorted(d * 1000 for _, _, d in requests)
        non_200 = sum(1 for _, s, _ in requests if s != 200)
        total = len(requests) + errors
        p = {k: percentile(latencies, q) for k, q in (("p50", 50), ("p95", 95), ("p99", 99))}
        p["max"] = latencies[-1]
    elif own and own[0].get("tool") == "wrk":
        # wrk's own percentiles; of runs side by side, the worst (they cannot be merged).
        p = {k: max(data["latency_ms"][k] for data in own) for k in ("p50", "p95", "p99", "max")}
        non_200 = sum(data["non_2xx"] for data in own)
        total = sum(data["requests"] for data in own) + errors
    else:  # not one request answered
        p = {"p50": None, "p95": None, "p99": None, "max": None}
        non_200, total = 0, errors
    ok_rps = rps * (total - non_200 - errors) / total if total else 0
    statuses = {}
    for _, status, _ in requests:
        if status != 200:
            statuses[status] = statuses.get(status, 0) + 1
    described = [f"{status}×{n}" for status, n in sorted(statuses.items())]
    if errors:
        described.append(f"transport errors×{errors}")
    return {"rps": rps, "ok_rps": ok_rps, "errors": errors, "non_200": non_200, "total": total,
            **p, "requests": requests, "statuses": ", ".join(described)}


def ms(value):
    if value is None:
        return "–"
    return f"{value:.1f}" if value < 100 else f"{value:.0f}"


def verdict(ok):
    return "**met**" if ok else "**missed**"


def machine():
    model = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kb = int(f.readline().split()[1])
    return f"{os.cpu_count()} cores ({model}), {mem_kb / 1024 / 1024:.1f} GiB RAM, Linux {platform.release()}"


def data_size(db):
    counts = db.rows("""
        select 'users', count(*) from users union all
        select 'scientist_profiles', count(*) from scientist_profiles union all
        select 'organisations', count(*) from organisations union all
        select 'problems', count(*) from problems union all
        select 'published problems', count(*) from problems where status = 'published' union all
        select 'matches', count(*) from matches""")
    total = db.value("select sum(n_live_tup) from pg_stat_user_tables")
    size = db.value("select pg_size_pretty(pg_database_size(current_database()))")
    return {k: int(v) for k, v in counts}, int(total or 0), size


def main():
    work, out = sys.argv[1], sys.argv[2]
    info = dict(read_tsv(os.path.join(work, "info.tsv")))
    runs = read_tsv(os.path.join(work, "runs.tsv"))
    memory = read_tsv(os.path.join(work, "memory.tsv"))
    plan_dir = os.path.join(work, "plan")
    with open(os.path.join(plan_dir, "plan.json"), encoding="utf-8") as f:
        plan = json.load(f)
    db = Database(info["database"])
    counts, all_rows, size = data_size(db)
    pg_version = db.value("show server_version")

    # Scenario rows: the rate run and the saturation run side by side.
    by_scenario = {}
    for scenario, mode, offered, prefixes in runs:
        by_scenario.setdefault(scenario, {})[mode] = (offered, figures(prefixes.split(",")))
    rows, summary_rows = [], {}
    for key, (what, target) in SCENARIOS.items():
        if key not in by_scenario:
            continue
        modes = by_scenario[key]
        sat = modes.get("saturation")
        sat_text = f"{sat[1]['ok_rps']:.0f}" if sat else "–"
        if "rate" not in modes:
            continue
        offered, f = modes["rate"]
        closed_loop = info["tool"].startswith("wrk")  # the fallback has no fixed rate
        offered_text = "closed loop" if closed_loop else f"{float(offered):.0f}/s"
        failures = f["errors"] + f["non_200"]
        failure_text = f"{failures} of {f['total']}" + (f" ({f['statuses']})" if failures else "")
        met = None
        if target is not None:
            met = (f["p99"] is not None and f["p99"] <= target and failures == 0
                   and (closed_loop or f["rps"] >= 0.95 * float(offered)))
        target_text = f"p99 ≤ {target} ms: {verdict(met)}" if target is not None else "–"
        rows.append(f"| {what} | {offered_text} | {f['rps']:.1f}/s | {ms(f['p50'])} | {ms(f['p95'])} "
                    f"| {ms(f['p99'])} | {ms(f['max'])} | {failure_text} | {sat_text} | {target_text} |")
        summary_rows[key] = {k: f[k] for k in ("rps", "p50", "p95", "p99", "max", "errors", "non_200", "total")}
        summary_rows[key].update(offered=float(offered), saturation=sat[1]["ok_rps"] if sat else None,
                                 target=target, met=met)

    bands = band_rows(plan_dir, by_scenario)
    mem = {label: int(kb) / 1024 for label, kb in memory}
    cold = json.load(open(os.path.join(work, "cold.json"))) if os.path.exists(os.path.join(work, "cold.json")) else None
    sign_in = json.load(open(os.path.join(work, "signin.json"))) if os.path.exists(os.path.join(work, "signin.json")) else None

    lines = [f"# Load benchmark: {int(info['scientists']):,} scientists / {int(info['problems']):,} problems", ""]
    lines += [
        f"- date: {info['date']}; commit `{info['commit']}`; command: `{info['command']}`",
        f"- machine: {machine()}; load average {info.get('load_before', '?')} before the run and "
        f"{info.get('load_after', '?')} after it (other jobs share the machine)",
        f"- PostgreSQL {pg_version} on the same machine; database `{info['database']}`: {size}, "
        f"{all_rows:,} rows in all tables ({', '.join(f'{k} {v:,}' for k, v in counts.items())})",
        f"- server: release build ({info.get('binary', '?')}), `LOG=warn`, `TRUST_PROXY_HEADERS=true`, `EXPENSIVE_PER_CLIENT={info['per_client']}` "
        f"(one load generator is not one client), `EXPENSIVE_CONCURRENCY` {info['concurrency']}",
        f"- load generator: {info['tool']} on the same 2 cores; each scenario: a closed-loop saturation run "
        f"({info['saturation']}), then {info['duration']} s {info['rate_runs']}. Search, pages and "
        "recommendations are signed in as bench scientists, candidates as the problems' owners, the home "
        "page anonymous.",
        "",
        "| scenario | offered | achieved | p50 ms | p95 ms | p99 ms | max ms | errors or non-200 | saturation (200s/s) | target |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        *rows,
        "",
        "A target is met when p99 is within it, no request failed and (with a fixed offered rate) "
        "95 % of that rate was achieved." + ("" if info["tool"].startswith("wrk") else
        " Profile and problem pages (and the home page) are offered half their measured saturation "
        "rate; searches 100/s; candidates and recommendations 50/s in all."),
        "",
    ]
    lines += memory_section(mem)
    lines += cold_section(cold)
    lines += sign_in_section(sign_in)
    lines += bands
    lines += terms_section(plan)
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")

    summary = {"scientists": int(info["scientists"]), "problems": int(info["problems"]),
               "database_size": size, "rows": all_rows, "scenarios": summary_rows, "memory_mb": mem,
               "cold_start": cold, "sign_in": sign_in, "bands": BAND_SUMMARY, "date": info["date"],
               "commit": info["commit"], "results": out}
    with open(os.path.join(work, "summary.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, ensure_ascii=False, indent=1)
    print(out)


def memory_section(mem):
    if not mem:
        return []
    idle = mem.get("idle (after start)")
    peak = mem.get("peak (VmHWM at the end)")
    peak_pages = mem.get("peak before sign-in (VmHWM)")
    lines = ["## Server memory", "", "VmRSS from `/proc/PID/status` (VmHWM for the peaks).", "",
             "| when | resident (MiB) |", "| --- | --- |"]
    lines += [f"| {label} | {value:.1f} |" for label, value in mem.items()]
    lines += [""]
    if idle is not None and peak is not None:
        text = (f"Targets: idle ≤ {MEMORY_IDLE_MB} MB: {verdict(idle <= MEMORY_IDLE_MB)} ({idle:.1f}); "
                f"peak ≤ {MEMORY_PEAK_MB} MB: {verdict(peak <= MEMORY_PEAK_MB)} ({peak:.1f}, the sign-in "
                "scenario included")
        if peak_pages is not None:
            text += f"; {peak_pages:.1f} before it: {verdict(peak_pages <= MEMORY_PEAK_MB)}"
        lines += [text + ").", ""]
    return lines


def cold_section(cold):
    if not cold:
        return []
    return ["## Cold start", "",
            f"Exec of `knowbridge serve` (database already migrated) to the first 200 of `/`, polled "
            f"every 2 ms, {len(cold['runs_ms'])} runs: {', '.join(ms(v) for v in cold['runs_ms'])} ms; "
            f"median **{ms(cold['median_ms'])} ms**, max {ms(cold['max_ms'])} ms. "
            f"Target ≤ {COLD_START_MS} ms (median): {verdict(cold['median_ms'] <= COLD_START_MS)}.", ""]


def sign_in_section(s):
    if not s:
        return []
    other = ", ".join(f"{k}×{v}" for k, v in s["other_status"].items()) or "none"
    return ["## Sign-in (argon2id, m=19 MiB, t=2)", "",
            f"One at a time on the idle server: {ms(s['idle_ms'])} ms (median of 5). At saturation "
            f"({s['workers']} clients back to back for {s['seconds']} s, each attempt a fresh visitor "
            f"with its own account and X-Forwarded-For address): **{s['per_second']} sign-ins/s**, "
            f"POST latency p50 {ms(s['p50_ms'])}, p95 {ms(s['p95_ms'])}, p99 {ms(s['p99_ms'])}, "
            f"max {ms(s['max_ms'])} ms; {s['signed_in']} of {s['attempts']} signed in (other answers: {other}). "
            "Bounded by the two cores: every sign-in costs one hash.", ""]


BAND_SUMMARY = {}


def band_rows(plan_dir, by_scenario):
    """p50/p99 of the search runs by band and language of the query (from the per-request data)."""
    terms = {}
    for row in read_tsv(os.path.join(plan_dir, "terms.tsv"))[1:]:
        listed, url, band, lang, matches = row[:5]
        terms[(listed, path_of(url))] = (band, lang, int(matches))
    lines = []
    for corpus in ("board", "directory"):
        groups = {}
        for scenario in (f"{corpus}-mix", f"{corpus}-common", f"{corpus}-about-100"):
            if "rate" not in by_scenario.get(scenario, {}):
                continue
            source = "mix" if scenario.endswith("mix") else "alone"
            for path, status, seconds in by_scenario[scenario]["rate"][1]["requests"]:
                band, lang, matches = terms.get((scenario, path), ("?", "?", 0))
                for key in ((source, band, "all"), (source, band, lang)):
                    groups.setdefault(key, []).append((seconds * 1000, matches, status))
        if not groups:
            continue
        if not lines:
            lines = ["## Search by band", "",
                     "Each search request's band and language (see *Search terms* below); "
                     "\"mix\" rows come from the 100/s mix run, \"alone\" rows from the run of "
                     "that band alone. Latencies include the requests that were not answered 200.", "",
                     "| corpus | run | band | language | requests | non-200 | matches | p50 ms | p99 ms | max ms |",
                     "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        order = {"rare": 0, "mid": 1, "two": 2, "common": 3, "about-100": 4, "?": 5}
        for (source, band, lang), values in sorted(
                groups.items(), key=lambda kv: (kv[0][0] != "mix", order.get(kv[0][1], 9), kv[0][2] != "all", kv[0][2])):
            latencies = sorted(v for v, _, _ in values)
            matches = sorted(m for _, m, _ in values)
            failed = sum(1 for _, _, s in values if s != 200)
            lines.append(f"| {corpus} | {source} | {band} | {lang} | {len(values)} | {failed} "
                         f"| {matches[0]}–{matches[-1]} | {ms(percentile(latencies, 50))} "
                         f"| {ms(percentile(latencies, 99))} | {ms(latencies[-1])} |")
            BAND_SUMMARY[f"{corpus}/{source}/{band}/{lang}"] = {
                "requests": len(values), "p50": percentile(latencies, 50), "p99": percentile(latencies, 99),
                "matches": [matches[0], matches[-1]]}
    return lines + ([""] if lines else [])


def terms_section(plan):
    lines = ["## Search terms", "",
             "Chosen by `bench/load/plan.py` from the seeded data by how many documents each "
             "query really matches for the viewer (a verified scientist), counted with the "
             "server's tsquery: keyword phrases of profiles and problems as written (Vietnamese "
             "with diacritics, Japanese, English), sampled across every frequency and language, "
             "plus the corpus's most common English words and kanji bigrams "
             "(`pg_stats.most_common_elems` of `search_doc`); \"two terms\" are two keyword phrases "
             "of one document. The mix: 35 rare + 35 mid single terms (every third with a facet), "
             "20 two-term queries, 10 very common terms, the three languages in turn.", "",
             "| corpus | documents visible | rare | mid | common | about-100 | candidates counted |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for name, c in plan["corpora"].items():
        t = c["thresholds"]
        lines.append(f"| {name} | {c['docs']:,} | 1–{t['rare'][1]:.0f} ({c['in_band']['rare']}) "
                     f"| {t['mid'][0]:.0f}–{t['mid'][1]:.0f} ({c['in_band']['mid']}) "
                     f"| ≥ {t['common'][0]:.0f} ({c['in_band']['common']}) "
                     f"| 70–140 ({c['in_band']['about-100']}) | {c['candidates_counted']} |")
    lines += ["", "Bands: rare < 0.5 % of the visible documents, mid 0.5–5 %, common ≥ 10 %, about-100 "
              "70–140 matches at every size (in brackets: candidates found in the band). The URL "
              "lists and each line's band, language and match count are in the run's work "
              "directory (`plan/terms.tsv`).", ""]
    return lines


if __name__ == "__main__":
    main()
