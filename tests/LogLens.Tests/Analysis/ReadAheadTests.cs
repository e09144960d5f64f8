using System.Text;
using LogLens.Analysis;
using LogLens.Rendering;
using LogLens.Tests.Support;

namespace LogLens.Tests.Analysis;

/// <summary>
/// A log longer than one batch is read on a second thread while the caller's thread analyzes it (<see cref="ClientPipeline"/>).
/// That must change nothing in the report, keep the session callbacks on the caller's thread in order, and let a failure on
/// either side end the read with that failure (not a hang, not another exception).
/// </summary>
public class ReadAheadTests
{
    [Test]
    public void ReadingAheadChangesNoReport()
    {
        var text = Repo.LabClientLogs();
        text.Split('\n').Length.Should().BeGreaterThan(5 * ClientPipeline.InlineLines);

        var ahead = Json(SshLog.AnalyzeClient(new StringReader(text), "log", onSession: null));
        Json(SshLog.AnalyzeClient(new StringReader(text), "log", onSession: null, readAhead: false)).Should().Be(ahead);
        Json(SshLog.Analyze(SshLog.ReadEvents(new StringReader(text)), "log")).Should().Be(ahead);
    }

    [Test]
    public void ReadingAheadChangesNoReportOfAMessyPaste()
    {
        // Past the first lines the reading thread parses batches of lines ahead of the ones it builds, and the caller's thread
        // parses some of them when it has no session to diagnose: the lines that depend on the lines before them (wrapped by a
        // terminal, cut short, with escaped line breaks, with times) must come out the same wherever they were parsed.
        var logs = Repo.LabScenarios().Select(s => File.ReadAllText(s.ClientLog)).ToList();
        var text = new StringBuilder();
        for (var i = 0; i < logs.Count; i++)
        {
            var lines = logs[i].TrimEnd('\n').Split('\n');
            var shown = (i % 4) switch
            {
                0 => string.Join("\r\n", lines),
                1 => string.Join('\n', lines.Select(line => Wrapped(line, 80))),
                2 => "{\"stderr\": \"" + string.Join("\\n", lines.Select(line => line.Replace("\"", "\\\"", StringComparison.Ordinal))) + "\"}",
                _ => string.Join('\n', lines.Select((line, n) => $"[10:{n / 60 % 60:00}:{n % 60:00}.000] stderr> {line}")),
            };
            text.Append(shown).Append('\n');
        }

        var log = text.ToString();
        log.Split('\n').Length.Should().BeGreaterThan(5 * ClientPipeline.InlineLines);
        var ahead = Json(SshLog.AnalyzeClient(new StringReader(log), "log", onSession: null));

        Json(SshLog.AnalyzeClient(new StringReader(log), "log", onSession: null, readAhead: false)).Should().Be(ahead);
        Json(SshLog.Analyze(SshLog.ReadEvents(new StringReader(log)), "log")).Should().Be(ahead);
    }

    [Test]
    public void TheSessionsReachTheCallbackInOrderOnTheCallersThread()
    {
        var text = Repo.LabClientLogs();
        var expected = SshLog.AnalyzeClient(new StringReader(text), "log", onSession: null, readAhead: false).Sessions.Select(s => s.Index).ToList();
        var caller = Environment.CurrentManagedThreadId;
        var seen = new List<int>();
        var threads = new HashSet<int>();

        SshLog.AnalyzeClient(new StringReader(text), "log", session =>
        {
            seen.Add(session.Index);
            threads.Add(Environment.CurrentManagedThreadId);
        });

        seen.Should().Equal(expected);
        threads.Should().Equal(caller);
    }

    [Test]
    public void AReadErrorAfterManyBatchesReachesTheCaller()
    {
        var reader = new FailingReader(Repo.LabClientLogs(), failAfter: 3 * ClientPipeline.InlineLines);

        var analyze = () => SshLog.AnalyzeClient(reader, "log", onSession: null);

        analyze.Should().Throw<IOException>().WithMessage("disk gone");
    }

    [Test]
    public void ACallbackThatFailsStopsTheReadAheadAndReachesTheCaller()
    {
        var reader = new FailingReader(Repo.LabClientLogs(), failAfter: int.MaxValue);
        var sessions = 0;

        var analyze = () => SshLog.AnalyzeClient(reader, "log", _ =>
        {
            if (++sessions == 10)
            {
                throw new InvalidOperationException("output closed");
            }
        });

        analyze.Should().Throw<InvalidOperationException>().WithMessage("output closed");
        reader.LinesRead.Should().BeLessThan(reader.LineCount, "the read-ahead stops when the analysis does");
    }

    private static string Json(Report report) => ReportWriter.ToJson(report);

    /// <summary>The line as a terminal <paramref name="width"/> columns wide shows it: cut into lines of that width.</summary>
    private static string Wrapped(string line, int width) =>
        string.Join('\n', Enumerable.Range(0, Math.Max(1, (line.Length + width - 1) / width)).Select(k => line.Substring(k * width, Math.Min(width, line.Length - (k * width)))));

    /// <summary>Serves the text at most one line per read, and fails with an <see cref="IOException"/> after a number of lines.</summary>
    private sealed class FailingReader(string text, int failAfter) : TextReader
    {
        private int position;

        public int LinesRead { get; private set; }

        public int LineCount { get; } = text.Count(c => c == '\n');

        public override int Read(char[] buffer, int index, int count)
        {
            if (LinesRead >= failAfter)
            {
                throw new IOException("disk gone");
            }

            var end = text.IndexOf('\n', position);
            var length = Math.Min(count, (end < 0 ? text.Length : end + 1) - position);
            text.CopyTo(position, buffer, index, length);
            position += length;
            if (length > 0 && buffer[index + length - 1] == '\n')
            {
                LinesRead++;
            }

            return length;
        }
    }
}
