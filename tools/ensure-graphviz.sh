#!/usr/bin/env bash
# Make sure Graphviz's `dot` is available: it lays out the flowchart diagrams when lessons run and
# when the course is built. Installs Debian's package where we can, otherwise says what to do.
set -euo pipefail
if command -v dot >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's graphviz for the flowchart diagrams..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz >/dev/null
  exit 0
fi
cat >&2 <<'MSG'
The flowchart diagrams need Graphviz's `dot` and none was found.
  Debian/Ubuntu:  sudo apt-get install graphviz
  macOS:          brew install graphviz
  Windows:        winget install graphviz
Then run the command again.
MSG
exit 1
