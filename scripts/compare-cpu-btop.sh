#!/usr/bin/env bash
# Measures the live dashboard's CPU and memory beside btop, side by side in the same run, both at 1 Hz in
# 200×50 tmux panes. usage: scripts/compare-cpu-btop.sh BINARY [SECONDS] [DASHBOARD ARGS...]
#   e.g. scripts/compare-cpu-btop.sh .build/release/infertop 60 --nodes 8 --gpus-per-node 8   (64 GPUs)
# Prints CPU % (user+system over the window, all threads) and RSS now/peak for both. Then, since the history
# (15 minutes of frames) is still filling after a minute, runs the dashboard again at 15x virtual speed until
# 15 minutes of history are held, and prints that peak RSS: what a dashboard left running uses. Exits 1 when
# infertop uses more CPU than btop or either peak is above 40 MiB. Needs tmux and btop (Debian packages tmux, btop).
# Also prints a `RESULT name=cpu …` line for scripts/bench.sh. HISTORY=no skips the 15-minute run (and its check).
set -euo pipefail
. "$(dirname "$0")/cpu-window.sh"
BIN=$(realpath "$1"); SECS=${2:-60}; shift; shift || true
ARGS=("$@"); [ ${#ARGS[@]} -gt 0 ] || ARGS=(--nodes 8 --gpus-per-node 8)
S=infertop-cpu-$$
T=(tmux -L "$S")
T2=(tmux -L "$S-full")   # the second run, on its own server
CONF=$(mktemp -d)
SERVER_PID=
cleanup() {
  "${T[@]}" kill-server 2>/dev/null || true
  "${T2[@]}" kill-server 2>/dev/null || true
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then kill -9 "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$CONF"
}
trap cleanup EXIT
mkdir -p "$CONF/btop"
printf 'update_ms = 1000\n' > "$CONF/btop/btop.conf"   # btop at 1 Hz, like the dashboard's 1 s interval

"${T[@]}" -f /dev/null new-session -d -s "$S" -x 200 -y 50 \
  "exec env TERM=xterm-256color LANG=C.UTF-8 $(printf '%q ' "$BIN" "${ARGS[@]}") --interval 1"
SERVER_PID=$("${T[@]}" display -p '#{pid}')
"${T[@]}" new-session -d -s "$S-btop" -x 200 -y 50 "exec env TERM=xterm-256color LANG=C.UTF-8 XDG_CONFIG_HOME=$CONF btop"
DASH=$("${T[@]}" display -p -t "$S" '#{pane_pid}')
BTOP=$("${T[@]}" display -p -t "$S-btop" '#{pane_pid}')

deadline=$((SECONDS + 60))
until "${T[@]}" capture-pane -t "$S" -p | grep -qE 'GPUs [1-9]'; do
  (( SECONDS < deadline )) || { echo "the dashboard showed no GPUs within 60 s"; "${T[@]}" capture-pane -t "$S" -p; exit 1; }
  sleep 0.5
done
sleep 5   # past start-up (first scrapes, allocation of the history)

rss_kib() { awk -v k="$2" '$1 == k":" { print $2 }' "/proc/$1/status"; }
read -r dcpu bcpu < <(cpu_window "$SECS" "$DASH" "$BTOP")
drss=$(rss_kib "$DASH" VmRSS); dpeak=$(rss_kib "$DASH" VmHWM); brss=$(rss_kib "$BTOP" VmRSS)
echo "window ${SECS}s, 200x50 panes, 1 Hz: $(basename "$BIN") ${ARGS[*]}"
echo "infertop: CPU ${dcpu}%  RSS $((drss / 1024)) MiB (peak $((dpeak / 1024)) MiB)"
echo "btop:     CPU ${bcpu}%  RSS $((brss / 1024)) MiB"
awk -v d="$dcpu" -v b="$bcpu" 'BEGIN { printf "RESULT name=cpu figure=%s unit=%%core reference=%s reference_name=btop ratio=%s ratio_better=lower\n", d, b, (b > 0 ? sprintf("%.4f", d / b) : "inf") }'
"${T[@]}" kill-server 2>/dev/null || true

status=0
awk -v d="$dcpu" -v b="$bcpu" 'BEGIN { exit !(d <= b) }' || { echo "FAIL: infertop used more CPU than btop"; status=1; }
[ "$dpeak" -le $((40 * 1024)) ] || { echo "FAIL: infertop peaked above 40 MiB RSS"; status=1; }
[ "${HISTORY:-yes}" != no ] || exit $status

# 15 minutes of history: 60 s of warm-up, then 900 frames at 15x take 60 s; polled until the peak holds.
"${T2[@]}" -f /dev/null new-session -d -s "$S-full" -x 200 -y 50 \
  "exec env TERM=xterm-256color LANG=C.UTF-8 $(printf '%q ' "$BIN" "${ARGS[@]}") --interval 1 --speed 15"
FULL=$("${T2[@]}" display -p -t "$S-full" '#{pane_pid}')
sleep 70
fpeak=$(rss_kib "$FULL" VmHWM)
for _ in 1 2 3 4; do
  sleep 5
  next=$(rss_kib "$FULL" VmHWM)
  [ "$next" -gt "$fpeak" ] || break
  fpeak=$next
done
echo "infertop with 15 min of history: RSS peak $((fpeak / 1024)) MiB"
[ "$fpeak" -le $((40 * 1024)) ] || { echo "FAIL: infertop with 15 min of history peaked above 40 MiB RSS"; status=1; }
[ $status = 0 ] && echo "ok: no more CPU than btop, under 40 MiB"
exit $status
