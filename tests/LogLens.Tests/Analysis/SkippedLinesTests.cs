using System.Runtime.CompilerServices;
using System.Text;
using LogLens.Analysis;
using LogLens.Events;
using LogLens.Parsing;
using LogLens.Rendering;
using LogLens.Tests.Support;

namespace LogLens.Tests.Analysis;

/// <summary>
/// The report path passes over the lines the analyzer reads only for their number and session
/// (<see cref="LogAnalyzer.ReadForLineOnly"/>) without building their events. That must change nothing: every fixture log
/// gives the same JSON report, byte for byte, with and without skipping, and the same as the events path; also when a
/// terminal wrapped its lines (the builder joins a wrapped line with its continuation, so a skipped line must never be one).
/// </summary>
public class SkippedLinesTests
{
    /// <summary>Every log under tests/fixtures (lab client and server logs, the version fixtures) and samples/logs.</summary>
    private static IEnumerable<TestCaseData> Logs() =>
        Directory.EnumerateFiles(Repo.Path("tests", "fixtures"), "*.log", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Repo.Path("samples", "logs"), "*.log", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(path).SetArgDisplayNames(Path.GetRelativePath(Repo.Root, path)));

    [TestCaseSource(nameof(Logs))]
    public void SkippingLinesChangesNoReport(string path)
    {
        var text = File.ReadAllText(path);
        var skipped = Json(SshLog.AnalyzeClient(new StringReader(text), "log", onSession: null));
        Json(SshLog.AnalyzeClient(new StringReader(text), "log", onSession: null, skip: false)).Should().Be(skipped);
        Json(SshLog.Analyze(SshLog.ReadEvents(new StringReader(text)), "log")).Should().Be(skipped);
    }

    [TestCaseSource(nameof(Logs))]
    public void SkippingLinesChangesNoReportOfAWrappedPaste(string path)
    {
        // A terminal 80 columns wide: a longer line goes on over the next ones.
        var wrapped = new StringBuilder();
        foreach (var line in File.ReadLines(path))
        {
            for (var at = 0; at < line.Length || at == 0; at += 80)
            {
                wrapped.Append(line.AsSpan(at, Math.Min(80, line.Length - at))).Append('\n');
            }
        }

        var text = wrapped.ToString();
        Json(SshLog.AnalyzeClient(new StringReader(text), "log", onSession: null, skip: false))
            .Should().Be(Json(SshLog.AnalyzeClient(new StringReader(text), "log", onSession: null)));
    }

    [TestCaseSource(nameof(Logs))]
    public void SkippingLinesChangesNoReportOfAPartlyTimedPaste(string path)
    {
        // VS Code's "[hh:mm:ss.mmm] stderr> " on the second half of the lines, one to three seconds apart: phases get
        // durations, waits for the user and slow steps appear, and they name the lines before and after each silence.
        var lines = File.ReadAllLines(path);
        var timed = new StringBuilder();
        var time = TimeSpan.FromHours(10);
        for (var i = 0; i < lines.Length; i++)
        {
            if (i >= lines.Length / 2)
            {
                time += TimeSpan.FromSeconds(1 + (i % 3));
                timed.Append(System.Globalization.CultureInfo.InvariantCulture, $"[{time:hh\\:mm\\:ss\\.fff}] stderr> ");
            }

            timed.Append(lines[i]).Append('\n');
        }

        var text = timed.ToString();
        Json(SshLog.AnalyzeClient(new StringReader(text), "log", onSession: null, skip: false))
            .Should().Be(Json(SshLog.AnalyzeClient(new StringReader(text), "log", onSession: null)));
    }

