using BenchmarkDotNet.Attributes;

namespace LogLens.Benchmarks;

/// <summary>
/// One pass over the corpus per operation: the floor (reading lines), the library's event reader and the whole
/// analysis. The
/// extra columns turn the mean and the allocated bytes into MB/s, lines/s and bytes per line.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ParseBenchmarks
{
    private Corpus corpus = null!;
    private string? ownDirectory;

    /// <summary>Builds the corpus (or reuses the one this run already built) and prints its size.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var directory = Environment.GetEnvironmentVariable(Corpus.DirectoryVariable);
        if (string.IsNullOrEmpty(directory))
        {
            // Run without Program (e.g. by another host): keep a private corpus and delete it afterwards.
            directory = ownDirectory = Directory.CreateTempSubdirectory("loglens-bench-").FullName;
        }

        corpus = Corpus.LoadOrBuild(directory);
        Console.WriteLine($"// corpus: {corpus}");
    }

    /// <summary>Deletes a corpus this instance made for itself; the shared one is deleted by <see cref="Program"/>.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        if (ownDirectory is not null)
        {
            Directory.Delete(ownDirectory, recursive: true);
        }
    }

    /// <summary>The floor: decode the corpus as UTF-8 and split it into lines, nothing else.</summary>
    [Benchmark(Baseline = true)]
    public long Baseline()
    {
        using var stream = corpus.Open();
        using var reader = Corpus.OpenReader(stream);
        long lines = 0;
        while (reader.ReadLine() is not null)
        {
            lines++;
        }

        return lines;
    }

    /// <summary>Line reader, unwrapper, envelope and message grammars, session tracking: one typed event per line.</summary>
    [Benchmark]
    public long Events()
    {
        using var stream = corpus.Open();
        long events = 0;
        foreach (var e in SshLog.ReadEvents(stream))
        {
            _ = e;
            events++;
        }

        return events;
    }

    /// <summary>Grammar plus classifier: the whole analysis (events, sessions, rules, findings) over the corpus.</summary>
    [Benchmark]
    public long Report()
    {
        using var stream = corpus.Open();
        var report = SshLog.Analyze(stream, "corpus");
        return report.Sessions.Count;
    }

    /// <summary>The same analysis, each session's report handed to a callback and none kept (what the CLI does with a large log).</summary>
    [Benchmark]
    public long ReportStreamed()
    {
        using var stream = corpus.Open();
        long sessions = 0;
        SshLog.Analyze(stream, "corpus", _ => sessions++);
        return sessions;
    }
}
