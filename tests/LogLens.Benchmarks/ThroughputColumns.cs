using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace LogLens.Benchmarks;

/// <summary>
/// The job and the throughput columns (MB/s, lines/s, allocated bytes per line). The job is one process, warm-up passes
/// over at least <see cref="WarmUpMegabytes"/> of input (ten at the default 100 MB), and five measured passes; with
/// <c>LOGLENS_BENCH_SMOKE=1</c> (<c>--smoke</c>) it is BenchmarkDotNet's dry job, in process: one pass of each benchmark,
/// which proves they compile and run, and measures nothing.
/// </summary>
/// <remarks>
/// The JIT takes seconds to reach its final code on the report path (its many rules and views are compiled at tier 0 first,
/// then again): <c>Report</c>'s warm-up passes over 100 MB took 2.90, 1.37, 1.19, 1.05, 0.99, 0.93, 0.83, 0.88, 0.80 and
/// 0.81 s (2026-12-03). With one warm-up, as before, the measured passes were mostly that climb, while <c>Baseline</c> and
/// <c>Events</c> were steady from their second pass. The warm-up now reaches the steady state for every benchmark; the
/// whole-process part of <c>run.sh</c> measures a cold process.
/// </remarks>
internal sealed class ThroughputConfig : ManualConfig
{
    /// <summary>The environment variable that asks for the smoke job.</summary>
    public const string SmokeVariable = "LOGLENS_BENCH_SMOKE";

    public ThroughputConfig()
    {
        AddJob(Environment.GetEnvironmentVariable(SmokeVariable) == "1"
            ? Job.Dry.WithToolchain(InProcessEmitToolchain.Instance)
            : Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(WarmUpPasses()).WithIterationCount(5));
        AddColumn(Throughput.MegabytesPerSecond, Throughput.LinesPerSecond, Throughput.BytesPerLine);
    }

    /// <summary>How much input the warm-up passes read at least: the JIT's tiers follow time and calls, not passes.</summary>
    public const int WarmUpMegabytes = 1000;

    /// <summary>The warm-up passes for the corpus size asked for: at least ten, and at least <see cref="WarmUpMegabytes"/> of input.</summary>
    private static int WarmUpPasses() => (int)Math.Clamp(Math.Ceiling(WarmUpMegabytes * 1e6 / Corpus.TargetBytes), 10, 1000);
}

/// <summary>The figures for one benchmark, from its mean time, its allocated bytes and the corpus size.</summary>
internal sealed record Throughput(string Name, double MeanSeconds, double MegabytesPerSec, double LinesPerSec, double? AllocatedPerLine)
{
    public static readonly IColumn MegabytesPerSecond = new Column("MB/s", "Corpus megabytes (10^6 bytes) read per second of mean time", t => t.MegabytesPerSec.ToString("F2", CultureInfo.InvariantCulture));

    public static readonly IColumn LinesPerSecond = new Column("lines/s", "Corpus lines read per second of mean time", t => t.LinesPerSec.ToString("N0", CultureInfo.InvariantCulture));

    public static readonly IColumn BytesPerLine = new Column("B/line", "Managed bytes allocated per corpus line (Allocated / lines)", t => t.AllocatedPerLine?.ToString("F1", CultureInfo.InvariantCulture) ?? "?");

    /// <summary>The figures of a benchmark case, or <see langword="null"/> when it has no result or the corpus is unknown.</summary>
    public static Throughput? Of(Summary summary, BenchmarkCase benchmarkCase, Corpus? corpus)
    {
        var report = summary[benchmarkCase];
        if (corpus is null || report?.ResultStatistics is not { } statistics || statistics.Mean <= 0)
        {
            return null;
        }

        var seconds = statistics.Mean / 1e9;
        var allocated = report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
        return new Throughput(
            benchmarkCase.Descriptor.WorkloadMethod.Name,
            seconds,
            corpus.Bytes / 1e6 / seconds,
            corpus.Lines / seconds,
            allocated is { } bytes ? (double)bytes / corpus.Lines : null);
    }

    /// <summary>The corpus this run measured, as described by the benchmark processes.</summary>
    public static Corpus? CurrentCorpus() =>
        Environment.GetEnvironmentVariable(Corpus.DirectoryVariable) is { Length: > 0 } directory
            ? Corpus.TryLoad(directory)
            : null;

    private sealed class Column(string name, string legend, Func<Throughput, string> format) : IColumn
    {
        public string Id => $"{nameof(Throughput)}.{name}";

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => legend;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
            Of(summary, benchmarkCase, CurrentCorpus()) is { } figures ? format(figures) : "?";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
            GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;

        public override string ToString() => ColumnName;
    }
}
