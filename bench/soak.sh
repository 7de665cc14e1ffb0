#!/usr/bin/env bash
# Sustained load (issue 8, part 4): ten minutes of mixed reads and writes against the release
# build, then the checks of `tests/soak.rs` (zero 5xx, every acknowledged write stored exactly
# once, server memory flat, no database connection leaked, clean exit on SIGTERM).
#
# The test starts the real `knowbridge` binary on a fresh database (created and dropped on the
# PostgreSQL server of the test suite: DATABASE_URL, else .env), loads the demo data, signs in
# its clients (staff with both factors) and sends the workload at SOAK_RATE requests a second.
# The summary goes to bench/results/soak-<date>.md; the server's log to
# target/tmp/soak/server.log.
#
# Knobs (environment): SOAK_SECONDS=600  SOAK_RATE=200
set -euo pipefail
cd "$(dirname "$0")/.."

SOAK_SECONDS=${SOAK_SECONDS:-600}
SOAK_RATE=${SOAK_RATE:-200}

log() { printf '==> %s\n' "$*" >&2; }

# What the script needs, installed only when missing.
if ! command -v cargo >/dev/null 2>&1; then
  log "cargo is missing: install Rust (https://rustup.rs) first"
  exit 1
fi
if ! command -v pg_isready >/dev/null 2>&1; then
  log "installing postgresql-client"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client >/dev/null
fi
pg_isready -h 127.0.0.1 -p 5432 -q || {
  log "PostgreSQL is not answering on 127.0.0.1:5432 (the test suite's server)"
  exit 1
}

mkdir -p bench/results
report="bench/results/soak-$(date -u +%Y-%m-%d).md"
if [ -e "$report" ]; then
  report="bench/results/soak-$(date -u +%Y-%m-%d-%H%M).md"
fi

log "building the release binary and the soak test"
cargo test --release --test soak --no-run 2>&1 | tail -n 3 >&2

{
  echo "# Soak: ${SOAK_SECONDS} s at ${SOAK_RATE} requests/s"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(free -g | awk '/^Mem:/ {print $2}') GiB memory"
  echo "- PostgreSQL: $(psql -h 127.0.0.1 -U postgres -d postgres -Atc 'show server_version' 2>/dev/null || echo unknown), on the same machine"
  echo "- command: \`SOAK_SECONDS=${SOAK_SECONDS} SOAK_RATE=${SOAK_RATE} bench/soak.sh\` (release build; load generator in the same machine)"
  echo
} >"$report"

log "running for ${SOAK_SECONDS} s at ${SOAK_RATE} requests/s (summary: $report)"
status=0
SOAK_SECONDS=$SOAK_SECONDS SOAK_RATE=$SOAK_RATE SOAK_REPORT="$PWD/$report" \
  cargo test --release --test soak -- --nocapture || status=$?

if [ "$status" -eq 0 ]; then
  echo "Result: **passed** (zero 5xx, no lost or doubled write, memory flat, no connection leak)." >>"$report"
else
  echo "Result: **FAILED** (see the figures above and the test's output)." >>"$report"
fi
log "summary written to $report"
exit "$status"
