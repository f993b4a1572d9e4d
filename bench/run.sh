#!/usr/bin/env bash
# Gatehouse benchmark: builds what it needs, runs every scenario on this machine, prints one table.
#
#   bench/run.sh            # the scenarios and the microbenchmarks (about 6 minutes)
#   bench/run.sh --peers    # the same, plus the greeting of each peer of ../shared/peers that is built
#
# The server under test is pinned to CPU $SERVER_CPU and wrk to CPU $CLIENT_CPU. Absolute figures on
# a shared 2-core machine are noise, so each figure is read against a baseline measured in the same
# run: a bare Vert.x HTTP server answering a fixed "Hello, admin!" on the same core.
# Raw outputs are kept under bench/results/<time>/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
CONNS=${CONNS:-64}               # connections of the greeting load
STORM_CONNS=${STORM_CONNS:-4}    # connections of the login storm, a pool of its own
DUR=${DUR:-15}                   # seconds per measured run
WARM=${WARM:-10}                 # seconds of warm-up load before the first measured run of a server
SESSIONS=${SESSIONS:-100000}     # sessions in the heap harness
PEERS_HOME=${PEERS_HOME:-$ROOT/../shared/peers}
PEERS_WORK=${PEERS_WORK:-${TMPDIR:-/tmp}/gatehouse-peers}   # where ../shared/peers/build.sh builds a read-only folder
OUT=${OUT:-$ROOT/bench/results/$(date -u +%Y%m%dT%H%M%SZ)}
WITH_PEERS=0
for arg in "$@"; do
  case $arg in
    --peers) WITH_PEERS=1 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg (see --help)" >&2; exit 2 ;;
  esac
done

ON_SERVER="taskset -c $SERVER_CPU"
ON_CLIENT="taskset -c $CLIENT_CPU"
mkdir -p "$OUT"
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

# ------------------------------------------------------------------ tools and build
if ! command -v wrk >/dev/null || ! command -v curl >/dev/null || ! command -v taskset >/dev/null || ! command -v redis-server >/dev/null; then
  log "installing wrk, curl, taskset and redis-server from Debian's packages"
  apt-get update -qq && apt-get install -y -qq wrk curl util-linux redis-server >/dev/null
fi
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  log "building (mvn package, tests skipped: run the README's test command for those)"
  mvn -B -q -Dstyle.color=never -DskipTests package
fi
APP_JAR=$ROOT/app/target/gatehouse.jar
BENCH_JAR=$ROOT/bench/target/gatehouse-bench.jar

