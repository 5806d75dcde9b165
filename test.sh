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

# PostgreSQL (persistence tests): use CRM_TEST_POSTGRES when it is set; otherwise install the server binaries when
# they are missing, start one server for the whole run in a temporary folder on 127.0.0.1, and stop and delete it at
# the end. CRM_SKIP_POSTGRES=1 skips the PostgreSQL tests, except on CI.
pg_folder=""
pg_run=()
stop_postgres() {
  if [ -n "$pg_folder" ] && [ -d "$pg_folder" ]; then
    "${pg_run[@]}" "$pg_bin/pg_ctl" -D "$pg_folder/data" -m immediate -w stop >/dev/null 2>&1
    "${pg_run[@]}" rm -rf "$pg_folder" >/dev/null 2>&1
  fi
}
find_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "${CRM_TEST_POSTGRES:-}" ] && { [ "${CRM_SKIP_POSTGRES:-}" != "1" ] || [ -n "${CI:-}" ]; }; then
  pg_bin=$(find_pg_bin)
  if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    as_root=()
    [ "$(id -u)" -ne 0 ] && as_root=(sudo)
    echo "test.sh: installing the PostgreSQL server (apt-get install postgresql)"
    "${as_root[@]}" apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq postgresql >/dev/null
    pg_bin=$(find_pg_bin)
  fi
  if [ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ]; then
    if [ "$(id -u)" -eq 0 ]; then
      # initdb refuses to run as root: the server runs as the postgres OS user, in a folder it owns.
      pg_run=(runuser -u postgres --)
      pg_folder=$(runuser -u postgres -- mktemp -d /tmp/crm-pg-XXXXXX)
    else
      pg_folder=$(mktemp -d /tmp/crm-pg-XXXXXX)
    fi
    trap stop_postgres EXIT
    pg_port=""
    for candidate in $(shuf -i 20000-60000 -n 20); do
      if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then pg_port=$candidate; break; fi
    done
    if "${pg_run[@]}" "$pg_bin/initdb" -D "$pg_folder/data" -U postgres --auth=trust -E UTF8 --no-sync >/dev/null 2>&1 \
      && "${pg_run[@]}" "$pg_bin/pg_ctl" -D "$pg_folder/data" -l "$pg_folder/server.log" -w -t 60 \
        -o "-p $pg_port -k $pg_folder -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=300" start >/dev/null 2>&1; then
      export CRM_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
      echo "test.sh: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port for this run"
    else
      echo "test.sh: could not start PostgreSQL in $pg_folder (see its server.log); the PostgreSQL tests will fail" >&2
    fi
  else
    echo "test.sh: no PostgreSQL server binaries and none could be installed; the PostgreSQL tests will fail" >&2
  fi
fi

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
