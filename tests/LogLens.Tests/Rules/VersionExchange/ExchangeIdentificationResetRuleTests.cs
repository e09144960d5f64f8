using LogLens.Tests.Support;

namespace LogLens.Tests.Rules.VersionExchange;

public class ExchangeIdentificationResetRuleTests
{
    private static IEnumerable<TestCaseData> Wordings() =>
    [
        new TestCaseData("debug1: Local version string SSH-2.0-OpenSSH_7.4\nssh_exchange_identification: read: Connection reset by peer").SetName("Before 8.0"),
        new TestCaseData("kex_exchange_identification: read: Connection reset by peer\nConnection reset by 203.0.113.4 port 22").SetName("8.0 and later"),
        new TestCaseData("debug1: Connection established.\ndebug1: Local version string SSH-2.0-OpenSSH_9.6\nConnection reset by 203.0.113.4 port 22").SetName("9.6 at -v without the identification line"),
    ];

    [TestCase("ident-reset", "hosts.deny")]
    [TestCase("maxstartups-reset", "Exceeded MaxStartups")]
    public void DiagnosesTheLabScenarios(string scenario, string cause)
    {
        var finding = SshLog.Analyze(File.ReadAllText(Repo.Path("tests", "fixtures", "lab", scenario, "client.log"))).Findings[0];
        finding.Slug.Should().Be("exchange-identification-reset");
        finding.Message.Should().Contain(cause).And.Contain("not an authentication problem");
        finding.Fixes.Should().Contain(f => f.Command == "sudo sshd -t");
    }

    [TestCaseSource(nameof(Wordings))]
    public void RecognisesEveryWording(string log) =>
        SshLog.Analyze(log).Findings[0].Slug.Should().Be("exchange-identification-reset");

    [Test]
    public void LeavesAResetAfterTheBannerAlone() =>
        SshLog.Analyze("debug1: Remote protocol version 2.0, remote software version OpenSSH_9.2\ndebug1: expecting SSH2_MSG_KEX_ECDH_REPLY\nConnection reset by 10.0.0.1 port 22")
            .Findings.Should().NotContain(f => f.Slug == "exchange-identification-reset");
}
