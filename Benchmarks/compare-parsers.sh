#!/usr/bin/env bash
# Parser throughput, side by side in one run: infertop vs Go's expfmt (promtool's parser) vs Python's
# prometheus_client, on generated cluster pages (text 0.0.4 and OpenMetrics) and the real scrapes.
# usage: Benchmarks/compare-parsers.sh [REPEAT]       (needs what `scripts/setup.sh --tests` installs: golang-go,
#        golang-github-prometheus-common-dev, Python's prometheus_client; builds infertop-bench as release.sh does)
# Everything it runs is in the repository: the generator (Tests/Fixtures/bench), Go's expfmt peer
# (Benchmarks/go-expfmt, as scripts/bench.sh builds it) and the prometheus_client peer (Benchmarks/py_parse.py).
set -euo pipefail
repeat="${1:-20}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
generator="$root/Tests/Fixtures/bench/gen_exposition.py"

python3 "$generator" --size 10MB --out "$work/cluster-10MB.prom" >/dev/null
python3 "$generator" --size 10MB --format openmetrics --out "$work/cluster-10MB.om" >/dev/null
python3 "$generator" --size 1MB --out "$work/cluster-1MB.prom" >/dev/null
(cd "$root/Benchmarks/go-expfmt" && GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="$work/gocache" go build -o "$work/go_expfmt_parse" .)
build=(swift build -c release --static-swift-stdlib --scratch-path "${INFERTOP_RELEASE_SCRATCH:-$root/.build-release}")
(cd "$root" && "${build[@]}" --product infertop-bench 2>&1 | tail -1)
bench_binary="$(cd "$root" && "${build[@]}" --show-bin-path)/infertop-bench"

echo "== infertop"
"$bench_binary" parse --repeat "$repeat" --json "$work"/cluster-*.prom "$work/cluster-10MB.om" > "$work/infertop.jsonl"
echo "== go expfmt"
for f in "$work"/cluster-*.prom; do "$work/go_expfmt_parse" "$f" "$repeat"; done > "$work/go.jsonl"
echo "== python prometheus_client"
for f in "$work"/cluster-*.prom; do python3 "$root/Benchmarks/py_parse.py" text "$f" --repeat "$((repeat / 4 + 1))" --json; done > "$work/py.jsonl"

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
