#!/usr/bin/env bash
# Fuzzes the JSON API with schemathesis, generated from GET /api/openapi.json, against a whole
# stack on free ports of 127.0.0.1 (scripts/fuzz-stack.ts), in two runs:
#   1. negative: only requests that break the schema, with the checks not_a_server_error and
#      negative_data_rejection. The database is dumped before and after, and any difference
#      fails the script, since a rejected request must change nothing.
#   2. positive: requests that fit the schema, with the check not_a_server_error. Most of them
#      aim at the seeded firm, its projects and its sync run, so they reach the handlers'
#      database and workflow code.
# Prints a summary and exits non-zero on any 5xx, any other schemathesis failure, or a changed
# database after the negative run. FUZZ_MAX_EXAMPLES (default 40) sets the examples per
# operation and run; FUZZ_SEED (default 20240611) makes runs repeatable.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"

SCHEMATHESIS_VERSION="4.32.5"
MAX_EXAMPLES="${FUZZ_MAX_EXAMPLES:-40}"
SEED="${FUZZ_SEED:-20240611}"
VENV="$ROOT/tools/venv"
TSX="$ROOT/node_modules/.bin/tsx"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/casebridge-fuzz.XXXXXX")"
STACK_PID=""

stop_stack() {
  if [ -n "$STACK_PID" ] && kill -0 "$STACK_PID" 2>/dev/null; then
    echo "fuzz: stopping the stack"
    kill -TERM "$STACK_PID"
    wait "$STACK_PID" || true
  fi
}
trap stop_stack EXIT

if [ ! -x "$VENV/bin/pip" ]; then
  echo "fuzz: tools/venv is missing; run npm run install-tools first" >&2
  exit 1
fi
if [[ "$("$VENV/bin/pip" show schemathesis 2>/dev/null || true)" != *"Version: $SCHEMATHESIS_VERSION"* ]]; then
  echo "fuzz: pip install schemathesis==$SCHEMATHESIS_VERSION into tools/venv"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

echo "fuzz: starting the stack (logs in $WORK/stack.log)"
"$TSX" scripts/fuzz-stack.ts "$WORK/stack.env" >"$WORK/stack.log" 2>&1 &
STACK_PID=$!
for _ in $(seq 1 600); do
  [ -s "$WORK/stack.env" ] && break
  if ! kill -0 "$STACK_PID" 2>/dev/null; then
    echo "fuzz: the stack failed to start:" >&2
    cat "$WORK/stack.log" >&2
    exit 1
  fi
  sleep 0.5
done
if [ ! -s "$WORK/stack.env" ]; then
  echo "fuzz: the stack did not start within 300 s; see $WORK/stack.log" >&2
  exit 1
fi
set -a
# shellcheck disable=SC1091
source "$WORK/stack.env"
set +a
cat "$WORK/stack.log"

# The token reaches schemathesis through the environment, so it appears in no command line.
# A body over 100 kB is rejected with 413, which schemathesis does not count as a rejection by itself.
cat >"$WORK/negative.toml" <<TOML
headers = { Authorization = "Bearer \${FUZZ_TOKEN}" }

[checks.negative_data_rejection]
expected-statuses = [400, 401, 403, 404, 409, 413, 415, 422, 429]
TOML

# The positive run's dictionaries aim most requests at the seeded firm, projects and sync run.
# The negative run has none, because a dictionary value replaces the very parameter a negative
# case made invalid and so turns it into a valid request, such as a real disconnect.
cat >"$WORK/positive.toml" <<TOML
headers = { Authorization = "Bearer \${FUZZ_TOKEN}" }

[dictionaries.firms]
values = ["$FUZZ_FIRM_ID"]

[dictionaries.matters]
values = [$(echo "$FUZZ_MATTER_IDS" | sed 's/[0-9][0-9]*/"&"/g')]

[dictionaries.sync-runs]
values = ["$FUZZ_SYNC_RUN_ID"]

