#!/usr/bin/env bash
# Probes a running numgen node from outside, as an attacker would, for the defects of the first security review:
# route spellings with other rules, regular expressions that backtrack, malformed requests answered with 500 or
# HTML, an open Ignite thin-client port, body fields that override parameters, and a broken OpenAPI document.
#
#   security-tests/probe.sh [API_URL] [ISSUER_URL] [THIN_CLIENT_PORT]
#
# Defaults fit the README's quickstart (http://localhost:8080, http://localhost:9000, 10800). Needs curl and python3.
# It registers rules named PROBE-* on the node. Exit status 0 when every probe holds.
set -uo pipefail
api=${1:-http://localhost:8080} issuer=${2:-http://localhost:9000} thin_port=${3:-10800}
passed=0 failed=0

check() { # name, expected, actual
    if [[ $2 == "$3" ]]; then passed=$((passed + 1)); echo "PASS $1";
    else failed=$((failed + 1)); echo "FAIL $1: expected $2, got $3"; fi
}
token() {
    curl -s -u numgen-local:numgen-local-secret -d grant_type=client_credentials --data-urlencode "scope=$1" \
        "$issuer/oauth2/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
status() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@"; }
# Status and problem type, e.g. "400 /problems/invalid-request"; "html" when the body is not a problem.
problem() {
    local out; out=$(curl -s --max-time 10 -w '\n%{http_code} %{content_type}' "$@")
    local last=${out##*$'\n'} body=${out%$'\n'*}
    case $last in
        *problem+json*) echo "${last%% *} $(python3 -c 'import json,sys; print(json.loads(sys.stdin.read())["type"])' <<<"$body")" ;;
        *) echo "${last%% *} html" ;;
    esac
}

none=$(token "prefix-configs:read") || { echo "no token from $issuer"; exit 2; }
writer=$(token "prefix-configs:write")
generator=$(token "numbers:generate")
admin=$(token "numbers:admin")

echo "== 1. a route's rule is the same under every spelling"
for path in /api/numbers/X-1/void /numbers/X-1/void /API/numbers/X-1/void /numbers/X-1/void/ /%6eumbers/X-1/void; do
    check "void at $path without numbers:admin" 403 "$(status -X POST -H "Authorization: Bearer $none" \
        -H 'Content-Type: application/json' -d '{"prefixKey":"PROBE-G","reason":"probe"}' --path-as-is "$api$path")"
done
for path in /cluster /api/cluster /provisional-numbers /api/provisional-numbers; do
    check "GET $path without numbers:admin" 403 "$(status -H "Authorization: Bearer $none" "$api$path")"
done
check "an unmapped path with a token" 403 "$(status -H "Authorization: Bearer $admin" "$api/no/such/route")"

echo "== 2. variable patterns match in linear time, are bounded, and are RE2"
rule='{"format":"{var:v}{seq:1}","variables":{"v":{"pattern":"(a+)+","maxLength":60}}}'
code=$(status -X PUT -H "Authorization: Bearer $writer" -H 'Content-Type: application/json' -d "$rule" \
    "$api/api/prefix-configs/PROBE-RE")
check "a nested-quantifier pattern is accepted (RE2 matches it in linear time)" yes \
    "$([[ $code == 200 || $code == 201 ]] && echo yes || echo "no ($code)")"
value="$(printf 'a%.0s' {1..59})-"
started=$(date +%s%N)
code=$(status -H "Authorization: Bearer $generator" "$api/api/numbers?prefixKey=PROBE-RE&v=$value")
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))
check "a value that makes backtracking engines run for ever is refused" 400 "$code"
check "... within 2 s" yes "$([[ $elapsed_ms -lt 2000 ]] && echo yes || echo "no (${elapsed_ms} ms)")"
for size in 10000 100000; do
    long=$(python3 -c "print('a' * $size)")
    expected="422 /problems/invalid-rule"; ((size > 65536)) && expected="413 /problems/payload-too-large"
    check "a pattern of $size characters is refused" "$expected" \
        "$(problem -X PUT -H "Authorization: Bearer $writer" -H 'Content-Type: application/json' \
            -d "{\"format\":\"PL-{var:v}-{seq}\",\"variables\":{\"v\":{\"pattern\":\"$long\"}}}" "$api/api/prefix-configs/PROBE-LONG")"
done
check "a back-reference is refused" "422 /problems/invalid-rule" \
    "$(problem -X PUT -H "Authorization: Bearer $writer" -H 'Content-Type: application/json' \
        -d '{"format":"PB-{var:v}-{seq}","variables":{"v":{"pattern":"(a)\\1"}}}' "$api/api/prefix-configs/PROBE-BACKREF")"

echo "== 3. malformed requests are 4xx problems, never 500 or HTML"
for query in 'x=%ff' 'a=%zz' '=1'; do
    check "health?$query without a token" "400 /problems/invalid-request" "$(problem "$api/actuator/health?$query")"
