#!/usr/bin/env bash
# Runs every test of the product on a fresh Debian machine: installs what the tests need
# (Debian and npm packages), builds the solution once, runs every test project, and prints
# one closing line "N passed, N failed".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

need_apt=()
command -v node >/dev/null 2>&1 || need_apt+=(nodejs)
command -v npm >/dev/null 2>&1 || need_apt+=(npm)
command -v git >/dev/null 2>&1 || need_apt+=(git)
command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}"
fi

# The real Codecov clients the end-to-end tests drive, from the npm registry.
tools="$root/.test-env/npm"
if [ ! -f "$tools/node_modules/codecov/package.json" ]; then
  mkdir -p "$tools"
  npm install --no-audit --no-fund --silent --prefix "$tools" codecov@3.8.3
fi

# Helm and the Kubernetes schemas the chart tests render and validate with (no cluster needed).
bash tests/tools/chart-tools.sh >/dev/null

# The real servers the cluster and storage tests use, once for the whole run, on free loopback ports.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
servers="$(mktemp -d)"
chmod 755 "$servers"  # the postgres user must reach its data directory inside
stop_servers() {
  bash tests/servers/postgres.sh stop "$servers/postgres" || true
  bash tests/servers/redis.sh stop "$servers/redis" || true
  bash tests/servers/s3rver.sh stop "$servers/s3rver" || true
  rm -rf "$servers"
}
trap stop_servers EXIT
CODECOV_TEST_POSTGRES="$(bash tests/servers/postgres.sh start "$servers/postgres" "$(free_port)" | tail -1)"
redis_port="$(free_port)"; bash tests/servers/redis.sh start "$servers/redis" "$redis_port"
s3_port="$(free_port)"; bash tests/servers/s3rver.sh start "$servers/s3rver" "$s3_port"
export CODECOV_TEST_POSTGRES CODECOV_TEST_REDIS="127.0.0.1:$redis_port" CODECOV_TEST_S3="127.0.0.1:$s3_port"

dotnet build Codecov.sln -c Release -nologo -v quiet

log="$(mktemp)"
status=0
# The benchmark project is an executable, not a test project: `dotnet test` skips it.
# The fault tests drive whole clusters of processes with timing-sensitive faults: they run after the
# rest, alone, rather than share the machine's cores with every other test project.
faults="FullyQualifiedName~Codecov.Cluster.Tests.Faults."
dotnet test Codecov.sln -c Release --no-build -nologo --filter "FullyQualifiedName!~Codecov.Cluster.Tests.Faults." 2>&1 | tee "$log" || status=$?
dotnet test tests/Cluster.Tests -c Release --no-build -nologo --filter "$faults" 2>&1 | tee -a "$log" || status=$?

passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "${passed} passed, ${failed} failed"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
[ "$failed" -eq 0 ]
