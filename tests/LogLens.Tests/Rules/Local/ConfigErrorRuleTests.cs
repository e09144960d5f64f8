using static LogLens.Tests.Rules.Local.LocalRuleAssertions;

namespace LogLens.Tests.Rules.Local;

public class ConfigErrorRuleTests
{
    private static IEnumerable<TestCaseData> Explanations() =>
    [
        new TestCaseData(Log("OpenSSH_8.2p1 Ubuntu-4ubuntu0.5, OpenSSL 1.1.1f  31 Mar 2020", "/home/me/.ssh/config: line 3: Bad configuration option: usekeychain",
            "/home/me/.ssh/config: terminating, 1 bad configuration options"), "Apple").SetName("UseKeychain outside macOS"),
        new TestCaseData(Log("OpenSSH_8.2p1 Ubuntu-4ubuntu0.5, OpenSSL 1.1.1f  31 Mar 2020", "command-line: line 0: Bad configuration option: pubkeyacceptedalgorithms"),
            "8.5").SetName("An option newer than the client"),
        new TestCaseData(Log("/etc/ssh/ssh_config: line 40: Bad configuration option: permitrootlogin", "/etc/ssh/ssh_config: terminating, 1 bad configuration options"),
            "sshd_config").SetName("A server option in the client config"),
        new TestCaseData(Log("/home/me/.ssh/config line 7: Bad key types 'ssh-rsa,foo'.", "/home/me/.ssh/config: terminating, 1 bad configuration options"),
            "line 7").SetName("A bad value"),
        new TestCaseData(Log("/home/me/.ssh/config: terminating, 2 bad configuration options"), "/home/me/.ssh/config").SetName("Only the last line of a paste"),
    ];

    [Test]
    public void DiagnosesTheLabTypoWithFileLineAndTheRightName()
    {
        var finding = SshLog.Analyze(Lab("config-error")).Findings[0];
        finding.Slug.Should().Be("config-error");
        finding.Message.Should().Contain("line 5 of /tmp/loglens-lab/cfg/config-error.conf").And.Contain("IdentityFile");
        finding.Fixes.Should().Contain(f => f.Command == "sed -i '5s/identityfiles/IdentityFile/I' /tmp/loglens-lab/cfg/config-error.conf");
    }

    [TestCaseSource(nameof(Explanations))]
    public void ExplainsTheKindOfError(string log, string expected)
    {
        var finding = SshLog.Analyze(log).Findings[0];
        finding.Slug.Should().Be("config-error");
        finding.Message.Should().Contain(expected);
    }

    [Test]
    public void RecognisesAPrivateKeyGivenAsTheConfig()
    {
        var finding = SshLog.Analyze(Log(
            "OpenSSH_8.1p1, LibreSSL 2.7.3",
            "debug1: Reading configuration data /Users/me/.ssh/id_ed25519",
            "/Users/me/.ssh/id_ed25519: line 1: Bad configuration option: -----begin",
            "/Users/me/.ssh/id_ed25519: line 2: Bad configuration option: b3blbnnzac1rzxktdjeaaaaabg5vbmu")).Findings[0];
        finding.Slug.Should().Be("config-error");
        finding.Title.Should().Contain("key file");
        finding.Fixes.Should().Contain(f => f.Command == "ssh -i /Users/me/.ssh/id_ed25519 USER@HOST");
    }

    [Test]
    public void IgnoresDeprecatedOptionsThatDoNotStopSsh() =>
        Find(Log("debug1: /home/me/.ssh/config line 12: Deprecated option \"useroaming\"", "debug1: Connecting to h [10.0.0.1] port 22."), "config-error").Should().BeNull();
}
