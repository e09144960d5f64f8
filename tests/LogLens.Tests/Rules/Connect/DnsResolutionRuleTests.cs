using LogLens.Tests.Support;

namespace LogLens.Tests.Rules.Connect;

public class DnsResolutionRuleTests
{
    private static IEnumerable<TestCaseData> Wordings() =>
    [
        new TestCaseData("ssh: Could not resolve hostname build-server.loglens.invalid: Temporary failure in name resolution", "could not be asked").SetName("Linux resolver unreachable"),
        new TestCaseData("ssh: Could not resolve hostname prod-db: Name or service not known", "does not exist").SetName("Linux name unknown"),
        new TestCaseData("ssh: Could not resolve hostname devbox.corp.example: nodename nor servname provided, or not known", "does not exist").SetName("macOS name unknown"),
        new TestCaseData("ssh: Could not resolve hostname devbox: No such host is known. ", "does not exist").SetName("Windows name unknown"),
        new TestCaseData("ssh: Could not resolve host \"web\"", "canonicalising").SetName("Canonicalization"),
        new TestCaseData("debug2: resolving \"10.0.0.5:2222\" port 22\nssh: Could not resolve hostname 10.0.0.5:2222: Name or service not known", "-p").SetName("Host with a port"),
    ];

    [Test]
    public void DiagnosesTheLabFailureAsCouldNotAskWithTheNameInTheFixes()
    {
        var report = SshLog.Analyze(File.ReadAllText(Repo.Path("tests", "fixtures", "lab", "dns-failure", "client.log")));
        var finding = report.Findings[0];
        finding.Slug.Should().Be("dns-resolution");
        finding.Message.Should().Contain("could not be asked").And.Contain("build-server.loglens.invalid");
        finding.Fixes.Should().Contain(f => f.Command == "getent hosts build-server.loglens.invalid");
        finding.Evidence.Should().Contain(e => e.Line == 5);
    }

    [TestCaseSource(nameof(Wordings))]
    public void RecognisesEveryResolverWording(string log, string expected)
    {
        var finding = SshLog.Analyze(log).Findings[0];
        finding.Slug.Should().Be("dns-resolution");
        finding.Message.Should().Contain(expected);
    }

    [Test]
    public void SuggestsResolveDnsNameOnWindows()
    {
        var finding = SshLog.Analyze("OpenSSH_for_Windows_8.1p1, LibreSSL 3.0.2\nssh: Could not resolve hostname devbox: No such host is known. ").Findings[0];
        finding.Fixes.Should().Contain(f => f.Command == "Resolve-DnsName devbox");
    }

    [Test]
    public void LeavesAJumpHostNameToTheProxyRule()
    {
        var report = SshLog.Analyze("ssh: Could not resolve hostname bastion: Name or service not known\nConnection closed by UNKNOWN port 65535");
        report.Findings[0].Slug.Should().Be("proxy-failure");
        report.Findings[0].Message.Should().Contain("bastion");
    }

    [Test]
    public void StaysQuietWhenTheConnectionWasMade()
    {
        var report = SshLog.Analyze("debug1: Connecting to h [10.0.0.1] port 22.\ndebug1: Connection established.");
        report.Findings.Should().NotContain(f => f.Slug == "dns-resolution");
    }
}
