using System.Text.Encodings.Web;
using System.Text.Json;
using LogLens.Analysis;
using LogLens.Findings;

namespace LogLens.Cli.Output;

/// <summary>Writes reports as the <c>loglens.report/1</c> JSON contract (docs/cli.md), written by hand for a stable field order.</summary>
internal static class ReportJsonWriter
{
    public const string Schema = "loglens.report/1";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(TextWriter output, IReadOnlyList<Report> reports, bool asArray)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            if (asArray)
            {
                json.WriteStartArray();
            }

            foreach (var report in reports)
            {
                WriteReport(json, report);
            }

            if (asArray)
            {
                json.WriteEndArray();
            }
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteReport(Utf8JsonWriter json, Report report)
    {
        json.WriteStartObject();
        json.WriteString("schema", Schema);
        json.WriteString("source", report.Source);
        WriteVerdict(json, report.Outcome, report.Phase, report.Client, report.Server, report.Target, report.Findings, report.Summary, report.Main?.Timings ?? []);
        json.WriteStartArray("sessions");
        foreach (var session in report.Sessions)
        {
            json.WriteStartObject();
            json.WriteNumber("index", session.Index);
            WriteNullable(json, "parent", session.Parent);
            json.WriteNumber("firstLine", session.FirstLine);
            json.WriteNumber("lastLine", session.LastLine);
            WriteVerdict(json, session.Outcome, session.Phase, session.Client, session.Server, session.Target, session.Findings, session.Summary, session.Timings);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
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
        json.WriteString("phase", Names.Of(finding.Phase));
        json.WriteString("title", finding.Title);
        json.WriteString("message", finding.Message);
        json.WriteStartArray("evidence");
        foreach (var evidence in finding.Evidence)
        {
            json.WriteStartObject();
            json.WriteNumber("line", evidence.Line);
            json.WriteString("text", evidence.Text);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("fixes");
        foreach (var fix in finding.Fixes)
        {
            json.WriteStartObject();
            json.WriteString("description", fix.Description);
            json.WriteString("command", fix.Command);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("help", finding.Help);
        json.WriteEndObject();
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
