using System.Text.Json;
using LogLens.Rendering;
using LogLens.Tests.Support;

namespace LogLens.Tests.Rendering;

public class ReportWriterTests
{
    private static string Sample(string name) => Repo.Path("samples", "logs", name + ".log");

    [Test]
    public void RendersTheSameTextReportAsTheCommandLine()
    {
        var path = Sample("hostkey-changed");
        var report = SshLog.Analyze(File.OpenRead(path), path);
        ReportWriter.ToText(report).Should().Be(CliRunner.Run("--color", "never", path).Out);
    }

    [Test]
    public void RendersTheJsonContractWithEverySession()
    {
        var report = SshLog.Analyze(File.ReadAllText(Sample("proxyjump-hop-refused")), "hop.log");
        var json = JsonDocument.Parse(ReportWriter.ToJson(report)).RootElement;
        json.GetProperty("schema").GetString().Should().Be("loglens.report/1");
        json.GetProperty("source").GetString().Should().Be("hop.log");
        json.GetProperty("findings")[0].GetProperty("slug").GetString().Should().Be("proxy-failure");
        json.GetProperty("sessions").GetArrayLength().Should().Be(report.Sessions.Count).And.BeGreaterThan(1);
    }

    [Test]
    public void CarriesTheConfidenceOfEachFindingInJsonAndSaysLikelyInText()
    {
        var certain = SshLog.Analyze(File.ReadAllText(Sample("refused-ipv4")));
        JsonDocument.Parse(ReportWriter.ToJson(certain)).RootElement.GetProperty("findings")[0].GetProperty("confidence").GetString().Should().Be("certain");

        var cut = SshLog.Analyze("debug1: Connecting to h [10.0.0.1] port 22.\ndebug1: Connection established.\n");
        var json = JsonDocument.Parse(ReportWriter.ToJson(cut)).RootElement;
        json.GetProperty("outcome").GetString().Should().Be("inconclusive");
        json.GetProperty("findings")[0].GetProperty("confidence").GetString().Should().Be("likely");
        json.GetProperty("summary").GetString().Should().Contain("likely: no SSH banner arrived in time");
        ReportWriter.ToText(cut).Should().Contain("banner-timeout: likely: No SSH banner arrived in time");
    }

    [Test]
    public void ColoursOnlyWhenAsked()
    {
        var report = SshLog.Analyze(File.ReadAllText(Sample("refused-ipv4")));
        using var colored = new StringWriter();
        ReportWriter.WriteText(report, colored, color: true);
        colored.ToString().Should().Contain("\u001b[31m");
        ReportWriter.ToText(report).Should().NotContain("\u001b");
    }
}
