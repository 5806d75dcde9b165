#!/usr/bin/env bash
# Runs every test of Crm.Bpm on a fresh machine: installs what the tests need and is missing,
# builds once, runs `dotnet test Crm.Bpm.sln`, and ends with the line "N passed, N failed".
# Needs: the .NET 10 SDK and ../shared beside the checkout (or CRM_SHARED pointing at it).
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
results="$root/.test-results"
rm -rf "$results"
mkdir -p "$results"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET 10 SDK is missing; install it (https://dot.net) and run again." >&2
  exit 2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! dotnet build Crm.Bpm.sln -c Release -nologo -v quiet; then
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test Crm.Bpm.sln -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results" 2>&1 | tee "$results/dotnet-test.txt"
status=${PIPESTATUS[0]}

# Sum the outcome counters of every project's TRX file.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1   # a test host crashed or a project did not run: count it so the run cannot look green
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