    [Test]
    public void ASkippedLineIsOneWhoseEventTheAnalyzerReadsForItsLineOnlyInTheSameSession()
    {
        var skippedLines = 0;
        var lines = 0;
        foreach (var path in Logs().Select(c => (string)c.Arguments[0]!))
        {
            var text = File.ReadAllText(path);
            var events = SshLog.ReadEvents(new StringReader(text)).ToLookup(e => e.Line);
            var builder = new EventBuilder(clock: null) { Skippable = [.. LogAnalyzer.ReadForLineOnly] };
            var reader = new LineReader(new StringReader(text));
            while (reader.TryRead(out var line))
            {
                lines++;
                if (LineUnwrapper.HasEscapedLines(line.Text))
                {
                    _ = builder.PushEscaped(line).ToList();
                    continue;
                }

                builder.Push(line, out var skipped);
                if (skipped is not { } passed)
                {
                    continue;
                }

                skippedLines++;
                var e = events[line.Number].Single();
                LogAnalyzer.ReadForLineOnly.Should().Contain(e.GetType(), $"line {line.Number} of {path} was skipped");
                (passed.Line, passed.Session, passed.ParentSession).Should().Be((e.Line, e.Session, e.ParentSession));
            }
        }

        TestContext.Out.WriteLine($"{skippedLines:N0} of {lines:N0} lines skipped");
        skippedLines.Should().BeGreaterThan(lines / 10, "the lab logs at -vvv are full of trace lines");
    }

    [Test]
    public void TheWidestLineIsWhatTheLinesReadAheadMeasure()
    {
        // The read-ahead parses lines before the builder reaches them, with the widest line before each measured from the
        // lines alone (EventBuilder.WidestAfter): it must be the builder's own measure, also over lines with escaped line
        // breaks (which do not count) and wrapped ones.
        foreach (var path in Logs().Select(c => (string)c.Arguments[0]!))
        {
            var text = File.ReadAllText(path);
            var escaped = string.Join("\\n", text.Split('\n').Take(40));
            foreach (var log in new[] { text, escaped + "\n" + text + "\n" + escaped })
            {
                var builder = new EventBuilder(clock: null) { Skippable = [.. LogAnalyzer.ReadForLineOnly] };
                var reader = new LineReader(new StringReader(log));
                var widest = builder.Widest;
                while (reader.TryRead(out var line))
                {
                    if (LineUnwrapper.HasEscapedLines(line))
                    {
                        _ = builder.PushEscaped(line).ToList();
                    }
                    else
                    {
                        builder.Push(line, out _);
                    }

                    widest = EventBuilder.WidestAfter(widest, line);
                    builder.Widest.Should().Be(widest, $"line {line.Number} of {path}");
                }
            }
        }
    }

    [TestCaseSource(nameof(ReadForLineOnly))]
    public void AnEventReadForItsLineOnlyShowsNoPhaseNoWaitAndNoFailure(Type type)
    {
        var e = (SshEvent)RuntimeHelpers.GetUninitializedObject(type);
        PhaseTracker.Entered(e).Should().BeNull();
        Waits.After(e).Should().BeNull();
        SessionView.IsFailure(e).Should().BeFalse();
        type.IsSealed.Should().BeTrue();
        type.Should().NotBe<Text>().And.NotBe<UnknownMessage>();
    }

    [TestCase(typeof(PacketTrace))]
    [TestCase(typeof(AuthStep))]
    public void ATraceLineTheCollectorLeavesOutShowsNoPhaseAndNoFailure(Type type)
    {
        // The collector asks PhaseTracker nothing about the trace lines it leaves out of a session.
        var e = (SshEvent)RuntimeHelpers.GetUninitializedObject(type);
        PhaseTracker.Entered(e).Should().BeNull();
        SessionView.IsFailure(e).Should().BeFalse();
    }

    private static IEnumerable<Type> ReadForLineOnly() => LogAnalyzer.ReadForLineOnly;

    private static string Json(Report report)
    {
        var output = new StringWriter();
        using (var json = new ReportJsonWriter(output, asArray: false))
        {
            json.Write(report);
        }

        return output.ToString();
    }
}
