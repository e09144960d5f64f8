using LogLens.Findings;
using static LogLens.Tests.Rules.HostKeys.RuleExpectations;

namespace LogLens.Tests.Rules.Connect;

public class ConnectionRefusedRuleTests
{
    private const string Slug = "connection-refused";

    private static IEnumerable<TestCaseData> Refusals()
    {
        yield return Case("OpenSSH 5.8 to localhost",
            "OpenSSH_5.8p1 Debian-1ubuntu3, OpenSSL 0.9.8o 01 Jun 2010",
            "debug1: Connecting to localhost [127.0.0.1] port 22.",
            "debug1: connect to address 127.0.0.1 port 22: Connection refused",
            "ssh: connect to host localhost port 22: Connection refused");
        yield return Case("without -v", "ssh: connect to host 10.0.0.5 port 2222: Connection refused");
        yield return Case("Windows, VS Code prefix",
            "[10:01:02.003] stderr> OpenSSH_for_Windows_8.1p1, LibreSSL 3.0.2",
            "[10:01:02.004] stderr> debug1: connect to address 10.0.0.5 port 22: Connection refused",
            "[10:01:02.005] stderr> ssh: connect to host 10.0.0.5 port 22: Connection refused");
        yield return Case("cut after the attempt", "debug1: connect to address 192.0.2.7 port 22: Connection refused");
    }

    [TestCaseSource(nameof(Refusals))]
    public void ReportsTheRefusalAsTheRootCause(string log)
    {
        var finding = FirstFinding(log, Slug);
        finding.Severity.Should().Be(Severity.Error);
        finding.Message.Should().Contain("the host answered").And.Contain("timeout");
    }

    [Test]
    public void FillsTheFixesWithTheLabLogsPort()
    {
        var report = Lab("refused-ipv4");
        report.Findings[0].Slug.Should().Be(Slug);
        Commands(report.Findings[0]).Should().Contain("sudo ss -tlnp | grep ':42205 '");
        report.Findings[0].Evidence.Select(e => e.Line).Should().Equal(8, 9);
    }

    [Test]
    public void SuggestsTheForwardedPortForLocalhostPort22()
    {
        FirstFinding("debug1: connect to address 127.0.0.1 port 22: Connection refused\nssh: connect to host localhost port 22: Connection refused", Slug)
            .Message.Should().Contain("forwards a different port");
    }

    [Test]
    public void StaysQuietWhenAnotherAddressConnected()
    {
        HasNo("debug1: connect to address ::1 port 22: Connection refused\ndebug1: Connecting to localhost [127.0.0.1] port 22.\ndebug1: Connection established.", Slug);
    }

    [Test]
    public void StaysQuietForATimeout()
    {
        HasNo("ssh: connect to host 10.0.0.5 port 22: Connection timed out", Slug);
    }
}
