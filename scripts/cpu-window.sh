# Sourced by the compare-cpu-*.sh scripts. cpu_window SECONDS PID...: sleeps SECONDS and prints, for each PID in
# order, the share of one core it used over that window (user+system ticks of all its threads, from /proc), as a
# percentage with two decimals, separated by spaces.
cpu_window() {
  local secs=$1; shift
  local hz t0 t1 pid
  local -a before=() after=()
  hz=$(getconf CLK_TCK)
  ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
  for pid in "$@"; do before+=("$(ticks "$pid")"); done
  t0=$(date +%s.%N)
  sleep "$secs"
  for pid in "$@"; do after+=("$(ticks "$pid")"); done
  t1=$(date +%s.%N)
  local i out=()
  for i in "${!before[@]}"; do
    out+=("$(awk -v a="${before[$i]}" -v b="${after[$i]}" -v hz="$hz" -v t0="$t0" -v t1="$t1" \
      'BEGIN { printf "%.2f", (b - a) / hz / (t1 - t0) * 100 }')")
  done
  echo "${out[*]}"
}
