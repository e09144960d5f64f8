using System.Globalization;
using System.Text;

namespace LogLens.Benchmarks;

/// <summary>
/// The benchmark input: every lab client log, concatenated again and again until the file holds about
/// <c>LOGLENS_BENCH_MB</c> megabytes (10^6 bytes; default 100). It lives in a temporary folder, never in the repo.
/// </summary>
/// <remarks>
/// The folder is named by <c>LOGLENS_BENCH_DIR</c>, which <see cref="Program"/> sets before the benchmark
/// processes start, so every benchmark of a run reuses the first corpus built (the same bytes, even while
/// fixtures are still being added) and the summary columns in the host process can read its size.
/// </remarks>
internal sealed record Corpus(string Path, long Bytes, long Lines, int Files, int Copies)
{
    /// <summary>The environment variable holding the wanted corpus size in megabytes.</summary>
    public const string SizeVariable = "LOGLENS_BENCH_MB";

    /// <summary>The environment variable holding the folder of the corpus and its description.</summary>
    public const string DirectoryVariable = "LOGLENS_BENCH_DIR";

    private const string CorpusName = "corpus.log";
    private const string InfoName = "corpus.txt";

    /// <summary>The wanted size in bytes, from <c>LOGLENS_BENCH_MB</c>.</summary>
    public static long TargetBytes
    {
        get
        {
            var text = Environment.GetEnvironmentVariable(SizeVariable);
            var megabytes = string.IsNullOrWhiteSpace(text)
                ? 100d
                : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (!(megabytes > 0))
            {
                throw new InvalidOperationException($"{SizeVariable} must be a positive number of megabytes, not '{text}'.");
            }

            return (long)(megabytes * 1_000_000);
        }
    }

    /// <summary>Reads the description of a corpus already built in <paramref name="directory"/>, if any.</summary>
    public static Corpus? TryLoad(string directory)
    {
        var info = System.IO.Path.Combine(directory, InfoName);
        var path = System.IO.Path.Combine(directory, CorpusName);
        if (!File.Exists(info) || !File.Exists(path))
        {
            return null;
        }

        var fields = File.ReadAllText(info).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new Corpus(
            path,
            long.Parse(fields[0], CultureInfo.InvariantCulture),
            long.Parse(fields[1], CultureInfo.InvariantCulture),
            int.Parse(fields[2], CultureInfo.InvariantCulture),
            int.Parse(fields[3], CultureInfo.InvariantCulture));
    }

    /// <summary>Returns the corpus in <paramref name="directory"/>, building it first when it is not there yet.</summary>
    public static Corpus LoadOrBuild(string directory)
    {
        if (TryLoad(directory) is { } existing)
        {
            return existing;
        }

        Directory.CreateDirectory(directory);
        var sources = FindSources(FindRepositoryRoot());
        var contents = sources.Select(ReadWithFinalNewline).Where(b => b.Length > 0).ToArray();
        if (contents.Length == 0)
        {
            throw new InvalidOperationException("The benchmark found no non-empty log to build its corpus from.");
        }

        var target = TargetBytes;
        var path = System.IO.Path.Combine(directory, CorpusName);
        var copies = 0;
        long bytes = 0;
        using (var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            while (bytes < target)
            {
                foreach (var content in contents)
                {
                    output.Write(content);
                    bytes += content.Length;
                }

                copies++;
            }
        }

        var corpus = new Corpus(path, bytes, CountLines(path), contents.Length, copies);

        // The description is written last: its presence means the corpus is complete.
        File.WriteAllText(
            System.IO.Path.Combine(directory, InfoName),
            string.Create(CultureInfo.InvariantCulture, $"{corpus.Bytes} {corpus.Lines} {corpus.Files} {corpus.Copies}\n"));
        return corpus;
    }

    /// <summary>Opens the corpus the way the library reads a stream: lenient UTF-8, 64 KiB buffer.</summary>
    public static StreamReader OpenReader(Stream stream) =>
        new(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false),
            detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);

    /// <summary>Opens the corpus file for one sequential pass.</summary>
    public FileStream Open() =>
        new(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);

    /// <summary>Describes the corpus in one line, for the benchmark log.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Bytes:N0} bytes ({Bytes / 1e6:F1} MB), {Lines:N0} lines, {Files} logs x {Copies} copies, {Path}");

    /// <summary>Counts lines the way <see cref="StreamReader.ReadLine"/> splits them (<c>\n</c>, <c>\r\n</c>, lone <c>\r</c>).</summary>
    private static long CountLines(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var reader = OpenReader(stream);
        long lines = 0;
        while (reader.ReadLine() is not null)
        {
            lines++;
        }

        return lines;
    }

    /// <summary>The lab client logs; when there are none yet, any <c>*.log</c> under tests/fixtures and samples.</summary>
    private static List<string> FindSources(string root)
    {
        var lab = System.IO.Path.Combine(root, "tests", "fixtures", "lab");
        var sources = Directory.Exists(lab)
            ? Directory.EnumerateDirectories(lab)
                .Select(d => System.IO.Path.Combine(d, "client.log"))
                .Where(File.Exists)
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
        if (sources.Count > 0)
        {
            return sources;
        }

        return new[] { System.IO.Path.Combine(root, "tests", "fixtures"), System.IO.Path.Combine(root, "samples") }
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.log", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The folder holding LogLens.sln, found by walking up from the program (or, failing that, the working directory).</summary>
    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "LogLens.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"No LogLens.sln above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}.");
    }

    /// <summary>A file's bytes, with a final newline added when missing so that concatenation never glues two lines.</summary>
    private static byte[] ReadWithFinalNewline(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return bytes.Length == 0 || bytes[^1] == (byte)'\n' ? bytes : [.. bytes, (byte)'\n'];
    }
}
