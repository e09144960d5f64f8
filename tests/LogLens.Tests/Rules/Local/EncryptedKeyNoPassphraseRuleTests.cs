using LogLens.Findings;
using static LogLens.Tests.Rules.Local.LocalRuleAssertions;

namespace LogLens.Tests.Rules.Local;

public class EncryptedKeyNoPassphraseRuleTests
{
    private static IEnumerable<TestCaseData> Wordings() =>
    [
        new TestCaseData(Log("debug1: Trying private key: /home/me/.ssh/id_rsa", "debug1: read_passphrase: can't open /dev/tty: No such device or address",
            "debug2: no passphrase given, try next key", "me@h: Permission denied (publickey)."), "could not ask").SetName("No terminal"),
        new TestCaseData(Log("Load key \"/home/me/.ssh/id_rsa\": incorrect passphrase supplied to decrypt private key", "Permission denied (publickey)."), "wrong").SetName("Wrong passphrase"),
        new TestCaseData(Log("debug1: Offering public key: /home/me/.ssh/id_ed25519 ED25519 SHA256:abc", "debug1: Server accepts key: /home/me/.ssh/id_ed25519 ED25519 SHA256:abc",
            "debug1: No more authentication methods to try.", "me@h: Permission denied (publickey)."), "BatchMode").SetName("Silent in -v"),
        new TestCaseData(Log("debug1: Offering RSA public key: /home/me/.ssh/id_rsa", "debug1: Server accepts key: pkalg rsa-sha2-512 blen 279",
            "debug1: No more authentication methods to try.", "Permission denied (publickey)."), "/home/me/.ssh/id_rsa").SetName("Old accept line without the path"),
    ];

    [Test]
    public void DiagnosesTheSilentBatchModeLabWithTheKeyPath()
    {
        var finding = SshLog.Analyze(Lab("key-encrypted-batch")).Findings[0];
        finding.Slug.Should().Be("encrypted-key-no-passphrase");
        finding.Message.Should().Contain("BatchMode");
        finding.Fixes.Should().Contain(f => f.Command == "eval \"$(ssh-agent -s)\" && ssh-add /tmp/loglens-lab/keys/id_encrypted");
        finding.Fixes.Should().Contain(f => f.Command == "ssh-keygen -p -f /tmp/loglens-lab/keys/id_encrypted");
        finding.Evidence.Should().Contain(e => e.Line == 106);
    }

    [TestCaseSource(nameof(Wordings))]
    public void RecognisesEveryWording(string log, string expected)
    {
        var finding = SshLog.Analyze(log).Findings[0];
        finding.Slug.Should().Be("encrypted-key-no-passphrase");
        finding.Message.Should().Contain(expected);
    }

    [Test]
    public void LeavesAnAgentRefusalToTheAgentRule() =>
        SshLog.Analyze(Lab("agent-confirm")).Findings.Should().NotContain(f => f.Slug == "encrypted-key-no-passphrase");

    [Test]
    public void LeavesARejectedSignatureAlone() =>
        Find(Log("debug1: Server accepts key: /home/me/.ssh/id_ed25519 ED25519 SHA256:abc", "debug1: Authentications that can continue: publickey",
            "me@h: Permission denied (publickey)."), "encrypted-key-no-passphrase").Should().BeNull();

    [Test]
    public void StaysQuietWhenTheLoginWorked() =>
        Find(Log("Enter passphrase for key '/home/me/.ssh/id_rsa':", "Authenticated to example.org ([192.0.2.10]:22) using \"publickey\"."), "encrypted-key-no-passphrase")
            .Should().BeNull();

    [Test]
    public void IsAnErrorWhenTheAcceptedKeyCouldNotSign() =>
        SshLog.Analyze(Lab("key-encrypted-batch")).Findings[0].Severity.Should().Be(Severity.Error);
}
