using System.Text;
using LogLens.Analysis;
using LogLens.Events;
using LogLens.Tests.Support;

namespace LogLens.Tests.Robustness;

/// <summary>What every input, however hostile, must give: one event per line, a report, a redacted copy; no exception.</summary>
internal static class Hostile
{
    private static readonly UTF8Encoding Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>The lab fixtures' bytes, by scenario name (read once).</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> Fixtures { get; } =
    [
        .. Repo.LabScenarios().Select(s => (s.Name, File.ReadAllBytes(s.ClientLog))),
        .. Repo.LabScenarios().Where(s => File.Exists(s.ServerLog)).SelectMany(s => new[] { "server.log", "server.journal.log" }
            .Select(f => Path.Combine(Path.GetDirectoryName(s.ServerLog)!, f)).Where(File.Exists).Select(f => (s.Name + "/" + Path.GetFileName(f), File.ReadAllBytes(f)))),
    ];

    /// <summary>Reads, analyses and redacts the input, checking the invariants; returns the number of lines.</summary>
    public static int ShouldSurvive(byte[] input)
    {
        var expectedLines = CountLines(input);
        var events = EventsShouldCoverEveryLine(() => new MemoryStream(input, writable: false), expectedLines);
        events.Should().BeGreaterThanOrEqualTo(expectedLines);

        var report = SshLog.Analyze(new MemoryStream(input, writable: false), "hostile");
        ReportShouldBeWhole(report);

        // Read as sshd's log, too: one event per line, and a report.
        using (var reader = SshLog.OpenText(new MemoryStream(input, writable: false)))
        {
            SshdLog.ReadEvents(reader).Select(e => e.Line).Distinct().Count().Should().Be((int)expectedLines, "sshd's parser gives an event for every line");
        }

        using (var reader = SshLog.OpenText(new MemoryStream(input, writable: false)))
        {
            ReportShouldBeWhole(SshdLog.Analyze(reader, "hostile"));
        }

        var redacted = new StringBuilder();
        using (var output = new StringWriter(redacted))
        {
            SshLog.Redact(() => SshLog.OpenText(new MemoryStream(input, writable: false)), output);
        }

        CountLines(Encoding.UTF8.GetBytes(redacted.ToString())).Should().Be(expectedLines, "redact writes one line per input line");
        return expectedLines;
    }

    /// <summary>Streams the events and checks they are numbered 1..lines, every line present, in order; returns how many.</summary>
    public static long EventsShouldCoverEveryLine(Func<Stream> open, long expectedLines)
    {
        long previous = 0;
        long count = 0;
        using var stream = open();
        foreach (var e in SshLog.ReadEvents(stream))
        {
            if (e.Line != previous && e.Line != previous + 1)
            {
                Assert.Fail($"event for line {e.Line} follows line {previous}: a line was lost or repeated out of order");
            }

            previous = e.Line;
            count++;
        }

        previous.Should().Be(expectedLines, "every input line gives an event");
        return count;
    }

    public static void ReportShouldBeWhole(Report report)
    {
        report.Should().NotBeNull();
        report.Summary.Should().NotBeNullOrEmpty();
        report.Findings.Should().NotBeNull().And.NotContainNulls();
        report.Sessions.Should().NotBeNull();
        Enum.IsDefined(report.Outcome).Should().BeTrue();
    }

    /// <summary>Counts lines the way a paste needs (\n, \r\n, lone \r), independently of LogLens' reader.</summary>
    public static int CountLines(byte[] input)
    {
        using var reader = new StreamReader(new MemoryStream(input), Lenient, detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd();
        var lines = 0;
        var open = false;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\r':
                    lines++;
                    open = false;
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n':
                    lines++;
                    open = false;
                    break;
                default:
                    open = true;
                    break;
            }
        }

        return open ? lines + 1 : lines;
    }
}

/// <summary>A read-only stream of a given length made on the fly by repeating a pattern, then a tail (nothing big held in memory).</summary>
internal sealed class RepeatingStream : Stream
{
    private readonly byte[] pattern;
    private readonly long length;
    private readonly byte[] end;
    private long position;

    public RepeatingStream(byte[] pattern, long length, byte[]? tail = null)
    {
        // Repeat a short pattern into a block of at least 4 KiB, so reads copy blocks, not bytes.
        var copies = Math.Max(1, 4096 / pattern.Length);
        this.pattern = [.. Enumerable.Repeat(pattern, copies).SelectMany(p => p)];
        this.length = length;
        end = tail ?? [];
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length + end.Length;

    public override long Position { get => position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var written = 0;
        while (written < count && position < length)
        {
            var at = (int)(position % pattern.Length);
            var n = (int)Math.Min(Math.Min(count - written, pattern.Length - at), length - position);
            Buffer.BlockCopy(pattern, at, buffer, offset + written, n);
            written += n;
            position += n;
        }

        while (written < count && position < Length)
        {
            buffer[offset + written] = end[position - length];
            written++;
            position++;
        }

        return written;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
