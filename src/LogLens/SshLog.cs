using System.Runtime.CompilerServices;
using LogLens.Analysis;
using LogLens.Events;
using LogLens.Parsing;

namespace LogLens;

/// <summary>
/// Reads OpenSSH client output (<c>ssh -v</c>, <c>-vv</c>, <c>-vvv</c>) into typed events, one per input line,
/// streaming: memory stays flat whatever the size of the input.
/// </summary>
public static class SshLog
{
    /// <summary>Reads the events of a log held in a string.</summary>
    /// <param name="text">The log text.</param>
    /// <returns>One event per line, in order.</returns>
    public static IEnumerable<SshEvent> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ReadEvents(new StringReader(text));
    }

    /// <summary>Reads the events of a log file, decoding it as lenient UTF-8.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>One event per line, in order; the file is read as the sequence is enumerated.</returns>
    public static IEnumerable<SshEvent> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ReadFileCore(path);
    }

    /// <summary>Reads the events of a byte stream, decoding it as lenient UTF-8 (invalid bytes become U+FFFD).</summary>
    /// <param name="stream">The stream; it is not closed.</param>
    /// <returns>One event per line, in order.</returns>
    public static IEnumerable<SshEvent> ReadEvents(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadEvents(LineReader.OpenStream(stream, leaveOpen: true));
    }

    /// <summary>Reads the events of a text reader.</summary>
    /// <param name="reader">The reader; it is not closed.</param>
    /// <returns>One event per line, in order.</returns>
    public static IEnumerable<SshEvent> ReadEvents(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadCore(new LineReader(reader).ReadAll(), clock: null);
    }

    /// <summary>Opens a byte stream as text the way LogLens reads logs: lenient UTF-8 (invalid bytes become U+FFFD), a UTF-16 BOM honoured.</summary>
    /// <param name="stream">The stream; it is not closed with the reader.</param>
    /// <returns>The reader.</returns>
    public static TextReader OpenText(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return LineReader.OpenStream(stream, leaveOpen: true);
    }

    /// <summary>Reads events as lines arrive, stamping each with the time it was read (live mode over a pipe).</summary>
    /// <param name="reader">The reader; it is not closed.</param>
    /// <param name="clock">The clock for the arrival times.</param>
    /// <returns>One event per line, in order, each with <see cref="SshEvent.Timestamp"/> set.</returns>
    public static IEnumerable<SshEvent> ReadEvents(TextReader reader, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(clock);
        return ReadCore(new LineReader(reader).ReadAll(), clock);
    }

    /// <summary>Reads events as lines arrive (e.g. from a pipe), stamping each with its arrival time.</summary>
    /// <param name="reader">The reader; it is not closed.</param>
    /// <param name="clock">The clock for the arrival times; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The events, as their lines arrive.</returns>
    public static async IAsyncEnumerable<SshEvent> ReadEventsAsync(
        TextReader reader,
        TimeProvider? clock = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        clock ??= TimeProvider.System;
        var builder = new EventBuilder(clock);
        var prefixes = new PastePrefix();
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            var truncated = line.Length > LineReader.MaxLineLength;
            var text = truncated ? line[..LineReader.MaxLineLength] : line;
            var raw = new RawLine(number, text, truncated, Prefix: prefixes.Of(text));
            if (!LineUnwrapper.HasEscapedLines(raw.Text))
            {
                if (builder.Push(raw) is { } one)
                {
                    yield return one;
                }

                continue;
            }

            foreach (var e in builder.PushEscaped(raw))
            {
                yield return e;
            }
        }

        if (builder.Release() is { } last)
        {
            yield return last;
        }
    }

    /// <summary>Reads and diagnoses a log held in a string; an sshd log is recognized and read as one (see <see cref="Report.Kind"/>).</summary>
    /// <param name="text">The log text.</param>
    /// <param name="source">The name to give the input in the report.</param>
    /// <returns>The report.</returns>
    public static Report Analyze(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Analyze(new StringReader(text), source);
    }

    /// <summary>Reads and diagnoses a log held in a string; an sshd log is recognized and read as one.</summary>
    /// <param name="text">The log text.</param>
    /// <returns>The report (its source is <c>-</c>).</returns>
    public static Report Analyze(string text) => Analyze(text, "-");

    /// <summary>
    /// Reads and diagnoses a log from a text reader. Its first 64 KiB tell whose log it is: sshd's is read with
    /// <see cref="SshdLog"/> (<see cref="Report.Kind"/> says so), anything else as ssh's output.
    /// </summary>
    /// <param name="reader">The reader; it is not closed.</param>
    /// <param name="source">The name to give the input in the report.</param>
    /// <returns>The report.</returns>
    public static Report Analyze(TextReader reader, string source) => Analyze(reader, source, readAhead: true);

    /// <inheritdoc cref="Analyze(TextReader, string)"/>
    /// <param name="reader">The reader; it is not closed.</param>
    /// <param name="source">The name to give the input in the report.</param>
    /// <param name="readAhead">Whether ssh's output, when long, may be read on a second thread (see <see cref="ClientPipeline"/>).</param>
    internal static Report Analyze(TextReader reader, string source, bool readAhead)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var (kind, input) = LogSniffer.Sniff(reader);
        return kind == LogKind.Server ? SshdLog.Analyze(input, source) : AnalyzeClient(input, source, onSession: null, readAhead: readAhead);
    }

    /// <summary>
    /// Diagnoses ssh's output read from text: the same report as <see cref="Analyze(IEnumerable{SshEvent}, string)"/> over
    /// <see cref="ReadEvents(TextReader)"/>, but the lines the analyzer reads only for their number and session
    /// (<see cref="LogAnalyzer.ReadForLineOnly"/>) are passed over without building their events.
    /// </summary>
    /// <param name="reader">The reader (ssh's output); it is not closed.</param>
    /// <param name="source">The name to give the input in the report.</param>
    /// <param name="onSession">Receives each session's report as it is known (none is kept), or <see langword="null"/> to keep them.</param>
    /// <param name="skip">Whether lines may be passed over (tests turn it off to prove the reports are the same).</param>
    /// <param name="readAhead">Whether a long log may be read on a second thread while this one analyzes it (see <see cref="ClientPipeline"/>).</param>
    /// <returns>The report.</returns>
    internal static Report AnalyzeClient(TextReader reader, string source, Action<SessionReport>? onSession, bool skip = true, bool readAhead = true)
    {
        var analyzer = onSession is null ? new LogAnalyzer() : new LogAnalyzer(onSession);
        ClientPipeline.Run(reader, analyzer, skip, readAhead);
        return analyzer.Complete(source);
    }

    /// <summary>Reads and diagnoses a log from a byte stream (lenient UTF-8); an sshd log is recognized and read as one.</summary>
    /// <param name="stream">The stream; it is not closed.</param>
    /// <param name="source">The name to give the input in the report.</param>
    /// <returns>The report.</returns>
    public static Report Analyze(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Analyze(LineReader.OpenStream(stream, leaveOpen: true), source);
    }

    /// <summary>
    /// Reads and diagnoses a log like <see cref="Analyze(TextReader, string)"/> (the same reading: sshd's log told apart, lines no rule
    /// reads passed over, a long log read on a second thread), but hands each session's report to <paramref name="onSession"/> as soon
    /// as it is known, on the calling thread and in order, and keeps none: over ssh's output memory stays flat however long the log.
    /// The returned report's <see cref="Report.Sessions"/> is empty. sshd's log is diagnosed whole (its records are told apart at its
    /// end, so its memory grows with it, as <see cref="SshdLog.Analyze(TextReader, string)"/>'s does), then each record is handed on.
    /// </summary>
    /// <param name="reader">The reader; it is not closed.</param>
    /// <param name="source">The name to give the input in the report.</param>
    /// <param name="onSession">Receives each session's report, in order.</param>
    /// <returns>The report of the main session.</returns>
    public static Report Analyze(TextReader reader, string source, Action<SessionReport> onSession)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(onSession);
        var (kind, input) = LogSniffer.Sniff(reader);
        if (kind != LogKind.Server)
        {
            return AnalyzeClient(input, source, onSession);
        }

        var server = SshdLog.Analyze(input, source);
        foreach (var session in server.Sessions)
        {
            onSession(session);
        }

        return server with { Sessions = [] };
    }

    /// <inheritdoc cref="Analyze(TextReader, string, Action{SessionReport})"/>
    /// <param name="stream">The bytes (UTF-8, invalid bytes read as U+FFFD; a UTF-16 byte order mark is honoured); it is not closed.</param>
    /// <param name="source">The name to give the input in the report.</param>
    /// <param name="onSession">Receives each session's report, in order.</param>
    public static Report Analyze(Stream stream, string source, Action<SessionReport> onSession)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Analyze(LineReader.OpenStream(stream, leaveOpen: true), source, onSession);
    }

    /// <summary>Diagnoses events already read (e.g. from <see cref="ReadEventsAsync"/>, or <see cref="SshdLog.ReadEvents"/> for sshd's log).</summary>
    /// <param name="events">The events, in order.</param>
    /// <param name="source">The name to give the input in the report.</param>
    /// <returns>The report.</returns>
    public static Report Analyze(IEnumerable<SshEvent> events, string source)
    {
        ArgumentNullException.ThrowIfNull(events);
        using var enumerator = events.GetEnumerator();
        if (!enumerator.MoveNext())
        {
            return new LogAnalyzer().Complete(source);
        }

        if (enumerator.Current is ServerEvent)
        {
            return SshdLog.Analyze(Rest(enumerator), source);
        }

        var analyzer = new LogAnalyzer();
        foreach (var e in Rest(enumerator))
        {
            analyzer.Add(e);
        }

        return analyzer.Complete(source);
    }

    /// <summary>
    /// Joins the report of ssh's output with the report of sshd's log of the same attempt: finds sshd's record of the client's main
    /// session (by the server's port, the user, the offered keys' fingerprints, the client version, and the time when both logs have
    /// times), and puts the server's more precise cause first (e.g. key-rejected becomes authorized-keys-permissions, with sshd's line as
    /// evidence). <see cref="Report.Join"/> says what matched and how surely.
    /// </summary>
    /// <param name="client">The client's report (from <see cref="Analyze(TextReader, string)"/>).</param>
    /// <param name="server">The server's report (from <see cref="SshdLog.Analyze(TextReader, string)"/>).</param>
    /// <returns>The joined report; the client's report with <see cref="Report.Join"/> saying nothing matched when no record fits.</returns>
    public static Report Join(Report client, Report server)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(server);
        return ReportJoin.Join(client, server);
    }

    private static IEnumerable<SshEvent> Rest(IEnumerator<SshEvent> enumerator)
    {
        do
        {
            yield return enumerator.Current;
        }
        while (enumerator.MoveNext());
    }

    /// <summary>
    /// Diagnoses events and hands each session's report to <paramref name="onSession"/> as soon as it is known,
    /// keeping none: for archives with many sessions. The returned report's <see cref="Report.Sessions"/> is empty.
    /// </summary>
    /// <param name="events">The events, in order.</param>
    /// <param name="source">The name to give the input in the report.</param>
    /// <param name="onSession">Receives each session's report, in order.</param>
    /// <returns>The report of the main session.</returns>
    public static Report Analyze(IEnumerable<SshEvent> events, string source, Action<SessionReport> onSession)
    {
        ArgumentNullException.ThrowIfNull(events);
        return Complete(new LogAnalyzer(onSession), events, source);
    }

    private static Report Complete(LogAnalyzer analyzer, IEnumerable<SshEvent> events, string source)
    {
        foreach (var e in events)
        {
            analyzer.Add(e);
        }

        return analyzer.Complete(source);
    }

    /// <summary>
    /// Writes a redacted copy of a log: users, hosts, addresses, fingerprints and home directories replaced by
    /// stable placeholders (see <see cref="Redaction.Redactor"/>). The input is read twice, so it must be re-openable.
    /// </summary>
    /// <param name="open">Opens the log (called twice: to learn the values, then to replace them).</param>
    /// <param name="output">Where the redacted log goes, one line per input line.</param>
    public static void Redact(Func<TextReader> open, TextWriter output) => Redact(open, output, new Redaction.Redactor());

    /// <summary>Writes a redacted copy of a log with a given redactor, which then holds the values it replaced.</summary>
    internal static void Redact(Func<TextReader> open, TextWriter output, Redaction.Redactor redactor)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(output);
        using (var first = open())
        {
            foreach (var e in ReadEvents(first))
            {
                redactor.Learn(e);
            }
        }

        using var second = open();
        foreach (var line in new LineReader(second).ReadAll())
        {
            output.WriteLine(redactor.Redact(line.Text));
        }
    }

    private static IEnumerable<SshEvent> ReadFileCore(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        using var reader = LineReader.OpenStream(stream);
        foreach (var e in ReadCore(new LineReader(reader).ReadAll(), clock: null))
        {
            yield return e;
        }
    }

    private static IEnumerable<SshEvent> ReadCore(IEnumerable<RawLine> lines, TimeProvider? clock)
    {
        var builder = new EventBuilder(clock);
        foreach (var line in lines)
        {
            if (!LineUnwrapper.HasEscapedLines(line))
            {
                if (builder.Push(line) is { } one)
                {
                    yield return one;
                }

                continue;
            }

            foreach (var e in builder.PushEscaped(line))
            {
                yield return e;
            }
        }

        if (builder.Release() is { } last)
        {
            yield return last;
        }
    }
}
