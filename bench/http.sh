#!/usr/bin/env bash
# HTTP benchmark: numgen's GET /api/numbers (count=1, valid JWT) against a bare Boot 4 MVC
# endpoint returning a constant (bench/bare), same machine, same run, wrk on loopback.
# Goal: numgen req/s >= 0.75 x bare req/s. Prints a summary and writes it to
# bench/results/http-<date>.txt. Exits non-zero when anything failed (a server did not start,
# wrk saw non-2xx responses or errors, numbers came back wrong).
#
# Environment:
#   DURATION=15      seconds of each measured wrk run
#   WARMUP=30        least seconds of warm-up per server (10 s runs until two agree within 5%)
#   MAX_WARMUP=120   most seconds of warm-up per server
#   ROUNDS=3         measured runs per figure; the median is reported
#   THREADS=2 CONNECTIONS=32   wrk -t / -c
#   SKIP_BUILD=1     do not rebuild numgen (its jar must exist); bench/bare is still built when
#                    its jar is missing or older than its sources
#   BENCH_ONLY=bare  measure the bare endpoint only (no numgen build/run, no ratio)
#   BENCH_ONLY=client  numgen's count=1 over HTTP (wrk -c1 and -c8) against the same rule issued
#                    by a NumberClient (numgen-client) in a JVM of its own that joins the same
#                    server, on 1 and 8 threads (dev.numgen.bench.ClientIssueBench)
#   BENCH_ONLY=gapless  measure numgen's GAPLESS runs only (count=1, count=1 with a fresh
#                    Idempotency-Key per request, count=100; -c8), e.g. to compare two builds
#   SKIP_JMH=1       do not run bench/jmh.sh afterwards
#   ENFORCE=1        also exit non-zero (3) when the ratio is below MIN_RATIO
#   MIN_RATIO=0.75   the target ratio
#   KEEP_TMP=1       keep the temporary directory (server logs, wrk output, Ignite work dir)
#   NUMGEN_JAR=...   default numgen-server/target/numgen-0.1.0-SNAPSHOT.jar
#   OTHER_STRATEGIES=0  skip the GAPLESS and SNOWFLAKE runs
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
BARE_DIR="$BENCH_DIR/bare"
BARE_JAR="$BARE_DIR/target/bare.jar"
NUMGEN_JAR=${NUMGEN_JAR:-$REPO/numgen-server/target/numgen-0.1.0-SNAPSHOT.jar}
RESULTS_DIR="$BENCH_DIR/results"

DURATION=${DURATION:-15}
WARMUP=${WARMUP:-30}
MAX_WARMUP=${MAX_WARMUP:-120}
ROUNDS=${ROUNDS:-3}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
MIN_RATIO=${MIN_RATIO:-0.75}
BENCH_ONLY=${BENCH_ONLY:-}
HEALTH_TIMEOUT=120
JAVA_HEAP=-Xmx512m

CLIENT_ID=numgen-local
CLIENT_SECRET=numgen-local-secret
SCOPES='numbers:generate prefix-configs:write prefix-configs:read'
PREFIX_KEY=BENCH
RULE_JSON='{"format":"ORD-{yyyy}{MM}{dd}-{seq:12}","reserveSize":1000}'
BARE_CONSTANT=ORD-20261125-000042

WORK=$(mktemp -d "${TMPDIR:-/tmp}/numgen-bench.XXXXXX")
STARTED_PIDS=()
TOKEN=

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() {
    log "FAILED: $*"
    exit 1
}

stop_pid() {
    local pid=$1
    kill -0 "$pid" 2>/dev/null || return 0
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 1
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "pid $pid ignored SIGTERM for 30 s: SIGKILL"
        kill -9 "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
    forget_pid "$pid"
}

# forget_pid PID: drops a finished process from STARTED_PIDS, so a reused PID is never killed.
forget_pid() {
    local keep=() p
    for p in "${STARTED_PIDS[@]}"; do
        [[ $p == "$1" ]] || keep+=("$p")
    done
    STARTED_PIDS=("${keep[@]}")
}

