#!/usr/bin/env bash
# Fuzzes the LogLens library (SshLog.ReadEvents, SshLog.Analyze, SshLog.Redact, JSON of events and reports)
# with AFL++ through SharpFuzz. See docs/robustness.md.
#
#   bash tests/LogLens.Fuzz/run.sh [SECONDS] [WORKDIR]     # default: 1800 s, /tmp/loglens-fuzz
#   bash tests/LogLens.Fuzz/run.sh replay FILE...          # re-run saved inputs (e.g. crashes) without AFL
#
# Needs: apt-get install afl++ ; dotnet tool install --global SharpFuzz.CommandLine
# Figures while it runs or after: afl-whatsup -s WORKDIR/findings ; cat WORKDIR/findings/default/fuzzer_stats
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export PATH="$PATH:$HOME/.dotnet/tools"

if [[ "${1:-}" == "replay" ]]; then
  shift
  work="${LOGLENS_FUZZ_DIR:-/tmp/loglens-fuzz}"
  exec dotnet "$work/out/LogLens.Fuzz.dll" --replay "$@"
fi

seconds="${1:-1800}"
work="${2:-/tmp/loglens-fuzz}"
command -v afl-fuzz >/dev/null || { echo "run.sh: afl-fuzz not found (apt-get install afl++)" >&2; exit 3; }
command -v sharpfuzz >/dev/null || { echo "run.sh: sharpfuzz not found (dotnet tool install --global SharpFuzz.CommandLine)" >&2; exit 3; }

mkdir -p "$work"
dotnet publish "$here/LogLens.Fuzz.csproj" -c Release -o "$work/out" --artifacts-path "$work/artifacts" -nologo -v quiet
# Instrument the library and its parser combinators (coverage feedback for AFL).
sharpfuzz "$work/out/LogLens.Core.dll"
sharpfuzz "$work/out/Sprache.dll"

# Seed corpus: every lab fixture, plus small hand-made edge cases.
corpus="$work/corpus"
rm -rf "$corpus" && mkdir -p "$corpus"
for log in "$repo"/tests/fixtures/lab/*/client.log; do
  cp "$log" "$corpus/$(basename "$(dirname "$log")").log"
done
printf '' > "$corpus/empty"
printf 'debug1: Connecting to h [1.2.3.4] port 22.\r\ndebug1: Connection established.\r' > "$corpus/crlf"
printf 'ssh: connect to host h port 22: Connection refused\0\xff\xfe' > "$corpus/binary"

findings="$work/findings"
# -t: ms per input (the parser is fast; a slow input is a finding). -m none: .NET reserves a lot of virtual memory.
# AFL_SKIP_BIN_CHECK: the target is `dotnet`, not an instrumented ELF.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_AUTORESUME=1
exec timeout --signal=INT "$seconds" afl-fuzz -i "$corpus" -o "$findings" -t 10000 -m none -x "$here/ssh.dict" \
  -- dotnet "$work/out/LogLens.Fuzz.dll"
