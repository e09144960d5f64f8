#!/usr/bin/env bash
# Runs every LogLens performance measurement of docs/performance.md in one go:
#   1. the in-process benchmarks (BenchmarkDotNet): Baseline, Events, Report over a ~100 MB corpus;
#   2. the allocation count per line (objects, not bytes);
#   3. the CLI as a whole process: `loglens --format json` over a 1 GB and a 10 MB concatenated log
#      (wall time and peak RSS from /usr/bin/time -v), next to `grep -c ssh` on the same 1 GB file; the JIT
#      CLI, and the Native AOT one (what the linux-x64 tool package installs) when it publishes; and the 1 GB once more with
#      the GC heap capped at 32 MiB, which only a process whose live memory stays flat finishes;
#   4. the Native AOT CLI next to the JIT CLI on one typical -vvv log (skipped, with a note, when it does not publish).
#
#   bash tests/LogLens.Benchmarks/run.sh                       # everything
#   LOGLENS_BENCH_MB=20 bash tests/LogLens.Benchmarks/run.sh   # smaller in-process corpus (megabytes, 10^6 bytes)
#   LOGLENS_BENCH_PARTS=cli bash tests/LogLens.Benchmarks/run.sh   # only some parts: any of bench,alloc,cli,aot
#   bash tests/LogLens.Benchmarks/run.sh --filter '*Events*'   # extra arguments go to BenchmarkDotNet
#   dotnet tests/LogLens.Benchmarks/bin/Release/net10.0/LogLens.Benchmarks.dll --smoke   # CI: one dry pass, tiny corpus, no figures
#
# Needs the .NET 10 SDK and /usr/bin/time (apt-get install -y time); the AOT part needs clang and zlib1g-dev.
# Every generated file goes to LOGLENS_BENCH_TMP (default /tmp/loglens-bench), never to the repository; the big
# logs are deleted at the end. BenchmarkDotNet's reports go to tests/LogLens.Benchmarks/bin/BenchmarkDotNet.Artifacts
# (override with LOGLENS_BENCH_ARTIFACTS). Every table printed is also saved in $LOGLENS_BENCH_TMP/results.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
artifacts="${LOGLENS_BENCH_ARTIFACTS:-$here/bin/BenchmarkDotNet.Artifacts}"
tmp="${LOGLENS_BENCH_TMP:-/tmp/loglens-bench}"
parts="${LOGLENS_BENCH_PARTS:-bench,alloc,cli,aot}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$tmp"
results="$tmp/results.md"
: > "$results"
say() { printf '%s\n' "$*" | tee -a "$results"; }
has() { [[ ",$parts," == *",$1,"* ]]; }

say "# LogLens performance run $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"
say "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(dotnet --version) SDK"

if has bench || has alloc; then
  dotnet build "$here/LogLens.Benchmarks.csproj" -c Release --nologo -v quiet
fi

if has bench; then
  (cd "$here" && dotnet "$here/bin/Release/net10.0/LogLens.Benchmarks.dll" --artifacts "$artifacts" "$@")
  say ""
  say "## In-process throughput"
  tee -a "$results" < "$artifacts/results/loglens-throughput.md" > /dev/null
fi

if has alloc; then
  say ""
  say "## Allocations per line"
  dotnet "$here/bin/Release/net10.0/LogLens.Benchmarks.dll" --allocations | tee -a "$results"
fi

# make_log OUT BYTES, longest_lab_log
source "$here/logs.sh"

# Runs a command under /usr/bin/time -v; prints "wall_seconds peak_rss_kib".
measure() {
  # The wall time is taken around /usr/bin/time with nanosecond clocks (time -v rounds to 10 ms).
  local log="$tmp/time.txt" start end
  start=$(date +%s%N)
  /usr/bin/time -v -o "$log" "$@" > /dev/null 2> "$tmp/stderr.txt" || true
  end=$(date +%s%N)
  local rss
  rss=$(awk -F': ' '/Maximum resident set size/{print $2}' "$log")
  echo "$(awk -v d=$((end - start)) 'BEGIN{printf "%.3f", d/1e9}') $rss"
}

if has cli || has aot; then
  command -v /usr/bin/time > /dev/null || { echo "run.sh: /usr/bin/time is missing (apt-get install -y time)" >&2; exit 1; }
  dotnet publish "$root/src/LogLens.Cli" -c Release --artifacts-path "$tmp/artifacts" -o "$tmp/jit" --nologo -v quiet > /dev/null
  # The native binary is what `dotnet tool install` gives on linux-x64 (LogLens.Tool.linux-x64).
  aot_ok=false
  if command -v clang > /dev/null && dotnet publish "$root/src/LogLens.Cli" -c Release -r linux-x64 -p:PublishAot=true --artifacts-path "$tmp/artifacts" -o "$tmp/aot" --nologo -v quiet > "$tmp/aot-publish.txt" 2>&1; then
    aot_ok=true
  fi
fi

