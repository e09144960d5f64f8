using System.Globalization;
using System.Text;
using BenchmarkDotNet.Running;

namespace LogLens.Benchmarks;

/// <summary>
/// Runs the parse benchmarks over a shared temporary corpus and prints a short throughput table; <c>--allocations</c>
/// counts objects per line instead; <c>--smoke</c> runs both once on a tiny corpus (CI: they still compile and run).
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["--smoke", .. var rest])
        {
            // CI: the allocation count, then one in-process pass of each benchmark (ThroughputConfig's dry job) over a
            // tiny corpus: one copy of the source logs (any size under one copy gives one copy).
            var allocations = Main(["--allocations"]);
            Environment.SetEnvironmentVariable(Corpus.SizeVariable, "0.000001");
            Environment.SetEnvironmentVariable(ThroughputConfig.SmokeVariable, "1");
            return allocations != 0 ? allocations : Main(rest);
        }

        if (args is ["--allocations", ..])
        {
            // One copy of the source logs is enough: the count is per line.
            var scratch = Directory.CreateTempSubdirectory("loglens-alloc-").FullName;
            try
            {
                Environment.SetEnvironmentVariable(Corpus.SizeVariable, "0.000001");
                var sources = Corpus.LoadOrBuild(scratch);
                Console.WriteLine($"// allocations per line over {sources}");
                Console.Write(AllocationCount.Run(sources.Path));
                return 0;
            }
            finally
            {
                Directory.Delete(scratch, recursive: true);
            }
        }

        // One corpus folder per run, inherited by the benchmark processes through the environment.
        var owned = string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Corpus.DirectoryVariable));
        if (owned)
        {
            Environment.SetEnvironmentVariable(Corpus.DirectoryVariable, Directory.CreateTempSubdirectory("loglens-bench-").FullName);
        }

        var directory = Environment.GetEnvironmentVariable(Corpus.DirectoryVariable)!;
        try
        {
            var summary = BenchmarkRunner.Run<ParseBenchmarks>(args: args);
            var corpus = Throughput.CurrentCorpus();
            if (corpus is null)
            {
                Console.Error.WriteLine("No corpus was built; see the benchmark log above.");
                return 1;
            }

            var rows = summary.BenchmarksCases
                .Select(c => Throughput.Of(summary, c, corpus))
                .OfType<Throughput>()
                .ToList();
            var table = Table(corpus, rows);
            Console.WriteLine();
            Console.Write(table);
            File.WriteAllText(Path.Combine(summary.ResultsDirectoryPath, "loglens-throughput.md"), table);
            return rows.Count == summary.BenchmarksCases.Length && !summary.HasCriticalValidationErrors ? 0 : 1;
        }
        finally
        {
            if (owned)
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static string Table(Corpus corpus, IReadOnlyList<Throughput> rows)
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"Corpus: {corpus.Bytes:N0} bytes ({corpus.Bytes / 1e6:F1} MB), {corpus.Lines:N0} lines ({corpus.Files} logs x {corpus.Copies} copies)");
        text.AppendLine();
        text.AppendLine("| Benchmark | Mean | MB/s | lines/s | allocated B/line | MB/s vs Baseline | target | met |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|");
        var baseline = rows.FirstOrDefault(r => r.Name == nameof(ParseBenchmarks.Baseline));
        foreach (var row in rows)
        {
            var ratio = baseline is null ? (double?)null : row.MegabytesPerSec / baseline.MegabytesPerSec;
            var shown = ratio?.ToString("F3", culture) + "x";
            var allocated = row.AllocatedPerLine?.ToString("F1", culture) ?? "?";
            var (target, met) = Targets.TryGetValue(row.Name, out var wanted)
                ? ($">= {wanted.ToString("F2", culture)}x", ratio is null ? "?" : ratio >= wanted ? "yes" : "**no**")
                : (string.Empty, string.Empty);
            text.AppendLine(culture, $"| {row.Name} | {Duration(row.MeanSeconds)} | {row.MegabytesPerSec:F2} | {row.LinesPerSec:N0} | {allocated} | {(ratio is null ? "?" : shown)} | {target} | {met} |");
        }

        return text.ToString();
    }

    /// <summary>The targets of issue 11, as a share of Baseline's MB/s.</summary>
    private static readonly Dictionary<string, double> Targets = new(StringComparer.Ordinal)
    {
        [nameof(ParseBenchmarks.Events)] = 0.10,
        [nameof(ParseBenchmarks.Report)] = 0.20,
    };

    private static string Duration(double seconds) => seconds >= 1
        ? seconds.ToString("F2", CultureInfo.InvariantCulture) + " s"
        : (seconds * 1000).ToString("F1", CultureInfo.InvariantCulture) + " ms";
}
