#!/usr/bin/env bash
# Database outage under load (issue 8, part 1).
#
# Creates a throwaway PostgreSQL 15 cluster (initdb under /tmp, a free port, trust auth),
# seeds it with `seed-demo`, starts the release server on it, and runs a steady load of page
# requests (anonymous and signed in) with curl. Part way through, the cluster is stopped
# (`pg_ctl stop -m fast`) for OUTAGE_SECS seconds and started again. Records the worst latency
# during the outage, every 5xx by kind, the time until everything answers normally again,
# and whether the server process stayed up; writes bench/results/outage-<date>.md.
#
# Everything stays on 127.0.0.1 and stops by itself. Knobs (environment):
#   OUTAGE_SECS=15  WARMUP_SECS=10  RECOVERY_SECS=20  WORKERS=4  PG_BIN=/usr/lib/postgresql/15/bin
set -euo pipefail
cd "$(dirname "$0")/.."

OUTAGE_SECS=${OUTAGE_SECS:-15}
WARMUP_SECS=${WARMUP_SECS:-10}
RECOVERY_SECS=${RECOVERY_SECS:-20}
WORKERS=${WORKERS:-4}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
# The issue's limits: an answer within 6 s during the outage, normal service within 10 s.
ANSWER_LIMIT_MS=6000
RECOVERY_LIMIT_MS=10000

log() { printf '==> %s\n' "$*" >&2; }
now_ms() { date +%s%3N; }

# What the script needs, installed only when missing.
missing=()
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v runuser >/dev/null 2>&1 || missing+=(util-linux)
[ -x "$PG_BIN/initdb" ] || missing+=(postgresql-15)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  echo "no free port found" >&2
  return 1
}

WORK=$(mktemp -d /tmp/knowbridge-outage.XXXXXX)
PG_PORT=$(free_port)
APP_PORT=$(free_port)
while [ "$APP_PORT" = "$PG_PORT" ]; do APP_PORT=$(free_port); done
SERVER_PID=""
LOAD_PIDS=()

# PostgreSQL refuses to run as root: the cluster belongs to the postgres user when we are root.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" = 0 ]; then chown postgres "$WORK"; fi

