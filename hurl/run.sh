#!/usr/bin/env bash
# Runs the Hurl suite (every *.hurl beside this script) against a running numgen node or cluster.
#
#   hurl/run.sh BASE_URL ISSUER_URL REPORT_DIR
#
# e.g. hurl/run.sh http://localhost:8080 http://localhost:9000 target/hurl for the README's quickstart or
# bin/cluster start. Takes one client-credentials token per scope set from the issuer (client numgen-local) and hands
# them to Hurl as secrets, so that reports and logs show them redacted. Every rule the suite registers ends in this
# run's suffix, so runs against the same cluster never collide. Writes REPORT_DIR/junit.xml and REPORT_DIR/html/.
# Installs Hurl (hurl/install.sh) when it is missing. Needs curl and python3. Exit status 0 when every case passed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if (($# != 3)); then
  echo "usage: $0 BASE_URL ISSUER_URL REPORT_DIR" >&2
  exit 2
fi
base_url="${1%/}" issuer_url="${2%/}" report_dir="$3"

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
command -v hurl >/dev/null 2>&1 || "$here/install.sh"

token() { # scopes
  curl -sf -u numgen-local:numgen-local-secret -d grant_type=client_credentials --data-urlencode "scope=$1" \
    "$issuer_url/oauth2/token" | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])'
}
reader=$(token "prefix-configs:read") || { echo "no token from $issuer_url" >&2; exit 2; }
writer=$(token "prefix-configs:read prefix-configs:write")
generator=$(token "numbers:generate")
admin=$(token "numbers:admin")

rm -rf "$report_dir"
mkdir -p "$report_dir/files"
# The over-limit inputs of problems.hurl: a body over 64 KiB, and a text over the 8 KB of request line and headers
# the server reads (yet under what a balancer in front reads).
python3 -c 'print("{\"format\": \"" + "a" * 70000 + "\"}")' >"$report_dir/files/large-body.json"
long_text=$(python3 -c 'print("a" * 10000)')
run="$(date -u +%Y%m%d%H%M%S)-$RANDOM"
echo "Hurl suite against $base_url (run $run), reports in $report_dir"

# The tokens go to Hurl as secrets through its environment (HURL_SECRET_name), which only this user can read: on the
# command line `ps` would show them. exec, so that whoever stops this script stops Hurl.
export HURL_SECRET_reader_token="$reader" HURL_SECRET_writer_token="$writer" \
  HURL_SECRET_generator_token="$generator" HURL_SECRET_admin_token="$admin"

exec hurl --test --no-color 2>&1 \
  --variable "base_url=$base_url" \
  --variable "run=$run" \
  --variable "long_text=$long_text" \
  --file-root "$report_dir/files" \
  --report-junit "$report_dir/junit.xml" \
  --report-html "$report_dir/html" \
  "$here"/*.hurl
