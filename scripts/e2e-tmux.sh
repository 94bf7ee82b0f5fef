#!/usr/bin/env bash
# End-to-end check of the interactive dashboard in a real terminal (tmux), as a user would drive it.
# usage: scripts/e2e-tmux.sh BINARY [ARGS...]      e.g. scripts/e2e-tmux.sh .build/debug/infertop --seed 7
# Starts BINARY ARGS in a shell inside a private tmux server (160×48), sends ? Esc / T q, resizes the window,
# and checks that the terminal is usable after q, after SIGTERM and after Ctrl-C. Prints "ok: …" per check and
# exits non-zero on the first failure, printing the screen it saw. Screens are kept in $OUT (default a temp dir).
# Then the insight screens on the simulator's failure scenario: Enter on a GPU and on an instance opens their
# screens, Esc returns, and `e` shows the event log once an alert has fired. Then every ending signal while
# recording, and real hang-ups. E2E_PART=basic, insights or signals runs only that part (each has its own test in
# TmuxEndToEndTests).
set -euo pipefail
BIN=$(realpath "$1"); shift
ARGS=("$@")
NAME=$(basename "$BIN" | cut -c1-15)
S=infertop-e2e-$$
OUT=${OUT:-$(mktemp -d)}; mkdir -p "$OUT"
T=(tmux -L "$S")
SERVER_PID=
cleanup() {
  "${T[@]}" kill-server 2>/dev/null || true
  # A server that outlives kill-server (seen under a parent that blocks signals) is ended by its own pid.
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then kill -9 "$SERVER_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT

screen() { "${T[@]}" capture-pane -t "$S" -p; }
fail() { echo "FAIL: $*"; echo "----- screen -----"; screen; exit 1; }
wait_for() {   # wait_for REGEX [SECONDS]: poll the pane until REGEX appears (no fixed sleeps)
  local deadline=$((SECONDS + ${2:-15}))
  until screen | grep -qE -- "$1"; do (( SECONDS < deadline )) || fail "timeout waiting for /$1/"; sleep 0.1; done
}
wait_gone() {
  local deadline=$((SECONDS + ${2:-15}))
  while screen | grep -qE -- "$1"; do (( SECONDS < deadline )) || fail "timeout waiting for /$1/ to go"; sleep 0.1; done
}
keys() { "${T[@]}" send-keys -t "$S" "$@"; }
start() {   # start [ENV=VALUE ...] [-- ARGS...]: runs the dashboard from the shell, which prints its exit status after
  local envs=() args=("${ARGS[@]}")
  while [ $# -gt 0 ] && [ "$1" != -- ]; do envs+=("$1"); shift; done
  if [ "${1:-}" = -- ]; then shift; args=("$@"); fi
  keys "clear; ${envs[*]:-} $(printf '%q ' "$BIN" "${args[@]}"); echo EXIT=\$?" Enter
  wait_for 'engine instances' 30
}
check_shell_sane() {   # the shell answers and the tty is back in canonical mode with echo
  keys "stty -a | tr ' ' '\n' | grep -xE 'icanon|echo' | tr '\n' ' '; echo; echo SANE-\$((6*7))" Enter
  wait_for 'SANE-42'
  screen | grep -q 'icanon echo' || fail "terminal not restored (stty)"
  [ "$("${T[@]}" display -p -t "$S" '#{alternate_on}')" = 0 ] || fail "still on the alternate screen"
}
pid_of_dashboard() { pgrep -P "$("${T[@]}" display -p -t "$S" '#{pane_pid}')" -x "$NAME"; }
check_recording() {   # check_recording FILE WHAT: the recording replays, holds a frame and was closed (no damage)
  "$BIN" replay "$1" --snapshot > "$1.txt" 2>&1 || fail "the recording cut by $2 does not replay"
  grep -q 'GPUs' "$1.txt" || fail "the recording cut by $2 holds no frame"
  grep -qi 'damage\|truncated\|cut' "$1.txt" && fail "the recording cut by $2 was not closed"
  return 0
}

"${T[@]}" -f /dev/null new-session -d -s "$S" -x 160 -y 48 \
  "env -u NO_COLOR TERM=xterm-256color LANG=C.UTF-8 PS1='$ ' bash --norc --noprofile"
SERVER_PID=$("${T[@]}" display -p '#{pid}')
PART=${E2E_PART:-all}
if [ "$PART" = all ] || [ "$PART" = basic ]; then
start
wait_for 'GPUs [1-9]' 60   # the first scrape has arrived
screen > "$OUT/overview.txt"; "${T[@]}" capture-pane -t "$S" -p -e > "$OUT/overview.ansi"
grep -q 'GPUs' "$OUT/overview.txt" && echo "ok: overview drawn"
grep -q '┌' "$OUT/overview.txt" || fail "no Unicode box border"; echo "ok: unicode borders"
grep -q $'\e\[38;5;' "$OUT/overview.ansi" || fail "no 256-colour foreground"; echo "ok: 256-colour theme"
grep -q $'\e\[2J\|\[2J' "$OUT/overview.txt" && fail "an escape sequence from the network reached the screen"
echo "ok: no escape sequences in the pane text"

keys '?';      wait_for 'help — Esc or \? closes'; echo "ok: ? opens the help"
keys Escape;   wait_gone 'help — Esc'; echo "ok: Esc closes it"
keys '/';      keys 'node'; wait_for '/node_'; keys Enter; wait_for 'filter node'; echo "ok: / filters"
keys Escape;   wait_gone 'filter node'; echo "ok: Esc clears the filter"
keys 'T';      wait_for 'targets · [0-9]+ up'; echo "ok: T opens the targets screen"
keys 'T';      wait_for 'engine instances'
"${T[@]}" resize-window -t "$S" -x 50 -y 12; wait_for 'have 50.12'; echo "ok: too-small screen after resize"
"${T[@]}" resize-window -t "$S" -x 160 -y 48; wait_for 'engine instances'; echo "ok: redrawn after resize"
keys 'q';      wait_for 'EXIT=0'; check_shell_sane; echo "ok: q exits 0 and restores the terminal"

start
kill -TERM "$(pid_of_dashboard)"; wait_for 'EXIT=143'; check_shell_sane; echo "ok: SIGTERM exits 143 and restores the terminal"
start
keys C-c;      wait_for 'EXIT=130'; check_shell_sane; echo "ok: Ctrl-C exits 130 and restores the terminal"
# Home, End, PageDown and the arrows under the terminals people run in, each with its own key sequences: a GPU
# list longer than the screen shows where the selection is in its "rows a–b of n" note.
for term in xterm-256color screen-256color tmux-256color; do
  start TERM=$term -- --nodes 16 --gpus-per-node 8
  wait_for 'GPUs 128' 60
  wait_for '1–[0-9]+ of 128'
  keys End;      wait_for '[0-9]+–128 of 128' 5 || fail "End did not reach the last GPU under TERM=$term"
  keys Home;     wait_for '1–[0-9]+ of 128' 5 || fail "Home did not return to the first GPU under TERM=$term"
  keys PageDown; wait_for '([2-9]|[1-9][0-9]+)–[0-9]+ of 128' 5 || fail "PageDown did not page under TERM=$term"
  keys 'q';      wait_for 'EXIT=0'
  echo "ok: Home, End and PageDown work under TERM=$term"
done
start NO_COLOR=1
wait_for 'GPUs [1-9]' 60
"${T[@]}" capture-pane -t "$S" -p -e > "$OUT/no-color.ansi"
grep -q $'\e\[38;5;' "$OUT/no-color.ansi" && fail "NO_COLOR=1 still drew colours"
keys 'q'; wait_for 'EXIT=0'; echo "ok: NO_COLOR=1 draws without colour"

# A target that accepts the connection and never answers: keys must still answer at once. (kill -9: a parent that
# ignores SIGTERM passes that on, and a surviving child keeps the test runner waiting.)
PORT_FILE="$OUT/hang.port"; rm -f "$PORT_FILE"
python3 -c '
import socket, sys, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(16)
open(sys.argv[1], "w").write(str(s.getsockname()[1]))
held = []
while True: held.append(s.accept())
' "$PORT_FILE" & HANG_PID=$!
trap 'kill -9 $HANG_PID 2>/dev/null || true; cleanup' EXIT
for _ in $(seq 50); do [ -s "$PORT_FILE" ] && break; sleep 0.1; done
start -- "http://127.0.0.1:$(cat "$PORT_FILE")/metrics" --interval 1 --timeout 30s
t0=$(date +%s%N); keys '?'; wait_for 'help — Esc or \? closes' 2; t1=$(date +%s%N)
echo "ok: help shown $(( (t1 - t0) / 1000000 )) ms after '?' while the only target hangs"
keys Escape; keys 'q'; wait_for 'EXIT=0'; kill -9 $HANG_PID 2>/dev/null || true
fi

if [ "$PART" = all ] || [ "$PART" = signals ]; then
# Each ending signal while recording: the terminal is restored (normal screen, cursor shown, mouse reporting off)
# and the recording is closed, so it replays to its last scrape with no damage.
for sig in HUP:129 QUIT:131 INT:130 TERM:143; do
  name=${sig%%:*}; status=${sig##*:}; rec="$OUT/signal-$name.rec"; rm -f "$rec"
  start -- "${ARGS[@]}" --record "$rec"
  wait_for 'GPUs [1-9]' 60
  [ "$("${T[@]}" display -p -t "$S" '#{mouse_any_flag}')" = 1 ] || fail "mouse reporting was not on while drawing"
  if [ "$name" = INT ]; then keys C-c; else kill -"$name" "$(pid_of_dashboard)"; fi
  wait_for "EXIT=$status"; check_shell_sane
  [ "$("${T[@]}" display -p -t "$S" '#{cursor_flag}')" = 1 ] || fail "SIG$name left the cursor hidden"
  [ "$("${T[@]}" display -p -t "$S" '#{mouse_any_flag}')" = 0 ] || fail "SIG$name left mouse reporting on"
  check_recording "$rec" "SIG$name"
  echo "ok: SIG$name while recording exits $status, restores the terminal and closes the recording"
done
# A real hang-up: the terminal itself goes away (tmux kills the window, as a dropped ssh session or a closed
# terminal window closes its pty). The window's interactive shell either passes the SIGHUP on to the dashboard, as
# bash does, or ignores it (trap '' HUP), so that only the dead terminal tells the dashboard. Either way it must
# end as a hang-up (129), close its recording and not stay behind. The exit status comes through a file: the
# shell that would print it goes with the window (the `sh -c` that writes it ignores SIGHUP to outlive it).
command=$(printf '%q ' "$BIN" "${ARGS[@]}")
for how in passed ignored; do
  rec="$OUT/hangup-$how.rec"; status="$OUT/hangup-$how.status"; rm -f "$rec" "$status"
  "${T[@]}" new-window -d -t "$S" -n "$how" "env -u NO_COLOR TERM=xterm-256color LANG=C.UTF-8 PS1='$ ' bash --norc --noprofile -i"
  if [ "$how" = ignored ]; then
    "${T[@]}" send-keys -t "$S:$how" "trap '' HUP; $command --record $rec; echo \$? > $status" Enter
  else
    "${T[@]}" send-keys -t "$S:$how" "sh -c 'trap \"\" HUP; $command --record $rec; echo \$? > $status'" Enter
  fi
  deadline=$((SECONDS + 60))
  until "${T[@]}" capture-pane -t "$S:$how" -p | grep -qE 'GPUs [1-9]'; do
    (( SECONDS < deadline )) || fail "the dashboard in window $how did not draw"; sleep 0.1
  done
  dashboard=$(pgrep -f -- "^$BIN .*--record $rec" || true)
  "${T[@]}" kill-window -t "$S:$how"
  deadline=$((SECONDS + 20))
  until [ -s "$status" ]; do
    if (( SECONDS >= deadline )); then
      [ -z "$dashboard" ] || kill -9 $dashboard 2>/dev/null || true   # it outlived its terminal: do not leave it
      fail "no exit within 20 s of a hang-up ($how): still running"
    fi
    sleep 0.1
  done
  [ "$(cat "$status")" = 129 ] || fail "a hang-up ($how) exited $(cat "$status"), expected 129"
  check_recording "$rec" "a hang-up ($how)"
  echo "ok: a hang-up with SIGHUP $how exits 129 and closes the recording"
done
fi

if [ "$PART" = all ] || [ "$PART" = insights ]; then
# The failure scenario crashes an engine at 1:00 of virtual time, which the 60 s warm-up reaches at once: its
# target goes down and the alert fires within a second or two at ×10. A small cluster keeps the debug build light.
start -- --scenario failure --sim-seed 1 --nodes 2 --gpus-per-node 4 --speed 10
wait_for 'GPUs [1-9]' 60
keys Enter;  wait_for 'overview › GPU [^ ]'; screen > "$OUT/insight-gpu.txt"; echo "ok: Enter on a GPU opens its screen"
keys Escape; wait_gone 'overview › GPU'; wait_for 'engine instances'; echo "ok: Esc returns to the overview"
keys Tab; keys Enter; wait_for 'overview › instance [^ ]'; screen > "$OUT/insight-instance.txt"
echo "ok: Enter on an instance opens its screen"
keys Escape; wait_gone 'overview › instance'; wait_for 'engine instances'; echo "ok: Esc returns to the overview"
wait_for '▲ [0-9]+ alerts?:' 60; echo "ok: the failure scenario fired an alert"
keys e;      wait_for 'overview › events'; wait_for 'event log [1-9]'; screen > "$OUT/insight-events.txt"
grep -qE 'ongoing|[0-9]+s ' "$OUT/insight-events.txt" || fail "the event log shows no event with a duration"
echo "ok: e shows the event log with the alert"
keys Escape; wait_gone 'overview › events'; keys 'q'; wait_for 'EXIT=0'; echo "ok: q exits 0 from the insight screens"
fi
echo "all e2e checks passed (screens in $OUT)"
