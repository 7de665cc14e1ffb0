#!/usr/bin/env bash
# Load benchmark (issue 7, parts 2 and 3): the release server on a seeded database, every
# scenario at a fixed offered rate (open loop, latency corrected) plus a saturation run, the
# server's memory, cold start and sign-in; writes bench/results/load-<N>-<date>.md.
#
#   bench/run.sh [--scientists N --problems M] [--duration S] [--scaling]
#
# --scaling runs the sizes of BENCH_SCALING_SIZES one after the other (default 10,000/2,000,
# 100,000/20,000 and 1,000,000/200,000) and adds bench/results/scaling-<date>.md.
#
# What it needs is installed when missing: oha (cargo install, TLS and HTTP/3 left out) into
# bench/.tools, else wrk from Debian (closed loop only: the results file says so); curl and the
# PostgreSQL client from Debian. PostgreSQL must answer on 127.0.0.1:5432 (user postgres).
# Everything else stays on 127.0.0.1 and stops by itself. Each size uses the database
# kb_bench_<N>, seeded once (a rerun on the same load skips the seeding). The raw outputs
# (URL lists, per-request data, the server log) stay in target/bench-load/<N>-<time>/.
#
# Knobs (environment):
#   BENCH_SCALING_SIZES="10000:2000 100000:20000 1000000:200000"
#   BENCH_SKIP_BUILD=1        use target/release/knowbridge as it is (no cargo build)
#   BENCH_BIN=PATH            measure this knowbridge binary instead (a saved "before" build)
#   BENCH_TOOL=wrk            use wrk even when oha is available
#   SATURATION_SECS=10  SATURATION_CONNECTIONS=16  RATE_CONNECTIONS=32  SIGN_IN_WORKERS=4
#   BENCH_RESULTS=bench/results   where the results files go (a test run can write elsewhere)
set -euo pipefail
cd "$(dirname "$0")/.."

SCIENTISTS=100000
PROBLEMS=20000
DURATION=20
SCALING=0
BENCH_SCALING_SIZES=${BENCH_SCALING_SIZES:-"10000:2000 100000:20000 1000000:200000"}
SATURATION_SECS=${SATURATION_SECS:-10}
SATURATION_CONNECTIONS=${SATURATION_CONNECTIONS:-16}
RATE_CONNECTIONS=${RATE_CONNECTIONS:-32}
SIGN_IN_WORKERS=${SIGN_IN_WORKERS:-4}
OHA_VERSION=1.16.0
PG_URL=postgres://postgres@127.0.0.1:5432
# The issue's offered rates: searches at 100/s, candidates and recommendations at 50/s.
SEARCH_RATE=100
RANKING_RATE=50
# One load generator is not one client: let it use every turn of the expensive-request limiter.
PER_CLIENT=64
TOOLS=bench/.tools
RESULTS=${BENCH_RESULTS:-bench/results}
LOAD=bench/load
COMMAND="bench/run.sh $*"
# The helpers import each other: no __pycache__ in the source tree.
export PYTHONDONTWRITEBYTECODE=1

log() { printf '==> %s %s\n' "$(date +%T)" "$*" >&2; }
die() {
  log "$*"
  exit 1
}

usage() {
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
  exit "${1:-0}"
}

while [ $# -gt 0 ]; do
  case $1 in
    --scientists | --problems | --duration)
      [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || die "$1 needs a positive whole number"
      ;;&
    --scientists) SCIENTISTS=$2; shift 2 ;;
    --problems) PROBLEMS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --scaling) SCALING=1; shift ;;
    -h | --help) usage 0 ;;
    *) log "unknown argument: $1"; usage 1 ;;
  esac
done

# ---------------------------------------------------------------------------------------------
# Tools

apt_install() {
  log "installing $* (apt)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_basics() {
  local missing=()
  command -v cargo >/dev/null 2>&1 || die "cargo is missing: install Rust (https://rustup.rs) first"
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
  pg_isready -h 127.0.0.1 -p 5432 -q || die "PostgreSQL is not answering on 127.0.0.1:5432"
}