cleanup() {
  for pid in "${LOAD_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; fi
  as_pg "$PG_BIN/pg_ctl" -D "$WORK/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

pg() { as_pg "$PG_BIN/pg_ctl" -D "$WORK/data" -l "$WORK/postgres.log" "$@"; }

log "throwaway PostgreSQL cluster on port $PG_PORT in $WORK"
as_pg "$PG_BIN/initdb" -D "$WORK/data" -U postgres -A trust --no-sync >/dev/null
pg -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c fsync=off" -w start >/dev/null

log "building the release server"
cargo build --release --quiet
BIN=target/release/knowbridge
export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/knowbridge_outage"
export BIND="127.0.0.1:$APP_PORT" BASE_URL="http://127.0.0.1:$APP_PORT" LOG=warn
unset SMTP_URL || true
"$BIN" seed-demo >"$WORK/seed.txt"

"$BIN" serve >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
BASE="http://127.0.0.1:$APP_PORT"
for _ in $(seq 1 100); do
  curl -fsS -o /dev/null "$BASE/healthz" 2>/dev/null && break
  sleep 0.2
done
curl -fsS -o /dev/null "$BASE/readyz"

# A signed-in demo scientist: their pages need the session, so the database, on every request.
read -r EMAIL PASSWORD < <(awk '$1 == "scientist" { print $2, $3; exit }' "$WORK/seed.txt")
JAR="$WORK/cookies.txt"
curl -fsS -c "$JAR" -b "$JAR" -o "$WORK/login.html" "$BASE/login"
TOKEN=$(grep -o 'name="csrf" value="[^"]*"' "$WORK/login.html" | head -n 1 | sed 's/.*value="//; s/"$//')
status=$(curl -sS -o /dev/null -w '%{http_code}' -c "$JAR" -b "$JAR" \
  --data-urlencode "csrf=$TOKEN" --data-urlencode "email=$EMAIL" \
  --data-urlencode "password=$PASSWORD" "$BASE/login")
[ "$status" = 303 ] || { log "demo sign-in failed ($status)"; exit 1; }
grep -q kb_session "$JAR" || { log "no session cookie after sign-in"; exit 1; }

TOTAL_SECS=$((WARMUP_SECS + OUTAGE_SECS + RECOVERY_SECS))
# One load worker: requests back to back until the end time; each line is
# "start_ms status latency_ms path". Curl gives up after 30 s (a hang shows as 000).
load_worker() {
  local id=$1 end=$2 out="$WORK/load-$1.log" n=0 path start line
  local paths=("/problems" "/" "/problems?q=water" "/scientists" "/me/matches" "/")
  while [ "$(now_ms)" -lt "$end" ]; do
    path=${paths[$(((n + id) % ${#paths[@]}))]}
    n=$((n + 1))
    start=$(now_ms)
    line=$(curl -sS -o /dev/null --max-time 30 -b "$JAR" -H 'Accept-Language: vi' \
      -w '%{http_code} %{time_total}' "$BASE$path" 2>/dev/null || true)
    [ -n "$line" ] || line="000 30"
    awk -v s="$start" -v p="$path" '{ printf "%s %s %d %s\n", s, $1, $2 * 1000, p }' \
      <<<"$line" >>"$out"
  done
}

START_MS=$(now_ms)
END_MS=$((START_MS + TOTAL_SECS * 1000))
log "load: $WORKERS curl workers for ${TOTAL_SECS}s; outage from ${WARMUP_SECS}s for ${OUTAGE_SECS}s"
for i in $(seq 1 "$WORKERS"); do
  load_worker "$i" "$END_MS" &
  LOAD_PIDS+=($!)
done

# Readiness, once a second, for the whole run.
(
  while [ "$(now_ms)" -lt "$END_MS" ]; do
    s=$(now_ms)
    c=$(curl -s -o /dev/null --max-time 10 -w '%{http_code} %{time_total}' "$BASE/readyz" || true)
    echo "$s $c" >>"$WORK/readyz.log"
    sleep 1
  done
) &
LOAD_PIDS+=($!)

sleep "$WARMUP_SECS"
STOP_MS=$(now_ms)
log "stopping PostgreSQL (pg_ctl stop -m fast)"
pg -m fast -w stop >/dev/null
STOPPED_MS=$(now_ms)
sleep "$OUTAGE_SECS"
# Keep one 503 page to check its language, request id and Retry-After.
curl -sS -D "$WORK/page503.head" -o "$WORK/page503.html" -b "$JAR" -H 'Accept-Language: vi' \
  "$BASE/problems" || true
log "starting PostgreSQL again"
RESTART_MS=$(now_ms)
pg -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c fsync=off" -w start >/dev/null
UP_MS=$(now_ms)

for pid in "${LOAD_PIDS[@]}"; do wait "$pid" || true; done
LOAD_PIDS=()

ALIVE=no
if kill -0 "$SERVER_PID" 2>/dev/null; then ALIVE=yes; fi
PANICS=$(grep -c "panicked" "$WORK/server.log" || true)
cat "$WORK"/load-*.log | sort -n >"$WORK/all.log"

# Figures. During the outage: requests started from the stop until the database answered
# again. Recovery: from the moment the database accepts connections again until the start of
# the first request after which every request succeeded.
read -r TOTAL OUT_N OUT_MAX NON503 HANGS <<<"$(awk -v a="$STOP_MS" -v b="$UP_MS" '
  { total++ }
  $1 >= a && $1 < b { n++; if ($3 > max) max = $3;
                      if ($2 != "503" && $2 !~ /^[23]/) bad++; if ($2 == "000") hang++ }
  END { printf "%d %d %d %d %d\n", total, n, max, bad, hang }
' "$WORK/all.log")"
OUT_P50=$(awk -v a="$STOP_MS" -v b="$UP_MS" '$1 >= a && $1 < b { print $3 }' "$WORK/all.log" |
  sort -n | awk '{ v[NR] = $1 } END { print (NR ? v[int((NR + 1) / 2)] : 0) }')
STATUS_DURING=$(awk -v a="$STOP_MS" -v b="$UP_MS" '$1 >= a && $1 < b { c[$2]++ }
  END { for (k in c) printf "%s×%d ", k, c[k] }' "$WORK/all.log")
STATUS_ALL=$(awk '{ c[$2]++ } END { for (k in c) printf "%s×%d ", k, c[k] }' "$WORK/all.log")
FIVEXX_ALL=$(awk '$2 ~ /^5/ { c[$2]++ } END { for (k in c) printf "%s×%d ", k, c[k] }' "$WORK/all.log")
LAST_FAIL=$(awk '$2 !~ /^[23]/ { if ($1 + $3 > last) last = $1 + $3 } END { print last + 0 }' "$WORK/all.log")
FIRST_OK_AFTER=$(awk -v l="$LAST_FAIL" -v u="$UP_MS" '$1 >= l && $1 >= u && $2 ~ /^[23]/ { print $1; exit }' "$WORK/all.log")
if [ -n "$FIRST_OK_AFTER" ]; then
  RECOVERY_MS=$((FIRST_OK_AFTER - UP_MS))
  [ "$RECOVERY_MS" -ge 0 ] || RECOVERY_MS=0
else
  RECOVERY_MS=-1
fi
FIRST_503=$(awk -v a="$STOP_MS" '$1 >= a && $2 == "503" { print $1 + $3 - a; exit }' "$WORK/all.log")
READY_DOWN=$(awk -v a="$STOP_MS" -v b="$UP_MS" '$1 >= a && $1 < b && $2 == "503" { print $1 + $3 * 1000 - a; exit }' "$WORK/readyz.log" | cut -d. -f1)
READY_UP=$(awk -v u="$UP_MS" '$1 >= u && $2 == "200" { print $1 + $3 * 1000 - u; exit }' "$WORK/readyz.log" | cut -d. -f1)
READY_MAX=$(awk -v a="$STOP_MS" -v b="$UP_MS" '$1 >= a && $1 < b { if ($3 * 1000 > m) m = $3 * 1000 } END { printf "%d", m }' "$WORK/readyz.log")
PAGE_LANG=$(grep -c 'Rất tiếc, dịch vụ tạm thời không hoạt động' "$WORK/page503.html" || true)
PAGE_ID=$(grep -io '^x-request-id: .*' "$WORK/page503.head" | tr -d '\r' | cut -d' ' -f2)
PAGE_RETRY=$(grep -io '^retry-after: .*' "$WORK/page503.head" | tr -d '\r' | cut -d' ' -f2)
PAGE_ID_SHOWN=no
if [ -n "$PAGE_ID" ] && grep -q "$PAGE_ID" "$WORK/page503.html"; then PAGE_ID_SHOWN=yes; fi

verdict=pass
[ "$ALIVE" = yes ] || verdict=fail
[ "$PANICS" = 0 ] || verdict=fail
[ "$OUT_MAX" -lt "$ANSWER_LIMIT_MS" ] || verdict=fail
[ "$NON503" = 0 ] || verdict=fail
[ "$RECOVERY_MS" -ge 0 ] && [ "$RECOVERY_MS" -lt "$RECOVERY_LIMIT_MS" ] || verdict=fail

mkdir -p bench/results
DATE=$(date -u +%Y-%m-%d)
RESULT="bench/results/outage-$DATE.md"
cat >"$RESULT" <<EOF
# Database outage under load — $DATE

\`bench/outage.sh\`: release build, throwaway PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') cluster
seeded with \`seed-demo\`, $WORKERS curl workers back to back (anonymous and signed-in pages,
\`Accept-Language: vi\`), PostgreSQL stopped with \`pg_ctl stop -m fast\` after ${WARMUP_SECS} s and
started again after ${OUTAGE_SECS} s. Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo).

| figure | value | limit |
| --- | --- | --- |
| verdict | **$verdict** | |
| requests in the run | $TOTAL | |
| requests started while the database was down | $OUT_N | |
| worst latency of those | $OUT_MAX ms | < $ANSWER_LIMIT_MS ms |
| median latency of those | $OUT_P50 ms | |
| first 503 after the stop | ${FIRST_503:-none} ms | |
| answers other than 503 or 2xx/3xx while down (500, 502, hangs) | $NON503 (hangs: $HANGS) | 0 |
| status codes while down | $STATUS_DURING | |
| 5xx in the whole run | ${FIVEXX_ALL:-none} | only 503 |
| status codes in the whole run | $STATUS_ALL | |
| \`/readyz\` answered 503 after the stop | ${READY_DOWN:-never} ms (slowest probe while down: $READY_MAX ms) | |
| recovery: database accepting again → every request succeeds | $RECOVERY_MS ms | < $RECOVERY_LIMIT_MS ms |
| \`/readyz\` 200 again after the database was back | ${READY_UP:-never} ms | |
| server process still running, same pid | $ALIVE (pid $SERVER_PID), panics in its log: $PANICS | yes, 0 |
| 503 page: in Vietnamese, request id shown, Retry-After | $([ "$PAGE_LANG" -gt 0 ] && echo yes || echo no), $PAGE_ID_SHOWN, ${PAGE_RETRY:-none} s | |

Timeline (ms from the start of the load): stop $((STOP_MS - START_MS))–$((STOPPED_MS - START_MS)),
restart $((RESTART_MS - START_MS))–$((UP_MS - START_MS)), end $((END_MS - START_MS)).
EOF
log "wrote $RESULT"
cat "$RESULT"
[ "$verdict" = pass ]
