#!/usr/bin/env bash
# The dashboard's CPU on a cluster read over HTTP, beside Prometheus scraping the same targets, in the same window.
# usage: scripts/compare-cpu-prometheus.sh BINARY [SECONDS]
#   e.g. scripts/compare-cpu-prometheus.sh .build-release/release/infertop 30
# A served simulator (`infertop sim --serve`, 8 nodes × 8 GPUs: 46 targets on one loopback address) stands in for
# the cluster. The dashboard (200×50 tmux pane, --interval 1) and a Prometheus server (scrape_interval 1s) both read
# it through the same file_sd listing; once Prometheus reports every target up, both processes' CPU (user+system,
# all threads) is taken over the same window. The simulator's own CPU is in neither. Prints a `RESULT name=scrape …`
# line for scripts/bench.sh. Needs tmux, prometheus and curl (scripts/setup.sh --tests).
set -euo pipefail
. "$(dirname "$0")/cpu-window.sh"
BIN=$(realpath "$1"); SECS=${2:-30}
S=infertop-scrape-$$
T=(tmux -L "$S")
WORK=$(mktemp -d)
SIM_PID= PROM_PID=
cleanup() {
  "${T[@]}" kill-server 2>/dev/null || true
  for pid in $SIM_PID $PROM_PID; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

until_ok() {  # until_ok SECONDS WHAT COMMAND...: polls COMMAND every 0.5 s, fails naming WHAT after SECONDS
  local limit=$1 what=$2; shift 2
  local deadline=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    (( SECONDS < deadline )) || { echo "compare-cpu-prometheus.sh: $what within $limit s" >&2; return 1; }
    sleep 0.5
  done
}

(cd "$WORK" && exec "$BIN" sim --serve 127.0.0.1:0 --sd-file sd.json --nodes 8 --gpus-per-node 8 >sim.log 2>&1) &
SIM_PID=$!
until_ok 30 "the simulator wrote no file_sd listing" test -s "$WORK/sd.json"
targets=$(grep -c '"targets"' "$WORK/sd.json")

"${T[@]}" -f /dev/null new-session -d -s "$S" -x 200 -y 50 \
  "exec env TERM=xterm-256color LANG=C.UTF-8 $(printf '%q ' "$BIN") --file-sd $(printf '%q' "$WORK/sd.json") --interval 1"
DASH=$("${T[@]}" display -p -t "$S" '#{pane_pid}')

cat >"$WORK/prometheus.yml" <<EOF
global:
  scrape_interval: 1s
  scrape_timeout: 1s
scrape_configs:
  - job_name: sim
    file_sd_configs:
      - files: ['$WORK/sd.json']
EOF
prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/tsdb" \
  --web.listen-address=127.0.0.1:0 >"$WORK/prometheus.log" 2>&1 &
PROM_PID=$!
listening() { grep -o 'Listening on.*127\.0\.0\.1:[0-9]*' "$WORK/prometheus.log" | grep -o '[0-9]*$' | head -1; }
until_ok 30 "Prometheus did not start (its log: $WORK/prometheus.log)" listening
port=$(listening)
all_up() {
  curl -sf "http://127.0.0.1:$port/api/v1/query" --data-urlencode 'query=count(up == 1)' \
    | grep -q "\"$targets\"\]"
}
until_ok 60 "Prometheus did not report all $targets targets up" all_up
dash_up() { "${T[@]}" capture-pane -t "$S" -p | grep -qE "targets $targets up"; }
until_ok 60 "the dashboard did not show all $targets targets up" dash_up
sleep 5   # past start-up: both have scraped every target a few times

read -r dcpu pcpu < <(cpu_window "$SECS" "$DASH" "$PROM_PID")
echo "window ${SECS}s, $targets targets of a served simulator (64 GPUs), both at 1 s"
echo "infertop (dashboard, 200x50): CPU ${dcpu}%"
echo "prometheus (scrape and store): CPU ${pcpu}%"
awk -v d="$dcpu" -v p="$pcpu" 'BEGIN { printf "RESULT name=scrape figure=%s unit=%%core reference=%s reference_name=prometheus ratio=%s ratio_better=lower\n", d, p, (p > 0 ? sprintf("%.4f", d / p) : "inf") }'