# oha with what the harness uses: --urls-from-file (a random line per request), --db-url (one
# row per request, for exact percentiles by URL and for merging parallel runs) and
# --latency-correction. Only http://127.0.0.1 is measured, so TLS is not needed, but oha
# 1.16.0 does not compile without a TLS backend (client.rs uses its TLS stream unconditionally):
# native-tls on the system's OpenSSL is the lightest (the default, rustls with aws-lc, compiles
# a C crypto library). HTTP/3 stays out. The build directory is kept until the install
# succeeds, so a retry after a failure does not start again from nothing.
ensure_load_generator() {
  TOOL=oha
  if [ "${BENCH_TOOL:-}" = wrk ]; then
    TOOL=wrk
  elif [ -x "$TOOLS/bin/oha" ]; then
    OHA=$TOOLS/bin/oha
  elif command -v oha >/dev/null 2>&1 && oha --help | grep -q -- --db-url; then
    OHA=$(command -v oha)
  else
    build_oha
  fi
  if [ "$TOOL" = wrk ]; then
    command -v wrk >/dev/null 2>&1 || apt_install wrk
    # `wrk --version` prints its usage too and exits 1.
    TOOL_TEXT="wrk $( (wrk --version 2>&1 || true) | awk 'NR == 1 {print $2}') (the fallback: closed loop only, no fixed rate and no latency correction)"
    RATE_RUNS_TEXT="closed loop on 2 connections per account (wrk has no fixed offered rate, so no latency correction either)"
  else
    TOOL_TEXT="oha $("$OHA" --version | awk '{print $2}')"
    RATE_RUNS_TEXT="at a fixed offered rate, open loop (\`-q RATE --latency-correction\`, up to $RATE_CONNECTIONS connections; latency counted from when each request was due)"
  fi
}

build_oha() {
  if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists openssl; then
    apt_install pkg-config libssl-dev
  fi
  log "building oha $OHA_VERSION from crates.io (native-tls, no HTTP/3) into $TOOLS: a few minutes"
  mkdir -p "$TOOLS"
  printf '*\n' >"$TOOLS/.gitignore"
  local start=$SECONDS
  if cargo install oha --version "$OHA_VERSION" --locked --no-default-features \
    --features native-tls --target-dir "$TOOLS/build" --root "$TOOLS" >"$TOOLS/oha-build.log" 2>&1; then
    log "oha built in $((SECONDS - start)) s"
    rm -rf "$TOOLS/build"
    OHA=$TOOLS/bin/oha
  else
    log "oha could not be built (see $TOOLS/oha-build.log): falling back to wrk"
    TOOL=wrk
  fi
}

build_server() {
  local source=target/release/knowbridge
  if [ -n "${BENCH_BIN:-}" ]; then
    source=$BENCH_BIN
    log "BENCH_BIN: measuring $source"
  elif [ "${BENCH_SKIP_BUILD:-0}" = 1 ]; then
    log "BENCH_SKIP_BUILD=1: using $source as it is"
  else
    log "building the release server"
    cargo build --release --quiet
  fi
  [ -x "$source" ] || die "no server binary at $source"
  BINARY_TEXT="$source, built $(date -u -r "$source" '+%Y-%m-%d %H:%M UTC')"
  # A private copy under its own name: a build started meanwhile must not swap the binary
  # under a running benchmark, nor a `pkill -x knowbridge` elsewhere stop it.
  BIN=$RUN_ROOT/knowbridge-bench
  cp "$source" "$BIN"
}

# ---------------------------------------------------------------------------------------------
# Database

psql_at() { psql -X -q -At -h 127.0.0.1 -U postgres -d "$1" -c "$2"; }

