#!/usr/bin/env bash
# Installs what infertop needs on a fresh Debian machine that has the Swift toolchain: ncurses (the terminal)
# and zlib (recordings). With --tests, also what its tests use: tmux (end-to-end tests), prometheus + promtool
# (the real peer for rates, quantiles and scraping), victoria-metrics (the other query server, with its own
# latency offset and series limits), openssl (TLS tests), Go's expfmt (parser benchmark peer), btop (the CPU
# benchmark's peer, scripts/bench.sh),
# Python's prometheus_client (parser and scrape peer), and a llama.cpp `llama-server` for CPU (the real engine
# peer: cmake and a C++ compiler build it once into a cache outside the checkout, 10-15 minutes on 2 cores;
# Python's gguf and numpy make its tiny test models), and dpkg-dev (dpkg-shlibdeps, for scripts/release.sh,
# which CI runs). Safe to run again: a warm run only checks.
# usage: scripts/setup.sh [--tests]
set -euo pipefail
cd "$(dirname "$0")/.."
tests=false
case "${1:-}" in
  --tests) tests=true ;;
  "") ;;
  *) echo "scripts/setup.sh: unknown option '$1'; usage: scripts/setup.sh [--tests]" >&2; exit 64 ;;
esac
packages=(libncurses-dev zlib1g-dev)
$tests && packages+=(tmux btop prometheus victoria-metrics openssl curl python3 python3-pip python3-venv golang-go
                     golang-github-prometheus-common-dev cmake build-essential dpkg-dev)
need_apt=()
for pkg in "${packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ "${#need_apt[@]}" -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
$tests || exit 0
# Debian's own python3 refuses `pip install` outside a venv (PEP 668) unless told otherwise.
pip_install() { python3 -m pip install -q "$@" || python3 -m pip install -q --break-system-packages "$@"; }
python3 -c "import prometheus_client" 2>/dev/null || pip_install prometheus_client
python3 -c "import gguf, numpy" 2>/dev/null || pip_install gguf numpy
scripts/llama-server.sh >/dev/null
