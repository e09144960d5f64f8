using LogLens.Findings;
using static LogLens.Tests.Rules.Local.LocalRuleAssertions;

namespace LogLens.Tests.Rules.Local;

public class KeyPermissionsTooOpenRuleTests
{
    private static IEnumerable<TestCaseData> Wordings() =>
    [
        new TestCaseData(Log("Permissions 0664 for 'id_rsa' are too open.", "Failed to load key id_rsa: bad permissions"), "chmod 600 id_rsa").SetName("Newer wording without -v"),
        new TestCaseData(Log("bad permissions: ignore key: /home/me/.ssh/id_rsa", "Permission denied (publickey)."), "chmod 600 /home/me/.ssh/id_rsa").SetName("Very old wording"),
        new TestCaseData(Log("@         WARNING: UNPROTECTED PRIVATE KEY FILE!          @"), "chmod 600 KEY").SetName("A paste cut after the banner"),
        new TestCaseData(
            Log("OpenSSH_for_Windows_8.1p1, LibreSSL 3.0.2",
                "debug3: Bad permissions. Try removing permissions for user: BUILTIN\\\\Users (S-1-5-32-545) on file C:/Users/me/.ssh/id_rsa.",
                "Permissions for 'C:\\\\Users\\\\me/.ssh/id_rsa' are too open.",
                "Load key \"C:\\\\Users\\\\me/.ssh/id_rsa\": bad permissions"),
            "icacls \"C:\\Users\\me\\.ssh\\id_rsa\" /remove \"*S-1-5-32-545\"").SetName("Windows"),
    ];

    [Test]
    public void DiagnosesTheLabKeyAsTheCauseWithItsPath()
    {
        var finding = SshLog.Analyze(Lab("key-too-open")).Findings[0];
        finding.Slug.Should().Be("key-permissions-too-open");
        finding.Severity.Should().Be(Severity.Error);
        finding.Message.Should().Contain("0644");
        finding.Fixes.Should().Contain(f => f.Command == "chmod 600 /tmp/loglens-lab/keys/id_open");
        finding.Evidence.Select(e => e.Line).Should().Contain([112, 115, 118]);
    }

    [TestCaseSource(nameof(Wordings))]
    public void RecognisesEveryWording(string log, string command) =>
        Find(log, "key-permissions-too-open")!.Fixes.Should().Contain(f => f.Command == command);

    [Test]
    public void IsOnlyAWarningWhenAnotherKeyLoggedIn() =>
        Find(Log(
            "Permissions 0644 for '/home/me/.ssh/id_rsa' are too open.",
            "Load key \"/home/me/.ssh/id_rsa\": bad permissions",
            "debug1: Offering public key: /home/me/.ssh/id_ed25519 ED25519 SHA256:abc",
            "Authenticated to example.org ([192.0.2.10]:22) using \"publickey\"."), "key-permissions-too-open")!.Severity.Should().Be(Severity.Warning);
}
