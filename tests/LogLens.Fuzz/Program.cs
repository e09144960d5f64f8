using System.Text;
using System.Text.Json;
using LogLens;
using LogLens.Events;
using SharpFuzz;

namespace LogLens.Fuzz;

/// <summary>
/// The SharpFuzz entry point. Under AFL++ (run.sh) every input goes through <see cref="Target.Run"/>;
/// <c>--replay FILE...</c> runs saved inputs (a crash from findings/default/crashes) without AFL.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--replay")
        {
            var failed = 0;
            foreach (var path in args.Skip(1))
            {
                try
                {
                    Target.Run(File.ReadAllBytes(path));
                    Console.WriteLine($"ok    {path}");
                }
#pragma warning disable CA1031 // replay reports every failure, whatever its type
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failed++;
                    Console.WriteLine($"CRASH {path}: {e}");
                }
            }

            return failed == 0 ? 0 : 1;
        }

        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            Target.Run(buffer.ToArray());
        });
        return 0;
    }
}

/// <summary>What one fuzz input goes through: the public library surface, with its invariants checked.</summary>
internal static class Target
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static void Run(byte[] input)
    {
        // 1. Events: one per line, numbered 1, 2, 3... (an escaped \r\n line may repeat its number).
        var previous = 0;
        var count = 0;
        foreach (var e in SshLog.ReadEvents(new MemoryStream(input, writable: false)))
        {
            Check(e.Line == previous || e.Line == previous + 1, $"event line {e.Line} after {previous}");
            Check(e.Raw is not null, "event without raw text");
            previous = e.Line;
            count++;
            _ = e.ToString();
            _ = JsonSerializer.Serialize<SshEvent>(e, Json);
        }

        Check(count == 0 || previous >= 1, "no line numbers");

        // 2. The diagnosis, and its JSON form.
        var report = SshLog.Analyze(new MemoryStream(input, writable: false), "fuzz");
        Check(report.Findings is not null && report.Sessions is not null, "report without findings or sessions");
        Check(!string.IsNullOrEmpty(report.Summary), "report without a summary");
        foreach (var finding in report.Findings!)
        {
            Check(!string.IsNullOrEmpty(finding.Slug), "finding without a slug");
        }

        _ = JsonSerializer.Serialize(report, Json);

        // 3. Redaction: one output line per input line, and the redacted log still reads.
        var redacted = new StringBuilder();
        using (var output = new StringWriter(redacted))
        {
            SshLog.Redact(() => SshLog.OpenText(new MemoryStream(input, writable: false)), output);
        }

        var redactedLines = redacted.ToString().Split(Environment.NewLine).Length - 1;
        Check(redactedLines == previous, $"redact wrote {redactedLines} lines for {previous}");
        _ = SshLog.Analyze(redacted.ToString(), "fuzz-redacted");
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("invariant broken: " + what);
        }
    }
}