# ------------------------------------------------------------------ helpers
PIDS=()
cleanup() { local p; for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

start_server() {  # log-file command... -> PID of the pinned server
  local logf=$1; shift
  $ON_SERVER "$@" >"$logf" 2>&1 &
  PID=$!
  PIDS+=("$PID")
}
stop_server() {
  kill -TERM "$1" 2>/dev/null || true
  local i; for i in $(seq 1 100); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
millis() { date +%s%3N; }
wait_up() {  # pid url -> 0 once the url answers at all
  local i
  for i in $(seq 1 1200); do
    kill -0 "$1" 2>/dev/null || return 1
    [ "$($ON_CLIENT curl -s -o /dev/null -w '%{http_code}' "$2")" != 000 ] && return 0
    sleep 0.025
  done
  return 1
}
load() {  # outfile url seconds [connections] [extra wrk arguments...]
  local outf=$1 url=$2 secs=$3 conns=${4:-$CONNS}; shift 4 || shift $#
  $ON_CLIENT wrk -t1 -c"$conns" -d"${secs}s" --latency "$@" "$url" >"$outf" 2>&1
}
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }
rps() { awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$1"; }
pct() { local t; t=$(awk -v p="$2%" '$1 == p { print $2; exit }' "$1"); [ -n "$t" ] && to_ms "$t" || echo "-"; }
errors() { awk '/Socket errors|Non-2xx/ { sub(/^ +/, ""); printf "%s; ", $0 }' "$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.2f", a / b; else printf "-" }'; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

ROWS=()
row() { ROWS+=("$(printf '| %s | %s | %s | %s | %s |' "$@")"); }

{
  echo "date: $(date -u)"; echo "kernel: $(uname -srm)"; echo "cpus: $(nproc); $(lscpu | awk -F: '/Model name/ { gsub(/^ +/, "", $2); print $2 }')"
  echo "java: $(java -version 2>&1 | head -1)"; echo "wrk: $(wrk -v 2>&1 | head -1)"
  echo "server on CPU $SERVER_CPU, wrk on CPU $CLIENT_CPU; greeting load wrk -t1 -c$CONNS ${DUR}s; storm -c$STORM_CONNS"
} > "$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

# ------------------------------------------------------------------ baseline: bare Vert.x
PORT=$(free_port)
start_server "$OUT/bare.log" java -cp "$BENCH_JAR" dev.gatehouse.bench.BareServer "$PORT"
wait_up "$PID" "http://127.0.0.1:$PORT/" || { log "the bare Vert.x server did not start"; cat "$OUT/bare.log" >&2; exit 1; }
log "baseline: bare Vert.x on port $PORT"
load "$OUT/bare-warm.txt" "http://127.0.0.1:$PORT/" "$WARM"
load "$OUT/bare.txt" "http://127.0.0.1:$PORT/" "$DUR"
stop_server "$PID"
BASE=$(rps "$OUT/bare.txt")
row "baseline: bare Vert.x, fixed \"Hello, admin!\"" "$BASE" "$(pct "$OUT/bare.txt" 50)" "$(pct "$OUT/bare.txt" 99)" "1.00"

# ------------------------------------------------------------------ Gatehouse, in-memory store
DATA=$(mktemp -d)
PORT=$(free_port)
URL="http://127.0.0.1:$PORT"
# Through the launcher, as the README runs it (its JVM options and class-data archive included).
serve() { start_server "$1" "$ROOT/gatehouse" serve --port "$PORT" --data-dir "$DATA" --event-loops 1; }

T0=$(millis); serve "$OUT/gatehouse.log"
wait_up "$PID" "$URL/" || { log "Gatehouse did not start"; cat "$OUT/gatehouse.log" >&2; exit 1; }
FIRST_START=$(( $(millis) - T0 ))
# The server listens first and creates admin right after: wait for the password to be printed.
for _ in $(seq 1 400); do grep -q "shown only once" "$OUT/gatehouse.log" && break; sleep 0.05; done
ADMIN_PASSWORD=$(awk '/shown only once/ { getline; getline; print $1; exit }' "$OUT/gatehouse.log")
[ -n "$ADMIN_PASSWORD" ] || { log "no admin password in the server's output"; exit 1; }

JAR="$OUT/cookies.txt"
form_csrf() { $ON_CLIENT curl -s -c "$1" -b "$1" "$URL/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1; }
cookie_of() { awk '$6 ~ /gh_session$/ { print $6 "=" $7 }' "$1" | tail -1; }
CSRF=$(form_csrf "$JAR")
$ON_CLIENT curl -s -o /dev/null -c "$JAR" -b "$JAR" -H "Origin: $URL" \
  --data-urlencode "username=admin" --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "csrf=$CSRF" "$URL/login"
COOKIE=$(cookie_of "$JAR")
$ON_CLIENT curl -s -H "Cookie: $COOKIE" "$URL/" | grep -q "Hello, admin!" || { log "the logged-in greeting did not come back"; exit 1; }
log "Gatehouse on port $PORT: first start answered after ${FIRST_START} ms; logged in as admin"

load "$OUT/warm.txt" "$URL/" "$WARM" "$CONNS" -H "Cookie: $COOKIE"
load "$OUT/greeting.txt" "$URL/" "$DUR" "$CONNS" -H "Cookie: $COOKIE"
$ON_CLIENT curl -s -H "Cookie: $COOKIE" "$URL/" | grep -q "Hello, admin!" || { log "the session did not survive the greeting load"; exit 1; }
load "$OUT/anonymous.txt" "$URL/" "$DUR" "$CONNS"
GREET=$(rps "$OUT/greeting.txt")
row "(1) greeting, logged in (\`GET /\`, in-memory store)" "$GREET" "$(pct "$OUT/greeting.txt" 50)" "$(pct "$OUT/greeting.txt" 99)" "$(ratio "$GREET" "$BASE")"
ANON=$(rps "$OUT/anonymous.txt")
row "(2) anonymous \`GET /\`" "$ANON" "$(pct "$OUT/anonymous.txt" 50)" "$(pct "$OUT/anonymous.txt" 99)" "$(ratio "$ANON" "$BASE")"

# The storm: logins with the right password from connections of their own (login-storm.lua), each a
# full password check; right passwords, so that the throttle lets every one through.
export STORM_PASSWORD="storm passphrase for the benchmark" STORM_ORIGIN="$URL"
for i in $(seq 1 "$STORM_CONNS"); do
  echo "$STORM_PASSWORD" | $ON_CLIENT "$ROOT/gatehouse" users add "storm$i" --password-stdin --data-dir "$DATA" >/dev/null
done
storm() {  # outfile seconds
  $ON_CLIENT wrk -t"$STORM_CONNS" -c"$STORM_CONNS" -d"${2}s" --latency -s "$ROOT/bench/login-storm.lua" "$URL/" >"$1" 2>&1
}
storm "$OUT/storm-during.txt" $((DUR + 4)) &
STORM=$!
sleep 2
load "$OUT/greeting-storm.txt" "$URL/" "$DUR" "$CONNS" -H "Cookie: $COOKIE"
wait "$STORM"
storm "$OUT/storm.txt" "$DUR"
STORMY=$(rps "$OUT/greeting-storm.txt")
P99=$(pct "$OUT/greeting.txt" 99); P99_STORM=$(pct "$OUT/greeting-storm.txt" 99)
row "(3) greeting during a login storm" "$STORMY" "$(pct "$OUT/greeting-storm.txt" 50)" "$P99_STORM" \
  "$(ratio "$STORMY" "$BASE"); p99 $(ratio "$P99_STORM" "$P99")x (1)'s"
# Two requests a login: the form, then the post.
LOGINS=$(awk '/^Requests\/sec:/ { printf "%.1f", $2 / 2 }' "$OUT/storm.txt")
row "(4) logins alone (form + right password, each a full password check), per core" "$LOGINS" "-" "-" "-"
stop_server "$PID"

# Forward-auth: the allowed decision, the hot path of every protected application, under 20 access
# rules (the one that lets admin through is the last), asked as nginx's auth_request asks.
RULES="$OUT/rules.yaml"
{
  echo "default: deny"; echo "rules:"
  for i in $(seq 1 19); do
    printf '  - domain: svc%s.example.com\n    path: "^/(admin|internal)/%s"\n    methods: [GET, POST]\n    subject: group:team%s\n    policy: one_factor\n' "$i" "$i" "$i"
  done
  printf '  - domain: "*.example.com"\n    subject: [group:staff, user:nobody-else]\n    policy: one_factor\n'
} > "$RULES"
"$ROOT/gatehouse" users groups admin add staff --data-dir "$DATA" >/dev/null
start_server "$OUT/gatehouse-gate.log" "$ROOT/gatehouse" serve --port "$PORT" --data-dir "$DATA" --event-loops 1 \
  --cookie-domain example.com --portal-url https://auth.example.com --trusted-proxy 127.0.0.1 --access-rules "$RULES"
wait_up "$PID" "$URL/" || { log "Gatehouse with forward-auth did not start"; cat "$OUT/gatehouse-gate.log" >&2; exit 1; }
# By hand rather than through curl's cookie jar, which keeps no Secure cookie from an http:// host it takes for remote.
set_cookie() { tr -d '\r' < "$1" | awk -v name="$2" 'tolower($1) == "set-cookie:" && index($2, name "=") == 1 { sub(/;.*/, "", $2); print $2 }' | tail -1; }
$ON_CLIENT curl -s -D "$OUT/gate-form.headers" -o "$OUT/gate-form.html" -H "Host: auth.example.com" "$URL/login"
CSRF=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$OUT/gate-form.html" | head -1)
$ON_CLIENT curl -s -o /dev/null -D "$OUT/gate-login.headers" -H "Host: auth.example.com" -H "Origin: http://auth.example.com" \
  -H "Cookie: $(set_cookie "$OUT/gate-form.headers" __Host-gh_prelogin)" \
  --data-urlencode "username=admin" --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "csrf=$CSRF" "$URL/login"
GATE_COOKIE=$(set_cookie "$OUT/gate-login.headers" __Secure-gh_session)
ASK=(-H "Cookie: $GATE_COOKIE" -H "X-Original-URL: https://app.example.com/reports?q=1" -H "X-Original-Method: GET")
[ "$($ON_CLIENT curl -s -o /dev/null -w '%{http_code}' "${ASK[@]}" "$URL/auth/request")" = 200 ] \
  || { log "forward-auth did not allow the logged-in admin"; cat "$OUT/gatehouse-gate.log" >&2; exit 1; }
load "$OUT/warm-gate.txt" "$URL/auth/request" "$WARM" "$CONNS" "${ASK[@]}"
load "$OUT/gate.txt" "$URL/auth/request" "$DUR" "$CONNS" "${ASK[@]}"
stop_server "$PID"
GATE=$(rps "$OUT/gate.txt")
row "(7) forward-auth, allowed (\`GET /auth/request\`, 20 rules, the last one decides)" "$GATE" "$(pct "$OUT/gate.txt" 50)" \
  "$(pct "$OUT/gate.txt" 99)" "$(ratio "$GATE" "$BASE"); $(ratio "$GATE" "$GREET")x (1)'s"

T0=$(millis); serve "$OUT/gatehouse-restart.log"
wait_up "$PID" "$URL/" || { log "Gatehouse did not restart"; exit 1; }
RESTART=$(( $(millis) - T0 ))
stop_server "$PID"

# The same greeting with the sessions in Redis: redis-servers of the bench's own, on the server's core
# (on the client's, wrk would starve them), so the whole server side still has one core.
redis_node() {  # port [redis-server settings...] -> started, pinned, answering
  local port=$1; shift
  (cd "$REDIS_DIR" && exec taskset -c "$SERVER_CPU" redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no \
    --dbfilename "dump-$port.rdb" "$@") >"$OUT/redis-$port.log" 2>&1 &
  PIDS+=("$!"); REDIS_PIDS+=("$!")
  local i; for i in $(seq 1 100); do redis-cli -p "$port" ping >/dev/null 2>&1 && return 0; sleep 0.05; done
  return 1
}
greeting_on() {  # name session-store -> $OUT/greeting-<name>.txt, the greeting of a logged-in admin with that store
  local name=$1 store=$2 jar="$OUT/cookies-$1.txt" csrf cookie
  start_server "$OUT/gatehouse-$name.log" "$ROOT/gatehouse" serve --port "$PORT" --data-dir "$DATA" --event-loops 1 --session-store "$store"
  wait_up "$PID" "$URL/" || { log "Gatehouse on $name did not start"; exit 1; }
  csrf=$(form_csrf "$jar")
  $ON_CLIENT curl -s -o /dev/null -c "$jar" -b "$jar" -H "Origin: $URL" \
    --data-urlencode "username=admin" --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "csrf=$csrf" "$URL/login"
  cookie=$(cookie_of "$jar")
  $ON_CLIENT curl -s -H "Cookie: $cookie" "$URL/" | grep -q "Hello, admin!" || { log "no greeting with the $name store"; exit 1; }
  load "$OUT/warm-$name.txt" "$URL/" "$WARM" "$CONNS" -H "Cookie: $cookie"
  load "$OUT/greeting-$name.txt" "$URL/" "$DUR" "$CONNS" -H "Cookie: $cookie"
  stop_server "$PID"
}
REDIS_DIR=$(mktemp -d); REDIS_PIDS=()
REDIS_PORT=$(free_port)
redis_node "$REDIS_PORT" || { log "redis-server did not start"; exit 1; }
greeting_on redis "redis://127.0.0.1:$REDIS_PORT"
kill "${REDIS_PIDS[@]}" 2>/dev/null || true; REDIS_PIDS=()
# A Redis Cluster of three masters (no replicas), made as an operator would, with redis-cli.
CLUSTER_NODES=()
for _ in 1 2 3; do
  P=$(free_port)
  # The bus port is a free port of its own: by default it is the port plus 10000, past 65535 for a high free port.
  redis_node "$P" --cluster-enabled yes --cluster-config-file "nodes-$P.conf" --cluster-port "$(free_port)" \
    || { log "a cluster node did not start"; exit 1; }
  CLUSTER_NODES+=("127.0.0.1:$P")
done
redis-cli --cluster create "${CLUSTER_NODES[@]}" --cluster-replicas 0 --cluster-yes >"$OUT/cluster-create.txt" 2>&1 \
  || { log "redis-cli --cluster create failed"; cat "$OUT/cluster-create.txt" >&2; exit 1; }
for node in "${CLUSTER_NODES[@]}"; do
  for _ in $(seq 1 200); do redis-cli -p "${node#*:}" cluster info | grep -q 'cluster_state:ok' && break; sleep 0.05; done
done
greeting_on cluster "redis-cluster://$(IFS=,; echo "${CLUSTER_NODES[*]}")"
kill "${REDIS_PIDS[@]}" 2>/dev/null || true
rm -rf "$REDIS_DIR"
rm -rf "$DATA"
log "restart answered after ${RESTART} ms"

# ------------------------------------------------------------------ heap per idle session
HEAP=$($ON_SERVER java -XX:+UseSerialGC -cp "$BENCH_JAR" dev.gatehouse.bench.SessionHeap "$SESSIONS" | tee "$OUT/heap.txt" \
  | sed -n 's/.*bytes_per_session=\([0-9]*\).*/\1/p')
row "(5) heap per idle logged-in session, in-memory store ($SESSIONS sessions, after full GC)" "-" "-" "-" "$HEAP bytes"
ON_REDIS=$(rps "$OUT/greeting-redis.txt")
row "(6) greeting, logged in, sessions in Redis (redis-server sharing the server's core)" "$ON_REDIS" \
  "$(pct "$OUT/greeting-redis.txt" 50)" "$(pct "$OUT/greeting-redis.txt" 99)" "$(ratio "$ON_REDIS" "$BASE"); $(ratio "$ON_REDIS" "$GREET")x (1)'s"
ON_CLUSTER=$(rps "$OUT/greeting-cluster.txt")
row "(8) greeting, logged in, sessions in a Redis Cluster of 3 masters (sharing the server's core)" "$ON_CLUSTER" \
  "$(pct "$OUT/greeting-cluster.txt" 50)" "$(pct "$OUT/greeting-cluster.txt" 99)" "$(ratio "$ON_CLUSTER" "$BASE"); $(ratio "$ON_CLUSTER" "$ON_REDIS")x (6)'s"

# ------------------------------------------------------------------ microbenchmarks
log "JMH: the hot path and one password check"
$ON_SERVER java -jar "$BENCH_JAR" -f 1 -wi 3 -i 5 -w 1s -r 1s -foe true "HotPathBenchmark|PasswordCheckBenchmark" >"$OUT/jmh.txt" 2>&1
CHECK_MS=$(awk '$1 ~ /PasswordCheckBenchmark.passwordCheck$/ { printf "%.0f", $4 }' "$OUT/jmh.txt")

# ------------------------------------------------------------------ peers
if [ "$WITH_PEERS" = 1 ]; then
  PW=$PEERS_HOME; [ -w "$PEERS_HOME" ] || PW=$PEERS_WORK
  if [ ! -f "$PW/vertx-session/target/vertx-session-fat.jar" ]; then
    log "the peers are not built: run $PEERS_HOME/build.sh first (it builds into $PW); skipping them"
  else
    for peer in flask express vertx-session spring; do
      PORT=$(free_port)
      case $peer in
        flask) [ -x /usr/bin/gunicorn ] || continue
               (cd "$PW/flask" && exec $ON_SERVER /usr/bin/gunicorn -w 2 -k sync -b "127.0.0.1:$PORT" app:app) >"$OUT/peer-$peer.log" 2>&1 & ;;
        express) [ -d "$PW/express/node_modules" ] || continue
               (cd "$PW/express" && exec env NODE_ENV=production $ON_SERVER node app.js "$PORT") >"$OUT/peer-$peer.log" 2>&1 & ;;
        vertx-session) (cd "$PW/vertx-session" && exec $ON_SERVER java -jar target/vertx-session-fat.jar "$PORT") >"$OUT/peer-$peer.log" 2>&1 & ;;
        spring) [ -f "$PW/spring/target/spring-peer.jar" ] || continue
               (cd "$PW/spring" && exec $ON_SERVER java -jar target/spring-peer.jar --server.port="$PORT") >"$OUT/peer-$peer.log" 2>&1 & ;;
      esac
      PID=$!; PIDS+=("$PID")
      if ! wait_up "$PID" "http://127.0.0.1:$PORT/"; then log "peer $peer did not start"; stop_server "$PID"; continue; fi
      PEER_COOKIE=$($ON_CLIENT curl -s -o /dev/null -D - -d 'username=admin&password=admin' "http://127.0.0.1:$PORT/login" \
        | tr -d '\r' | awk 'tolower($1) == "set-cookie:" { sub(/^[^:]*: */, ""); sub(/;.*/, ""); printf "%s%s", sep, $0; sep = "; " }')
      $ON_CLIENT curl -s -H "Cookie: $PEER_COOKIE" "http://127.0.0.1:$PORT/" | grep -q "Hello, admin" || log "peer $peer: the greeting did not say Hello, admin"
      load "$OUT/peer-$peer-warm.txt" "http://127.0.0.1:$PORT/" "$WARM" "$CONNS" -H "Cookie: $PEER_COOKIE"
      load "$OUT/peer-$peer.txt" "http://127.0.0.1:$PORT/" "$DUR" "$CONNS" -H "Cookie: $PEER_COOKIE"
      stop_server "$PID"
      R=$(rps "$OUT/peer-$peer.txt")
      row "peer: $peer, greeting logged in" "$R" "$(pct "$OUT/peer-$peer.txt" 50)" "$(pct "$OUT/peer-$peer.txt" 99)" "$(ratio "$R" "$BASE"); Gatehouse $(ratio "$GREET" "$R")x"
    done
  fi
