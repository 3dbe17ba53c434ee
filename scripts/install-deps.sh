#!/usr/bin/env bash
# Installs what revtrack needs on a fresh Debian machine: libgit2, libxml2 and
# SQLite (headers and pkg-config files; SQLite for importing NewsEdits and diffengine archives) and git itself (the tests check interoperability with it).
# --browser also installs Chromium, which the HTML report test loads the
# report in (the test is skipped without it).
set -euo pipefail
need=()
if [ "${1:-}" = "--browser" ]; then
  command -v chromium >/dev/null || need+=(chromium)
fi
pkg-config --exists libgit2 2>/dev/null || need+=(libgit2-dev)
pkg-config --exists libxml-2.0 2>/dev/null || need+=(libxml2-dev)
pkg-config --exists sqlite3 2>/dev/null || need+=(libsqlite3-dev)
command -v pkg-config >/dev/null || need+=(pkg-config)
command -v git >/dev/null || need+=(git)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${need[@]}"
fi
