using static LogLens.Tests.Rules.HostKeys.RuleExpectations;

namespace LogLens.Tests.Rules.Authentication;

public class PasswordRejectedRuleTests
{
    private const string Slug = "password-rejected";

    private static IEnumerable<TestCaseData> Triggers()
    {
        yield return Case("no -v, three prompts",
            "bob@10.0.0.5's password: ",
            "Permission denied, please try again.",
            "bob@10.0.0.5's password: ",
            "Permission denied, please try again.",
            "bob@10.0.0.5's password: ",
            "bob@10.0.0.5: Permission denied (publickey,password).");
        yield return Case("keyboard-interactive prompts (macOS, 9.x)",
            "debug1: Next authentication method: keyboard-interactive",
            "(bob@host.example.com) Password:",
            "debug1: Authentications that can continue: publickey,keyboard-interactive",
            "(bob@host.example.com) Password:",
            "bob@host.example.com: Permission denied (publickey,keyboard-interactive).");
        yield return Case("a single retry line", "Permission denied, please try again.");
    }

    [TestCaseSource(nameof(Triggers))]
    public void ReportsTheRefusedPassword(string log) => FirstFinding(log, Slug);

    [Test]
    public void StaysQuietWhenThePasswordWorked() =>
        HasNo("debug1: Next authentication method: password\nbob@10.0.0.5's password: \nAuthenticated to 10.0.0.5 ([10.0.0.5]:22) using \"password\".", Slug);

    [Test]
    public void StaysQuietWhenNoPasswordWasSent() => HasNo("bob@10.0.0.5: Permission denied (password).", Slug);

    [TestCase("password-wrong")]
    [TestCase("password-wrong-retry")]
    public void DiagnosesTheLabScenarioWithItsUser(string scenario)
    {
        var finding = Lab(scenario).Findings[0];
        finding.Slug.Should().Be(Slug);
        finding.Message.Should().Contain("'llab2'");
    }

    [Test]
    public void MentionsPermitRootLoginForRoot()
    {
        var finding = FirstFinding("Permission denied, please try again.\nroot@10.0.0.5: Permission denied (publickey,password).", Slug);
        finding.Fixes.Should().Contain(f => f.Description.Contains("PermitRootLogin", StringComparison.Ordinal));
    }
}
