using LogLens.Tests.Support;

namespace LogLens.Tests.Rules.Negotiation;

public class KexStalledRuleTests
{
    private static IEnumerable<TestCaseData> Endings() =>
    [
        new TestCaseData("debug1: expecting SSH2_MSG_KEX_ECDH_REPLY\nConnection reset by 10.8.0.1 port 22").SetName("Reset"),
        new TestCaseData("debug1: expecting SSH2_MSG_KEX_DH_GEX_GROUP\nConnection closed by 10.8.0.1 port 22").SetName("Closed while waiting for the group"),
        new TestCaseData("debug1: SSH2_MSG_KEX_DH_GEX_REQUEST(2048<8192<8192) sent\ndebug1: expecting SSH2_MSG_KEX_DH_GEX_GROUP").SetName("Log ends at the group"),
        new TestCaseData("debug1: expecting SSH2_MSG_KEXDH_REPLY\nssh_dispatch_run_fatal: Connection to 10.8.0.1 port 22: Connection timed out").SetName("Old DH timed out"),
    ];

    [Test]
    public void DiagnosesTheLabStallWithTheAddressInThePingTest()
    {
        var finding = SshLog.Analyze(File.ReadAllText(Repo.Path("tests", "fixtures", "lab", "kex-stalled", "client.log"))).Findings[0];
        finding.Slug.Should().Be("kex-stalled");
        finding.Message.Should().Contain("SSH2_MSG_KEX_ECDH_REPLY").And.Contain("MTU");
        finding.Fixes.Should().Contain(f => f.Command == "ping -M do -s 1400 10.200.77.2");
        finding.Fixes.Should().Contain(f => f.Command == "ssh -o KexAlgorithms=curve25519-sha256 -p 42223 llab@10.200.77.2");
    }

    [TestCaseSource(nameof(Endings))]
    public void RecognisesAStallWhateverEndsIt(string log) =>
        SshLog.Analyze(log).Findings[0].Slug.Should().Be("kex-stalled");

    [Test]
    public void StaysQuietWhenTheReplyArrived() =>
        SshLog.Analyze("debug1: expecting SSH2_MSG_KEX_ECDH_REPLY\ndebug1: SSH2_MSG_KEX_ECDH_REPLY received\ndebug1: Server host key: ssh-ed25519 SHA256:abc")
            .Findings.Should().NotContain(f => f.Slug == "kex-stalled");
}
