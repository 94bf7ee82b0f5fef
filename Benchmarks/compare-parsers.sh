#!/usr/bin/env bash
# Parser throughput, side by side in one run: infertop vs Go's expfmt (promtool's parser) vs Python's
# prometheus_client, on generated cluster pages (text 0.0.4 and OpenMetrics) and the real scrapes.
# usage: Benchmarks/compare-parsers.sh [REPEAT]       (needs: golang-go golang-github-prometheus-common-dev,
#        pip prometheus_client; builds infertop-bench in release mode)
set -euo pipefail
repeat="${1:-20}"
root="$(cd "$(dirname "$0")/.." && pwd)"
bench="$root/../shared/bench"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

python3 "$bench/gen_exposition.py" --size 10MB --out "$work/cluster-10MB.prom" >/dev/null
python3 "$bench/gen_exposition.py" --size 10MB --format openmetrics --out "$work/cluster-10MB.om" >/dev/null
python3 "$bench/gen_exposition.py" --size 1MB --out "$work/cluster-1MB.prom" >/dev/null
"$bench/build_go_expfmt.sh" "$work/go_expfmt_parse" >/dev/null
(cd "$root" && swift build -c release --product infertop-bench 2>&1 | tail -1)
bench_binary="$root/.build/release/infertop-bench"

echo "== infertop"
"$bench_binary" parse --repeat "$repeat" --json "$work"/cluster-*.prom "$work/cluster-10MB.om" > "$work/infertop.jsonl"
echo "== go expfmt"
for f in "$work"/cluster-*.prom; do "$work/go_expfmt_parse" "$f" "$repeat"; done > "$work/go.jsonl"
echo "== python prometheus_client"
for f in "$work"/cluster-*.prom; do python3 "$bench/py_parse.py" text "$f" --repeat "$((repeat / 4 + 1))" --json; done > "$work/py.jsonl"

python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
def load(name, key):
    rows = [json.loads(l) for l in open(os.path.join(work, name)) if l.strip()]
    return {os.path.basename(r["file"]): r[key] for r in rows}
ours = load("infertop.jsonl", "mbPerSecond")
peak = load("infertop.jsonl", "peakExtraBytes")
size = load("infertop.jsonl", "bytes")
go = load("go.jsonl", "mb_per_s_median")
py = load("py.jsonl", "mb_per_s_median")
print(f"{'file':24} {'infertop MB/s':>14} {'go MB/s':>9} {'python MB/s':>12} {'× go':>6} {'× python':>9} {'extra mem / page':>17}")
for f in sorted(ours):
    g, p = go.get(f), py.get(f)
    fmt = lambda x: f"{x:.1f}" if x else "—"
    ratio = lambda a, b: f"{a / b:.1f}" if b else "—"
    print(f"{f:24} {ours[f]:14.1f} {fmt(g):>9} {fmt(p):>12} {ratio(ours[f], g):>6} {ratio(ours[f], p):>9} {peak[f] / size[f]:16.2f}×")
text, om = ours["cluster-10MB.prom"], ours["cluster-10MB.om"]
print(f"OpenMetrics vs text on the 10 MB page: {text / om:.2f}× slower (target ≤ 1.5)")
print(f"10 MB page vs Go expfmt: {text / go['cluster-10MB.prom']:.1f}× (target ≥ 5)")
PY
