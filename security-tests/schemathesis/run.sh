#!/usr/bin/env bash
# Runs schemathesis against a running numgen node's OpenAPI document.
#   security-tests/schemathesis/run.sh BASE_URL TOKEN REPORT_DIR [extra st options]
# Installs schemathesis once into a virtualenv under ${NUMGEN_TOOLS_DIR:-~/.cache/numgen} (outside the clone, so a
# clean build does not download it again). Configuration: schemathesis.toml beside this script.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
base_url="$1" token="$2" report_dir="$3"
shift 3

tools="${NUMGEN_TOOLS_DIR:-$HOME/.cache/numgen}"
version="$(sed -n 's/^schemathesis==//p' "$here/requirements.txt")"
venv="$tools/schemathesis-$version"
# A virtualenv cannot be moved, so completeness is marked by a file written last: an interrupted install is redone.
if [ ! -f "$venv/.installed" ]; then
  echo "Installing schemathesis $version into $venv (once)"
  rm -rf "$venv"
  mkdir -p "$tools"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
  touch "$venv/.installed"
fi

mkdir -p "$report_dir"
cd "$here"
exec "$venv/bin/st" --config-file "$here/schemathesis.toml" run "$base_url/v3/api-docs" \
  --url "$base_url" \
  -H "Authorization: Bearer $token" \
  --report junit --report-dir "$report_dir" \
  "$@"
