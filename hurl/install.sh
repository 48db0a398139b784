#!/usr/bin/env bash
# Installs Hurl 8.0.1 with cargo when `hurl` is missing or another version is on the PATH; does nothing otherwise.
#   hurl/install.sh
# Hurl is built from crates.io because Debian ships no Hurl package; 8.0.1 is pinned because 8.1.0 needs a newer
# rustc than a stock toolchain may have. The build links libcurl and libxml2 and runs bindgen (libclang), so the
# Debian packages for those are installed first when missing (as root only; otherwise the script says what to install).
set -euo pipefail
version=8.0.1
cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$cargo_bin:$PATH"

installed_version() { hurl --version 2>/dev/null | sed -n '1s/^hurl \([0-9][0-9.]*\).*/\1/p'; }

if [ "$(installed_version)" = "$version" ]; then
  echo "Hurl $version is installed ($(command -v hurl))"
  exit 0
fi

packages=(libcurl4-openssl-dev libxml2-dev pkg-config libclang-dev)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Building Hurl needs these Debian packages; install them as root, then run $0 again: ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing from Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "Building Hurl needs cargo (a Rust toolchain); none is on the PATH" >&2
  exit 1
fi
echo "Installing Hurl $version with cargo (a few minutes, once)"
cargo install hurl --version "$version" --locked
echo "Hurl $(installed_version) is installed ($cargo_bin/hurl)"
