using LogLens.Findings;
using static LogLens.Tests.Rules.Local.LocalRuleAssertions;

namespace LogLens.Tests.Rules.Local;

public class KeyTypeDisabledRuleTests
{
    private static IEnumerable<TestCaseData> Wordings() =>
    [
        new TestCaseData(Log("OpenSSH_7.4p1, OpenSSL 1.0.2k-fips  26 Jan 2017", "debug1: Skipping ssh-dss key /home/me/.ssh/id_dsa - not in PubkeyAcceptedKeyTypes",
            "Permission denied (publickey)."), "PubkeyAcceptedKeyTypes=+ssh-dss").SetName("7.x wording uses the old option name"),
        new TestCaseData(Log("OpenSSH_9.6p1 Ubuntu-3ubuntu13, OpenSSL 3.0.13 30 Jan 2024", "debug1: Skipping ssh-dss key /home/me/.ssh/id_dsa - corresponding algorithm not in PubkeyAcceptedAlgorithms",
            "me@h: Permission denied (publickey)."), "PubkeyAcceptedAlgorithms=+ssh-dss").SetName("9.6 wording"),
        new TestCaseData(Log("debug1: Skipping ssh-rsa key /home/me/.ssh/id_rsa - corresponding algorithm not supported by server", "me@h: Permission denied (publickey)."),
            "ssh-keygen -t ed25519 -f ~/.ssh/id_ed25519").SetName("Not supported by the server"),
    ];

    [Test]
    public void DiagnosesTheLabDsaKeyWithItsPath()
    {
        var finding = SshLog.Analyze(Lab("key-type-disabled")).Findings[0];
        finding.Slug.Should().Be("key-type-disabled");
        finding.Message.Should().Contain("/tmp/loglens-lab/keys/id_dsa").And.Contain("7.0");
        finding.Fixes.Should().Contain(f => f.Command == "ssh -o PubkeyAcceptedAlgorithms=+ssh-dss -i /tmp/loglens-lab/keys/id_dsa -p 42235 llab@127.0.0.1");
        finding.Evidence.Should().Contain(e => e.Line == 83);
    }

    [TestCaseSource(nameof(Wordings))]
    public void RecognisesEveryWording(string log, string command) =>
        Find(log, "key-type-disabled")!.Fixes.Should().Contain(f => f.Command != null && f.Command.Contains(command, StringComparison.Ordinal));

    [Test]
    public void SaysThatDsaCannotComeBackOnOpenSsh10()
    {
        var finding = Find(Log("OpenSSH_10.0p2, OpenSSL 3.5.0 8 Apr 2025", "debug1: Skipping ssh-dss key /home/me/.ssh/id_dsa - corresponding algorithm not in PubkeyAcceptedAlgorithms",
            "me@h: Permission denied (publickey)."), "key-type-disabled")!;
        finding.Message.Should().Contain("removed in 10.0");
        finding.Fixes.Should().NotContain(f => f.Command != null && f.Command.Contains("+ssh-dss", StringComparison.Ordinal));
    }

    [Test]
    public void IsAWarningWhenAnotherKeyLoggedIn() =>
        Find(Log("debug1: Skipping ssh-dss key /home/me/.ssh/id_dsa - not in PubkeyAcceptedKeyTypes", "Authenticated to example.org ([192.0.2.10]:22) using \"publickey\"."),
            "key-type-disabled")!.Severity.Should().Be(Severity.Warning);
}
