#!/usr/bin/env bash
# Install JupyterHub's proxy, configurable-http-proxy, from the npm registry into the project folder
# .hub/proxy (nothing outside the project), pinned with every dependency by tools/proxy/package-lock.json.
# `make test-hub` calls this; it does nothing when that exact lock is already installed.
set -euo pipefail
cd "$(dirname "$0")/.."
PREFIX=.hub/proxy
BIN="$PREFIX/node_modules/.bin/configurable-http-proxy"
if [ -x "$BIN" ] && cmp -s tools/proxy/package-lock.json "$PREFIX/package-lock.json"; then
    exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
    echo "configurable-http-proxy needs Node.js 20 or newer and npm: apt-get install nodejs npm" >&2
    exit 1
fi
mkdir -p "$PREFIX"
cp tools/proxy/package.json tools/proxy/package-lock.json "$PREFIX/"
echo "Installing configurable-http-proxy into $PREFIX ..."
(cd "$PREFIX" && npm ci --no-audit --no-fund --omit=dev --loglevel=error)
echo "configurable-http-proxy $("$BIN" --version)"
