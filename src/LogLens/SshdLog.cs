using LogLens.Analysis;
using LogLens.Events;
using LogLens.Parsing;
using LogLens.Parsing.Server;

namespace LogLens;

/// <summary>
/// Reads sshd's log (<c>journalctl -u ssh</c> in its default or <c>-o short-iso</c> form, <c>/var/log/auth.log</c> and
/// <c>/var/log/secure</c> with classic or RFC 3339 times, <c>sshd -E FILE</c>, <c>sshd -d</c>/<c>-ddd</c>) into typed events
/// and a diagnosis per connection, streaming. <see cref="SshLog.Join"/> joins such a report with the client's.
/// </summary>
public static class SshdLog
{
    /// <summary>Reads the events of an sshd log held in a string.</summary>
    /// <param name="text">The log text.</param>
    /// <returns>One event per line, in order (other programs' lines are <see cref="OtherProgramLine"/>).</returns>
    public static IEnumerable<SshEvent> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ReadEvents(new StringReader(text));
    }

    /// <summary>Reads the events of an sshd log from a text reader.</summary>
    /// <param name="reader">The reader; it is not closed.</param>
    /// <returns>One event per line, in order.</returns>
    public static IEnumerable<SshEvent> ReadEvents(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadCore(new LineReader(reader).ReadAll());
    }

    /// <summary>Reads and diagnoses an sshd log held in a string.</summary>
    /// <param name="text">The log text.</param>
    /// <param name="source">The name to give the input in the report.</param>
    /// <returns>The report: one session per connection (and one for sshd's own start and stop), the main one on top.</returns>
    public static Report Analyze(string text, string source) => Analyze(Parse(text), source);

    /// <summary>Reads and diagnoses an sshd log held in a string.</summary>
    /// <param name="text">The log text.</param>
    /// <returns>The report (its source is <c>-</c>).</returns>
    public static Report Analyze(string text) => Analyze(Parse(text), "-");

    /// <summary>Reads and diagnoses an sshd log from a text reader.</summary>
    /// <param name="reader">The reader; it is not closed.</param>
    /// <param name="source">The name to give the input in the report.</param>
    /// <returns>The report.</returns>
    public static Report Analyze(TextReader reader, string source) => Analyze(ReadEvents(reader), source);

    /// <summary>Diagnoses the events of an sshd log already read.</summary>
    /// <param name="events">The events, in order.</param>
    /// <param name="source">The name to give the input in the report.</param>
    /// <returns>The report.</returns>
    public static Report Analyze(IEnumerable<SshEvent> events, string source)
    {
        ArgumentNullException.ThrowIfNull(events);
        var analyzer = new ServerAnalyzer();
        foreach (var e in events)
        {
            analyzer.Add(e);
        }

        return analyzer.Complete(source);
    }

    /// <summary>Whether a text looks like sshd's log rather than ssh's output (decided by its first 64 KiB).</summary>
    /// <param name="text">The log text, or its start.</param>
    /// <returns><see langword="true"/> for an sshd log.</returns>
    public static bool Recognizes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return LogSniffer.Detect(text.AsSpan(0, Math.Min(text.Length, LogSniffer.SampleLength))) == LogKind.Server;
    }

    private static IEnumerable<SshEvent> ReadCore(IEnumerable<RawLine> lines)
    {
        foreach (var line in lines)
        {
            yield return ServerParser.Parse(line);
        }
    }
}
