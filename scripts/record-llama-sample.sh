#!/usr/bin/env bash
# Records SampleData/llama-cpp.rec: a real llama.cpp llama-server (CPU, a tiny random-weight model) under a
# load that changes in phases, scraped every second by `infertop record`.
# usage: scripts/record-llama-sample.sh INFERTOP [OUT]      e.g. scripts/record-llama-sample.sh .build/debug/infertop
# Needs what scripts/setup.sh --tests installs (the cached llama-server, Python's gguf and numpy). Takes about 3.5 minutes.
#
# Phases (offsets from the recording's start): 0:00 idle · 0:20 two clients · 1:00 six clients on four slots
# (two requests wait) · 1:40 idle · 2:00 the server is stopped (the target goes down) · 2:15 it starts again with
# its counters at zero · 2:30 three clients · 3:00 end.
set -euo pipefail
BIN=$(realpath "$1")
root="$(cd "$(dirname "$0")/.." && pwd)"
OUT=$(realpath -m "${2:-$root/SampleData/llama-cpp.rec}")
server=$("$root/scripts/llama-server.sh" --cached)
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
python3 "$root/Tests/Scripts/make_tiny_gguf.py" "$work/tiny.gguf" --embd 256 --layers 2 --heads 4 --ctx 1024 >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
serve() {
  "$server" -m "$work/tiny.gguf" --alias tiny-random-llama --host 127.0.0.1 --port "$port" --metrics -np 4 \
    -c 4096 -t 1 -tb 1 >>"$work/server.log" 2>&1 &
  server_pid=$!; pids+=("$server_pid")
  for _ in $(seq 600); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && return; sleep 0.1; done
  echo "llama-server did not become healthy; its log:" >&2; tail -20 "$work/server.log" >&2; exit 1
}
load() {   # load CLIENTS SECONDS: concurrent streaming completions for SECONDS, in the background
  python3 "$root/Tests/Scripts/llama_load.py" "http://127.0.0.1:$port" "$work/load-$1-$SECONDS.json" \
    --clients "$1" --duration "$2" >/dev/null 2>&1 &
  pids+=("$!")
}
serve
"$BIN" record --out "$OUT" --duration 180s --interval 1s "http://127.0.0.1:$port/metrics" &
record_pid=$!
start=$SECONDS
at() { while (( SECONDS - start < $1 )); do sleep 0.2; done; }
at 20;  load 2 40
at 60;  load 6 40
at 120; kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
at 135; serve
at 150; load 3 30
wait "$record_pid"
ls -l "$OUT"
