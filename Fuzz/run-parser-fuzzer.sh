#!/usr/bin/env bash
# Builds the parser's libFuzzer target (with AddressSanitizer) and runs it for a bounded time.
# usage: Fuzz/run-parser-fuzzer.sh [SECONDS] [WORKDIR]     (default 60 s, ./.build-fuzz)
# Prints libFuzzer's final stats line (executions, coverage) and exits non-zero on a crash; the crashing
# input is left in WORKDIR/crashes/.
set -euo pipefail
seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${2:-$root/.build-fuzz}"
mkdir -p "$work/corpus" "$work/crashes"
cp "$root"/Tests/Fixtures/metrics/*.prom "$work/corpus/" 2>/dev/null || true
printf '# TYPE a counter\na_total{b="c\\\\\\"\\n"} 1 1700000000.5 # {t="x"} 1\n# EOF\n' > "$work/corpus/openmetrics.txt"
printf '{"gpu.memory", "k.8s"="v"} -nan(ind)\n' > "$work/corpus/quoted.txt"
# The parser's declarations have `package` access, which needs a package name even inside one module.
swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name ParserFuzz -package-name infertop \
  "$root"/Sources/Exposition/*.swift "$root/Fuzz/ParserFuzzTarget.swift" -o "$work/parser-fuzzer" \
  2>"$work/build.log" || { cat "$work/build.log" >&2; exit 1; }
set +e
"$work/parser-fuzzer" "$work/corpus" -max_total_time="$seconds" -max_len=4096 -timeout=5 \
  -artifact_prefix="$work/crashes/" -print_final_stats=1 2>"$work/fuzz.log"
status=$?
set -e
grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+.*DONE|cov:" "$work/fuzz.log" | tail -4
if [ "$status" -ne 0 ]; then
  echo "fuzzer found a problem (exit $status); see $work/fuzz.log and $work/crashes/" >&2
  tail -40 "$work/fuzz.log" >&2
  exit 1
fi
echo "fuzzing: no crashes in ${seconds}s"
