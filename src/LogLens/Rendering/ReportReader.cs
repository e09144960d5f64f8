using System.Text.Json;
using LogLens.Analysis;
using LogLens.Findings;

namespace LogLens.Rendering;

/// <summary>
/// Reads a <c>loglens.report/1</c> JSON report (what <c>loglens --format json</c> and <see cref="ReportWriter.WriteJson"/> write)
/// back into a <see cref="Report"/>: for tools that keep reports, or get them from another machine.
/// </summary>
public static class ReportReader
{
    /// <summary>Reads one report.</summary>
    /// <param name="json">The JSON text of one report (an object with <c>"schema": "loglens.report/1"</c>).</param>
    /// <returns>The report.</returns>
    /// <exception cref="FormatException">The text is not a <c>loglens.report/1</c> report.</exception>
    public static Report ReadJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return Read(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"not a {ReportJsonWriter.Schema} report: {e.Message}", e);
        }
    }

    internal static Report Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || root.GetProperty("schema").GetString() != ReportJsonWriter.Schema)
        {
            throw new FormatException($"not a {ReportJsonWriter.Schema} report: the schema is missing or another");
        }

        var sessions = root.GetProperty("sessions").EnumerateArray().Select(ReadSession).ToList();
        var findings = Findings(root);
        var outcome = Parse<Outcome>(root.GetProperty("outcome"), Names.Of);
        var phase = Parse<Phase>(root.GetProperty("phase"), Names.Of);
        var report = new Report(
            root.GetProperty("source").GetString() ?? "-", outcome, phase, Text(root, "client"), Text(root, "server"), ReadTarget(root),
            findings, sessions, root.GetProperty("summary").GetString() ?? string.Empty)
        {
            Kind = root.TryGetProperty("log", out var log) ? Parse<LogKind>(log, Names.Of) : LogKind.Client,
            Join = root.TryGetProperty("join", out var join) ? ReadJoin(join) : null,
            Stopped = root.TryGetProperty("stopped", out var stopped) ? ReadStop(stopped) : null,
        };

        // The main session is the one the top-level fields describe: the last with the same outcome, phase and summary.
        var main = sessions.LastOrDefault(s => s.Outcome == outcome && s.Phase == phase && s.Summary == report.Summary && s.Parent is null);
        return report with { Main = main is null ? null : main with { Findings = findings } };
    }

    internal static SessionReport ReadSession(JsonElement session) =>
        new(session.GetProperty("index").GetInt32(), Int(session, "parent"), Parse<Outcome>(session.GetProperty("outcome"), Names.Of),
            Parse<Phase>(session.GetProperty("phase"), Names.Of), Text(session, "client"), Text(session, "server"), ReadTarget(session),
            Findings(session), session.GetProperty("summary").GetString() ?? string.Empty, session.GetProperty("firstLine").GetInt32(),
            session.GetProperty("lastLine").GetInt32(), Timings(session))
        {
            Connection = session.TryGetProperty("connection", out var connection) ? ReadConnection(connection) : null,
        };

    private static List<Finding> Findings(JsonElement element) => [.. element.GetProperty("findings").EnumerateArray().Select(ReadFinding)];

    internal static Finding ReadFinding(JsonElement f) =>
        new(
            f.GetProperty("id").GetString()!, f.GetProperty("slug").GetString()!, Parse<Severity>(f.GetProperty("severity"), Names.Of),
            Parse<Phase>(f.GetProperty("phase"), Names.Of), f.GetProperty("title").GetString()!, f.GetProperty("message").GetString()!,
            [.. f.GetProperty("evidence").EnumerateArray().Select(e => new Evidence(e.GetProperty("line").GetInt32(), e.GetProperty("text").GetString()!)
            {
                Source = e.TryGetProperty("source", out var source) ? Parse<EvidenceSource>(source, Names.Of) : EvidenceSource.Client,
            })],
            [.. f.GetProperty("fixes").EnumerateArray().Select(x => new Fix(x.GetProperty("description").GetString()!, Text(x, "command"))
            {
                Where = Parse<FixLocation>(x.GetProperty("where"), Names.Of),
                File = Text(x, "file"),
            })])
        {
            Confidence = f.TryGetProperty("confidence", out var confidence) ? Parse<Confidence>(confidence, Names.Of) : Confidence.Certain,
        };

    private static List<PhaseTiming> Timings(JsonElement element) =>
        [.. element.GetProperty("timings").EnumerateArray().Select(t =>
            new PhaseTiming(Parse<Phase>(t.GetProperty("phase"), Names.Of), TimeSpan.FromSeconds(t.GetProperty("seconds").GetDouble())))];

    private static Target? ReadTarget(JsonElement element) =>
        element.GetProperty("target") is { ValueKind: JsonValueKind.Object } t
            ? new Target(Text(t, "host"), Text(t, "address"), Int(t, "port"), Text(t, "user"))
            : null;

    private static ConnectionInfo ReadConnection(JsonElement c) =>
        new(Text(c, "clientAddress"), Int(c, "clientPort"), Text(c, "serverAddress"), Int(c, "serverPort"), Text(c, "user"), Text(c, "clientSoftware"),
            [.. c.GetProperty("fingerprints").EnumerateArray().Select(f => f.GetString()!)], null, null)
        {
            Noise = c.GetProperty("noise").GetBoolean(),
        };

    private static JoinInfo ReadJoin(JsonElement join) =>
        new(join.GetProperty("serverSource").GetString()!, Int(join, "serverSession"), Parse<Confidence>(join.GetProperty("confidence"), Names.Of),
            [.. join.GetProperty("matchedOn").EnumerateArray().Select(m => m.GetString()!)]);

    private static StopInfo ReadStop(JsonElement stop) =>
        new(stop.GetProperty("at").GetDateTimeOffset(), Parse<Phase>(stop.GetProperty("phase"), Names.Of), stop.GetProperty("line").GetInt32(),
            stop.GetProperty("silenceSeconds") is { ValueKind: JsonValueKind.Number } silence ? TimeSpan.FromSeconds(silence.GetDouble()) : null,
            Text(stop, "waitingFor"), stop.GetProperty("waitingForUser").GetBoolean());

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    /// <summary>An enum from the contract's spelling of it (the one <see cref="Names"/> writes).</summary>
    private static T Parse<T>(JsonElement value, Func<T, string> name)
        where T : struct, Enum
    {
        var text = value.GetString();
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (name(candidate) == text)
            {
                return candidate;
            }
        }

        throw new FormatException($"'{text}' is not a {typeof(T).Name} of {ReportJsonWriter.Schema}");
    }
}