cleanup() {
    local status=$? pid
    for pid in "${STARTED_PIDS[@]}"; do
        stop_pid "$pid"
    done
    if [[ $status -ne 0 ]]; then
        local f
        for f in "$WORK"/*.log; do
            [[ -f $f ]] || continue
            log "last lines of $(basename "$f"):"
            tail -n 40 "$f" >&2 || true
        done
    fi
    if [[ ${KEEP_TMP:-0} == 1 ]]; then
        log "kept $WORK"
    else
        rm -rf "$WORK"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------- tools

ensure_wrk() {
    command -v wrk >/dev/null 2>&1 && return 0
    log "installing wrk"
    if ! apt-get install -y wrk >/dev/null 2>&1; then
        apt-get update >/dev/null
        apt-get install -y wrk >/dev/null
    fi
    command -v wrk >/dev/null 2>&1 || die "wrk could not be installed"
}

command -v curl >/dev/null 2>&1 || die "curl is required"
command -v java >/dev/null 2>&1 || die "java is required"
HAVE_PY=0
command -v python3 >/dev/null 2>&1 && HAVE_PY=1

maven() { # maven <pom dir> args...: ./mvnw of the repo when present, else mvn
    local dir=$1
    shift
    if [[ -x $REPO/mvnw ]]; then
        (cd "$dir" && "$REPO/mvnw" "$@")
    elif command -v mvn >/dev/null 2>&1; then
        (cd "$dir" && mvn "$@")
    else
        die "neither ./mvnw nor mvn found"
    fi
}

build_bare() {
    if [[ -f $BARE_JAR ]] && [[ -z $(find "$BARE_DIR/src" "$BARE_DIR/pom.xml" -newer "$BARE_JAR" -print -quit) ]]; then
        return 0
    fi
    log "building bench/bare"
    if command -v mvn >/dev/null 2>&1; then
        mvn -q -f "$BARE_DIR/pom.xml" package -DskipTests
    else
        "$REPO/mvnw" -q -f "$BARE_DIR/pom.xml" package -DskipTests
    fi
    [[ -f $BARE_JAR ]] || die "bench/bare built no $BARE_JAR"
}

build_numgen() {
    if [[ ${SKIP_BUILD:-0} == 1 ]]; then
        log "SKIP_BUILD=1: using the existing $NUMGEN_JAR"
    else
        log "building numgen (package, tests skipped)"
        maven "$REPO" -q -DskipTests package
    fi
    [[ -f $NUMGEN_JAR ]] || die "no $NUMGEN_JAR"
}

# ---------------------------------------------------------------------------- ports, servers

# free_ports N: N distinct loopback ports that were free a moment ago.
free_ports() {
    local n=$1
    if [[ $HAVE_PY == 1 ]]; then
        python3 - "$n" <<'PY'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
for s in socks:
    s.close()
PY
    else
        local ports=() p
        while [[ ${#ports[@]} -lt $n ]]; do
            p=$((20000 + RANDOM % 30000))
            [[ " ${ports[*]} " == *" $p "* ]] && continue
            if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
                ports+=("$p")
            fi
        done
        echo "${ports[*]}"
    fi
}

# start_java NAME ARGS...: starts a JVM in the background, logging to $WORK/NAME.log; sets LAST_PID.
start_java() {
    local name=$1
    shift
    java "$@" >"$WORK/$name.log" 2>&1 &
    LAST_PID=$!
    STARTED_PIDS+=("$LAST_PID")
}

# wait_until PID TIMEOUT DESCRIPTION COMMAND...: polls COMMAND each half second.
wait_until() {
    local pid=$1 timeout=$2 what=$3
    shift 3
    local deadline=$((SECONDS + timeout))
    while ((SECONDS < deadline)); do
        kill -0 "$pid" 2>/dev/null || die "$what: the process exited during startup"
        if "$@"; then
            return 0
        fi
        sleep 0.5
    done
    die "$what: not ready after ${timeout} s"
}

bare_answers() { [[ $(curl -s -m 2 "http://127.0.0.1:$1/constant" 2>/dev/null) == "$BARE_CONSTANT" ]]; }
health_up() { curl -s -m 2 "http://127.0.0.1:$1/actuator/health" 2>/dev/null | grep -q '"status" *: *"UP"'; }

# ---------------------------------------------------------------------------- wrk

# wrk_run LABEL SECONDS URL [wrk args...]: runs wrk, keeps its output in $WORK/wrk-LABEL.txt,
# fails on no requests, non-2xx/3xx responses or socket errors; sets RPS, P99, REQUESTS.
wrk_run() {
    local label=$1 seconds=$2 url=$3
    shift 3
    local out="$WORK/wrk-$label.txt"
    log "wrk $label: -t$THREADS -c$CONNECTIONS -d${seconds}s"
    # In the background and waited for, so that a signal stops the run at once (the EXIT trap
    # then ends wrk and the servers) instead of after wrk's full duration.
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --latency "$@" "$url" >"$out" 2>&1 &
    local wrk_pid=$!
    STARTED_PIDS+=("$wrk_pid")
    local wrk_status=0
    wait "$wrk_pid" || wrk_status=$?
    forget_pid "$wrk_pid"
    if [[ $wrk_status -ne 0 ]]; then
        cat "$out" >&2
        die "wrk $label exited with status $wrk_status"
    fi
    RPS=$(awk '/^Requests\/sec:/ {print $2}' "$out")
    P99=$(awk '$1 == "99%" {print $2}' "$out")
    REQUESTS=$(awk '/requests in/ {print $1}' "$out")
    local non2xx errors
    non2xx=$(awk -F: '/Non-2xx or 3xx responses/ {gsub(/[ \t]/, "", $2); print $2}' "$out")
    errors=$(grep 'Socket errors' "$out" || true)
    sed 's/^/    /' "$out" >&2
    [[ -n $RPS && -n $REQUESTS && $REQUESTS != 0 ]] || die "wrk $label: no requests completed"
    [[ -z $non2xx || $non2xx == 0 ]] || die "wrk $label: $non2xx non-2xx/3xx responses"
    [[ -z $errors ]] || die "wrk $label: $errors"
    return 0
}

# Warms a server up until its throughput settles: 10-second runs until two in a row are within
# 5% of each other, at least WARMUP and at most MAX_WARMUP seconds in all. A large Spring app
# on 2 cores keeps its JIT compilers busy for a minute or more.
warm_up() {
    local label=$1 url=$2
    shift 2
    local spent=0 previous=0
    while (( spent < MAX_WARMUP )); do
        wrk_run "$label-warmup" 10 "$url" "$@"
        spent=$((spent + 10))
        if (( spent >= WARMUP )) && awk -v a="$RPS" -v b="$previous" 'BEGIN { exit !(b > 0 && a > 0 && (a > b ? a / b : b / a) < 1.05) }'; then
            log "$label settled at ${RPS} req/s after ${spent}s of warm-up"
            return 0
        fi
        previous=$RPS
    done
    log "$label still not settled after ${spent}s of warm-up; measuring anyway"
}

# ROUNDS measured runs of DURATION seconds; RPS and P99 become those of the median run.
measure() {
    local label=$1 url=$2
    shift 2
    local results=()
    for round in $(seq 1 "$ROUNDS"); do
        wrk_run "$label-$round" "$DURATION" "$url" "$@"
        results+=("$RPS $P99")
    done
    local median
    median=$(printf '%s\n' "${results[@]}" | sort -n | sed -n "$(( (ROUNDS + 1) / 2 ))p")
    log "$label rounds (req/s p99): $(printf '[%s] ' "${results[@]}")"
    RPS=${median% *} P99=${median#* }
}

# ---------------------------------------------------------------------------- numgen calls

json_field() { # json_field FIELD < json: a top-level string field
    if [[ $HAVE_PY == 1 ]]; then
        python3 -c 'import json,sys; v=json.load(sys.stdin).get(sys.argv[1]); print(v if v is not None else "")' "$1" 2>/dev/null || true
    else
        sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\\([^\"]*\\)\".*/\\1/p" | head -n 1
    fi
}

