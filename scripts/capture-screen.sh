#!/usr/bin/env bash
# Prints what the dashboard shows in a real terminal (tmux) of a given size, after it has run for a while: the
# README's screen capture, and a quick look at a screen at several sizes.
# usage: scripts/capture-screen.sh BINARY WIDTHxHEIGHT [SECONDS] [KEYS] [-- ARGS...]
#   e.g. scripts/capture-screen.sh .build/release/infertop 160x40 12
#        scripts/capture-screen.sh .build/debug/infertop 120x40 8 T -- --scenario failure
# SECONDS (default 10) is how long it runs before KEYS (tmux key names, space-separated) are sent; the screen is
# captured a second after them. Exits non-zero if the dashboard never drew a frame.
set -euo pipefail
BIN=$(realpath "$1"); SIZE=$2; WAIT=${3:-10}; KEYS=${4:-}
shift $(( $# < 4 ? $# : 4 ))
[ "${1:-}" = -- ] && shift
S=infertop-capture-$$
T=(tmux -L "$S")
trap '"${T[@]}" kill-server 2>/dev/null || true' EXIT
"${T[@]}" -f /dev/null new-session -d -s "$S" -x "${SIZE%x*}" -y "${SIZE#*x}" \
  "env TERM=xterm-256color LANG=C.UTF-8 $(printf '%q ' "$BIN" "$@"); sleep 600"
deadline=$((SECONDS + 60))
until "${T[@]}" capture-pane -t "$S" -p | grep -q 'GPUs [1-9]\|engine instances [1-9]'; do
  (( SECONDS < deadline )) || { echo "no frame within 60 s:" >&2; "${T[@]}" capture-pane -t "$S" -p >&2; exit 1; }
  sleep 0.2
done
sleep "$WAIT"
for key in $KEYS; do "${T[@]}" send-keys -t "$S" "$key"; done
[ -n "$KEYS" ] && sleep 1
"${T[@]}" capture-pane -t "$S" -p
