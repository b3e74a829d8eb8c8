#!/usr/bin/env bash
# Installs every dependency of jixiao from Debian packages (and playwright-core from npm for the
# browser tests). Idempotent; safe to run on a fresh Debian 12 machine as root.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
  g++ cmake ninja-build pkg-config make \
  nlohmann-json3-dev libcli11-dev libfmt-dev \
  libicu-dev libsqlite3-dev sqlite3 \
  libpoppler-cpp-dev poppler-utils libcairo2-dev libpango1.0-dev fonts-noto-cjk \
  libcpp-httplib-dev libssl-dev zlib1g-dev libbrotli-dev \
  libgtest-dev libgmock-dev libbenchmark-dev clang libclang-rt-14-dev \
  python3 python3-jsonschema \
  wrk chromium >/dev/null
# The base image ships Node.js with npm (nodesource); Debian's npm conflicts with it.
if ! command -v npm >/dev/null 2>&1; then
  $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
# Browser tests drive Debian's chromium through playwright-core (no browser download).
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -f "$here/tests/e2e/package.json" ]; then
  (cd "$here/tests/e2e" && npm install --no-audit --no-fund --silent >/dev/null)
fi
echo "setup: dependencies installed"
