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
/// <c>sessions</c> array.
/// </summary>
internal sealed class ReportJsonWriter : IDisposable
{
    public const string Schema = "loglens.report/1";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly TextWriter output;
    private readonly bool asArray;
    private readonly ArrayBufferWriter<byte> buffer = new(16 * 1024);
    private readonly Utf8JsonWriter json;
    private bool any;

    public ReportJsonWriter(TextWriter output, bool asArray)
    {
        this.output = output;
        this.asArray = asArray;
        json = new Utf8JsonWriter(buffer, Options);
        if (asArray)
        {
            json.WriteStartArray();
        }
    }

    /// <summary>Opens one input's report object and its <c>sessions</c> array.</summary>
    public void Begin(string source)
    {
        any = true;
        json.WriteStartObject();
        json.WriteString("schema", Schema);
        json.WriteString("source", source);
        json.WriteStartArray("sessions");
    }

    /// <summary>Writes one session and hands it to the output at once.</summary>
    public void Session(SessionReport session)
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
        Drain();
    }

    /// <summary>Closes the sessions and writes the main session's verdict.</summary>
    /// <summary>Writes a whole report already known (its sessions, then its verdict).</summary>
    public void Write(Report report)
    {
        Begin(report.Source);
        foreach (var session in report.Sessions)
        {
            Session(session);
        }

        End(report);
    }

    public void End(Report report)
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

        WriteVerdict(json, report.Outcome, report.Phase, report.Client, report.Server, report.Target, report.Findings, report.Summary, report.Main?.Timings ?? []);
        json.WriteEndObject();
        Drain();
    }

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

    private void Drain()
    {
        json.Flush();
        output.Write(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
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

    private static void WriteFinding(Utf8JsonWriter json, Finding finding)
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
