using static LogLens.Tests.Rules.HostKeys.RuleExpectations;

namespace LogLens.Tests.Rules.Authentication;

public class PasswordOnlyRuleTests
{
    private const string Slug = "password-only";

    private static IEnumerable<TestCaseData> Triggers()
    {
        yield return Case("no -v, OpenSSH 7.6+", "deploy@10.0.0.5: Permission denied (password).");
        yield return Case("no -v, old wording", "Permission denied (password,keyboard-interactive).");
        yield return Case("keyboard-interactive only, -v",
            "debug1: Authentications that can continue: keyboard-interactive",
            "debug1: No more authentication methods to try.",
            "Permission denied (keyboard-interactive).");
    }

    private static IEnumerable<TestCaseData> Quiet()
    {
        yield return Case("a password that was tried",
            "debug1: Next authentication method: password",
            "Permission denied, please try again.",
            "deploy@10.0.0.5: Permission denied (password).");
        yield return Case("public keys allowed", "deploy@10.0.0.5: Permission denied (publickey,password).");
    }

    [TestCaseSource(nameof(Triggers))]
    public void ReportsAPasswordOnlyServer(string log) => FirstFinding(log, Slug);

    [TestCaseSource(nameof(Quiet))]
    public void StaysQuietWhenAPasswordWasTriedOrKeysWereAllowed(string log) => HasNo(log, Slug);

    [Test]
    public void DiagnosesTheLabScenarioWithItsUser()
    {
        var finding = Lab("password-only-batch").Findings[0];
        finding.Slug.Should().Be(Slug);
        finding.Message.Should().Contain("'llab2'");
        Commands(finding).Should().Contain(c => c.Contains("-p 42243 llab2@127.0.0.1", StringComparison.Ordinal));
    }
}
