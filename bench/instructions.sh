#!/usr/bin/env bash
# Instruction-count check of the hot paths (issue 7, part 4): builds benches/hot_paths.rs in
# release, counts the instructions each case executes under callgrind, and compares them with
# bench/instructions-baseline.txt. Instruction counts do not depend on the machine's load or
# speed, so a regression shows without wall-clock noise and the check can run in CI.
#
#   bench/instructions.sh            # compare; exit 1 when a case costs more than the tolerance
#   bench/instructions.sh --update   # measure and rewrite the baseline
#
# Knobs: TOLERANCE_PERCENT (default 5; see bench/results/instructions-2026-11-22.md for the
# measured run-to-run spread that justifies it).
set -euo pipefail
shopt -s inherit_errexit  # a failure inside $(…) stops the script too
cd "$(dirname "$0")/.."

BASELINE=bench/instructions-baseline.txt
TOLERANCE_PERCENT=${TOLERANCE_PERCENT:-5}

log() { printf '\n==> %s\n' "$*"; }
die() {
  printf 'instructions.sh: %s\n' "$*" >&2
  exit 2
}

update=false
case "${1:-}" in
  --update) update=true ;;
  "") ;;
  *) die "usage: bench/instructions.sh [--update]" ;;
esac

if ! command -v valgrind >/dev/null 2>&1; then
  log "installing valgrind"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq valgrind >/dev/null
fi

# One release build: `cargo build --release --bench` shares target/release with
# `cargo build --release`, and the JSON messages name the executable (its file name carries a hash).
log "cargo build --release --bench hot_paths"
bench_bin=$(
  cargo build --release --bench hot_paths --message-format=json-render-diagnostics |
    grep '"reason":"compiler-artifact"' |
    grep '"name":"hot_paths"' |
    sed -n 's/.*"executable":"\([^"]*\)".*/\1/p' |
    tail -n 1
)
[ -x "$bench_bin" ] || die "cannot find the hot_paths executable in cargo's output"

work_dir=$(mktemp -d)
trap 'rm -rf "$work_dir"' EXIT

# Instructions executed by one run of the benchmark program (callgrind's "Collected" total;
# the profile itself is not needed, so it goes to /dev/null).
instructions() {
  local log_file="$work_dir/callgrind.log"
  valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file="$log_file" \
    "$bench_bin" "$@" >"$work_dir/stdout" || {
    cat "$log_file" >&2
    die "hot_paths $* failed under valgrind"
  }
  local collected
  collected=$(sed -n 's/^==[0-9]*== Collected : \([0-9]*\)$/\1/p' "$log_file")
  [ -n "$collected" ] || die "no instruction count in callgrind's log for hot_paths $*"
  echo "$collected"
}

# Instructions of one iteration of a case: the run with N iterations minus the run with none,
# which has the same start-up, set-up and warm-up, divided by N.
per_iteration() {
  local name=$1 iterations=$2 full setup
  setup=$(instructions "$name" 0)
  full=$(instructions "$name" "$iterations")
  printf '    %s\n' "$(cat "$work_dir/stdout")" >&2
  echo $(((full - setup) / iterations))
}

log "counting instructions under callgrind"
declare -A now=()
cases=()
while read -r name iterations; do
  cases+=("$name")
  now[$name]=$(per_iteration "$name" "$iterations")
done < <("$bench_bin" --list)

toolchain="$(rustc --version), $(valgrind --version)"

if $update; then
  {
    echo "# Instructions per iteration of each case of benches/hot_paths.rs, counted by"
    echo "# bench/instructions.sh --update (callgrind; start-up, set-up and warm-up subtracted)."
    echo "# Made on $(date -u +%Y-%m-%d) with $toolchain."
    echo "# A change of compiler or of a dependency moves these figures too: re-run --update then."
    for name in "${cases[@]}"; do
      echo "$name ${now[$name]}"
    done
  } >"$BASELINE"
  log "baseline written to $BASELINE"
  cat "$BASELINE"
  exit 0
fi

[ -f "$BASELINE" ] || die "no $BASELINE: run bench/instructions.sh --update"
declare -A baseline=()
while read -r name count; do
  baseline[$name]=$count
done < <(grep -v '^#' "$BASELINE" | grep -v '^[[:space:]]*$')

log "instructions per iteration (tolerance +$TOLERANCE_PERCENT %)"
printf '%-14s %14s %14s %9s\n' case baseline now change
regressed=()
for name in "${cases[@]}"; do
  current=${now[$name]}
  base=${baseline[$name]:-}
  if [ -z "$base" ]; then
    printf '%-14s %14s %14s %9s\n' "$name" "-" "$current" "new"
    regressed+=("$name has no baseline (run bench/instructions.sh --update)")
    continue
  fi
  change=$(awk -v now="$current" -v base="$base" 'BEGIN { printf "%+.2f %%", (now - base) * 100 / base }')
  printf '%-14s %14s %14s %9s\n' "$name" "$base" "$current" "$change"
  # Integer arithmetic: over the limit when now * 100 > base * (100 + tolerance).
  if ((current * 100 > base * (100 + TOLERANCE_PERCENT))); then
    regressed+=("$name: $change instructions ($current per iteration against a baseline of $base)")
  elif ((current * 100 < base * (100 - TOLERANCE_PERCENT))); then
    echo "    $name is faster than its baseline by more than $TOLERANCE_PERCENT %: lock the gain in with --update"
  fi
done
for name in "${!baseline[@]}"; do
  [ -n "${now[$name]:-}" ] || echo "    $name is in the baseline but the benchmark has no such case"
done

baseline_toolchain=$(sed -n 's/^# Made on [0-9-]* with \(.*\)\.$/\1/p' "$BASELINE")
if [ -n "$baseline_toolchain" ] && [ "$baseline_toolchain" != "$toolchain" ]; then
  echo "    note: the baseline was made with $baseline_toolchain; this is $toolchain"
fi

if [ ${#regressed[@]} -gt 0 ]; then
  printf '\nREGRESSION in the hot paths:\n' >&2
  printf '  - %s\n' "${regressed[@]}" >&2
  printf 'If the cost is intended, record it with bench/instructions.sh --update.\n' >&2
  exit 1
fi
echo
echo "every case within +$TOLERANCE_PERCENT % of $BASELINE"
