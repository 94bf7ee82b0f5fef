#!/usr/bin/env bash
# Runs one benchmark per row of the performance table (README, "Performance"; issue 20), each against a peer
# measured in the same run, or against its goal where no other tool does the same work, and prints the table:
# what, figure, peer, ratio, goal, command. Release build, in .build-release like scripts/release.sh (same flags,
# so CI builds release once). The method, the noise and the profiles: docs/PERFORMANCE.md.
# usage: scripts/bench.sh [--quick] [--check]
#   --quick  fewer rounds, shorter windows and histories (CI): about 2 minutes on 2 cores instead of about 9
#   --check  fail when a ratio is worse than Benchmarks/baseline.tsv records for this mode by more than the
#            run-to-run noise recorded there
# Needs scripts/setup.sh --tests (prometheus, Go's expfmt from Debian, tmux, python3) and btop (the CPU row's peer).
set -euo pipefail
cd "$(dirname "$0")/.."
quick=false
check=false
for arg in "$@"; do
  case "$arg" in
    --quick) quick=true ;;
    --check) check=true ;;
    *) echo "scripts/bench.sh: unknown option '$arg'; usage: scripts/bench.sh [--quick] [--check]" >&2; exit 64 ;;
  esac
done
for tool in prometheus go tmux btop python3 curl; do
  command -v "$tool" >/dev/null || {
    echo "scripts/bench.sh: $tool is not installed; run scripts/setup.sh --tests (btop: apt-get install btop)" >&2; exit 1; }
done
scratch=${INFERTOP_RELEASE_SCRATCH:-.build-release}
build=(swift build -c release --static-swift-stdlib --scratch-path "$scratch")
"${build[@]}" --product infertop-bench 2>&1 | tail -1
"${build[@]}" --product infertop 2>&1 | tail -1
bin=$("${build[@]}" --show-bin-path)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The parser peer: Go's expfmt.TextParser (promtool's), built from Debian's packaged sources, no download.
(cd Benchmarks/go-expfmt && GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="$work/gocache" go build -o "$work/go-expfmt" .)
page="$work/cluster-10MB.prom"
python3 Tests/Fixtures/bench/gen_exposition.py --size 10MB --out "$page" >/dev/null 2>&1

if $quick; then
  mode=quick parse_rounds=3 parse_repeat=5 frames=20 history=120 scrapes=120 cpu_seconds=30 scrape_seconds=20 \
    rec_seconds=600 seeks=100 launches=5
else
  mode=full parse_rounds=5 parse_repeat=10 frames=30 history=900 scrapes=900 cpu_seconds=60 scrape_seconds=60 \
    rec_seconds=3600 seeks=200 launches=10
fi
b="$bin/infertop-bench"
# name | what | goal | command (run from the repository root; $page, $b and $bin as above)
rows=(
  "parse|parse the 10 MB cluster page, against Go's expfmt|≥ 10×|$b parse --peer $work/go-expfmt --rounds $parse_rounds --repeat $parse_repeat $page"
  "frame|derived values per frame, 10 MB cluster (median thread CPU)|≤ 2 ms|$b model --frames $frames --history $history"
  "cpu|dashboard CPU at 1 Hz, 200×50, 64 GPUs, against btop|≤ 0.5×|env HISTORY=no scripts/compare-cpu-btop.sh $bin/infertop $cpu_seconds"
  "scrape|dashboard CPU, 64 GPUs read over HTTP, against Prometheus|≤ 1×|scripts/compare-cpu-prometheus.sh $bin/infertop $scrape_seconds"
  "memory|hold every series of the 10 MB cluster, $scrapes scrapes, against Prometheus|≤ 0.25×|$b memory --scrapes $scrapes"
  "replay|replay: scan $((rec_seconds / 60)) min of a 64-GPU recording|≥ 3,600×|$b recording --seconds $rec_seconds --seeks $seeks"
  "seek|replay: seek to any moment (p99)|≤ 50 ms|(the replay row's run)"
  "first|first frame with data after launch (simulator, 64 GPUs, wall)|≤ 0.1 s|best of $launches: $bin/infertop --frames 1 --size 200x50 --nodes 8 --gpus-per-node 8"
)

