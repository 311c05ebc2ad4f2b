#!/usr/bin/env bash
# Install ESLint from the npm registry into tools/jslint/node_modules (nothing outside the project),
# pinned with every dependency by tools/jslint/package-lock.json. `make lint` and `make test` call
# this; it does nothing when that exact lock is already installed.
set -euo pipefail
cd "$(dirname "$0")/jslint"
STAMP=node_modules/.installed-lock.json
if [ -x node_modules/.bin/eslint ] && cmp -s package-lock.json "$STAMP"; then
    exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
    echo "The JavaScript lint needs Node.js 20.19 or newer and npm: apt-get install nodejs npm" >&2
    exit 1
fi
echo "Installing ESLint into tools/jslint/node_modules ..."
npm ci --no-audit --no-fund --loglevel=error
cp package-lock.json "$STAMP"
echo "ESLint $(node_modules/.bin/eslint --version)"
