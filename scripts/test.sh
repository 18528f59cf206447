#!/usr/bin/env bash
# The test command: installs missing tools, type-checks, lints, then runs every jest test
# (unit, workflow, sandbox, API and end-to-end) against real local servers. Test files run one
# at a time: each starts its own servers, and two Java servers starting beside a time-skipping
# test server have stalled its workers for over a minute on a 2-core machine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/install-tools.sh
echo "test: type-checking"
node_modules/.bin/tsc --noEmit -p tsconfig.json
echo "test: linting"
node_modules/.bin/eslint workflows activities worker lib api sandbox scripts test
echo "test: running jest"
mkdir -p .stack
status=0
node_modules/.bin/jest --runInBand --json --outputFile=.stack/jest-results.json "$@" || status=$?
node -e '
  const r = require("./.stack/jest-results.json");
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
' || true
exit "$status"