# The first frame: the whole process, from exec to a frame with data printed and exit (an upper bound).
first_frame() {
  local best=
  for _ in $(seq "$launches"); do
    local t0 t1
    t0=$(date +%s%N)
    "$bin/infertop" --frames 1 --size 200x50 --nodes 8 --gpus-per-node 8 >/dev/null
    t1=$(date +%s%N)
    best=$(awk -v b="$best" -v t=$(( (t1 - t0) / 1000 )) 'BEGIN { t /= 1e6; print (b == "" || t < b) ? t : b }')
  done
  awk -v s="$best" 'BEGIN { printf "RESULT name=first figure=%.4f unit=s reference=0.1 reference_name=goal ratio=%.4f ratio_better=higher\n", s, 0.1 / s }'
}

echo "scripts/bench.sh: $mode mode, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%S) UTC"
for row in "${rows[@]}"; do
  IFS='|' read -r name what goal command <<<"$row"
  case "$name" in
    seek) continue ;;
    first) first_frame >"$work/$name.log" ;;
    *) eval "$command" >"$work/$name.log" 2>&1 || true ;;  # a missing RESULT is the failure, said below
  esac
  grep '^RESULT ' "$work/$name.log" >>"$work/results" || {
    echo "scripts/bench.sh: the $name row printed no RESULT line; its output:" >&2; cat "$work/$name.log" >&2; exit 1; }
done

# The table names the binaries and the page, not this run's temporary paths.
for row in "${rows[@]}"; do row=${row//$work\//}; echo "${row//$bin\//}"; done >"$work/rows"
awk -v mode="$mode" -v check="$check" -v baseline=Benchmarks/baseline.tsv '
  function field(line, key,    parts, i) {
    n = split(line, parts, " ")
    for (i = 1; i <= n; i++) if (index(parts[i], key "=") == 1) return substr(parts[i], length(key) + 2)
    return ""
  }
  function short(x) { x += 0; return sprintf(x >= 100 ? "%.0f" : x >= 10 ? "%.1f" : x >= 1 ? "%.2f" : "%.3f", x) }
  FILENAME == baseline { if ($1 !~ /^#/ && NF >= 4) { base[$1] = (mode == "quick" ? $2 : $3); noise[$1] = $4 } next }
  FILENAME ~ /results$/ { name = field($0, "name"); result[name] = $0; next }
  {
    split($0, row, "|"); name = row[1]; r = result[name]
    if (r == "") next
    ref = field(r, "reference_name"); ratio = field(r, "ratio") + 0
    if (!header++) printf "%-7s %-66s %-17s %-19s %7s  %-8s %s\n", "row", "what", "figure", "peer", "ratio", "goal", "command"
    figure = sprintf("%s %s", short(field(r, "figure")), field(r, "unit"))
    peer = (ref == "goal") ? "(the goal)" : sprintf("%s %s", short(field(r, "reference")), ref)
    printf "%-7s %-66s %-17s %-19s %6.2f×  %-8s %s\n", name, row[2], figure, peer, ratio, row[3], row[4]
    if (check == "true" && !(name in base)) {
      printf "  FAIL: no %s baseline for %s in %s\n", mode, name, baseline
      failed = 1
    } else if (check == "true") {
      higher = field(r, "ratio_better") == "higher"
      limit = higher ? base[name] * (1 - noise[name]) : base[name] * (1 + noise[name])
      if ((higher && ratio < limit) || (!higher && ratio > limit)) {
        printf "  FAIL: %s ratio %.3f is worse than the %s baseline %s by more than its noise (%d %%): limit %.3f\n",
          name, ratio, mode, base[name], noise[name] * 100, limit
        failed = 1
      }
    }
  }
  END {
    if (check == "true" && !failed) printf "ok: every ratio within its noise of the %s baseline in %s\n", mode, baseline
    exit failed
  }
' Benchmarks/baseline.tsv "$work/results" "$work/rows"
