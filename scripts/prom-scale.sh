#!/usr/bin/env bash
# Scale benchmark of the query-server path (issue 16), NOT part of the test run: for each cluster size, the
# simulator is served over HTTP, VictoriaMetrics (Debian's victoria-metrics) scrapes every page through the
# simulator's file_sd listing, and then
#   1. `snapshot --prometheus` (one refresh of aggregated queries) is compared with `snapshot --file-sd` (a
#      direct read of the same pages): targets, GPUs, instances, tokens/s and TTFT quantiles;
#   2. the dashboard runs against the server in a 200x50 tmux pane: the time until the header shows every
#      GPU (first full screen), then for WINDOW seconds its CPU and RSS, the server's CPU, and the interval
#      the header shows (`every 1s → Ns (server)` when the server cannot keep up).
# Per refresh it prints queries, answer bytes, the summed query time and the refresh's wall time (from the
# snapshot's JSON `source`).
#
# usage: scripts/prom-scale.sh [BINARY] [GPUS...]      default: .build/release/infertop 512 2048 10000
#   SCRAPE=5s (the server's scrape interval), WINDOW=20 (seconds of dashboard measured)
# CPU-heavy (the simulator serves every page each scrape): run it niced, e.g. `nice scripts/prom-scale.sh`.
set -euo pipefail
BIN=$(realpath "${1:-.build/release/infertop}"); shift || true
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(512 2048 10000)
SCRAPE=${SCRAPE:-5s}
# Sizes above IMPORT_ABOVE GPUs are imported (IMPORT_SCRAPES scrapes, one every 15 s after the first) instead of
# scraped from a live simulator; the comparison with a direct read is then skipped.
IMPORT_ABOVE=${IMPORT_ABOVE:-4096}
IMPORT_SCRAPES=${IMPORT_SCRAPES:-20}
WINDOW=${WINDOW:-20}
VM=${VM:-/usr/bin/victoria-metrics}
[ -x "$VM" ] || { echo "victoria-metrics is missing: apt-get install victoria-metrics (scripts/setup.sh)"; exit 1; }
WORK=$(mktemp -d)
S=infertop-scale-$$
T=(tmux -L "$S")
PIDS=()
cleanup() {
  "${T[@]}" kill-server 2>/dev/null || true
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
rss_kib() { awk -v k="$2" '$1 == k":" { print $2 }' "/proc/$1/status"; }
HZ=$(getconf CLK_TCK)
query() { curl -sf --data-urlencode "query=$2" --data nocache=1 "$1/api/v1/query"; }
# `time` of a command: "wall user system maxrss_kib" into $2, the command's stdout into $1.
timed() { local out=$1 times=$2; shift 2; /usr/bin/time -f '%e %U %S %M' -o "$times" "$@" >"$out" 2>"$out.err" || true; }

printf '%-6s %-7s %-8s %-9s %-8s %-8s %-22s %-22s %-14s %-12s %s\n' GPUs pages queries bytes server_s refresh_s \
  "snapshot wall/CPU/RSS" "dashboard first screen" "dashboard CPU" "RSS MiB" "interval shown"
for gpus in "${SIZES[@]}"; do
  W="$WORK/$gpus"; mkdir -p "$W"
  nodes=$(( (gpus + 7) / 8 ))
  "$BIN" sim --serve 127.0.0.1:0 --sd-file "$W/targets.json" --nodes "$nodes" --gpus-per-node 8 --scenario steady \
    >"$W/sim.log" 2>&1 &
  SIM=$!; PIDS+=("$SIM")
  for _ in $(seq 600); do [ -s "$W/targets.json" ] && break; sleep 0.1; done
  pages=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' "$W/targets.json")
  port=$(free_port); URL="http://127.0.0.1:$port"
  if [ "$gpus" -gt "$IMPORT_ABOVE" ]; then
    # One 2-core machine cannot serve this many pages live: the simulator's run is written to disk, rewritten as
    # the server would have stored it, and imported (scripts/prom-import.py): one scrape to create the series, then one
    # every 15 s while the server answers infertop.
    kill "$SIM"; wait "$SIM" 2>/dev/null || true
    steps=$IMPORT_SCRAPES
    "$BIN" sim --nodes "$nodes" --gpus-per-node 8 --scenario steady --duration "$(( steps * 15 ))s" --interval 15s \
      --out "$W/run/" >"$W/sim.log" 2>&1
    python3 "$(dirname "$0")/prom-import.py" prepare "$W/run" "$W/targets.json" "$W/prepared" >"$W/prepare.log"
    rm -rf "$W/run"
    "$VM" -storageDataPath="$W/vm" -httpListenAddr="127.0.0.1:$port" -loggerLevel=ERROR >"$W/vm.log" 2>&1 &
    VMPID=$!; PIDS+=("$VMPID")
    for _ in $(seq 100); do query "$URL" 'vector(1)' >/dev/null 2>&1 && break; sleep 0.1; done
    python3 "$(dirname "$0")/prom-import.py" send "$W/prepared" "$URL" --step-seconds 15 \
      >"$W/send.log" 2>&1 &
    SIM=$!; PIDS+=("$SIM")
    wanted=$pages
    how="imported, then 1 scrape / 15 s"
  else
    cat >"$W/scrape.yml" <<YML
global: {scrape_interval: $SCRAPE, scrape_timeout: $SCRAPE}
scrape_configs:
  - job_name: sim
    file_sd_configs: [{files: ['$W/targets.json']}]
    relabel_configs: [{source_labels: [sim_target], target_label: instance}]
YML
    "$VM" -storageDataPath="$W/vm" -promscrape.config="$W/scrape.yml" -promscrape.config.strictParse=false \
      -httpListenAddr="127.0.0.1:$port" -loggerLevel=ERROR >"$W/vm.log" 2>&1 &
    VMPID=$!; PIDS+=("$VMPID")
    wanted=$pages
    how="scraped every $SCRAPE"
  fi
  ready=0
  for _ in $(seq 600); do
    n=$(query "$URL" 'count(count_over_time(up[2m]) >= 3 and up == 1)' 2>/dev/null \
      | python3 -c 'import json, sys; r = json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else 0)' 2>/dev/null || echo 0)
    [ "$n" = "$wanted" ] && { ready=1; break; }
    sleep 1
  done
  [ "$ready" = 1 ] || { echo "$gpus GPUs: the server did not hold 3 scrapes of all $pages pages within 600 s ($how)"; continue; }

  if [ "$gpus" -le "$IMPORT_ABOVE" ]; then
    timed "$W/direct.json" "$W/direct.time" "$BIN" snapshot --file-sd "$W/targets.json" --rounds 3 --interval 2s --format json
  fi
  timed "$W/prom.json" "$W/prom.time" "$BIN" snapshot --prometheus "$URL" --format json

  "${T[@]}" -f /dev/null new-session -d -s "s$gpus" -x 200 -y 50 \
    "exec env TERM=xterm-256color LANG=C.UTF-8 $(printf '%q ' "$BIN" --prometheus "$URL")"
  DASH=$("${T[@]}" display -p -t "s$gpus" '#{pane_pid}')
  start=$(date +%s.%N); first="none in 60 s"
  for _ in $(seq 600); do
    if "${T[@]}" capture-pane -t "s$gpus" -p | head -2 | grep -qE "GPUs $gpus( |$)"; then
      first=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f s", b - a }'); break
    fi
    sleep 0.1
  done
  d0=$(ticks "$DASH"); v0=$(ticks "$VMPID"); t0=$(date +%s.%N)
  sleep "$WINDOW"
  d1=$(ticks "$DASH"); v1=$(ticks "$VMPID"); t1=$(date +%s.%N)
  header=$("${T[@]}" capture-pane -t "s$gpus" -p | head -1)
  "${T[@]}" capture-pane -t "s$gpus" -p >"$W/screen.txt"
  shown=$(grep -oE 'every [^ ]+( → [^ ]+ \(server\))?' <<<"$header" || echo '?')
  dcpu=$(awk -v a="$d0" -v b="$d1" -v hz="$HZ" -v t0="$t0" -v t1="$t1" 'BEGIN { printf "%.1f %%", (b - a) / hz / (t1 - t0) * 100 }')
  vcpu=$(awk -v a="$v0" -v b="$v1" -v hz="$HZ" -v t0="$t0" -v t1="$t1" 'BEGIN { printf "%.1f %%", (b - a) / hz / (t1 - t0) * 100 }')
  rss=$(( $(rss_kib "$DASH" VmHWM) / 1024 ))
  "${T[@]}" kill-session -t "s$gpus"

  python3 - "$W" "$gpus" "$pages" "$first" "$dcpu" "$rss" "$shown" "$vcpu" <<'PY'
import json, sys
w, gpus, pages, first, dcpu, rss, shown, vcpu = sys.argv[1:]
def load(name):
    try:
        return json.load(open(f"{w}/{name}.json"))
    except Exception as error:
        print(f"{gpus} GPUs: {name} snapshot unreadable ({error}): {open(f'{w}/{name}.json.err').read()[-400:]}")
        return None
import os
imported = not os.path.exists(f"{w}/direct.time")
prom, direct = load("prom"), None if imported else load("direct")
times = {n: open(f"{w}/{n}.time").read().split() for n in ("prom", "direct") if os.path.exists(f"{w}/{n}.time")}
if prom:
    s = prom["source"]
    wall, user, system, maxrss = times["prom"][-4:]
    print(f'{gpus:<6} {pages:<7} {s["queries"]:<8} {s["bytes"] / 1e6:<9.2f} {s["serverSeconds"]:<8.2f} {s["refreshSeconds"]:<8.2f} '
          f'{wall}s/{float(user) + float(system):.2f}s/{int(maxrss) // 1024}MiB'.ljust(118)
          + f' {first:<22} {dcpu:<14} {rss:<12} {shown}   (server CPU {vcpu})')
if prom and imported:
    pt = prom["totals"]
    print(f'       imported (no direct read): GPUs {pt["gpuCount"]}, instances {pt["instanceCount"]}, '
          f'targets up {sum(1 for t in prom["targets"] if t["up"])}/{pages}, gen tok/s {pt.get("generationTokensPerSecond")}, '
          f'TTFT p50/p95 {pt["ttft"].get("p50")}/{pt["ttft"].get("p95")}; warnings: {s.get("warnings")}')
if prom and direct:
    def up(d): return sum(1 for t in d["targets"] if t["up"])
    def rel(a, b): return "absent" if a is None or b is None else f"{(a - b) / b * 100:+.1f} %" if b else f"{a} vs 0"
    pt, dt = prom["totals"], direct["totals"]
    print(f'       vs direct read: targets up {up(prom)}/{up(direct)}, GPUs {pt["gpuCount"]}/{dt["gpuCount"]}, '
          f'instances {pt["instanceCount"]}/{dt["instanceCount"]}, gen tok/s {rel(pt.get("generationTokensPerSecond"), dt.get("generationTokensPerSecond"))}, '
          f'prompt tok/s {rel(pt.get("promptTokensPerSecond"), dt.get("promptTokensPerSecond"))}, '
          f'TTFT p50 {rel(pt["ttft"].get("p50"), dt["ttft"].get("p50"))}, p95 {rel(pt["ttft"].get("p95"), dt["ttft"].get("p95"))}; '
          f'direct snapshot {times["direct"][-4]}s, {int(times["direct"][-1]) // 1024} MiB; warnings: {s.get("warnings") if prom else ""}')
PY
  kill "$VMPID" "$SIM" 2>/dev/null || true; wait "$VMPID" "$SIM" 2>/dev/null || true
done
