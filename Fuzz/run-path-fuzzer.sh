#!/usr/bin/env bash
# Builds the whole-path libFuzzer target (bytes → page → store → model → text, JSON, alerts, a screen) with
# AddressSanitizer and runs it for a bounded time or number of runs.
# usage: Fuzz/run-path-fuzzer.sh [SECONDS] [WORKDIR] [RUNS] [JOBS]
#        (default 60 s, ./.build-fuzz-path, no run cap, one job; with JOBS > 1, RUNS and SECONDS are per job)
# FUZZ_SANITIZE=fuzzer leaves AddressSanitizer out (about 2.3× the executions a second) for long runs: the
# Swift code traps on its own on overflow and out-of-bounds access; keep the default for short runs and CI.
# Prints libFuzzer's final stats (executions, coverage) and exits non-zero on a crash; the crashing input is
# left in WORKDIR/crashes/. The corpus is seeded with the real scrapes in Tests/Fixtures/metrics and pages
# with extreme values; it is kept in WORKDIR/corpus between runs.
set -euo pipefail
seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${2:-$root/.build-fuzz-path}"
runs="${3:--1}"
jobs="${4:-1}"
mkdir -p "$work/corpus" "$work/crashes" "$work/modules"
cp "$root"/Tests/Fixtures/metrics/*.prom "$work/corpus/" 2>/dev/null || true
# Extreme values in the gauges and counters each dialect reads, and a counter that jumps between two scrapes.
i=0
for value in +Inf -Inf NaN 1e300 -1e308 1e30 99999999999999999999999 -5 4.05; do
  i=$((i + 1))
  printf '# TYPE vllm:num_requests_running gauge\nvllm:num_requests_running{model_name="m"} %s\nvllm:kv_cache_usage_perc{model_name="m"} %s\nvllm:generation_tokens_total{model_name="m"} 5\n#---\nvllm:num_requests_running{model_name="m"} 1\nvllm:kv_cache_usage_perc{model_name="m"} 0.5\nvllm:generation_tokens_total{model_name="m"} %s\n' \
    "$value" "$value" "$value" > "$work/corpus/extreme-vllm-$i.prom"
  printf 'DCGM_FI_DEV_FB_USED{gpu="0",Hostname="n\xe2\x80\xae1"} %s\nDCGM_FI_DEV_FB_FREE{gpu="0",Hostname="n\xe2\x80\xae1"} 100\nDCGM_FI_DEV_GPU_UTIL{gpu="0",Hostname="\xe6\xa8\xa1\xf0\x9f\x98\x80"} %s\nsglang:num_queue_reqs{model_name="\xf0\x9f\x87\xba\xf0\x9f\x87\xb8"} %s\n' \
    "$value" "$value" "$value" > "$work/corpus/extreme-dcgm-$i.prom"
done
# One package name for every module, as SwiftPM gives them: what crosses modules has `package` access.
flags=(-sanitize="${FUZZ_SANITIZE:-fuzzer,address}" -parse-as-library -O -g -I "$work/modules" -package-name infertop)
build() {   # build MODULE SOURCES...: a static library and its module, instrumented, in dependency order
  local module=$1; shift
  swiftc "${flags[@]}" -emit-library -static -emit-module -module-name "$module" \
    -emit-module-path "$work/modules/$module.swiftmodule" -o "$work/modules/lib$module.a" "$@" \
    -Xcc -fmodule-map-file="$root/Sources/CWidth/include/module.modulemap" -I "$root/Sources/CWidth/include"
}
{
  clang -O1 -g -fsanitize="$(sed "s/fuzzer/fuzzer-no-link/" <<< "${FUZZ_SANITIZE:-fuzzer,address}")" -c "$root/Sources/CWidth/cwidth.c" \
    -I "$root/Sources/CWidth/include" -o "$work/modules/cwidth.o"
  build Formatting "$root"/Sources/Formatting/*.swift
  build Exposition "$root"/Sources/Exposition/*.swift
  build MetricStore $(find "$root/Sources/MetricStore" -name '*.swift')
  build Parallel $(find "$root/Sources/Parallel" -name '*.swift')
  build ClusterModel $(find "$root/Sources/ClusterModel" -name '*.swift')
  build Insights $(find "$root/Sources/Insights" -name '*.swift')
  build Dashboard $(find "$root/Sources/Dashboard" -name '*.swift')
  swiftc "${flags[@]}" -module-name WholePathFuzz "$root/Fuzz/WholePathFuzzTarget.swift" \
    -Xcc -fmodule-map-file="$root/Sources/CWidth/include/module.modulemap" -I "$root/Sources/CWidth/include" \
    "$work/modules/cwidth.o" -L "$work/modules" -lDashboard -lInsights -lClusterModel -lParallel -lMetricStore -lExposition \
    -lFormatting -o "$work/path-fuzzer"
} 2>"$work/build.log" || { cat "$work/build.log" >&2; exit 1; }
options=(-max_total_time="$seconds" -runs="$runs" -max_len=8192 -timeout=10 -rss_limit_mb=4096
         -artifact_prefix="$work/crashes/" -print_final_stats=1)
set +e
if [ "$jobs" -gt 1 ]; then
  # Independent jobs sharing the corpus (each reloads the others' finds); each writes fuzz-N.log in $work, which
  # the parent copies into its own output when the job ends. The parent's status says only that a job stopped
  # (an interrupted one too): a finding is a sanitizer or libFuzzer error in a job's log, or a saved input.
  (cd "$work" && ./path-fuzzer corpus "${options[@]}" -jobs="$jobs" -workers="$jobs" -reload=1 > "$work/fuzz.log" 2>&1)
  findings=$(cat "$work"/fuzz-*.log | grep -c "^==[0-9]*== ERROR\|^SUMMARY: libFuzzer\|deadly signal")
  status=$(( findings + $(find "$work/crashes" -type f | wc -l) ))
  logs=("$work"/fuzz-*.log)
else
  "$work/path-fuzzer" "$work/corpus" "${options[@]}" 2>"$work/fuzz.log"
  status=$?
  logs=("$work/fuzz.log")
fi
set -e
grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+.*DONE|cov:" "$work/fuzz.log" | tail -4
total=$(cat "${logs[@]}" | awk '/^stat::number_of_executed_units/ { s += $2 } END { print s + 0 }')
echo "executions: $total in $jobs job(s)"
if [ "$status" -ne 0 ]; then
  echo "fuzzer found a problem (exit $status); see $work/fuzz.log and $work/crashes/" >&2
  tail -60 "$work/fuzz.log" >&2
  exit 1
fi
echo "whole-path fuzzing: no crashes in ${seconds}s"