fi

# ------------------------------------------------------------------ the table
{
  echo
  echo "| scenario | req/s | p50 ms | p99 ms | vs baseline |"
  echo "|---|---:|---:|---:|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "- one password check (PBKDF2-HMAC-SHA512, 210,000 iterations; JMH, one thread): ${CHECK_MS:-?} ms"
  echo "- start-up to the first answered request: ${FIRST_START} ms on a first start (creates admin; the first after a build also"
  echo "  records the class-data archive), ${RESTART} ms on a restart"
  echo
  echo "Targets: greeting >= 0.80x baseline: $(ratio "$GREET" "$BASE")x;" \
    "greeting p99 during the storm <= 2x without: $(ratio "$P99_STORM" "$P99")x;" \
    "password check 50-250 ms: ${CHECK_MS:-?} ms; heap per session <= 400 B: ${HEAP} B; start-up < 1500 ms: ${FIRST_START}/${RESTART} ms;" \
    "forward-auth allowed >= the greeting's ratio: $(ratio "$GATE" "$BASE")x vs $(ratio "$GREET" "$BASE")x"
  echo
  echo "Microbenchmarks (JMH, ns/op unless the unit says otherwise):"
  awk '/^Benchmark +Mode/ { on = 1 } on' "$OUT/jmh.txt"
  echo
  echo "wrk errors, if any: $(for f in "$OUT"/*.txt; do e=$(errors "$f"); [ -n "$e" ] && printf '%s: %s ' "$(basename "$f")" "$e"; done; true)"
  echo "machine: $(sed -n '3p' "$OUT/machine.txt"); raw outputs in ${OUT#$ROOT/}"
} | tee "$OUT/table.md"
