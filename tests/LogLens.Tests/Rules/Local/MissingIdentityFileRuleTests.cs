using LogLens.Findings;
using static LogLens.Tests.Rules.Local.LocalRuleAssertions;

namespace LogLens.Tests.Rules.Local;

public class MissingIdentityFileRuleTests
{
    private const string DefaultKeysOnly =
        "debug1: identity file /home/me/.ssh/id_rsa type -1\ndebug1: identity file /home/me/.ssh/id_ed25519 type -1\n" +
        "debug1: Will attempt key: /home/me/.ssh/id_rsa \ndebug1: Trying private key: /home/me/.ssh/id_rsa\n" +
        "debug3: no such identity: /home/me/.ssh/id_rsa: No such file or directory\nme@example.org: Permission denied (publickey).";

    private static IEnumerable<TestCaseData> Wordings() =>
    [
        new TestCaseData(Log("Warning: Identity file ~/.ssh/deploy not accessible: No such file or directory.", "Permission denied (publickey).")).SetName("The -i warning without -v"),
        new TestCaseData(Log("no such identity: /home/me/.ssh/deploy: No such file or directory", "me@h: Permission denied (publickey).")).SetName("IdentityFile, 8.5+, without -v"),
        new TestCaseData(Log("OpenSSH_7.4p1, OpenSSL 1.0.2k-fips  26 Jan 2017", "debug1: identity file /home/me/.ssh/deploy type -1",
            "debug1: identity file /home/me/.ssh/deploy-cert type -1", "debug1: Trying private key: /home/me/.ssh/deploy", "Permission denied (publickey).")).SetName("Old client: the only identity has type -1"),
        new TestCaseData(Log("debug1: Started with: ssh -vvv -i /home/me/keys/ci host", "debug1: identity file /home/me/keys/ci type -1",
            "me@host: Permission denied (publickey).")).SetName("The -i of the command line in Started with"),
    ];

    [Test]
    public void DiagnosesTheLabConfigIdentityWithItsPath()
    {
        var finding = SshLog.Analyze(Lab("missing-identity-config")).Findings[0];
        finding.Slug.Should().Be("missing-identity-file");
        finding.Message.Should().Contain("/tmp/loglens-lab/home/llabc/.ssh/id_lab_deploy");
        finding.Fixes.Should().Contain(f => f.Command != null && f.Command.StartsWith("ssh-keygen -t ed25519 -f /tmp/loglens-lab/home/llabc/.ssh/id_lab_deploy", StringComparison.Ordinal));
        finding.Evidence.Should().Contain(e => e.Line == 103);
    }

    [Test]
    public void DiagnosesTheLabCommandLineIdentityBeforeTheFallbackKeys()
    {
        var finding = SshLog.Analyze(Lab("missing-identity")).Findings[0];
        finding.Slug.Should().Be("missing-identity-file");
        finding.Message.Should().Contain("default keys");
    }

    [TestCaseSource(nameof(Wordings))]
    public void RecognisesEveryWording(string log) =>
        Find(log, "missing-identity-file")!.Severity.Should().Be(Severity.Error);

    [Test]
    public void IgnoresTheDefaultKeysThatDoNotExist() =>
        Find(DefaultKeysOnly, "missing-identity-file").Should().BeNull();

    [Test]
    public void IsAWarningWhenAnotherKeyLoggedIn() =>
        Find(Log("Warning: Identity file /home/me/.ssh/deploy not accessible: No such file or directory.",
            "Authenticated to example.org ([192.0.2.10]:22) using \"publickey\"."), "missing-identity-file")!.Severity.Should().Be(Severity.Warning);
}
