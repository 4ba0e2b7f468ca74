#!/usr/bin/env bash
# Times our coverage engine against the tools people compare it with, on the same inputs, in one run:
#   - ReportGenerator 5.6.0 (-reporttypes:TextSummary) vs our parse + merge, on a ~24 MB Cobertura
#     and a ~24 MB LCOV report (cJSON's real reports, every file record repeated under new names);
#   - `lcov -a` merging N LCOV tracefiles vs our parse + merge of the same tracefiles.
# Prints: input, size, tool time & MB/s, ours time & MB/s, ratio (tool time / our time).
# "ours" is wall-clock of our whole process (runtime start included, like the tools' figures);
# "ours in-proc" is parse + merge + totals as the `measure` mode times it.
# Issue targets: parse+merge >= 5x ReportGenerator (Cobertura, LCOV), >= 2x `lcov -a`, >= 100 MB/s per core for Cobertura.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
env_dir="$root/.test-env"
tools="$env_dir/tools"
work="$env_dir/compare"

if [ ! -x "$tools/reportgenerator" ]; then
  dotnet tool install --tool-path "$tools" dotnet-reportgenerator-globaltool --version 5.6.0
fi
if ! command -v lcov >/dev/null 2>&1; then
  echo "Installing Debian package: lcov"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq lcov
fi

dotnet build tests/Benchmarks -c Release -nologo -v quiet
bench=(dotnet "$root/tests/Benchmarks/bin/Release/net10.0/Codecov.Benchmarks.dll")

rm -rf "$work"
mkdir -p "$work/out"
inputs="$work/inputs"
"${bench[@]}" generate "$inputs"
parts=("$inputs"/lcov-parts/part-*.info)

# Runs a command quietly and prints its wall-clock seconds; its output goes to $work/out/<name>.log.
timed() {
  local name=$1; shift
  local start end
  start=$(date +%s.%N)
  if ! "$@" >"$work/out/$name.log" 2>&1; then
    echo "FAILED: $* (see $work/out/$name.log)" >&2
    tail -5 "$work/out/$name.log" >&2
    exit 1
  fi
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }'
}

size_of() { stat -c %s "$@" | awk '{ s += $1 } END { print s }'; }
mbps() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", b / 1e6 / s }'; }
inproc() { sed -n 's/.*seconds=\([0-9.]*\).*/\1/p' "$work/out/$1.log"; }

rows=()
compare() {
  local label=$1 bytes=$2 tool_name=$3 tool_seconds=$4 ours_name=$5 ours_seconds=$6
  local ours_in; ours_in=$(inproc "$ours_name")
  rows+=("$(printf '%-34s %9.1f MB  %-18s %8ss %8s MB/s  %8ss %8s MB/s  %8ss %8s MB/s  %6sx' \
    "$label" "$(awk -v b="$bytes" 'BEGIN { print b / 1e6 }')" "$tool_name" \
    "$tool_seconds" "$(mbps "$bytes" "$tool_seconds")" \
    "$ours_seconds" "$(mbps "$bytes" "$ours_seconds")" \
    "$ours_in" "$(mbps "$bytes" "$ours_in")" \
    "$(awk -v t="$tool_seconds" -v o="$ours_seconds" 'BEGIN { printf "%.1f", t / o }')")")
}

reportgenerator() {
  "$tools/reportgenerator" "-reports:$1" "-targetdir:$work/out/rg-$2" -reporttypes:TextSummary
}

echo "Timing (one run each; the machine may be shared, so treat figures as indicative)..."
bytes=$(size_of "$inputs/cobertura.xml")
t=$(timed rg-cobertura reportgenerator "$inputs/cobertura.xml" cobertura)
o=$(timed ours-cobertura "${bench[@]}" measure --network "$inputs/cobertura.network.txt" "$inputs/cobertura.xml")
compare "Cobertura (1 report)" "$bytes" "ReportGenerator" "$t" ours-cobertura "$o"

bytes=$(size_of "$inputs/lcov.info")
t=$(timed rg-lcov reportgenerator "$inputs/lcov.info" lcov)
o=$(timed ours-lcov "${bench[@]}" measure --network "$inputs/lcov.network.txt" "$inputs/lcov.info")
compare "LCOV (1 report)" "$bytes" "ReportGenerator" "$t" ours-lcov "$o"

bytes=$(size_of "${parts[@]}")
joined=$(IFS=';'; echo "${parts[*]}")
t=$(timed rg-lcov-parts reportgenerator "$joined" lcov-parts)
o=$(timed ours-lcov-parts "${bench[@]}" measure --network "$inputs/lcov-parts.network.txt" "${parts[@]}")
compare "LCOV merge (${#parts[@]} tracefiles)" "$bytes" "ReportGenerator" "$t" ours-lcov-parts "$o"

lcov_args=()
for part in "${parts[@]}"; do lcov_args+=(-a "$part"); done
# Branch data on, since our merge merges branches too (lcov 1.x drops them by default).
t=$(timed lcov-merge lcov --rc lcov_branch_coverage=1 "${lcov_args[@]}" -o "$work/out/merged.info")
compare "LCOV merge (${#parts[@]} tracefiles)" "$bytes" "lcov -a" "$t" ours-lcov-parts "$o"

echo
printf '%-34s %12s  %-18s %24s  %24s  %24s  %7s\n' input size tool "tool time / MB/s" "ours time / MB/s" "ours in-proc / MB/s" ratio
for row in "${rows[@]}"; do echo "$row"; done
echo
echo "ratio = tool wall-clock / our wall-clock. Targets: >= 5x ReportGenerator, >= 2x lcov -a, >= 100 MB/s (Cobertura, in-proc, one core)."
# Read back from the runtimeconfig the measured process actually started with, not restated by hand.
settings=$(grep -o '"System\.\(GC\.[A-Za-z]*\|Runtime\.TieredCompilation[A-Za-z.]*\)": *[a-z0-9]*' \
  "$root/tests/Benchmarks/bin/Release/net10.0/Codecov.Benchmarks.runtimeconfig.json" | tr -d '" ' | paste -sd' ' -)
echo "Our measured process: 'dotnet Codecov.Benchmarks.dll measure', JIT-compiled (dotnet build: no ReadyToRun), one process per row,"
echo "runtime settings from its runtimeconfig.json: ${settings}."
echo "These are the Benchmarks project's own (tests/Benchmarks/Benchmarks.csproj), not the Silo's: a one-shot process wants no"
echo "background GC and code compiled optimised once. ReadyToRun, tiering variants and multi-core JIT were measured and were"
echo "not faster here. The product-wide parts are the parsers and the report model themselves (Cobertura's byte scanner with"
echo "its XmlReader fallback and shared attribute strings, LCOV's span reader, inline sessions)."
echo "Our totals:"
for name in ours-cobertura ours-lcov ours-lcov-parts; do echo "  $name: $(cat "$work/out/$name.log")"; done
