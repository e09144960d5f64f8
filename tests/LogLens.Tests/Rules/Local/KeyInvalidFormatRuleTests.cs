using LogLens.Findings;
using static LogLens.Tests.Rules.Local.LocalRuleAssertions;

namespace LogLens.Tests.Rules.Local;

public class KeyInvalidFormatRuleTests
{
    private static IEnumerable<TestCaseData> Causes() =>
    [
        new TestCaseData(Log("debug1: Trying private key: ./id_rsa", "Load key \"./id_rsa\": error in libcrypto"), "ssh-keygen -y -f ./id_rsa").SetName("OpenSSL 3 wording in a truncated paste"),
        new TestCaseData(Log("Load key \"/home/me/.ssh/id_rsa\": invalid format", "Permission denied (publickey)."), "sed -i 's/\\r$//' /home/me/.ssh/id_rsa").SetName("Older wording: CRLF fix"),
        new TestCaseData(Log("Load key \"C:/keys/server.ppk\": invalid format"), "puttygen C:/keys/server.ppk -O private-openssh -o C:/keys/server").SetName("A PuTTY key"),
        new TestCaseData(Log("Load key \"/home/me/.ssh/id_ed25519.pub\": invalid format"), "ssh -i /home/me/.ssh/id_ed25519 HOST").SetName("A public key given as -i"),
    ];

    [Test]
    public void DiagnosesTheLabKeyWithItsPath()
    {
        var finding = SshLog.Analyze(Lab("key-damaged")).Findings[0];
        finding.Slug.Should().Be("key-invalid-format");
        finding.Message.Should().Contain("libcrypto");
        finding.Fixes.Should().Contain(f => f.Command == "ssh-keygen -y -f /tmp/loglens-lab/keys/id_damaged");
        finding.Evidence.Should().Contain(e => e.Line == 103);
    }

    [TestCaseSource(nameof(Causes))]
    public void GivesTheFixForTheCause(string log, string command) =>
        Find(log, "key-invalid-format")!.Fixes.Should().Contain(f => f.Command == command);

    [Test]
    public void LeavesAWrongPassphraseAlone() =>
        Find("Load key \"/home/me/.ssh/id_rsa\": incorrect passphrase supplied to decrypt private key", "key-invalid-format").Should().BeNull();

    [Test]
    public void IgnoresAnUnreadablePublicHalfWhenAnotherKeyWasOffered() =>
        Find(Log("debug1: key_load_public: invalid format", "debug1: Offering public key: /home/me/.ssh/id_ed25519 ED25519 SHA256:abc",
            "me@example.org: Permission denied (publickey)."), "key-invalid-format").Should().BeNull();

    [Test]
    public void IsAWarningWhenTheLoginWorked() =>
        Find(Log("Load key \"/home/me/.ssh/old\": invalid format", "Authenticated to example.org ([192.0.2.10]:22) using \"publickey\"."), "key-invalid-format")!
            .Severity.Should().Be(Severity.Warning);
}