json_numbers() { # the "numbers" array of an issue response, one per line
    if [[ $HAVE_PY == 1 ]]; then
        python3 -c 'import json,sys; [print(n) for n in json.load(sys.stdin).get("numbers") or []]' 2>/dev/null || true
    else
        sed -n 's/.*"numbers"[[:space:]]*:[[:space:]]*\[\([^]]*\)\].*/\1/p' | tr ',' '\n' | sed 's/^[[:space:]]*"//; s/"[[:space:]]*$//' | sed '/^$/d'
    fi
}

fetch_token() { # sets TOKEN; never prints it
    local response
    response=$(curl -s -m 10 -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials \
        --data-urlencode "scope=$SCOPES" "http://127.0.0.1:$ISSUER_PORT/oauth2/token") ||
        die "token request to the dev issuer on port $ISSUER_PORT failed"
    TOKEN=$(json_field access_token <<<"$response")
    [[ -n $TOKEN ]] || die "the dev issuer returned no access_token (error: $(json_field error <<<"$response"))"
}

register_rule() {
    local status
    status=$(curl -s -m 30 -o "$WORK/put-rule.json" -w '%{http_code}' -X PUT \
        -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        --data "$RULE_JSON" "http://127.0.0.1:$PORT/api/prefix-configs/$PREFIX_KEY") || status=000
    [[ $status == 200 || $status == 201 ]] ||
        die "PUT /api/prefix-configs/$PREFIX_KEY answered $status: $(head -c 500 "$WORK/put-rule.json" 2>/dev/null)"
    log "rule $PREFIX_KEY registered (HTTP $status)"
}

