#!/usr/bin/env bash
# Puts helm v3.21.4 in ~/.cache/numgen/helm/v3.21.4/helm (building it from its Go module once) and prints its path.
#   helm/install.sh            # progress on stderr, the binary's path on stdout
# A helm of that exact version on the PATH is used as is. Building needs Go and the Go module proxy (Apache-2.0
# module helm.sh/helm/v3); a cold build took about 3 minutes on 2 cores, later runs return at once.
set -euo pipefail
version=v3.21.4
dir="$HOME/.cache/numgen/helm/$version"

die() { echo "helm/install.sh: $*" >&2; exit 1; }
# go install sets no -ldflags, so such a helm reports only the source's major.minor (v3.21); a stamp file written
# after a finished build names the exact version.
version_of() { "$1" version --template '{{.Version}}' 2>/dev/null || true; }

if command -v helm >/dev/null 2>&1 && [ "$(version_of "$(command -v helm)")" = "$version" ]; then
  command -v helm
  exit 0
fi
if [ -x "$dir/helm" ] && [ "$(cat "$dir/built-version" 2>/dev/null)" = "$version" ]; then
  echo "$dir/helm"
  exit 0
fi
command -v go >/dev/null 2>&1 || die "building helm $version needs Go (https://go.dev/dl/ or apt-get install golang)"
echo "Building helm $version with go install (a few minutes, once)" >&2
mkdir -p "$dir"
GOBIN="$dir" CGO_ENABLED=0 go install "helm.sh/helm/v3/cmd/helm@$version" >&2
[ "$(version_of "$dir/helm")" = "${version%.*}" ] || die "the built $dir/helm does not say ${version%.*}"
echo "$version" >"$dir/built-version"
echo "helm $version is installed ($dir/helm)" >&2
echo "$dir/helm"
