#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs the Debian packages the tests use, starts a
# fresh private RabbitMQ and PostgreSQL for the integration tests, builds, runs every test project, and
# stops what it started. Usage: deploy/test.sh [extra dotnet test arguments]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
configuration="${AMPACDS_CONFIGURATION:-Release}"
export AMPACDS_STATE="$repo/.local/test"
export AMPACDS_RABBITMQ_PORT="${AMPACDS_TEST_RABBITMQ_PORT:-5674}"
export AMPACDS_TEST_RABBITMQ_PORT="$AMPACDS_RABBITMQ_PORT"
export AMPACDS_POSTGRES_PORT="${AMPACDS_TEST_POSTGRES_PORT:-5435}"
export AMPACDS_TEST_POSTGRES_PORT="$AMPACDS_POSTGRES_PORT"
export AMPACDS_CONFIGURATION="$configuration"
export TCP_NODELAY=1   # DCMTK tools: without it every instance waits on a delayed ACK

"$here/install-deps.sh"
# A fresh broker and database cluster each run: no messages, queues or rows left over from an earlier run.
"$here/rabbitmq.sh" stop >/dev/null 2>&1 || true
"$here/postgres.sh" stop >/dev/null 2>&1 || true
rm -rf "$AMPACDS_STATE/rabbitmq" "$AMPACDS_STATE/postgres"
trap '"$here/rabbitmq.sh" stop >/dev/null 2>&1 || true; "$here/postgres.sh" stop >/dev/null 2>&1 || true' EXIT
"$here/rabbitmq.sh" start
"$here/postgres.sh" start

dotnet build "$repo/AmpaCds.sln" -c "$configuration" -nologo -v q
results="$AMPACDS_STATE/test-results"
rm -rf "$results"
status=0
dotnet test "$repo/AmpaCds.sln" -c "$configuration" --no-build --logger "trx" --results-directory "$results" "$@" || status=$?

# One closing line over all test projects, in the form CI reads.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
done
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$passed" -gt 0 ] || { echo "no test ran" >&2; status=1; }
exit $status