issue() { # issue COUNT: prints the numbers issued, one per line
    local status body="$WORK/issue.json"
    status=$(curl -s -m 30 -o "$body" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
        -H 'Accept: application/json' "http://127.0.0.1:$PORT/api/numbers?prefixKey=$PREFIX_KEY&count=$1") || status=000
    [[ $status == 200 ]] || die "GET /api/numbers count=$1 answered $status: $(head -c 500 "$body" 2>/dev/null)"
    json_numbers <"$body"
}

check_numbers() {
    local all=() n
    for _ in 1 2 3; do
        n=$(issue 1)
        [[ $(wc -l <<<"$n") == 1 && -n $n ]] || die "count=1 returned not exactly one number: '$n'"
        [[ $n =~ ^ORD-[0-9]{8}-[0-9]+$ ]] || die "malformed number '$n' (expected ORD-yyyyMMdd-<seq>)"
        all+=("$n")
    done
    [[ $(printf '%s\n' "${all[@]}" | sort -u | wc -l) == 3 ]] || die "duplicate numbers: ${all[*]}"
    local hundred
    hundred=$(issue 100 | grep -c '^ORD-' || true)
    [[ $hundred == 100 ]] || die "count=100 returned $hundred ORD- numbers"
    CHECKED="${all[*]}"
    log "numbers after the load look right: $CHECKED (and count=100 gave 100)"
}

# ---------------------------------------------------------------------------- phases

measure_bare() {
    local port
    port=$(free_ports 1)
    log "starting bench/bare on port $port"
    start_java bare "$JAVA_HEAP" -jar "$BARE_JAR" "--server.port=$port"
    local pid=$LAST_PID
    wait_until "$pid" 60 "bench/bare" bare_answers "$port"
    local url="http://127.0.0.1:$port/constant"
    warm_up bare "$url"
    measure bare "$url"
    BARE_RPS=$RPS BARE_P99=$P99
    stop_pid "$pid"
}

