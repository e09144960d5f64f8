using LogLens.Tests.Support;

namespace LogLens.Tests.Rules.VersionExchange;

public class ExchangeIdentificationClosedRuleTests
{
    private static IEnumerable<TestCaseData> Wordings() =>
    [
        new TestCaseData("ssh_exchange_identification: Connection closed by remote host").SetName("Before 8.0"),
        new TestCaseData("kex_exchange_identification: Connection closed by remote host\nConnection closed by 198.51.100.7 port 22").SetName("8.0 to 9.4"),
        new TestCaseData("Connection closed by 198.51.100.7 port 22").SetName("9.5 and later without -v"),
    ];

    [TestCase("ident-closed", "MaxStartups")]
    [TestCase("maxstartups", "sshd said why")]
    public void DiagnosesTheLabScenarios(string scenario, string cause)
    {
        var finding = SshLog.Analyze(File.ReadAllText(Repo.Path("tests", "fixtures", "lab", scenario, "client.log"))).Findings[0];
        finding.Slug.Should().Be("exchange-identification-closed");
        finding.Message.Should().Contain(cause);
        finding.Fixes.Should().Contain(f => f.Command != null && f.Command.StartsWith("nc -v ", StringComparison.Ordinal));
    }

    [TestCaseSource(nameof(Wordings))]
    public void RecognisesEveryWording(string log) =>
        SshLog.Analyze(log).Findings[0].Slug.Should().Be("exchange-identification-closed");

    [Test]
    public void LeavesAClosedProxyToTheProxyRule() =>
        SshLog.Analyze("debug1: Executing proxy command: exec ssh -W '[10.0.0.2]:22' hop\nkex_exchange_identification: Connection closed by remote host")
            .Findings[0].Slug.Should().Be("proxy-failure");

    [Test]
    public void LeavesACloseAfterAuthenticationAlone() =>
        SshLog.Analyze("debug1: Authentications that can continue: publickey\nConnection closed by 10.0.0.1 port 22")
            .Findings.Should().NotContain(f => f.Slug == "exchange-identification-closed");
}