# The seed needs about 5 kB of disk per profile (1,000,000 profiles: 4.8 GB); ask for 7 kB.
check_disk() {
  local n=$1 dir need_kb free_kb
  dir=$(psql_at postgres "show data_directory" 2>/dev/null || echo /var/lib/postgresql)
  [ -d "$dir" ] || dir=/
  need_kb=$((n * 7))
  free_kb=$(df -Pk "$dir" | awk 'NR == 2 {print $4}')
  if [ "$free_kb" -lt "$need_kb" ]; then
    die "seeding $n profiles needs about $((need_kb / 1024 / 1024)) GB free under $dir; only $((free_kb / 1024 / 1024)) GB are"
  fi
}

# Migrates kb_bench_<N>, and seeds it unless it already holds exactly this load (N profiles,
# M problems, bench accounts only).
prepare_database() {
  local n=$1 m=$2 counts start
  export DATABASE_URL=$PG_URL/$DB
  if ! "$BIN" migrate >"$WORK/migrate.txt" 2>&1; then
    # The database was migrated by another version of the server (a migration edited, added
    # or taken away while the schema is being tuned, or an older binary measured): the bench
    # database is ours to make again.
    grep -q "previously applied" "$WORK/migrate.txt" || die "migrate failed (see $WORK/migrate.txt)"
    log "$DB was migrated by another version of the server: dropping it and starting again"
    psql_at postgres "drop database $DB with (force)" >/dev/null
    "$BIN" migrate >"$WORK/migrate.txt" 2>&1 || die "migrate failed (see $WORK/migrate.txt)"
  fi
  counts=$(psql_at "$DB" "select (select count(*) from scientist_profiles) || ' ' ||
    (select count(*) from problems) || ' ' ||
    (select count(*) from users where email not like '%@bench.knowbridge.example')")
  if [ "$counts" = "$n $m 0" ]; then
    log "$DB already holds $n scientists and $m problems: not seeding again"
    SEED_TEXT="already seeded (not timed)"
    return
  fi
  check_disk "$n"
  log "seeding $DB with $n scientists and $m problems"
  start=$SECONDS
  "$BIN" seed-bench --scientists "$n" --problems "$m" --seed 42 >"$WORK/seed.txt"
  SEED_TEXT="seeded in $((SECONDS - start)) s"
  log "$SEED_TEXT"
}

# ---------------------------------------------------------------------------------------------
# Server

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

start_server() {
  PORT=$(free_port)
  BASE=http://127.0.0.1:$PORT
  BIND=127.0.0.1:$PORT BASE_URL=$BASE LOG=warn TRUST_PROXY_HEADERS=true \
    EXPENSIVE_PER_CLIENT=$PER_CLIENT "$BIN" serve >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 300); do
    if curl -fsS -o /dev/null "$BASE/healthz" 2>/dev/null; then return; fi
    kill -0 "$SERVER_PID" 2>/dev/null || die "the server exited (see $WORK/server.log)"
    sleep 0.1
  done
  die "the server did not answer /healthz within 30 s"
}

# Stops the run when the server has gone (a crash, or killed from outside): every figure after
# that would measure refused connections.
alive() {
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    local status=0
    wait "$SERVER_PID" || status=$?
    SERVER_PID=""
    die "the server exited (status $status) during the run: see $WORK/server.log"
  fi
}

