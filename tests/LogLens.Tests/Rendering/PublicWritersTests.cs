using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LogLens.Analysis;
using LogLens.Events;
using LogLens.Findings;
using LogLens.Rendering;
using LogLens.Rules;
using LogLens.Tests.Support;

namespace LogLens.Tests.Rendering;

/// <summary>
/// The writers the command line uses are the library's: what <c>loglens</c> prints in JSON, SARIF and events is what a program
/// referencing the library gets, and <see cref="JsonSerializer"/> with <see cref="ContractJson.Options"/> speaks the same contracts.
/// </summary>
public class PublicWritersTests
{
    private static readonly string[] Samples = [.. Directory.GetFiles(Repo.Path("samples", "logs"), "*.log").Order(StringComparer.Ordinal)];

    [TestCaseSource(typeof(Repo), nameof(Repo.LabScenarioCases))]
    public void TheSerializerOptionsWriteAndReadTheReportContract(LabScenario scenario)
    {
        foreach (var report in scenario.Reports())
        {
            var contract = ReportWriter.ToJson(report);
            var serialized = JsonSerializer.Serialize(report, ContractJson.Options);
            JsonNode.DeepEquals(JsonNode.Parse(serialized), JsonNode.Parse(contract)).Should().BeTrue(serialized);

            var read = JsonSerializer.Deserialize<Report>(serialized, ContractJson.Options)!;
            ReportWriter.ToJson(read).Should().Be(contract);
            foreach (var session in report.Sessions)
            {
                var back = JsonSerializer.Deserialize<SessionReport>(JsonSerializer.Serialize(session, ContractJson.Options), ContractJson.Options)!;
                back.Findings.Select(f => f.Slug).Should().Equal(session.Findings.Select(f => f.Slug));
                // The contract carries no connection times (sshd's records have them for the join only).
                back.Should().BeEquivalentTo(session, o => o.Excluding(s => s.Findings).Excluding(s => s.Connection!.Start).Excluding(s => s.Connection!.End));
            }

            foreach (var finding in report.Findings)
            {
                var back = JsonSerializer.Deserialize<Finding>(JsonSerializer.Serialize(finding, ContractJson.Options), ContractJson.Options)!;
                back.Should().BeEquivalentTo(finding);
            }
        }
    }

    [Test]
    public void TheSerializerOptionsNameFieldsAndEnumsAsTheContractDoes()
    {
        var report = SshLog.Analyze(File.ReadAllText(Repo.Path("samples", "logs", "hostkey-changed.log")));
        var json = JsonNode.Parse(JsonSerializer.Serialize(report, ContractJson.Options))!;
        json["schema"]!.GetValue<string>().Should().Be(ReportJsonWriter.Schema);
        json["phase"]!.GetValue<string>().Should().Be("host-key");
        json["findings"]![0]!["slug"]!.GetValue<string>().Should().Be("host-key-changed");
        json["findings"]![0]!["severity"]!.GetValue<string>().Should().Be("error");
    }

    [Test]
    public void SaysWhatIsNotAReportAsAJsonException()
    {
        var read = () => JsonSerializer.Deserialize<Report>("{\"schema\": \"other/1\"}", ContractJson.Options);
        read.Should().Throw<JsonException>().WithMessage("*loglens.report/1*");
    }

    [TestCaseSource(nameof(Samples))]
    public void TheStreamingJsonWriterGivesTheWholeReportsJson(string path)
    {
        var whole = ReportWriter.ToJson(SshLog.Analyze(File.ReadAllText(path), path));

        using var output = new StringWriter();
        using (var json = new ReportJsonWriter(output, asArray: false))
        {
            json.Begin(path);
            var report = SshLog.Analyze(SshLog.Parse(File.ReadAllText(path)), path, json.Session);
            json.End(report);
        }

        output.ToString().Should().Be(whole);
    }

    [Test]
    public void OverAUtf8StreamWriterTheJsonGoesAsBytesInOrderWithTheWritersOwnText([Values] bool eachSessionAtOnce)
    {
        var path = Repo.Path("samples", "logs", "hostkey-changed.log");
        var text = File.ReadAllText(path);
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false), 1024, leaveOpen: true))
        {
            // Text the writer still holds must come out before the JSON's bytes, and its own text after them.
            writer.Write("before:");
            using (var json = new ReportJsonWriter(writer, asArray: false) { EachSessionAtOnce = eachSessionAtOnce })
            {
                json.Begin(path);
                var report = SshLog.Analyze(SshLog.Parse(text + text), path, json.Session);
                json.End(report);
            }

            writer.Write("after");
        }

        var expected = ReportWriter.ToJson(SshLog.Analyze(text + text, path));
        Encoding.UTF8.GetString(stream.ToArray()).Should().Be("before:" + expected + "after");
    }

    [TestCaseSource(nameof(Samples))]
    public void TheCommandLinePrintsTheLibrarysEventsAndSarif(string path)
    {
        var events = SshLog.Parse(File.ReadAllText(path)).ToList();
        using (var expected = new StringWriter())
        {
            events.ForEach(e => EventWriter.WriteJson(e, expected));
            CliRunner.Run("events", path).Out.Should().Be(expected.ToString());
        }

        using (var expected = new StringWriter())
        {
            events.ForEach(e => EventWriter.WriteText(e, expected));
            CliRunner.Run("events", "--format", "text", path).Out.Should().Be(expected.ToString());
        }

        CliRunner.Run("--format", "sarif", path).Out.Should().Be(ReportWriter.ToSarif(SshLog.Analyze(File.ReadAllText(path), path)));
    }

    [Test]
    public void SarifNamesEveryRuleWithItsHelpUriAndLocatesEachFinding()
    {
        var path = Repo.Path("samples", "logs", "too-many-auth.log");
        var sarif = JsonNode.Parse(ReportWriter.ToSarif(SshLog.Analyze(File.ReadAllText(path), path)))!;
        var run = sarif["runs"]![0]!;
        run["tool"]!["driver"]!["rules"]!.AsArray().Should().OnlyContain(r => r!["helpUri"]!.GetValue<string>().StartsWith("https://", StringComparison.Ordinal));
        var result = run["results"]![0]!;
        result["ruleId"]!.GetValue<string>().Should().Be(RuleIds.TooManyAuthFailures);
        result["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>().Should().Be(path);
    }
}
