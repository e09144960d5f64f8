#!/usr/bin/env bash
# Builds LogLens in Release and runs the parse benchmarks; see docs/performance.md.
#
#   bash tests/LogLens.Benchmarks/run.sh                       # 100 MB corpus, all benchmarks
#   LOGLENS_BENCH_MB=20 bash tests/LogLens.Benchmarks/run.sh   # smaller corpus (megabytes, 10^6 bytes)
#   bash tests/LogLens.Benchmarks/run.sh --filter '*Events*'   # extra arguments go to BenchmarkDotNet
#
# The corpus (lab client logs concatenated to the wanted size) is written to a temporary folder and
# deleted at the end. BenchmarkDotNet's reports go to tests/LogLens.Benchmarks/bin/BenchmarkDotNet.Artifacts
# (override with LOGLENS_BENCH_ARTIFACTS); the last thing printed is the throughput table, also saved as
# results/loglens-throughput.md there.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
artifacts="${LOGLENS_BENCH_ARTIFACTS:-$here/bin/BenchmarkDotNet.Artifacts}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build "$here/LogLens.Benchmarks.csproj" -c Release --nologo -v quiet
cd "$here"
dotnet "$here/bin/Release/net10.0/LogLens.Benchmarks.dll" --artifacts "$artifacts" "$@"
