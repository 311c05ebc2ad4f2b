#!/usr/bin/env bash
# Make sure a Chromium is available for the browser tests: Debian's package where we can
# install it, otherwise say clearly what to do. Never lets the tests skip silently.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
if [ -x .venv/bin/playwright ] && ls "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}"/chromium-* >/dev/null 2>&1; then
  echo "Using Playwright's own Chromium."
  exit 0
fi
cat >&2 <<'MSG'
The browser tests need Chromium and none was found.
  Debian/Ubuntu:  sudo apt-get install chromium
  Elsewhere:      .venv/bin/playwright install chromium
Then run `make test` again.
MSG
exit 1
