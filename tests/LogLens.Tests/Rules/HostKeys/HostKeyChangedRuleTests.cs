using LogLens.Findings;
using static LogLens.Tests.Rules.HostKeys.RuleExpectations;

namespace LogLens.Tests.Rules.HostKeys;

public class HostKeyChangedRuleTests
{
    private const string Slug = "host-key-changed";

    private static IEnumerable<TestCaseData> Changes()
    {
        yield return Case("OpenSSH 9 with remove hint",
            "@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @",
            "Offending ECDSA key in /home/me/.ssh/known_hosts:3",
            "  remove with:",
            "  ssh-keygen -f '/home/me/.ssh/known_hosts' -R '192.168.56.10'",
            "Host key for 192.168.56.10 has changed and you have requested strict checking.",
            "Host key verification failed.");
        yield return Case("older wording with key type, Windows path",
            "Offending ECDSA key in C:\\\\Users\\\\me/.ssh/known_hosts:3",
            "ECDSA host key for [127.0.0.1]:2022 has changed and you have requested strict checking.",
            "Host key verification failed.",
            "kex_exchange_identification: Connection closed by remote host");
        yield return Case("only the banner survived the paste",
            "@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @",
            "IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!");
    }

    [TestCaseSource(nameof(Changes))]
    public void ReportsTheChangedKeyBeforeItsConsequences(string log)
    {
        var finding = FirstFinding(log, Slug);
        finding.Severity.Should().Be(Severity.Error);
        finding.Message.Should().Contain("man-in-the-middle").And.Contain("reinstalled");
    }

    [Test]
    public void NamesTheStaleEntryAndTheHostWithItsPort()
    {
        var finding = Lab("hostkey-changed").Findings[0];
        finding.Slug.Should().Be(Slug);
        Commands(finding).Should().Contain(c => c.StartsWith("ssh-keygen -f /tmp/loglens-lab/kh/hostkey-changed -R '[127.0.0.1]:", StringComparison.Ordinal));
        finding.Fixes.Select(f => f.Description).Should().Contain(d => d.Contains("line 1 of /tmp/loglens-lab/kh/hostkey-changed"));
    }

    [Test]
    public void QuotesAWindowsKnownHostsPathForTheShell()
    {
        var finding = FirstFinding("Offending ECDSA key in C:\\Users\\me/.ssh/known_hosts:3\nECDSA host key for [127.0.0.1]:2022 has changed and you have requested strict checking.", Slug);
        Commands(finding).Should().Contain("ssh-keygen -f 'C:\\Users\\me/.ssh/known_hosts' -R '[127.0.0.1]:2022'");
    }

    [Test]
    public void StaysQuietWhenTheKeyMatches()
    {
        HasNo("debug1: Host '10.0.0.1' is known and matches the ED25519 host key.\ndebug1: Found key in /home/me/.ssh/known_hosts:3", Slug);
    }
}
