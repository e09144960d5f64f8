#!/usr/bin/env bash
# Counts the instructions the native CLI executes (valgrind's cachegrind), the one measure of work on this shared machine
# that does not move from run to run: wall times here vary by half within minutes, instruction counts by less than 0.01%.
# Run it on two commits to compare them; docs/performance.md says how its figures were used.
#
#   bash tests/LogLens.Benchmarks/instructions.sh                 # publish the native CLI of this tree, then count
#   LOGLENS_BIN=/path/to/loglens bash tests/LogLens.Benchmarks/instructions.sh   # count an existing native binary
#
# What it counts, with `--format json` and one thread (DOTNET_PROCESSOR_COUNT=1: both halves of the report path on one
# thread, so the count is the whole work and no thread waits):
#   - a typical -vvv log (the longest lab client log): mostly start-up;
#   - the lab client logs concatenated to 5 MB and to 10 MB: the 10 MB count is about twice the 5 MB one when the work
#     per line stays the same however long the log (linear work, counted rather than timed).
# Needs valgrind (apt-get install -y valgrind) and, to publish, clang and zlib1g-dev. Files go to LOGLENS_BENCH_TMP
# (default /tmp/loglens-bench), never to the repository.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tmp="${LOGLENS_BENCH_TMP:-/tmp/loglens-bench}/instructions"
mkdir -p "$tmp"
command -v valgrind > /dev/null || { echo "instructions.sh: valgrind is missing (apt-get install -y valgrind)" >&2; exit 1; }

bin="${LOGLENS_BIN:-}"
if [[ -z "$bin" ]]; then
  dotnet publish "$root/src/LogLens.Cli" -c Release -r linux-x64 -p:PublishAot=true --nologo -v quiet \
    --artifacts-path "$tmp/artifacts" -o "$tmp/native" > "$tmp/publish.log" 2>&1 || { tail -20 "$tmp/publish.log" >&2; exit 1; }
  bin="$tmp/native/loglens"
fi

# valgrind cannot read the debug information some builds carry: count a copy without it (the symbols stay).
strip --strip-debug -o "$tmp/loglens" "$bin"

# make_log OUT BYTES, longest_lab_log
source "$here/logs.sh"

# The lab logs concatenated to exactly $2 bytes, cut back to the last whole line.
cut_log() {
  make_log "$1.full" "$2"
  head -c "$2" "$1.full" | sed '$d' > "$1"
  rm -f "$1.full"
}

count() {
  DOTNET_PROCESSOR_COUNT=1 valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    "$tmp/loglens" --format json "$1" > "$tmp/out.json" 2> "$tmp/valgrind.txt" || true
  awk '/I *refs/ {gsub(",", "", $NF); print $NF}' "$tmp/valgrind.txt"
}

typical="$(longest_lab_log)"
cut_log "$tmp/5mb.log" 5000000
cut_log "$tmp/10mb.log" 10000000

small=$(count "$typical")
five=$(count "$tmp/5mb.log")
ten=$(count "$tmp/10mb.log")
lines5=$(wc -l < "$tmp/5mb.log")
lines10=$(wc -l < "$tmp/10mb.log")
echo "| Input | Lines | Instructions | per line |"
echo "|---|---:|---:|---:|"
printf '| %s | %d | %s | |\n' "$(basename "$(dirname "$typical")")/client.log" "$(wc -l < "$typical")" "$small"
printf '| lab logs, 5 MB | %d | %s | %d |\n' "$lines5" "$five" $(( (five - small) / lines5 ))
printf '| lab logs, 10 MB | %d | %s | %d |\n' "$lines10" "$ten" $(( (ten - small) / lines10 ))
awk -v a="$five" -v b="$ten" -v s="$small" 'BEGIN { printf "10 MB / 5 MB, start-up taken off: %.3f (2.000 is linear)\n", (b - s) / (a - s) }'
rm -f "$tmp/5mb.log" "$tmp/10mb.log" "$tmp/seed.log" "$tmp/out.json"
