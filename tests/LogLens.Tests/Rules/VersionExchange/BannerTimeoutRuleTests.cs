using LogLens.Tests.Support;

namespace LogLens.Tests.Rules.VersionExchange;

public class BannerTimeoutRuleTests
{
    private static IEnumerable<TestCaseData> Wordings() =>
    [
        new TestCaseData("Connection timed out during banner exchange").SetName("Only the first line"),
        new TestCaseData("Connection timed out during banner exchange\nConnection to 10.1.2.3 port 22 timed out").SetName("9.x without -v"),
        new TestCaseData("banner exchange: Connection to 10.1.2.3 port 22: Connection timed out").SetName("8.3 banner exchange wording"),
        new TestCaseData("ssh_exchange_identification: Connection timed out during banner exchange").SetName("Old prefix"),
    ];

    [Test]
    public void DiagnosesTheLabScenarioWithItsPort()
    {
        var finding = SshLog.Analyze(File.ReadAllText(Repo.Path("tests", "fixtures", "lab", "banner-timeout", "client.log"))).Findings[0];
        finding.Slug.Should().Be("banner-timeout");
        finding.Message.Should().Contain("127.0.0.1 port 42217");
        finding.Fixes.Should().Contain(f => f.Command == "nc -v -w 10 127.0.0.1 42217");
    }

    [TestCaseSource(nameof(Wordings))]
    public void RecognisesEveryWording(string log) =>
        SshLog.Analyze(log).Findings[0].Slug.Should().Be("banner-timeout");

    [Test]
    public void LeavesATcpTimeoutToTheConnectRule() =>
        SshLog.Analyze("ssh: connect to host 10.1.2.3 port 22: Connection timed out").Findings.Should().NotContain(f => f.Slug == "banner-timeout");
}