stop_server() {
  if [ -n "${SERVER_PID:-}" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}

# Resident memory (kB) of the server now, or its peak (VmHWM).
memory_kb() { awk -v key="$1:" '$1 == key {print $2}' "/proc/$SERVER_PID/status"; }
record_memory() {
  alive
  printf '%s\t%s\n' "$1" "$(memory_kb "${2:-VmRSS}")" >>"$WORK/memory.tsv"
}

cleanup() {
  for pid in "${GENERATOR_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  stop_server
  if [ -n "${RUN_ROOT:-}" ]; then rm -rf "$RUN_ROOT"; fi
}
GENERATOR_PIDS=()
trap cleanup EXIT

# ---------------------------------------------------------------------------------------------
# Load generation

# One load-generator run: generate PREFIX URLFILE MODE VALUE [COOKIE [CONNECTIONS]]; MODE is
# "rate" (VALUE requests/s, open loop, for DURATION s, on up to CONNECTIONS connections) or
# "saturation" (closed loop, VALUE connections, for SATURATION_SECS). Writes PREFIX.json (and
# PREFIX.db with oha).
generate() {
  local prefix=$1 urls=$2 mode=$3 value=$4 cookie=${5:-} connections=${6:-$RATE_CONNECTIONS}
  local headers=(-H "Accept-Language: vi")
  if [ -n "$cookie" ]; then headers+=(-H "Cookie: $cookie"); fi
  if [ "$TOOL" = wrk ]; then
    local connections=$value seconds=$SATURATION_SECS
    if [ "$mode" = rate ]; then connections=2 seconds=$DURATION; fi
    WRK_JSON=$prefix.json wrk -t 2 -c "$connections" -d "${seconds}s" --timeout 10s \
      "${headers[@]}" -s "$LOAD/wrk.lua" "$BASE" -- "$urls" >"$prefix.txt" 2>&1
    return
  fi
  local load=(-c "$value" -z "${SATURATION_SECS}s")
  if [ "$mode" = rate ]; then
    load=(-q "$value" --latency-correction -c "$connections" -z "${DURATION}s")
  fi
  "$OHA" --no-tui --urls-from-file "$urls" "${load[@]}" -w -t 10s "${headers[@]}" \
    --output-format json -o "$prefix.json" --db-url "$prefix.db" >"$prefix.txt" 2>&1
}

# Lets the database finish the previous scenario's work before the next one: PostgreSQL goes
# on with a query whose client has given up, so a slow scenario's backlog would be charged to
# the next one. Waits up to 10 s for the server's queries to end, then cancels the rest (their
# requests are over: the load generator has stopped waiting for them).
settle() {
  alive
  if wait_for_idle_database 100; then return; fi
  local cancelled
  cancelled=$(psql_at "$DB" "select count(*) filter (where pg_cancel_backend(pid))
    from pg_stat_activity where datname = current_database() and state = 'active'
    and pid <> pg_backend_pid()")
  log "cancelled $cancelled queries still running 10 s after the previous scenario"
  wait_for_idle_database 50 || log "the database is still busy"
}

# Polls every 0.1 s, at most $1 times, for no query running in the bench database.
wait_for_idle_database() {
  local busy
  for _ in $(seq 1 "$1"); do
    busy=$(psql_at "$DB" "select count(*) from pg_stat_activity
      where datname = current_database() and state = 'active' and pid <> pg_backend_pid()")
    if [ "$busy" = 0 ]; then return 0; fi
    sleep 0.1
  done
  return 1
}

# Runs one scenario: scenario NAME MODE VALUE URLFILE COOKIE [URLFILE COOKIE …]. Several
# (file, cookie) pairs run side by side (several accounts), the rate or connections shared
# between them; their requests are merged in the results.
scenario() {
  local name=$1 mode=$2 value=$3
  shift 3
  local pairs=$(($# / 2)) i=0 share prefixes=() pids=()
  if [ ! -s "$1" ]; then
    log "$name: skipped (the data has no such queries: see $WORK/plan/plan.json)"
    return
  fi
  share=$(python3 -c "print(max(1, round($value / $pairs, 2)) if '$mode' == 'rate' else max(1, $value // $pairs))")
  settle
  log "$name: $mode $value ($pairs account(s))"
  while [ $# -gt 0 ]; do
    i=$((i + 1))
    local prefix=$WORK/out/$name-$mode-$i
    generate "$prefix" "$1" "$mode" "$share" "$2" "$((RATE_CONNECTIONS / pairs))" &
    pids+=($!)
    prefixes+=("$prefix")
    shift 2
  done
  GENERATOR_PIDS=("${pids[@]}")
  for pid in "${pids[@]}"; do wait "$pid" || die "the load generator failed (see $WORK/out/$name-$mode-*.txt)"; done
  GENERATOR_PIDS=()
  local joined
  joined=$(IFS=,; echo "${prefixes[*]}")
  printf '%s\t%s\t%s\t%s\n' "$name" "$mode" "$value" "$joined" >>"$WORK/runs.tsv"
}

# Half the 200s per second of a scenario's saturation run (its "half-saturation" rate).
half_saturation() {
  python3 - "$WORK/out/$1-saturation-1.json" <<'EOF'
import json, sys
data = json.load(open(sys.argv[1]))
if data.get("tool") == "wrk":
    print(max(1, round(data["requests_per_sec"] / 2)))
else:
    ok = data["statusCodeDistribution"].get("200", 0)
    total = sum(data["statusCodeDistribution"].values()) or 1
    print(max(1, round(data["summary"]["requestsPerSec"] * ok / total / 2)))
EOF
}

session() {
  python3 "$LOAD/probe.py" session --base "$BASE" --email "$1" --forwarded-for "$2"
}

# ---------------------------------------------------------------------------------------------
# One size

run_size() {
  local n=$1 m=$2 date stamp report plan
  DB=kb_bench_$n
  date=$(date -u +%Y-%m-%d)
  stamp=$(date -u +%Y%m%d-%H%M%S)
  WORK=target/bench-load/$n-$stamp
  mkdir -p "$WORK/out"
  plan=$WORK/plan
  log "size $n / $m: work directory $WORK"

  prepare_database "$n" "$m"
  {
    printf 'scientists\t%s\nproblems\t%s\ndatabase\t%s\n' "$n" "$m" "$DB"
    printf 'date\t%s\ncommit\t%s\ncommand\t%s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$COMMIT" "$COMMAND"
    printf 'tool\t%s\nrate_runs\t%s\nduration\t%s\n' "$TOOL_TEXT" "$RATE_RUNS_TEXT" "$DURATION"
    printf 'binary\t%s\n' "$BINARY_TEXT"
    printf 'saturation\t%s connections for %s s\n' "$SATURATION_CONNECTIONS" "$SATURATION_SECS"
    printf 'per_client\t%s\nconcurrency\t%s\n' "$PER_CLIENT" "default (twice the cores, 2–8)"
    printf 'load_before\t%s\nseed\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)" "$SEED_TEXT"
  } >"$WORK/info.tsv"

  log "cold start (5 runs)"
  python3 "$LOAD/probe.py" cold-start --bin "$BIN" --runs 5 --out "$WORK/cold.json" >/dev/null

  start_server
  sleep 1
  record_memory "idle (after start)"

  log "choosing search terms and ids from the data"
  python3 "$LOAD/plan.py" --db "$DB" --out "$plan" --base "$BASE"
  local viewer owners=() scientists=() cookie i=0
  viewer=$(session "$(plan_value search_viewer)" 10.255.0.1)
  while read -r email; do
    i=$((i + 1))
    scientists+=("$plan/recommendations.urls" "$(session "$email" "10.255.1.$i")")
  done < <(plan_value scientists)
  i=0
  while read -r email path; do
    i=$((i + 1))
    cookie=$(session "$email" "10.255.2.$i")
    owners+=("$path" "$cookie")
    python3 "$LOAD/probe.py" check --base "$BASE" --cookie "$cookie" "$path" >/dev/null
  done < <(plan_value owners)
  python3 "$LOAD/probe.py" check --base "$BASE" --cookie "$viewer" --sample 5 \
    "$plan"/board-*.urls "$plan"/directory-*.urls "$plan/profiles.urls" "$plan/problems.urls" \
    "$plan/recommendations.urls" >/dev/null

  log "warm-up: 10 s at 50/s over the pages and searches"
  cat "$plan"/{home,profiles,problems,board-mix,directory-mix}.urls >"$plan/warm-up.urls"
  DURATION=10 generate "$WORK/out/warm-up" "$plan/warm-up.urls" rate 50 "$viewer"
  record_memory "after warm-up"

  local rate
  scenario home saturation "$SATURATION_CONNECTIONS" "$plan/home.urls" ""
  rate=$(half_saturation home)
  scenario home rate "$rate" "$plan/home.urls" ""
  for corpus in board directory; do
    scenario "$corpus-mix" saturation "$SATURATION_CONNECTIONS" "$plan/$corpus-mix.urls" "$viewer"
    scenario "$corpus-mix" rate "$SEARCH_RATE" "$plan/$corpus-mix.urls" "$viewer"
    scenario "$corpus-common" rate "$SEARCH_RATE" "$plan/$corpus-common.urls" "$viewer"
    scenario "$corpus-about-100" rate "$SEARCH_RATE" "$plan/$corpus-about-100.urls" "$viewer"
    record_memory "after the $corpus searches"
  done
  for page in profile problem; do
    scenario "$page" saturation "$SATURATION_CONNECTIONS" "$plan/${page}s.urls" "$viewer"
    rate=$(half_saturation "$page")
    scenario "$page" rate "$rate" "$plan/${page}s.urls" "$viewer"
  done
  scenario candidates saturation "$SATURATION_CONNECTIONS" "${owners[@]}"
  scenario candidates rate "$RANKING_RATE" "${owners[@]}"
  scenario recommendations saturation "$SATURATION_CONNECTIONS" "${scientists[@]}"
  scenario recommendations rate "$RANKING_RATE" "${scientists[@]}"
  record_memory "after candidates and recommendations"
  record_memory "peak before sign-in (VmHWM)" VmHWM

  settle
  log "sign-in at saturation ($SIGN_IN_WORKERS clients)"
  # Accounts from number 1000 on (fewer for a small test size): the sessions above use 1 to 5.
  python3 "$LOAD/probe.py" sign-in --base "$BASE" --first $((n >= 4000 ? 1000 : n / 4)) --workers "$SIGN_IN_WORKERS" \
    --seconds 15 --out "$WORK/signin.json" >/dev/null
  record_memory "after sign-in"
  record_memory "peak (VmHWM at the end)" VmHWM
  alive
  stop_server
  printf 'load_after\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$WORK/info.tsv"

  report=$RESULTS/load-$n-$date.md
  if [ -e "$report" ]; then report=$RESULTS/load-$n-$date-$(date -u +%H%M).md; fi
  python3 "$LOAD/summarise.py" "$WORK" "$report" >/dev/null
  log "results: $report"
  WORKS+=("$WORK")
}

# Values of the run's plan.json: search_viewer (an email), scientists (emails), owners
# (email and URL file per line).
plan_value() {
  python3 - "$WORK/plan/plan.json" "$1" <<'EOF'
import json, sys
plan = json.load(open(sys.argv[1]))
value = plan[sys.argv[2]]
if isinstance(value, str):
    print(value)
else:
    for item in value:
        print(item if isinstance(item, str) else f"{item['email']} {item['path']}")
EOF
}

# ---------------------------------------------------------------------------------------------

ensure_basics
ensure_load_generator
mkdir -p target/bench-load "$RESULTS"
RUN_ROOT=$(mktemp -d target/bench-load/bin.XXXXXX)
build_server
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then COMMIT="$COMMIT dirty"; fi

WORKS=()
if [ "$SCALING" = 1 ]; then
  for size in $BENCH_SCALING_SIZES; do
    run_size "${size%%:*}" "${size##*:}"
  done
  scaling_report=$RESULTS/scaling-$(date -u +%Y-%m-%d).md
  if [ -e "$scaling_report" ]; then scaling_report=$RESULTS/scaling-$(date -u +%Y-%m-%d-%H%M).md; fi
  python3 "$LOAD/scaling.py" "$scaling_report" "${WORKS[@]}" >/dev/null
  log "scaling table: $scaling_report"
else
  run_size "$SCIENTISTS" "$PROBLEMS"
fi
