using LogLens.Tests.Support;

namespace LogLens.Tests.Rules.VersionExchange;

public class NotSshServerRuleTests
{
    private static IEnumerable<TestCaseData> Wordings() =>
    [
        new TestCaseData("ssh_exchange_identification: Bad remote protocol version identification: 'HTTP/1.1 400 Bad Request'", "HTTP").SetName("Before 8.0"),
        new TestCaseData("kex_exchange_identification: banner line contains invalid characters\nbanner exchange: Connection to 10.0.0.9 port 3306: invalid format", "binary").SetName("Binary greeting"),
        new TestCaseData("banner exchange: Connection to 10.0.0.9 port 3306: invalid format", "binary").SetName("9.6 and later without -v"),
        new TestCaseData("Protocol major versions differ: 2 vs. 1", "protocol 1").SetName("SSH-1 server"),
        new TestCaseData("debug1: kex_exchange_identification: banner line 0: 220 mail.example.com ESMTP Postfix\nkex_exchange_identification: Connection closed by remote host", "SMTP").SetName("Mail server"),
        new TestCaseData("debug1: Connecting to web [10.0.0.9] port 443.\ndebug1: Connection established.\nkex_exchange_identification: Connection closed by remote host", "TLS").SetName("Silent close on the HTTPS port"),
    ];

    [TestCase("not-ssh-http", "HTTP/1.1 400 Bad Request")]
    [TestCase("not-ssh-binary", "binary")]
    [TestCase("protocol-ssh1", "SSH protocol 1")]
    public void DiagnosesTheLabScenarios(string scenario, string what)
    {
        var finding = SshLog.Analyze(File.ReadAllText(Repo.Path("tests", "fixtures", "lab", scenario, "client.log"))).Findings[0];
        finding.Slug.Should().Be("not-ssh-server");
        finding.Message.Should().Contain(what);
        finding.Fixes.Should().Contain(f => f.Command != null && f.Command.StartsWith("nc -v 127.0.0.1 ", StringComparison.Ordinal));
    }

    [TestCaseSource(nameof(Wordings))]
    public void RecognisesEveryWording(string log, string what)
    {
        var finding = SshLog.Analyze(log).Findings[0];
        finding.Slug.Should().Be("not-ssh-server");
        finding.Message.Should().Contain(what);
    }

    [Test]
    public void LeavesAMaxStartupsMessageToTheClosedRule() =>
        SshLog.Analyze("debug1: kex_exchange_identification: banner line 0: Exceeded MaxStartups\nkex_exchange_identification: Connection closed by remote host")
            .Findings[0].Slug.Should().Be("exchange-identification-closed");
}
