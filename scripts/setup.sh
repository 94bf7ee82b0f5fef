#!/usr/bin/env bash
# Installs what infertop and its tests need on a fresh Debian machine that has the Swift toolchain:
# ncurses (the terminal), zlib (recordings), tmux (end-to-end tests), prometheus + promtool (the real
# peer for rates, quantiles and scraping), openssl (TLS tests), Go's expfmt (parser benchmark peer) and
# Python's prometheus_client (parser and scrape peer). Safe to run again.
set -euo pipefail
need_apt=()
for pkg in libncurses-dev zlib1g-dev tmux prometheus openssl curl python3 python3-pip golang-go golang-github-prometheus-common-dev; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ "${#need_apt[@]}" -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
python3 -c "import prometheus_client" 2>/dev/null || python3 -m pip install -q prometheus_client \
  || python3 -m pip install -q --break-system-packages prometheus_client