done
check "numbers?x=%ff" "400 /problems/invalid-request" "$(problem -H "Authorization: Bearer $generator" "$api/api/numbers?x=%ff")"
check "provisional-numbers?x=%ff" "400 /problems/invalid-request" \
    "$(problem -H "Authorization: Bearer $admin" "$api/api/provisional-numbers?x=%ff")"
check "a malformed Accept" "400 /problems/invalid-request" \
    "$(problem -H "Authorization: Bearer $generator" -H 'Accept: text/' "$api/api/numbers?prefixKey=X")"
check "baseline with a null id" "400 /problems/invalid-request" \
    "$(problem -X PUT -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' -d '{"consistentIds":[null]}' "$api/api/cluster/baseline")"
check "a multipart Content-Type on a GET without a body" 200 "$(status -H 'Content-Type: multipart/form-data' "$api/actuator/health")"
for path in '/api/prefix-configs/A%2FB' '/api/prefix-configs/%00' '/api/prefix-configs;x=1' '//api/prefix-configs'; do
    check "GET $path" "400 /problems/request-rejected" "$(problem --path-as-is "$api$path")"
done
check "headers over the limit" "431 /problems/headers-too-large" "$(problem -H "X-Big: $(python3 -c 'print("a" * 20000)')" "$api/actuator/health")"
check "a request line over the limit" "414 /problems/uri-too-long" "$(problem "$api/actuator/health?q=$(python3 -c 'print("a" * 20000)')")"
check "TRACE" "405 /problems/method-not-allowed" "$(problem -X TRACE "$api/api/prefix-configs")"

echo "== 4. no listener but the API and the cluster's own"
if (exec 3<>"/dev/tcp/127.0.0.1/$thin_port") 2>/dev/null; then check "thin-client port $thin_port is closed" closed open
else check "thin-client port $thin_port is closed" closed closed; fi
if (exec 3<>/dev/tcp/127.0.0.1/11211) 2>/dev/null; then check "Ignite REST port 11211 is closed" closed open
else check "Ignite REST port 11211 is closed" closed closed; fi

echo "== 5. body fields do not override parameters"
status -X PUT -H "Authorization: Bearer $writer" -H 'Content-Type: application/json' \
    -d '{"format":"PC-{seq}"}' "$api/api/prefix-configs/PROBE-COUNT" >/dev/null
# PROBE-COUNT declares no variables: a body variable named count is refused as a variable, not taken as the count.
check "a variable named count does not change the count" "400" \
    "$(status -X POST -H "Authorization: Bearer $generator" -H 'Content-Type: application/json' \
        -d '{"prefixKey":"PROBE-COUNT","count":1,"variables":{"count":"1000"}}' "$api/api/numbers")"
check "a variable named prefixKey does not change the rule" "400" \
    "$(status -X POST -H "Authorization: Bearer $generator" -H 'Content-Type: application/json' \
        -d '{"prefixKey":"PROBE-COUNT","variables":{"prefixKey":"OTHER"}}' "$api/api/numbers")"
check "a rule may not declare a variable named count" "422 /problems/invalid-rule" \
    "$(problem -X PUT -H "Authorization: Bearer $writer" -H 'Content-Type: application/json' \
        -d '{"format":"PV-{var:count}-{seq}","variables":{"count":{"pattern":"[0-9]+"}}}' "$api/api/prefix-configs/PROBE-VAR")"

echo "== 6. the OpenAPI document is valid and as strict as the API"
check "every \$ref resolves, the Problem schema exists, constraints are stated" ok "$(curl -s "$api/v3/api-docs" | python3 -c '
import json, sys
d = json.load(sys.stdin)
refs = []
def walk(n):
    if isinstance(n, dict):
        for k, v in n.items():
            refs.append(v) if k == "$ref" else walk(v)
    elif isinstance(n, list):
        for v in n: walk(v)
walk(d)
schemas = d["components"]["schemas"]
missing = [r for r in refs if r.split("/")[-1] not in schemas]
issue = d["paths"]["/api/numbers"]["get"]["parameters"]
count = next(p for p in issue if p["name"] == "count")["schema"]
key = next(p for p in issue if p["name"] == "prefixKey")["schema"]
body = schemas["RuleRequest"]["properties"]
tags = {t for p in d["paths"].values() for o in p.values() for t in o.get("tags", [])}
faults = missing + [f for f, bad in [
    ("count range", (count.get("minimum"), count.get("maximum")) != (1, 1000)),
    ("prefixKey pattern", "pattern" not in key),
    ("read-only fields in the PUT body", any(f in body for f in ("version", "changedBy", "changedAt"))),
    ("generated tags", any("controller" in t or t == "default" for t in tags)),
] if bad]
print("ok" if not faults else faults)')"
check "problem types resolve on the node" 200 "$(status "$api/problems/invalid-request")"

echo "$passed passed, $failed failed"
((failed == 0))