measure_numgen() {
    read -r PORT ISSUER_PORT DISCOVERY_PORT COMM_PORT CLIENT_PORT <<<"$(free_ports 5)"
    mkdir -p "$WORK/data"
    log "starting numgen on port $PORT (dev issuer $ISSUER_PORT)"
    # The Ignite arguments only give this node its own loopback ports so that it can never join
    # another numgen node running on this machine; they change nothing on the request path. The
    # quota stays on (its check is part of every request) but high enough for one client at full speed.
    start_java numgen "$JAVA_HEAP" -jar "$NUMGEN_JAR" \
        --spring.profiles.active=local \
        "--server.port=$PORT" \
        "--numgen.security.dev-issuer.port=$ISSUER_PORT" \
        "--numgen.ignite.work-dir=$WORK/data" \
        "--numgen.ignite.instance-name=bench-$$" \
        "--numgen.ignite.discovery-port=$DISCOVERY_PORT" \
        "--numgen.ignite.discovery-addresses=127.0.0.1:$DISCOVERY_PORT" \
        "--numgen.ignite.communication-port=$COMM_PORT" \
        "--numgen.ignite.client-connector-port=$CLIENT_PORT" \
        --numgen.ignite.port-range=0 \
        --numgen.quota.numbers-per-minute=1000000000 \
        --numgen.idempotency.max-keys-per-client=1000000000 \
        --numgen.idempotency.max-numbers-per-client=1000000000
    local pid=$LAST_PID
    wait_until "$pid" "$HEALTH_TIMEOUT" "numgen (/actuator/health UP)" health_up "$PORT"
    log "numgen is UP"

    fetch_token
    register_rule

    if [[ $BENCH_ONLY == gapless ]]; then
        measure_gapless
        stop_pid "$pid"
        return 0
    fi
    if [[ $BENCH_ONLY == client ]]; then
        measure_client
        stop_pid "$pid"
        return 0
    fi

    local url="http://127.0.0.1:$PORT/api/numbers?prefixKey=$PREFIX_KEY"
    fetch_token
    warm_up numgen "$url" -H "Authorization: Bearer $TOKEN"
    fetch_token
    measure numgen "$url" -H "Authorization: Bearer $TOKEN"
    NUMGEN_RPS=$RPS NUMGEN_P99=$P99

    fetch_token
    warm_up numgen100 "$url&count=100" -H "Authorization: Bearer $TOKEN"
    fetch_token
    measure numgen100 "$url&count=100" -H "Authorization: Bearer $TOKEN"
    NUMGEN100_RPS=$RPS NUMGEN100_P99=$P99

    fetch_token
    check_numbers
    if [[ ${OTHER_STRATEGIES:-1} == 1 ]]; then
        measure_other_strategies
    fi
    stop_pid "$pid"
}

# GAPLESS and SNOWFLAKE over HTTP, count=1 and count=100, one warm-up and ROUNDS runs each.
declare -A STRATEGY_RPS=()
declare -A STRATEGY_P99=()
measure_other_strategies() {
    local key strategy format url
    for strategy in GAPLESS SNOWFLAKE; do
        key="BENCH-$strategy"
        format='X-{seq}'
        [[ $strategy == GAPLESS ]] && format='G-{seq:12}'
        fetch_token
        put_rule "$key" "{\"format\":\"$format\",\"strategy\":\"$strategy\"}"
        url="http://127.0.0.1:$PORT/api/numbers?prefixKey=$key"
        # GAPLESS: 8 concurrent clients, as its target names; every request is a durable commit.
        local saved_connections=$CONNECTIONS
        [[ $strategy == GAPLESS ]] && CONNECTIONS=8
        for count in 1 100; do
            fetch_token
            wrk_run "$strategy-$count-warmup" 10 "$url&count=$count" -H "Authorization: Bearer $TOKEN"
            fetch_token
            measure "$strategy-$count" "$url&count=$count" -H "Authorization: Bearer $TOKEN"
            STRATEGY_RPS[$strategy-$count]=$RPS
        done
        CONNECTIONS=$saved_connections
    done
}

