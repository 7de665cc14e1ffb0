#!/usr/bin/env python3
"""Writes the scaling table from the summary.json of each size's run (summarise.py).

    scaling.py OUT.md WORK_DIR…   (smallest size first)

One row per figure, one column per size, then how the figure grew from the first size to the
last (×). The search comparison of issue 7 uses the queries with about the same number of
matches at every size (the "about-100" band: 70–140 matches), run on their own at 100/s, so
what grows is the table, not the work of ranking.
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from summarise import SCENARIOS, ms  # noqa: E402

GROWTH_LIMIT = 1.5  # 1,000,000 profiles: search p99 at most 1.5 × the 100,000 figure


def cell(value, fmt=ms):
    return "–" if value is None else fmt(value)


def growth(values):
    known = [v for v in values if v is not None]
    if len(known) < 2 or not known[0]:
        return "–"
    return f"×{known[-1] / known[0]:.2f}"


def main():
    out, works = sys.argv[1], sys.argv[2:]
    runs = []
    for work in works:
        with open(os.path.join(work, "summary.json"), encoding="utf-8") as f:
            runs.append(json.load(f))
    sizes = [f"{r['scientists']:,} / {r['problems']:,}" for r in runs]
    rows = []

    def row(name, values, fmt=ms):
        rows.append(f"| {name} | " + " | ".join(cell(v, fmt) for v in values) + f" | {growth(values)} |")

    rows.append("| database size | " + " | ".join(r["database_size"] for r in runs) + " | – |")
    row("rows (all tables)", [r["rows"] for r in runs], lambda v: f"{v:,}")
    for key, (what, _) in SCENARIOS.items():
        if not any(key in r["scenarios"] for r in runs):
            continue
        row(f"{what}: p99 ms", [r["scenarios"].get(key, {}).get("p99") for r in runs])
        saturation = [r["scenarios"].get(key, {}).get("saturation") for r in runs]
        if any(saturation):
            row(f"{what}: saturation 200s/s", saturation, lambda v: f"{v:.0f}")
    for corpus in ("board", "directory"):
        band = [r["bands"].get(f"{corpus}/alone/about-100/all", {}) for r in runs]
        row(f"{corpus} search, 70–140 matches: p50 ms", [b.get("p50") for b in band])
        row(f"{corpus} search, 70–140 matches: p99 ms", [b.get("p99") for b in band])
    memory_labels = ("idle (after start)", "after warm-up", "peak (VmHWM at the end)")
    for label in memory_labels:
        row(f"memory {label}, MiB", [r["memory_mb"].get(label) for r in runs])
    row("cold start median, ms", [(r["cold_start"] or {}).get("median_ms") for r in runs])
    row("sign-ins/s at saturation", [(r["sign_in"] or {}).get("per_second") for r in runs], lambda v: f"{v:.1f}")

    lines = ["# Load benchmark: scaling", "",
             f"- date: {runs[-1]['date']}; commit `{runs[-1]['commit']}`; one run per size, each with "
             "its own results file: " + ", ".join(f"`{os.path.basename(r['results'])}`" for r in runs),
             "- the search rows compare queries with about the same number of matches (70–140 "
             "documents for the viewer) at every size: the terms are chosen per size from that "
             "size's own counts (`bench/load/plan.py`), since a term's match count grows with the "
             "table; the request's cost should grow with the matches ranked, not the table.", "",
             "| figure | " + " | ".join(sizes) + " | growth first → last |",
             "| --- | " + " | ".join("---" for _ in sizes) + " | --- |", *rows, ""]
    lines += verdicts(runs)
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(out)


def verdicts(runs):
    """Issue 7's scaling target, when both 100,000 and 1,000,000 are in the table; and memory
    not growing with the data."""
    by_size = {r["scientists"]: r for r in runs}
    lines = []
    if 100_000 in by_size and 1_000_000 in by_size:
        for corpus in ("board", "directory"):
            key = f"{corpus}/alone/about-100/all"
            small = by_size[100_000]["bands"].get(key, {}).get("p99")
            large = by_size[1_000_000]["bands"].get(key, {}).get("p99")
            if small and large:
                ok = large <= GROWTH_LIMIT * small
                lines.append(f"- {corpus} search with 70–140 matches, p99 at 1,000,000 ≤ {GROWTH_LIMIT}× "
                             f"the 100,000 figure: {ms(large)} vs {ms(small)} ms (×{large / small:.2f}): "
                             f"{'**met**' if ok else '**missed**'}")
    peaks = [r["memory_mb"].get("peak (VmHWM at the end)") for r in runs]
    if all(peaks) and len(peaks) > 1:
        lines.append(f"- peak memory from the smallest to the largest size: {ms(peaks[0])} → {ms(peaks[-1])} MiB")
    return lines + ([""] if lines else [])


if __name__ == "__main__":
    main()
