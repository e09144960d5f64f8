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
    public void BeforeOpenSsh82SaysADamagedKeyFileLooksTheSameAndChecksTheFileFirst()
    {
        // OpenSSH 7.4 gives up on a damaged private key as silently as on an encrypted one (the two lab runs of 7.4p1 print the
        // same lines); 8.2 and later print "Load key ...: error in libcrypto" or "invalid format" for a damaged file.
        var finding = SshLog.Analyze(Log("OpenSSH_7.4p1, OpenSSL 1.0.2k-fips  26 Jan 2017",
            "debug1: Offering ED25519 public key: /home/me/.ssh/id_ed25519", "debug1: Server accepts key: pkalg ssh-ed25519 blen 51",
            "debug2: we did not send a packet, disable method", "debug1: No more authentication methods to try.", "Permission denied (publickey).")).Findings[0];
        finding.Slug.Should().Be("encrypted-key-no-passphrase");
        finding.Message.Should().Contain("(this one is OpenSSH 7.4) may give up just as silently on a private key file that is damaged");
        finding.Fixes[0].Command.Should().Be("ssh-keygen -y -f /home/me/.ssh/id_ed25519");
        finding.Confidence.Should().Be(Confidence.Likely);
    }

    [Test]
    public void OnWindowsTheKeyFileCheckQuotesTheWindowsPath()
    {
        var finding = SshLog.Analyze(Log("OpenSSH_for_Windows_8.1p1, LibreSSL 3.0.2",
            "debug1: Offering public key: C:\\Users\\me/.ssh/id_rsa RSA SHA256:abc", "debug1: Server accepts key: C:\\Users\\me/.ssh/id_rsa RSA SHA256:abc",
            "debug1: No more authentication methods to try.", "me@h: Permission denied (publickey).")).Findings[0];
        finding.Fixes[0].Command.Should().StartWith("ssh-keygen -y -f \"C:\\Users\\me");
    }

    [Test]
    public void FromOpenSsh82OnTheSilenceMeansThePassphrase()
    {
        var finding = SshLog.Analyze(Lab("key-encrypted-batch")).Findings[0];
        finding.Message.Should().NotContain("damaged");
        finding.Fixes.Should().NotContain(f => f.Command != null && f.Command.StartsWith("ssh-keygen -y", StringComparison.Ordinal));
        finding.Confidence.Should().Be(Confidence.Certain);
    }

    [Test]
    public void IsAnErrorWhenTheAcceptedKeyCouldNotSign() =>
        SshLog.Analyze(Lab("key-encrypted-batch")).Findings[0].Severity.Should().Be(Severity.Error);
}