[parameters]
"path.firmId" = { dictionary = "firms", probability = 0.8 }
"path.clioMatterId" = { dictionary = "matters", probability = 0.6 }
"path.syncRunId" = { dictionary = "sync-runs", probability = 0.6 }
TOML

run_schemathesis() {
  local mode="$1" checks="$2"
  local status=0
  echo "fuzz: schemathesis $mode run, checks $checks, $MAX_EXAMPLES examples per operation, seed $SEED"
  # Run inside $WORK, where schemathesis also keeps its .schemathesis cache, not in the work tree.
  (cd "$WORK" && "$VENV/bin/schemathesis" --config-file "$WORK/$mode.toml" run "$FUZZ_API_URL/api/openapi.json" \
    --mode "$mode" --phases examples,coverage,fuzzing --checks "$checks" \
    --max-examples "$MAX_EXAMPLES" --seed "$SEED" --workers 1 --no-color \
    --generation-database none --report har --report-har-path "$WORK/$mode.har" \
    >"$WORK/$mode.log" 2>&1) || status=$?
  tail -n 25 "$WORK/$mode.log"
  return "$status"
}

dump() {
  "$TSX" scripts/dump-database.ts "$FUZZ_MONGODB_URI" "$WORK/$1.dump" >/dev/null
}

dump before
negative_status=0
run_schemathesis negative not_a_server_error,negative_data_rejection || negative_status=$?
dump after-negative
positive_status=0
run_schemathesis positive not_a_server_error || positive_status=$?
dump after-positive

database_unchanged="yes"
if ! diff -q "$WORK/before.dump" "$WORK/after-negative.dump" >/dev/null; then
  database_unchanged="no"
  diff "$WORK/before.dump" "$WORK/after-negative.dump" | head -n 20 >&2 || true
fi

server_errors="$("$VENV/bin/python" - "$WORK" "$database_unchanged" <<'PY'
import collections, json, sys
work, unchanged = sys.argv[1], sys.argv[2]
def documents(name):
    with open(f"{work}/{name}.dump") as file:
        return collections.Counter(line.split(" ", 1)[0] for line in file)
total_5xx = 0
print("fuzz summary", file=sys.stderr)
for mode in ("negative", "positive"):
    with open(f"{work}/{mode}.har") as file:
        entries = json.load(file)["log"]["entries"]
    statuses = collections.Counter(entry["response"]["status"] for entry in entries)
    errors = [entry for entry in entries if entry["response"]["status"] >= 500]
    total_5xx += len(errors)
    by_status = ", ".join(f"{code}: {count}" for code, count in sorted(statuses.items()))
    print(f"  {mode}: {len(entries)} requests; statuses {by_status}; 5xx: {len(errors)}", file=sys.stderr)
    for entry in errors[:10]:
        print(f"    5xx: {entry['request']['method']} {entry['request']['url']}", file=sys.stderr)
before, positive = documents("before"), documents("after-positive")
print(f"  database after the negative run: {'unchanged' if unchanged == 'yes' else 'CHANGED'} ({sum(before.values())} documents)", file=sys.stderr)
changed = {name: (before[name], positive[name]) for name in set(before) | set(positive) if before[name] != positive[name]}
described = ", ".join(f"{name} {old} -> {new}" for name, (old, new) in sorted(changed.items())) or "no document counts changed"
print(f"  database after the positive run: {described}", file=sys.stderr)
print(total_5xx)
PY
)"

echo "fuzz: reports and logs in $WORK"
if [ "$server_errors" != "0" ] || [ "$database_unchanged" != "yes" ] || [ "$negative_status" != "0" ] || [ "$positive_status" != "0" ]; then
  echo "fuzz: FAILED (5xx responses: $server_errors, database unchanged after rejected requests: $database_unchanged, schemathesis exit codes: $negative_status and $positive_status)" >&2
  exit 1
fi
echo "fuzz: passed"
