#!/usr/bin/env bash
# The fault stage: runs the fault tests under test/fault (jest.fault.config.js), one file at a
# time, each on its own stack with a firm of 10,000 matters, then prints their figures.
# `--record` also writes the figures into docs/faults.md, and other arguments go to jest.
# FAULT_SEED picks other random fault points. Exits non-zero when a test fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

record=()
jest_args=()
for argument in "$@"; do
  if [ "$argument" = "--record" ]; then
    record=(--record)
  else
    jest_args+=("$argument")
  fi
done

bash scripts/install-tools.sh
mkdir -p .stack
export FAULT_FIGURES_FILE="$PWD/.stack/fault-figures.jsonl"
rm -f "$FAULT_FIGURES_FILE"
echo "faults: running jest on test/fault"
started=$SECONDS
status=0
node_modules/.bin/jest --config jest.fault.config.js --runInBand --json --outputFile=.stack/jest-fault-results.json ${jest_args[@]+"${jest_args[@]}"} || status=$?
node -e '
  const r = require("./.stack/jest-fault-results.json");
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
' || true
if [ -s "$FAULT_FIGURES_FILE" ]; then
  node_modules/.bin/tsx scripts/fault-figures.ts --file "$FAULT_FIGURES_FILE" --stage-seconds "$((SECONDS - started))" ${record[@]+"${record[@]}"} || status=1
fi
exit "$status"
