using System.Text.Json;
using LogLens.Tests.Support;

namespace LogLens.Tests.Cli;

public class ReportCommandTests
{
    private static string Sample(string name) => Repo.Path("samples", "logs", name + ".log");

    [Test]
    public void WritesTheJsonContractForAFailure()
    {
        var (exit, output, error) = CliRunner.Run("--format", "json", Sample("refused-ipv4"));

        exit.Should().Be(1);
        error.Should().BeEmpty();
        var report = JsonDocument.Parse(output).RootElement;
        report.GetProperty("schema").GetString().Should().Be("loglens.report/1");
        report.GetProperty("source").GetString().Should().EndWith("refused-ipv4.log");
        report.GetProperty("outcome").GetString().Should().Be("failed");
        report.GetProperty("phase").GetString().Should().Be("connect");
        report.GetProperty("client").GetString().Should().StartWith("OpenSSH_9.2p1");
        report.GetProperty("server").ValueKind.Should().Be(JsonValueKind.Null);
        report.GetProperty("target").GetProperty("port").GetInt32().Should().BeGreaterThan(1024);
        var finding = report.GetProperty("findings")[0];
        finding.GetProperty("id").GetString().Should().Be("LL1002");
        finding.GetProperty("slug").GetString().Should().Be("connection-refused");
        finding.GetProperty("severity").GetString().Should().Be("error");
        finding.GetProperty("phase").GetString().Should().Be("connect");
        finding.GetProperty("help").GetString().Should().Be("docs/rules/LL1002.md");
        finding.GetProperty("helpUri").GetString().Should().Be("https://github.com/loglens/loglens/blob/main/docs/rules/LL1002.md");
        finding.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()).Should().NotBeEmpty();
        finding.GetProperty("fixes")[0].GetProperty("command").GetString().Should().Contain("ss -tlnp");
        report.GetProperty("sessions").GetArrayLength().Should().Be(1);
    }

    [Test]
    public void WritesAnArrayWhenGivenSeveralFiles()
    {
        var (exit, output, _) = CliRunner.Run("--format", "json", Sample("refused-ipv4"), Sample("hostkey-changed"));
        exit.Should().Be(1);
        var reports = JsonDocument.Parse(output).RootElement;
        reports.ValueKind.Should().Be(JsonValueKind.Array);
        reports.EnumerateArray().Select(r => r.GetProperty("findings")[0].GetProperty("slug").GetString())
            .Should().Equal("connection-refused", "host-key-changed");
    }

    [Test]
    public void PrintsAReadableReportWithTheTimelineEvidenceAndFixes()
    {
        var (exit, output, _) = CliRunner.Run(Sample("hostkey-changed"));
        exit.Should().Be(1);
        output.Should().Contain("ssh failed at host-key");
        output.Should().Contain("resolve ✓  connect ✓  version-exchange ✓  negotiation ✓  host-key ✗  authentication ·  session ·");
        output.Should().Contain("LL4001 host-key-changed");
        output.Should().Contain("Evidence:").And.Contain("│ Host key for [127.0.0.1]:");
        output.Should().Contain("$ ssh-keygen -f /tmp/loglens-lab/kh/hostkey-changed -R '[127.0.0.1]:");
        output.Should().Contain("Help: loglens explain LL4001").And.NotContain("docs/rules/", because: "users of the tool do not have the repository");
    }

    [Test]
    public void SaysWhenAFileHoldsNoSshOutputAndExitsTwo()
    {
        var file = CliRunner.TempFile("just some text\nnot from ssh at all\n");
        var (exit, output, error) = CliRunner.Run(file);
        exit.Should().Be(2);
        error.Trim().Should().Be($"loglens: {file}: no ssh output found");
        output.Should().Contain("no ssh output found");
    }

    [Test]
    public void ReportsAMissingFileWithExitCodeThree()
    {
        var (exit, _, error) = CliRunner.Run("/nonexistent/ssh.log");
        exit.Should().Be(3);
        error.Trim().Should().Be("loglens: /nonexistent/ssh.log: no such file or directory");
    }

    [Test]
    public void NeverSendsControlCharactersFromTheLogToTheTerminal()
    {
        var file = CliRunner.TempFile(
            "debug1: Connecting to evil [10.0.0.1] port 22.\n" +
            "ssh: connect to host \u001b]0;pwned\u0007evil\u001b[2J port 22: Connection refused\r\n");
        var (_, output, _) = CliRunner.Run(file);
        output.Should().NotContain("\u001b").And.NotContain("\u0007");
        output.Should().Contain("\\x1b]0;pwned\\x07evil\\x1b[2J");
    }

    [Test]
    public void InconclusiveLogsSayWhatIsMissing()
    {
        var file = CliRunner.TempFile("OpenSSH_9.2p1 Debian-2+deb12u3, OpenSSL 3.0.15 3 Sep 2024\ndebug1: Reading configuration data /etc/ssh/ssh_config\n");
        var (exit, output, _) = CliRunner.Run(file);
        exit.Should().Be(2);
        output.Should().Contain("inconclusive").And.Contain("with nothing decisive: run ssh");
    }

    [Test]
    public void ALogCutBeforeTheVerdictNamesItsLikelyCauseAndWhatToCaptureNext()
    {
        var file = CliRunner.TempFile("debug1: Connecting to h [10.0.0.1] port 22.\ndebug1: Connection established.\n");
        var (exit, output, _) = CliRunner.Run(file);
        exit.Should().Be(2);
        output.Should().Contain("inconclusive")
            .And.Contain("LL2004 banner-timeout: likely: No SSH banner arrived in time")
            .And.Contain("To be sure, run ssh -v again");
    }
}
