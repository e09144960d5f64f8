using static LogLens.Tests.Rules.HostKeys.RuleExpectations;

namespace LogLens.Tests.Rules.Sessions;

public class ForwardingRefusedRuleTests
{
    private const string Slug = "forwarding-refused";

    private static IEnumerable<TestCaseData> Triggers()
    {
        yield return Case("a remote forward without ExitOnForwardFailure", "Warning: remote port forwarding failed for listen port 8080");
        yield return Case("a local forward's channel", "channel 3: open failed: administratively prohibited: open failed");
    }

    [TestCaseSource(nameof(Triggers))]
    public void ReportsTheRefusal(string log) => FirstFinding(log, Slug);

    [Test]
    public void StaysQuietWhenTheTargetRefused() => HasNo("channel 2: open failed: connect failed: Connection refused", Slug);

    [Test]
    public void QuotesTheServerAndThePortOfTheLabScenario()
    {
        var finding = Lab("remote-forward-refused").Findings[0];
        finding.Slug.Should().Be(Slug);
        finding.Message.Should().Contain("42254").And.Contain("Server has disabled port forwarding.");
        Commands(finding).Should().Contain("ss -tlnp 'sport = :42254'");
    }
}
