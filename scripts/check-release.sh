#!/usr/bin/env bash
# Checks the artifacts of scripts/release.sh (in dist/ or $1) the way a user without Swift meets them: the
# tarball extracted into an empty folder, run from / with an empty HOME, no toolchain on PATH and no library
# path; the .deb installed with dpkg (for real when run as root, as CI is; else extracted into a scratch root).
set -euo pipefail
dist=$(cd "${1:-dist}" && pwd)
fail() { echo "check-release.sh: FAIL: $*" >&2; exit 1; }
say() { echo "check-release.sh: $*"; }
shopt -s nullglob
tarballs=("$dist"/infertop-*-linux-*.tar.gz)
debs=("$dist"/infertop_*.deb)
[ "${#tarballs[@]}" -eq 1 ] || fail "expected one infertop-*-linux-*.tar.gz in $dist, found ${#tarballs[@]}"
[ "${#debs[@]}" -eq 1 ] || fail "expected one infertop_*.deb in $dist, found ${#debs[@]}"
scratch=$(mktemp -d)
socket="infertop-check-$$"
cleanup() { tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$scratch"; }
trap cleanup EXIT
home="$scratch/home"
mkdir -p "$home" "$scratch/extracted"
tar -xzf "${tarballs[0]}" -C "$scratch/extracted"
folder=$(echo "$scratch"/extracted/infertop-*)
for file in infertop infertop.1 completions/infertop.bash completions/_infertop completions/infertop.fish \
            LICENSE README.md CHANGELOG.md; do
  [ -s "$folder/$file" ] || fail "the tarball has no $file"
done
binary="$folder/infertop"

# A user's environment: nothing of the toolchain's, and not the folder the binary is in.
run() { (cd / && env -i HOME="$home" PATH=/usr/local/bin:/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 "$@"); }

libraries=$(env -i ldd "$binary")
if grep -q -i swift <<< "$libraries"; then fail "the binary needs Swift's libraries: $libraries"; fi
if grep -q "not found" <<< "$libraries"; then fail "the binary needs libraries that are missing: $libraries"; fi
say "links only: $(awk '/=>/ { print $1 }' <<< "$libraries" | tr '\n' ' ')"

# The benchmarks (infertop-bench) and the loopback servers and peer processes they and the tests run (the Harness
# module) stay out of what users get: a type's name stays in a stripped binary's reflection metadata.
for name in BenchCommand LoopbackPageServer PrometheusProcess VictoriaMetricsProcess SyntheticPage; do
  if grep -q -a "$name" "$binary"; then fail "the binary holds benchmark or test harness code ($name)"; fi
done
say "holds no benchmark or test harness code"

version=$(run "$binary" --version)
[[ "$version" =~ ^infertop\ [0-9]+\.[0-9]+\.[0-9]+\ \(commit\ ([0-9a-f]{12}(-dirty)?|unknown)\)$ ]] \
  || fail "--version printed '$version'"
say "--version: $version"

themes=$(run "$binary" --list-themes)
for theme in dark light high-contrast nord gruvbox ansi16 mono; do
  grep -q "^$theme  *built in$" <<< "$themes" || fail "--list-themes has no built-in $theme: $themes"
done
say "--list-themes: $(wc -l <<< "$themes") themes, all built in"

snapshot=$(run "$binary" snapshot --sim)
grep -q "GPUs" <<< "$snapshot" || fail "snapshot --sim printed no GPUs: $snapshot"
json=$(run "$binary" snapshot --sim --format json)
python3 -c 'import json, sys; json.loads(sys.stdin.read())' <<< "$json" || fail "snapshot --format json is not JSON"
frame=$(run "$binary" --frames 1 --size 120x40 --theme nord)
grep -q "GPUs" <<< "$frame" || fail "--frames 1 printed no GPUs: $frame"
say "snapshot --sim, snapshot --sim --format json and --frames 1 --theme nord ran from / with an empty HOME"

bash -n "$folder/completions/infertop.bash" || fail "the bash completion script does not parse"
grep -q "^complete .*-F .* infertop$" "$folder/completions/infertop.bash" || fail "the bash completion registers nothing"
grep -q "^#compdef infertop" "$folder/completions/_infertop" || fail "the zsh completion has no #compdef line"
grep -q "^complete -c '\?infertop" "$folder/completions/infertop.fish" || fail "the fish completion completes nothing"
grep -q "^\.Dt INFERTOP 1" "$folder/infertop.1" || fail "infertop.1 is no section-1 manual page"
grep -q -- "--list-themes" "$folder/infertop.1" || fail "infertop.1 does not describe --list-themes"
say "completions (bash, zsh, fish) and the man page are in place"

# The screen, in a real terminal: colour on the first frame, and another theme's colours after `t`.
if command -v tmux > /dev/null; then
  tmux -L "$socket" -f /dev/null new-session -d -x 120 -y 40 \
    "cd / && env -i HOME='$home' PATH=/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 '$binary'"
  colours() { tmux -L "$socket" capture-pane -p -e | grep -o $'\e\\[[0-9;]*m' | sort -u; }
  wait_for() {
    for _ in $(seq 1 300); do
      if tmux -L "$socket" capture-pane -p | grep -q "$1"; then return 0; fi
      sleep 0.1
    done
    fail "the dashboard never showed '$1': $(tmux -L "$socket" capture-pane -p)"
  }
  wait_for "GPUs"
  before=$(colours)
  grep -q $'38;5;' <<< "$before" || fail "the first screen has no 256-colour foregrounds: $before"
  tmux -L "$socket" send-keys t
  for _ in $(seq 1 300); do
    after=$(colours)
    [ "$after" != "$before" ] && break
    sleep 0.1
  done
  [ "$after" != "$before" ] || fail "t did not change the colours"
  tmux -L "$socket" send-keys q
  say "in tmux from /: the dashboard shows colour ($(wc -l <<< "$before") distinct styles) and t changes theme"
else
  say "tmux not installed: the colour check was skipped"
fi

# The .deb: declared dependencies, paths, and the installed binary.
control=$(dpkg-deb --field "${debs[0]}" Depends)
grep -q "libncursesw6" <<< "$control" || fail "the .deb does not depend on libncursesw6: $control"
grep -q "libc6 (>= " <<< "$control" || fail "the .deb does not name its libc6 version: $control"
paths=$(dpkg-deb --contents "${debs[0]}" | awk '{ print $6 }')
for path in ./usr/bin/infertop ./usr/share/man/man1/infertop.1.gz ./usr/share/bash-completion/completions/infertop \
            ./usr/share/zsh/vendor-completions/_infertop ./usr/share/fish/vendor_completions.d/infertop.fish \
            ./usr/share/doc/infertop/copyright; do
  grep -q "^$path$" <<< "$paths" || fail "the .deb has no $path"
done
if [ "$(id -u)" -eq 0 ] && ! dpkg -s infertop > /dev/null 2>&1; then
  dpkg -i "${debs[0]}" > /dev/null
  installed=$(run /usr/bin/infertop --version)
  # Captured first: grep -q leaves at its first match, and under pipefail the writer's broken pipe would fail.
  snapshot=$(run /usr/bin/infertop snapshot --sim)
  grep -q "GPUs" <<< "$snapshot" || fail "the installed infertop's snapshot printed no GPUs: $snapshot"
  dpkg -r infertop > /dev/null
  [ ! -e /usr/bin/infertop ] || fail "dpkg -r left /usr/bin/infertop"
  say "dpkg -i installed it (Depends: $control), /usr/bin/infertop ran ($installed), dpkg -r removed it"
else
  dpkg-deb -x "${debs[0]}" "$scratch/root"
  snapshot=$(run "$scratch/root/usr/bin/infertop" snapshot --sim)
  grep -q "GPUs" <<< "$snapshot" || fail "the .deb's infertop printed no GPUs: $snapshot"
  say "the .deb extracted into a scratch root runs (Depends: $control); not installed: not root, or infertop already installed"
fi
say "all checks passed"