if has cli; then
  say ""
  say "## The CLI as a whole process (loglens --format json; JIT, and Native AOT when it publishes)"
  make_log "$tmp/big.log" 1000000000
  make_log "$tmp/small.log" 10000000
  cat "$tmp/big.log" > /dev/null  # into the page cache, for grep and loglens alike
  # grep's count goes to a file: GNU grep stops at the first match when its output is /dev/null (as measure sends it).
  read -r gw _ < <(measure sh -c 'grep -c ssh "$1" > "$2"' sh "$tmp/big.log" "$tmp/grep-count.txt")
  bytes=$(stat -c %s "$tmp/big.log"); small=$(stat -c %s "$tmp/small.log")
  clis=(jit); $aot_ok && clis+=(aot)
  declare -A big_wall big_rss small_wall small_rss limited
  for cli in "${clis[@]}"; do
    read -r big_wall[$cli] big_rss[$cli] < <(measure "$tmp/$cli/loglens" --format json "$tmp/big.log")
    read -r small_wall[$cli] small_rss[$cli] < <(measure "$tmp/$cli/loglens" --format json "$tmp/small.log")
    # What the process keeps alive, whatever the GC lets its heap grow to: the 1 GB again with the GC heap capped at
    # 32 MiB. Exit 0 or 1 (the report's verdict) is a finished report; running out of memory is anything else.
    limited[$cli]=0
    DOTNET_GCHeapHardLimit=0x2000000 "$tmp/$cli/loglens" --format json "$tmp/big.log" > /dev/null 2>&1 || limited[$cli]=$?
  done
  say "| Run | Input | Wall | Peak RSS |"
  say "|---|---:|---:|---:|"
  say "| grep -c ssh | $((bytes / 1000000)) MB | ${gw} s | |"
  for cli in "${clis[@]}"; do
    say "| loglens --format json ($cli) | $((bytes / 1000000)) MB | ${big_wall[$cli]} s | $((big_rss[$cli] / 1024)) MiB |"
    say "| loglens --format json ($cli) | $((small / 1000000)) MB | ${small_wall[$cli]} s | $((small_rss[$cli] / 1024)) MiB |"
  done
  say ""
  say "| target | CLI | figure | met |"
  say "|---|---|---:|---|"
  for cli in "${clis[@]}"; do
    brss=${big_rss[$cli]}; srss=${small_rss[$cli]}
    ratio=$(awk -v a="${big_wall[$cli]}" -v b="$gw" 'BEGIN{printf "%.1f", (b>0?a/b:0)}')
    say "| 1 GB peak RSS < 100 MiB | $cli | $((brss / 1024)) MiB | $( (( brss / 1024 < 100 )) && echo yes || echo '**no**') |"
    say "| 1 GB within a 32 MiB GC heap (DOTNET_GCHeapHardLimit) | $cli | exit ${limited[$cli]} | $( (( limited[$cli] <= 1 )) && echo yes || echo '**no**') |"
    say "| 1 GB peak <= 1.5x the 10 MB peak | $cli | $(awk -v a="$brss" -v b="$srss" 'BEGIN{printf "%.2fx", a/b}') | $(awk -v a="$brss" -v b="$srss" 'BEGIN{print (a <= 1.5 * b ? "yes" : "**no**")}') |"
    say "| 1 GB wall <= 10x grep -c | $cli | ${ratio}x | $(awk -v r="$ratio" 'BEGIN{print (r <= 10 ? "yes" : "**no**")}') |"
  done
  rm -f "$tmp/big.log" "$tmp/small.log" "$tmp/seed.log" "$tmp/grep-count.txt"
fi

if has aot; then
  say ""
  say "## Native AOT CLI vs JIT CLI on one typical -vvv log"
  typical="${LOGLENS_BENCH_TYPICAL:-$(longest_lab_log)}"
  if $aot_ok; then
    runs=20
    time_runs() { local start end; start=$(date +%s%N); for _ in $(seq $runs); do "$@" > /dev/null 2>&1 || true; done; end=$(date +%s%N); awk -v n="$runs" -v d=$((end - start)) 'BEGIN{printf "%.1f", d/1e6/n}'; }
    "$tmp/jit/loglens" "$typical" > /dev/null 2>&1 || true; "$tmp/aot/loglens" "$typical" > /dev/null 2>&1 || true
    jit=$(time_runs "$tmp/jit/loglens" --format json "$typical")
    aot=$(time_runs "$tmp/aot/loglens" --format json "$typical")
    read -r _ jrss < <(measure "$tmp/jit/loglens" --format json "$typical")
    read -r _ arss < <(measure "$tmp/aot/loglens" --format json "$typical")
    say "log: ${typical#"$root"/} ($(wc -l < "$typical") lines), mean of $runs runs each"
    say "| CLI | Wall per run | Peak RSS |"
    say "|---|---:|---:|"
    say "| JIT | ${jit} ms | $((jrss / 1024)) MiB |"
    say "| Native AOT | ${aot} ms | $((arss / 1024)) MiB |"
    say "target AOT <= 0.3x JIT: $(awk -v a="$aot" -v j="$jit" 'BEGIN{printf "%.2fx", a/j}')"
  else
    say "Native AOT did not publish (clang missing, or the CLI is not AOT-clean yet); see $tmp/aot-publish.txt"
  fi
fi

say ""
say "All tables: $results"
