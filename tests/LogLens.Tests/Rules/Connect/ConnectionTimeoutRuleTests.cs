using LogLens.Tests.Support;

namespace LogLens.Tests.Rules.Connect;

public class ConnectionTimeoutRuleTests
{
    private static IEnumerable<TestCaseData> Wordings() =>
    [
        new TestCaseData("ssh: connect to host 10.0.0.5 port 22: Connection timed out").SetName("Linux without -v"),
        new TestCaseData("ssh: connect to host 10.0.0.5 port 22: Operation timed out").SetName("macOS"),
        new TestCaseData("debug1: connect to address 203.0.113.9 port 2222: Connection timed out").SetName("Truncated before the final line"),
        new TestCaseData(
            "OpenSSH_for_Windows_8.1p1, LibreSSL 3.0.2\ndebug1: Connecting to login1 [129.194.64.11] port 22.\n" +
            "debug3: finish_connect - ERROR: async io completed with error: 10060, io:000002E9367D4040\n" +
            "debug1: connect to address 129.194.64.11 port 22: Connection timed out\nssh: connect to host login1 port 22: Connection timed out").SetName("Windows 10060"),
    ];

    [Test]
    public void DiagnosesTheLabTimeoutWithTheLogsHostAndPort()
    {
        var finding = SshLog.Analyze(File.ReadAllText(Repo.Path("tests", "fixtures", "lab", "timeout", "client.log"))).Findings[0];
        finding.Slug.Should().Be("connection-timeout");
        finding.Message.Should().Contain("10.200.77.2").And.Contain("refused");
        finding.Fixes.Should().Contain(f => f.Command == "nc -vz -w 5 10.200.77.2 22");
    }

    [TestCaseSource(nameof(Wordings))]
    public void RecognisesEveryTimeoutWording(string log) =>
        SshLog.Analyze(log).Findings[0].Slug.Should().Be("connection-timeout");

    [Test]
    public void MentionsTheVpnForAPrivateAddress() =>
        SshLog.Analyze("ssh: connect to host 10.0.0.5 port 22: Connection timed out").Findings[0].Message.Should().Contain("VPN");

    [Test]
    public void LeavesARefusalToTheRefusedRule() =>
        SshLog.Analyze("ssh: connect to host 10.0.0.5 port 22: Connection refused").Findings.Should().NotContain(f => f.Slug == "connection-timeout");

    [Test]
    public void LeavesABannerTimeoutToTheBannerRule() =>
        SshLog.Analyze("debug1: Connection established.\ndebug1: Local version string SSH-2.0-OpenSSH_9.2\nConnection timed out during banner exchange\nConnection to 10.0.0.5 port 22 timed out")
            .Findings[0].Slug.Should().Be("banner-timeout");
}
