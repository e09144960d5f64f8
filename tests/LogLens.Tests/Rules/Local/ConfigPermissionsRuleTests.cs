using LogLens.Findings;
using static LogLens.Tests.Rules.Local.LocalRuleAssertions;

namespace LogLens.Tests.Rules.Local;

public class ConfigPermissionsRuleTests
{
    private static IEnumerable<TestCaseData> Wordings() =>
    [
        new TestCaseData(Log("Bad owner or permissions on /home/me/.ssh/config"), "chmod 600 /home/me/.ssh/config").SetName("Linux without -v"),
        new TestCaseData(Log("OpenSSH_9.8p1, LibreSSL 3.3.6", "Bad owner or permissions on /Users/me/.ssh/config"), "chmod 600 /Users/me/.ssh/config").SetName("macOS"),
        new TestCaseData(
            Log("OpenSSH_for_Windows_7.7p1, LibreSSL 2.6.5",
                "debug3: Bad permissions. Try removing permissions for user: S-1-5-21-11-22-33-1001 on file C:/Users/me/.ssh/config.",
                "Bad owner or permissions on C:\\\\Users\\\\me/.ssh/config"),
            "icacls \"C:\\Users\\me\\.ssh\\config\" /remove \"*S-1-5-21-11-22-33-1001\"").SetName("Windows names the SID to remove"),
    ];

    [Test]
    public void DiagnosesTheLabConfigWithItsPath()
    {
        var finding = SshLog.Analyze(Lab("config-bad-perms")).Findings[0];
        finding.Slug.Should().Be("config-permissions");
        finding.Severity.Should().Be(Severity.Error);
        finding.Fixes.Should().Contain(f => f.Command == "chmod 600 /tmp/loglens-lab/home/llabc/.ssh/config");
        finding.Evidence.Should().ContainSingle(e => e.Line == 2);
    }

    [TestCaseSource(nameof(Wordings))]
    public void GivesThePlatformsFix(string log, string command)
    {
        var finding = SshLog.Analyze(log).Findings[0];
        finding.Slug.Should().Be("config-permissions");
        finding.Fixes.Should().Contain(f => f.Command == command);
    }

    [Test]
    public void MentionsWslForAConfigOnAWindowsDrive() =>
        Find("Bad owner or permissions on /mnt/c/Users/me/.ssh/config", "config-permissions")!.Message.Should().Contain("WSL");

    [Test]
    public void StaysQuietForAKeyWithBadPermissions() =>
        Find("Permissions 0644 for '/home/me/.ssh/id_rsa' are too open.", "config-permissions").Should().BeNull();
}
