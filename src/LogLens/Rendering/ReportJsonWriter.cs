using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using LogLens.Analysis;
using LogLens.Findings;

namespace LogLens.Rendering;

/// <summary>
/// Writes reports as the <c>loglens.report/1</c> JSON contract (docs/cli.md), field by field for a stable order,
/// streaming: each session is written (and flushed) as soon as the analyzer knows it, so a report over an archive of
/// any number of sessions needs no more memory than one session. The main session's verdict follows the
/// <c>sessions</c> array. With <see cref="SshLog.Analyze(IEnumerable{Events.SshEvent}, string, Action{SessionReport})"/>:
/// <c>Begin(source)</c>, then <c>Session</c> for each session it hands over, then <c>End(report)</c> with the report it returns.
/// </summary>
public sealed class ReportJsonWriter : IDisposable
{
    /// <summary>The contract's name and version, the value of every report's <c>schema</c> field.</summary>
    public const string Schema = "loglens.report/1";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>How many bytes of JSON are gathered before they go to the output, when sessions need not go at once.</summary>
    private const int Block = 64 * 1024;

    private readonly TextWriter output;

    /// <summary>The stream under <see cref="output"/> when it is a UTF-8 <see cref="StreamWriter"/>: the JSON's bytes go there as they are.</summary>
    private readonly Stream? bytes;
    private readonly bool asArray;
    private readonly ArrayBufferWriter<byte> buffer = new(16 * 1024);
    private readonly Utf8JsonWriter json;
    private char[] chars = new char[16 * 1024];
    private bool any;

    /// <summary>A writer to <paramref name="output"/>.</summary>
    /// <param name="output">Where the JSON goes; each session is flushed to it as soon as it is written.</param>
    /// <param name="asArray">Whether to write a JSON array of reports (several inputs) rather than one report object.</param>
    public ReportJsonWriter(TextWriter output, bool asArray)
    {
        ArgumentNullException.ThrowIfNull(output);
        this.output = output;
        bytes = output is StreamWriter { Encoding: { CodePage: 65001 } encoding } writer && encoding.Preamble.Length == 0 ? writer.BaseStream : null;
        this.asArray = asArray;
        json = new Utf8JsonWriter(buffer, Options);
        if (asArray)
        {
            json.WriteStartArray();
        }
    }

    /// <summary>
    /// Whether each session goes to the output as soon as it is written (the default: a consumer reading live sees it at once);
    /// when <see langword="false"/> (a file read whole), sessions go in blocks of about 64 KiB, which costs far fewer writes.
    /// </summary>
    internal bool EachSessionAtOnce { get; set; } = true;

    /// <summary>Opens one input's report object and its <c>sessions</c> array.</summary>
    /// <param name="source">The input's name.</param>
    public void Begin(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        any = true;
        WriteHead(json, source);
    }

    /// <summary>Writes one session and hands it to the output at once.</summary>
    /// <param name="session">The session's report.</param>
    public void Session(SessionReport session)
    {
        ArgumentNullException.ThrowIfNull(session);
        WriteSession(json, session);
        Drain(EachSessionAtOnce);
    }

    /// <summary>Writes a whole report already known (its sessions, then its verdict).</summary>
    /// <param name="report">The report.</param>
    public void Write(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        any = true;
        WriteReport(json, report);
        Drain();
    }

    /// <summary>Closes the sessions and writes the main session's verdict.</summary>
    /// <param name="report">The report (its sessions are not written again).</param>
    public void End(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        WriteTail(json, report);
        Drain();
    }

    /// <summary>Ends the array (if any) and flushes the output; the output is not closed.</summary>
    public void Dispose()
    {
        if (asArray)
        {
            json.WriteEndArray();
        }

        Drain();
        if (any || asArray)
        {
            output.WriteLine();
        }

        output.Flush();
        json.Dispose();
    }

    /// <summary>A whole report, into any JSON writer (also what <see cref="ContractJson"/> writes).</summary>
    internal static void WriteReport(Utf8JsonWriter json, Report report)
    {
        WriteHead(json, report.Source);
        foreach (var session in report.Sessions)
        {
            WriteSession(json, session);
        }

        WriteTail(json, report);
    }

    private static void WriteHead(Utf8JsonWriter json, string source)
    {
        json.WriteStartObject();
        json.WriteString("schema", Schema);
        json.WriteString("source", source);
        json.WriteStartArray("sessions");
    }

