using LogLens.Findings;
using static LogLens.Tests.Rules.HostKeys.RuleExpectations;

namespace LogLens.Tests.Rules.Outcomes;

public class SuccessRuleTests
{
    private const string Slug = "success";

    private static IEnumerable<TestCaseData> Logins()
    {
        yield return Case("OpenSSH 8.7+", "Authenticated to example.org ([203.0.113.10]:22) using \"publickey\".");
        yield return Case("before 8.7", "debug1: Authentication succeeded (publickey).", "Authenticated to example.org ([203.0.113.10]:22).");
        yield return Case("through a proxy command", "Authenticated to example.org (via proxy).");
    }

    [TestCaseSource(nameof(Logins))]
    public void ReportsALogin(string log)
    {
        var report = LogLens.SshLog.Analyze(log);
        report.Outcome.Should().Be(Outcome.Succeeded);
        report.Findings[0].Slug.Should().Be(Slug);
        report.Findings[0].Severity.Should().Be(Severity.Info);
    }

    [Test]
    public void NamesTheUserHostMethodAndKeyOfTheLabLogin()
    {
        var finding = Lab("success-key").Findings[0];
        finding.Slug.Should().Be(Slug);
        finding.Message.Should().Contain("llab@127.0.0.1").And.Contain("publickey").And.Contain("id_ed25519");
    }

    [Test]
    public void SeesALoginInALogCutAfterIt()
    {
        var report = LogLens.SshLog.Analyze("debug1: Entering interactive session.\ndebug1: pledge: filesystem\ndebug1: Exit status 0\nTransferred: sent 3512, received 3004 bytes, in 0.1 seconds");
        report.Outcome.Should().Be(Outcome.Succeeded);
        report.Findings[0].Slug.Should().Be(Slug);
    }

    [Test]
    public void StaysQuietWhenTheLoginFailed()
    {
        HasNo("debug1: Offering public key: /home/me/.ssh/id_ed25519 ED25519 SHA256:abc\ndebug1: Authentications that can continue: publickey\nme@h: Permission denied (publickey).", Slug);
    }
}