# GAPLESS alone at -c8: count=1, count=1 with a fresh Idempotency-Key per request (wrk script),
# count=100; a warm-up until throughput settles, then ROUNDS runs each.
measure_gapless() {
    local key=BENCH-GAPLESS url
    fetch_token
    put_rule "$key" '{"format":"G-{seq:12}","strategy":"GAPLESS"}'
    url="http://127.0.0.1:$PORT/api/numbers?prefixKey=$key"
    local saved_connections=$CONNECTIONS
    CONNECTIONS=8
    fetch_token
    warm_up GAPLESS-1 "$url" -H "Authorization: Bearer $TOKEN"
    fetch_token
    measure GAPLESS-1 "$url" -H "Authorization: Bearer $TOKEN"
    STRATEGY_RPS[GAPLESS-1]=$RPS STRATEGY_P99[GAPLESS-1]=$P99
    fetch_token
    measure GAPLESS-1-keyed "$url" -H "Authorization: Bearer $TOKEN" -s "$BENCH_DIR/fresh-idempotency-key.lua"
    STRATEGY_RPS[GAPLESS-1-keyed]=$RPS STRATEGY_P99[GAPLESS-1-keyed]=$P99
    fetch_token
    measure GAPLESS-100 "$url&count=100" -H "Authorization: Bearer $TOKEN"
    STRATEGY_RPS[GAPLESS-100]=$RPS STRATEGY_P99[GAPLESS-100]=$P99
    CONNECTIONS=$saved_connections
}

# The numgen-server test classpath (numgen-client among it) and Ignite's --add-opens, for the
# client JVM; one reactor run that also packages the server's jar, nothing goes to ~/.m2.
build_client_classpath() {
    log "building numgen-server and its test classpath (package, tests skipped)"
    maven "$REPO" -q -DskipTests -Dspotless.check.skip=true -pl numgen-server -am package \
        dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath" >/dev/null
    CLIENT_CLASSPATH="$REPO/numgen-server/target/test-classes:$REPO/numgen-server/target/classes:$(cat "$WORK/classpath")"
    ADD_OPENS=$(maven "$REPO" -q -N help:evaluate -Dexpression=ignite.add-opens -DforceStdout)
}

# count=1 of rule BENCH: over HTTP with wrk at 1 and 8 connections, then from a NumberClient in
# its own JVM at 1 and 8 threads, against the same server, one after the other.
declare -A CLIENT_RPS=()
declare -A CLIENT_P99=()
measure_client() {
    local url="http://127.0.0.1:$PORT/api/numbers?prefixKey=$PREFIX_KEY" c
    local saved_threads=$THREADS saved_connections=$CONNECTIONS
    for c in 1 8; do
        CONNECTIONS=$c THREADS=$((c < 2 ? 1 : 2))
        fetch_token
        warm_up "http-c$c" "$url" -H "Authorization: Bearer $TOKEN"
        fetch_token
        measure "http-c$c" "$url" -H "Authorization: Bearer $TOKEN"
        CLIENT_RPS[http-$c]=$RPS CLIENT_P99[http-$c]=$P99
    done
    THREADS=$saved_threads CONNECTIONS=$saved_connections
    local client_port
    client_port=$(free_ports 1)
    log "NumberClient JVM joining 127.0.0.1:$DISCOVERY_PORT (communication port $client_port)"
    # shellcheck disable=SC2086 # ADD_OPENS is a list of flags
    java $JAVA_HEAP $ADD_OPENS -cp "$CLIENT_CLASSPATH" dev.numgen.bench.ClientIssueBench \
        "127.0.0.1:$DISCOVERY_PORT" "$client_port" "$PREFIX_KEY" "$WARMUP" "$DURATION" "$ROUNDS" 1 8 \
        >"$WORK/client.log" 2>&1 || die "the client benchmark failed"
    local line threads
    while read -r line; do
        threads=$(sed -n 's/.*threads=\([0-9]*\).*/\1/p' <<<"$line")
        CLIENT_RPS[client-$threads]=$(sed -n 's/.*numbers\/s=\([0-9]*\).*/\1/p' <<<"$line")
        CLIENT_P99[client-$threads]="$(sed -n 's/.*p99_us=\([0-9.]*\).*/\1/p' <<<"$line")us"
        log "client: $line"
    done < <(grep '^CLIENT ' "$WORK/client.log")
    [[ -n ${CLIENT_RPS[client-1]:-} && -n ${CLIENT_RPS[client-8]:-} ]] || die "the client benchmark printed no figures"
}