    internal static void WriteSession(Utf8JsonWriter json, SessionReport session)
    {
        json.WriteStartObject();
        json.WriteNumber("index", session.Index);
        WriteNullable(json, "parent", session.Parent);
        json.WriteNumber("firstLine", session.FirstLine);
        json.WriteNumber("lastLine", session.LastLine);
        WriteVerdict(json, session.Outcome, session.Phase, session.Client, session.Server, session.Target, session.Findings, session.Summary, session.Timings);
        if (session.Connection is { } c)
        {
            json.WriteStartObject("connection");
            json.WriteString("clientAddress", c.ClientAddress);
            WriteNullable(json, "clientPort", c.ClientPort);
            json.WriteString("serverAddress", c.ServerAddress);
            WriteNullable(json, "serverPort", c.ServerPort);
            json.WriteString("user", c.User);
            json.WriteString("clientSoftware", c.ClientSoftware);
            json.WriteStartArray("fingerprints");
            foreach (var fingerprint in c.Fingerprints)
            {
                json.WriteStringValue(fingerprint);
            }

            json.WriteEndArray();
            json.WriteBoolean("noise", c.Noise);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteTail(Utf8JsonWriter json, Report report)
    {
        json.WriteEndArray();
        json.WriteString("log", Names.Of(report.Kind));
        if (report.Join is { } join)
        {
            json.WriteStartObject("join");
            json.WriteString("serverSource", join.ServerSource);
            WriteNullable(json, "serverSession", join.ServerSession);
            json.WriteString("confidence", Names.Of(join.Confidence));
            json.WriteStartArray("matchedOn");
            foreach (var fact in join.MatchedOn)
            {
                json.WriteStringValue(fact);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        if (report.Stopped is { } stop)
        {
            json.WriteStartObject("stopped");
            json.WriteString("at", stop.At);
            json.WriteString("phase", Names.Of(stop.Phase));
            json.WriteNumber("line", stop.Line);
            if (stop.Silence is { } silence)
            {
                json.WriteNumber("silenceSeconds", Math.Round(silence.TotalSeconds, 3));
            }
            else
            {
                json.WriteNull("silenceSeconds");
            }

            json.WriteString("waitingFor", stop.WaitingFor);
            json.WriteBoolean("waitingForUser", stop.WaitingForUser);
            json.WriteEndObject();
        }

        WriteVerdict(json, report.Outcome, report.Phase, report.Client, report.Server, report.Target, report.Findings, report.Summary, report.Main?.Timings ?? []);
        json.WriteEndObject();
    }

    private void Drain(bool now = true)
    {
        json.Flush();
        if (!now && buffer.WrittenCount < Block)
        {
            return;
        }

        if (bytes is not null)
        {
            // UTF-8 out: the bytes as they are, after whatever text the writer still holds.
            output.Flush();
            bytes.Write(buffer.WrittenSpan);
            bytes.Flush();
            buffer.ResetWrittenCount();
            return;
        }

        // Through a reused character buffer, not a string per session (over a large log that was as many bytes as the JSON).
        var written = buffer.WrittenSpan;
        var needed = System.Text.Encoding.UTF8.GetMaxCharCount(written.Length);
        if (chars.Length < needed)
        {
            chars = new char[Math.Max(needed, chars.Length * 2)];
        }

        var length = System.Text.Encoding.UTF8.GetChars(written, chars);
        output.Write(chars, 0, length);
        output.Flush();
        buffer.ResetWrittenCount();
    }

    private static void WriteVerdict(
        Utf8JsonWriter json, Outcome outcome, Phase phase, string? client, string? server, Target? target, IReadOnlyList<Finding> findings, string summary,
        IReadOnlyList<PhaseTiming> timings)
    {
        json.WriteString("outcome", Names.Of(outcome));
        json.WriteString("phase", Names.Of(phase));
        json.WriteString("client", client);
        json.WriteString("server", server);
        if (target is null)
        {
            json.WriteNull("target");
        }
        else
        {
            json.WriteStartObject("target");
            json.WriteString("host", target.Host);
            json.WriteString("address", target.Address);
            WriteNullable(json, "port", target.Port);
            json.WriteString("user", target.User);
            json.WriteEndObject();
        }

        json.WriteString("summary", summary);
        json.WriteStartArray("timings");
        foreach (var timing in timings)
        {
            json.WriteStartObject();
            json.WriteString("phase", Names.Of(timing.Phase));
            json.WriteNumber("seconds", Math.Round(timing.Duration.TotalSeconds, 3));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("findings");
        foreach (var finding in findings)
        {
            WriteFinding(json, finding);
        }

        json.WriteEndArray();
    }

    internal static void WriteFinding(Utf8JsonWriter json, Finding finding)
    {
        json.WriteStartObject();
        json.WriteString("id", finding.Id);
        json.WriteString("slug", finding.Slug);
        json.WriteString("severity", Names.Of(finding.Severity));
        json.WriteString("confidence", Names.Of(finding.Confidence));
        json.WriteString("phase", Names.Of(finding.Phase));
        json.WriteString("title", finding.Title);
        json.WriteString("message", finding.Message);
        json.WriteStartArray("evidence");
        foreach (var evidence in finding.Evidence)
        {
            json.WriteStartObject();
            json.WriteNumber("line", evidence.Line);
            json.WriteString("text", evidence.Text);
            json.WriteString("source", Names.Of(evidence.Source));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteFixes(json, finding.Fixes);
        json.WriteString("help", finding.Help);
        json.WriteString("helpUri", finding.HelpUri.ToString());
        json.WriteEndObject();
    }

    /// <summary>The <c>fixes</c> array, as both the report and SARIF's result properties carry it.</summary>
    internal static void WriteFixes(Utf8JsonWriter json, IReadOnlyList<Fix> fixes)
    {
        json.WriteStartArray("fixes");
        foreach (var fix in fixes)
        {
            json.WriteStartObject();
            json.WriteString("description", fix.Description);
            json.WriteString("command", fix.Command);
            json.WriteString("where", Names.Of(fix.Where));
            json.WriteString("file", fix.File);
            json.WriteBoolean("placeholder", fix.HasPlaceholder);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
