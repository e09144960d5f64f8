using LogLens.Findings;
using static LogLens.Tests.Rules.Local.LocalRuleAssertions;

namespace LogLens.Tests.Rules.Local;

public class AgentRefusedRuleTests
{
    private static IEnumerable<TestCaseData> Wordings() =>
    [
        new TestCaseData(Log("sign_and_send_pubkey: signing failed: agent refused operation", "Permission denied (publickey)."), "ssh-add -c").SetName("Before 8.2"),
        new TestCaseData(Log("debug1: Server accepts key: <ssh://me@example.org|nist256p1> ECDSA SHA256:abc agent",
            "sign_and_send_pubkey: signing failed for ECDSA \"<ssh://me@example.org|nist256p1>\" from agent: communication with agent failed",
            "debug1: Offering public key: /home/me/.ssh/id_rsa RSA SHA256:def", "debug1: Authentications that can continue: publickey",
            "me@h: Permission denied (publickey)."), "hardware-wallet").SetName("A crashed hardware-wallet agent, then a rejected fallback key"),
        new TestCaseData(Log("sign_and_send_pubkey: signing failed for RSA \"cardno:000612345678\" from agent: agent refused operation"), "OpenPGP card").SetName("A gpg-agent smartcard"),
    ];

    [Test]
    public void DiagnosesTheLabConfirmationWithTheKeyFile()
    {
        var finding = SshLog.Analyze(Lab("agent-confirm")).Findings[0];
        finding.Slug.Should().Be("agent-refused");
        finding.Message.Should().Contain("ssh-add -c");
        finding.Fixes.Should().Contain(f => f.Command == "ssh-add -d /tmp/loglens-lab/keys/id_confirm && ssh-add /tmp/loglens-lab/keys/id_confirm");
        finding.Fixes.Should().Contain(f => f.Command == "ssh -o IdentityAgent=none -i /tmp/loglens-lab/keys/id_confirm -p 42242 llab@127.0.0.1");
        finding.Evidence.Should().Contain(e => e.Line == 112);
    }

    [TestCaseSource(nameof(Wordings))]
    public void IsTheRootCauseForEveryWording(string log, string expected)
    {
        var finding = SshLog.Analyze(log).Findings[0];
        finding.Slug.Should().Be("agent-refused");
        finding.Message.Should().Contain(expected);
    }

    [Test]
    public void IsAWarningWhenAnotherKeyLoggedIn() =>
        Find(Log("sign_and_send_pubkey: signing failed for ED25519 \"me@laptop\" from agent: agent refused operation",
            "Authenticated to example.org ([192.0.2.10]:22) using \"publickey\"."), "agent-refused")!.Severity.Should().Be(Severity.Warning);
}