put_rule() { # put_rule KEY JSON
    local status
    status=$(curl -s -m 30 -o "$WORK/put-rule.json" -w '%{http_code}' -X PUT \
        -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        --data "$2" "http://127.0.0.1:$PORT/api/prefix-configs/$1") || status=000
    [[ $status == 200 || $status == 201 ]] ||
        die "PUT /api/prefix-configs/$1 answered $status: $(head -c 500 "$WORK/put-rule.json" 2>/dev/null)"
}

### JMH hook ################################################################################
# The in-process JMH measurement is owned elsewhere: bench/jmh.sh, when it exists, runs it.
# Called after the HTTP servers have stopped so the two never share the CPU. SKIP_JMH=1 skips.
run_jmh() {
    if [[ ${SKIP_JMH:-0} == 1 ]]; then
        log "SKIP_JMH=1: JMH not run"
    elif [[ -f $BENCH_DIR/jmh.sh ]]; then
        log "running bench/jmh.sh"
        (cd "$REPO" && bash bench/jmh.sh)
    else
        log "bench/jmh.sh absent: JMH not run"
    fi
}
#############################################################################################

summary() {
    local cpu javav commit
    cpu=$(grep -m1 -E '^(model name|Model|cpu model)' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^[[:space:]]*//' || true)
    javav=$(java -version 2>&1 | head -n 1)
    commit=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)
    if [[ -n $(git -C "$REPO" status --porcelain -- src pom.xml 2>/dev/null) ]]; then
        commit="$commit (src or pom.xml modified)"
    fi
    printf 'numgen HTTP benchmark\n'
    printf '  date          %s\n' "$RUN_DATE"
    printf '  machine       %s cores, %s\n' "$(nproc)" "${cpu:-unknown CPU}"
    printf '  load average  %s (at start)\n' "$LOAD_AT_START"
    printf '  java          %s, %s per server\n' "$javav" "$JAVA_HEAP"
    printf '  wrk           wrk -t%s -c%s -d%ss on loopback, median of %s runs, after %s-%ss of warm-up until stable\n' \
        "$THREADS" "$CONNECTIONS" "$DURATION" "$ROUNDS" "$WARMUP" "$MAX_WARMUP"
    printf '  numgen        %s\n' "$commit"
    printf '  numgen jar    %s\n' "${NUMGEN_JAR#"$REPO"/}"
    printf '\n'
    if [[ $BENCH_ONLY == client ]]; then
        printf '  %-46s %12s %10s\n' "count=1 of $PREFIX_KEY (SEGMENT), same server" "numbers/s" "p99"
        for entry in http-1 client-1 http-8 client-8; do
            printf '  %-46s %12.0f %10s\n' "$entry" "${CLIENT_RPS[$entry]}" "${CLIENT_P99[$entry]}"
        done
        return 0
    fi
    if [[ $BENCH_ONLY == gapless ]]; then
        printf '  %-46s %12s %10s %14s\n' "GAPLESS over HTTP, -c8 (JWT)" "req/s" "p99" "numbers/s"
        for entry in GAPLESS-1 GAPLESS-1-keyed GAPLESS-100; do
            local rps=${STRATEGY_RPS[$entry]:-0} count=1
            [[ $entry == GAPLESS-100 ]] && count=100
            printf '  %-46s %12.0f %10s %14.0f\n' "$entry" "$rps" "${STRATEGY_P99[$entry]:-}" \
                "$(awk -v r="$rps" -v c="$count" 'BEGIN {print r * c}')"
        done
        return 0
    fi
    printf '  %-46s %12s %10s\n' "measurement" "req/s" "p99"
    printf '  %-46s %12.0f %10s\n' "bare Boot MVC   GET /constant" "$BARE_RPS" "$BARE_P99"
    if [[ $BENCH_ONLY != bare ]]; then
        printf '  %-46s %12.0f %10s\n' "numgen          GET /api/numbers count=1 (JWT)" "$NUMGEN_RPS" "$NUMGEN_P99"
        printf '  %-46s %12.0f %10s\n' "numgen          GET /api/numbers count=100 (JWT)" "$NUMGEN100_RPS" "$NUMGEN100_P99"
        printf '\n'
        printf '  ratio numgen/bare (count=1)    %s   (target >= %s: %s)\n' "$RATIO" "$MIN_RATIO" "$VERDICT"
        printf '  count=100 numbers/s            %.0f\n' "$(awk -v r="$NUMGEN100_RPS" 'BEGIN {print r * 100}')"
        printf '  numbers checked after load     %s\n' "$CHECKED"
        if [[ ${#STRATEGY_RPS[@]} -gt 0 ]]; then
            printf '\n  %-46s %12s %14s\n' "other strategies over HTTP (GAPLESS: -c8)" "req/s" "numbers/s"
            for entry in GAPLESS-1 GAPLESS-100 SNOWFLAKE-1 SNOWFLAKE-100; do
                local rps=${STRATEGY_RPS[$entry]:-0} count=${entry##*-}
                printf '  %-46s %12.0f %14.0f\n' "${entry%-*} count=$count" "$rps" \
                    "$(awk -v r="$rps" -v c="$count" 'BEGIN {print r * c}')"
            done
        fi
    fi
}

main() {
    RUN_DATE=$(date -u +%Y-%m-%dT%H:%M:%SZ)
    local stamp
    stamp=$(date -u +%Y%m%dT%H%M%SZ)
    LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

    ensure_wrk
    [[ $BENCH_ONLY == gapless || $BENCH_ONLY == client ]] || build_bare
    if [[ $BENCH_ONLY == client ]]; then
        build_client_classpath
    elif [[ $BENCH_ONLY != bare ]]; then
        build_numgen
    fi

    [[ $BENCH_ONLY == gapless || $BENCH_ONLY == client ]] || measure_bare
    if [[ $BENCH_ONLY == gapless || $BENCH_ONLY == client ]]; then
        measure_numgen
    elif [[ $BENCH_ONLY != bare ]]; then
        measure_numgen
        RATIO=$(awk -v n="$NUMGEN_RPS" -v b="$BARE_RPS" 'BEGIN {printf "%.2f", n / b}')
        if awk -v r="$RATIO" -v m="$MIN_RATIO" 'BEGIN {exit !(r >= m)}'; then VERDICT=met; else VERDICT="NOT met"; fi
    fi

    mkdir -p "$RESULTS_DIR"
    local file="$RESULTS_DIR/http-$stamp.txt"
    summary | tee "$file"
    log "summary written to ${file#"$REPO"/}"

    [[ $BENCH_ONLY == client ]] || run_jmh

    if [[ ${ENFORCE:-0} == 1 && $BENCH_ONLY == "" && $VERDICT != met ]]; then
        log "ENFORCE=1 and the ratio $RATIO is below $MIN_RATIO"
        exit 3
    fi
}

main "$@"
