#!/usr/bin/env bash
# Builds the release artifacts into dist/ (or $1):
#   infertop-VERSION-linux-ARCH.tar.gz  the binary, its man page, bash/zsh/fish completions, LICENSE, README, CHANGELOG
#   infertop_VERSION_DEBARCH.deb        the same, installed where Debian looks for them, with its real dependencies
# The binary is a release build with the Swift runtime linked in (--static-swift-stdlib), stripped: it needs only
# the C libraries every Debian has (libc, ncurses, zlib), and its themes are compiled in. The man page and the
# completions are generated from the argument parser by the binary itself. Needs dpkg-dev (scripts/setup.sh --tests).
# Check the result with scripts/check-release.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mkdir -p "${1:-dist}" && cd "${1:-dist}" && pwd)
version=$(sed -n -E 's/^ *([a-z]+ )?static let current = "(.*)"$/\2/p' Sources/CommandSupport/InfertopVersion.swift)
[ -n "$version" ] || { echo "release.sh: no version in Sources/CommandSupport/InfertopVersion.swift" >&2; exit 1; }
arch=$(uname -m)
deb_arch=$(dpkg --print-architecture)
name="infertop-$version-linux-$arch"
# Timestamps in the archives come from the commit, so the same commit gives the same files.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}

# Its own build folder: the flags differ from a plain `swift build -c release`, and a debug build or the tests can
# run in .build meanwhile (SwiftPM locks its build folder).
scratch=${INFERTOP_RELEASE_SCRATCH:-.build-release}
build=(swift build -c release --static-swift-stdlib --scratch-path "$scratch")
start=$(date +%s)
"${build[@]}" --product infertop
echo "release.sh: release build took $(( $(date +%s) - start )) s"
binary=$("${build[@]}" --show-bin-path)/infertop

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
stage="$work/$name"
mkdir -p "$stage/completions"
strip -o "$stage/infertop" "$binary"
"$stage/infertop" --generate-completion-script bash > "$stage/completions/infertop.bash"
"$stage/infertop" --generate-completion-script zsh > "$stage/completions/_infertop"
"$stage/infertop" --generate-completion-script fish > "$stage/completions/infertop.fish"
# The man page comes from swift-argument-parser's generate-manual (the tool behind its `generate-manual` plugin),
# built from the package's own checkout of the parser: the plugin would rebuild infertop without the flags above.
manual=(swift build --package-path "$scratch/checkouts/swift-argument-parser" --scratch-path "$scratch/generate-manual")
"${manual[@]}" --product generate-manual
"$("${manual[@]}" --show-bin-path)/generate-manual" \
  "$stage/infertop" --output-directory "$work" --date "$(date -u -d "@$SOURCE_DATE_EPOCH" +%F)"
mv "$work/infertop.1" "$stage/infertop.1"
cp LICENSE README.md CHANGELOG.md "$stage/"

tarball="$out/$name.tar.gz"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" -C "$work" -cf - "$name" \
  | gzip -n -9 > "$tarball"

# The .deb: the same files where Debian's tools look for them.
root="$work/deb"
install -D -m 755 "$stage/infertop" "$root/usr/bin/infertop"
install -D -m 644 "$stage/completions/infertop.bash" "$root/usr/share/bash-completion/completions/infertop"
install -D -m 644 "$stage/completions/_infertop" "$root/usr/share/zsh/vendor-completions/_infertop"
install -D -m 644 "$stage/completions/infertop.fish" "$root/usr/share/fish/vendor_completions.d/infertop.fish"
install -d "$root/usr/share/man/man1" "$root/usr/share/doc/infertop"
gzip -n -9 -c "$stage/infertop.1" > "$root/usr/share/man/man1/infertop.1.gz"
gzip -n -9 -c CHANGELOG.md > "$root/usr/share/doc/infertop/changelog.gz"
{
  echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
  echo "Upstream-Name: infertop"
  echo ""
  echo "Files: *"
  echo "Copyright: the infertop authors"
  echo "License: Apache-2.0"
  echo " On Debian systems, the full text of the Apache License 2.0 is in /usr/share/common-licenses/Apache-2.0."
} > "$root/usr/share/doc/infertop/copyright"
# The dependencies are read off the binary: the packages that hold the libraries it links, at the lowest
# versions that have the symbols it uses (dpkg-shlibdeps, as Debian's own packages do).
mkdir -p "$work/shlibs/debian"
printf 'Source: infertop\n\nPackage: infertop\nArchitecture: any\n' > "$work/shlibs/debian/control"
depends=$(cd "$work/shlibs" && dpkg-shlibdeps -O "$root/usr/bin/infertop" | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "release.sh: dpkg-shlibdeps found no dependencies" >&2; exit 1; }
mkdir -p "$root/DEBIAN"
cat > "$root/DEBIAN/control" <<CONTROL
Package: infertop
Version: $version
Architecture: $deb_arch
Maintainer: infertop maintainers <infertop@users.noreply.github.com>
Installed-Size: $(du -sk --apparent-size "$root/usr" | cut -f1)
Depends: $depends
Section: admin
Priority: optional
Description: terminal dashboard for LLM inference clusters
 infertop shows, live, per GPU and per engine instance: VRAM, utilization, queue depth,
 batch size, KV-cache use, time to first token and tokens per second, read from vLLM,
 SGLang, TGI, Triton, llama.cpp and DCGM exporter metrics or a Prometheus server. It
 records and replays what it sees, and has a built-in cluster simulator.
CONTROL
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
deb="$out/infertop_${version}_${deb_arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null

echo "release.sh: Depends: $depends"
for file in "$stage/infertop" "$tarball" "$deb"; do
  stat -c '%n %s' "$file" | awk '{ n = split($1, p, "/"); printf "release.sh: %-44s %6.1f MiB (%d bytes)\n", p[n], $2 / 1048576, $2 }'
done
