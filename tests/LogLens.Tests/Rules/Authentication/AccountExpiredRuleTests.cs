using LogLens.Findings;
using static LogLens.Tests.Rules.HostKeys.RuleExpectations;

namespace LogLens.Tests.Rules.Authentication;

public class AccountExpiredRuleTests
{
    private const string Slug = "account-expired";

    private static IEnumerable<TestCaseData> Triggers()
    {
        yield return Case("an expired account, -v",
            "debug1: Server accepts key: /home/me/.ssh/id_ed25519 ED25519 SHA256:Zb3kq0r1mT7hV9yXcE2pLw4sN8dJfA6uQ5gH1iO0tRk",
            "Your account has expired; please contact your system administrator",
            "Connection closed by 10.0.0.5 port 22");
        yield return Case("a forced password change without a tty",
            "You are required to change your password immediately (administrator enforced).",
            "Authenticated to 10.0.0.5 ([10.0.0.5]:22) using \"publickey\".",
            "WARNING: Your password has expired.",
            "Password change required but no TTY available.",
            "debug1: Exit status 1");
    }

    [TestCaseSource(nameof(Triggers))]
    public void ReportsTheExpiry(string log) => FirstFinding(log, Slug);

    [Test]
    public void ReportsTheBareNoticeToo() =>
        SshLog.Analyze("Your account has expired; please contact your system administrator.").Findings.Select(f => f.Slug).Should().Contain(Slug);

    [Test]
    public void OnlyWarnsAboutAPasswordThatWillExpire()
    {
        var report = SshLog.Analyze("Authenticated to 10.0.0.5 ([10.0.0.5]:22) using \"password\".\nYour password will expire in 5 days.");
        report.Outcome.Should().Be(Outcome.Succeeded);
        report.Findings.Where(f => f.Slug == Slug).Should().OnlyContain(f => f.Severity == Severity.Warning);
    }

    [TestCase("account-expired", "sudo chage -E -1 llab3")]
    [TestCase("password-expired", "ssh -t -p 42247 llab5@127.0.0.1")]
    public void DiagnosesTheLabScenarioWithItsUser(string scenario, string command)
    {
        var report = Lab(scenario);
        report.Outcome.Should().Be(Outcome.Failed);
        report.Findings[0].Slug.Should().Be(Slug);
        Commands(report.Findings[0]).Should().Contain(command);
    }
}
