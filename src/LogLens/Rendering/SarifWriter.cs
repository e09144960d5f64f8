using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using LogLens.Analysis;
using LogLens.Findings;
using LogLens.Rules;

namespace LogLens.Rendering;

/// <summary>Writes findings as SARIF 2.1.0 for CI systems: one run, the rule metadata from the catalog, one result per finding.</summary>
internal static class SarifWriter
{
    public static void Write(TextWriter output, IEnumerable<Report> reports)
    {
        var rules = RuleCatalog.Every.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "loglens");
            json.WriteString("semanticVersion", Version);
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteString("name", rule.Slug);
                json.WriteStartObject("shortDescription");
                json.WriteString("text", rule.Title);
                json.WriteEndObject();
                var helpUri = rule.HelpUri.ToString();
                json.WriteStartObject("help");
                json.WriteString("text", $"See {helpUri}, or run: loglens explain {rule.Id}");
                json.WriteEndObject();
                json.WriteString("helpUri", helpUri);
                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", Level(rule.Severity));
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteString("phase", Names.Of(rule.Phase));
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var report in reports)
            {
                foreach (var finding in report.Findings)
                {
                    WriteResult(json, report.Source, finding, rules.FindIndex(r => r.Id == finding.Id));
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static string Version => typeof(SarifWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private static void WriteResult(Utf8JsonWriter json, string source, Finding finding, int ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Id);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(finding.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", $"{finding.Title}. {finding.Message}");
        json.WriteEndObject();
        json.WriteStartArray("locations");
        foreach (var evidence in finding.Evidence.Count > 0 ? finding.Evidence : [new Evidence(1, string.Empty)])
        {
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", source);
            json.WriteEndObject();
            json.WriteStartObject("region");
            json.WriteNumber("startLine", evidence.Line);
            if (evidence.Text.Length > 0)
            {
                json.WriteStartObject("snippet");
                json.WriteString("text", evidence.Text);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("properties");
        json.WriteString("slug", finding.Slug);
        json.WriteString("confidence", Names.Of(finding.Confidence));
        json.WriteString("phase", Names.Of(finding.Phase));
        ReportJsonWriter.WriteFixes(json, finding.Fixes);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };
}
