#!/usr/bin/env bash
# k6/fault-recovery.sh - run k6/fault-recovery.ts and kill one node with kill -9 at the shape's fault.at. k6
# measures but cannot kill a process, so this wrapper does it, with `bin/cluster kill-node N` (the node's
# supervisor then restarts it).
#
#   [NUMGEN_RUN=reduced] k6/fault-recovery.sh [k6 run options...]
#
# Against a cluster from `bin/cluster start` (HAProxy on :8080, token issuer on :9000). The node and the moment
# come from k6/shapes/fault-recovery.json (fault.killNode, fault.<run>.at). The moment is counted from k6's start,
# so the kill lands earlier in the scenario by the time k6 takes for its init and setup (about a second).
# Environment: NUMGEN_RUN (full), K6 (k6), NUMGEN_CLUSTER (this repository's bin/cluster), and what the script
# reads (NUMGEN_URL, NUMGEN_ISSUER, NUMGEN_SUMMARY). Needs python3.
# Exit status: k6's (99 when a threshold failed), else 1 when the kill failed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
shape=$here/shapes/fault-recovery.json
export NUMGEN_RUN=${NUMGEN_RUN:-full}
k6=${K6:-k6}
cluster=${NUMGEN_CLUSTER:-$here/../bin/cluster}

now_ms() {
    local t=${EPOCHREALTIME/./}
    echo $((10#$t / 1000))
}

# "killNode atMilliseconds" for this run, from the shape file.
read_fault() {
    python3 -c '
import json, re, sys
fault = json.load(open(sys.argv[1]))["fault"]
if sys.argv[2] not in ("full", "reduced"):
    sys.exit("NUMGEN_RUN must be full or reduced, not " + sys.argv[2])
at = fault[sys.argv[2]]["at"]
units = {"ms": 1, "s": 1000, "m": 60000, "h": 3600000}
parts = re.findall(r"(\d+(?:\.\d+)?)(ms|s|m|h)", at)
if not parts or "".join(a + u for a, u in parts) != at:
    sys.exit("not a duration: " + at)
print(fault["killNode"], int(sum(float(a) * units[u] for a, u in parts)))
' "$shape" "$NUMGEN_RUN"
}

# Waits until $1 ms after $2 (epoch ms); false when k6 ($3) ended first, so that no node is killed after the run.
wait_until() {
    local deadline=$(($2 + $1))
    while (($(now_ms) < deadline)); do
        kill -0 "$3" 2>/dev/null || return 1
        sleep 0.1
    done
}

read -r node at_ms < <(read_fault) || exit 1
[[ -n ${at_ms:-} ]] || exit 1

started=$(now_ms)
"$k6" run "$@" "$here/fault-recovery.ts" &
k6_pid=$!
trap 'kill -INT "$k6_pid" 2>/dev/null || true' INT TERM

kill_status=0
if wait_until "$at_ms" "$started" "$k6_pid"; then
    echo "fault-recovery: kill -9 node $node, $at_ms ms after k6 started" >&2
    "$cluster" kill-node "$node" || kill_status=$?
else
    echo "fault-recovery: k6 ended before the kill was due" >&2
    kill_status=1
fi

k6_status=0
wait "$k6_pid" || k6_status=$?
if ((k6_status != 0)); then
    exit "$k6_status"
fi
if ((kill_status != 0)); then
    echo "fault-recovery: no node was killed, so the run measured no fault" >&2
    exit 1
fi
