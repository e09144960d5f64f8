using LogLens.Findings;
using static LogLens.Tests.Rules.HostKeys.RuleExpectations;

namespace LogLens.Tests.Rules.Sessions;

public class ForwardTargetRefusedRuleTests
{
    private const string Slug = "forward-target-refused";

    private static IEnumerable<TestCaseData> Triggers()
    {
        yield return Case("-L target refused, no -v", "channel 2: open failed: connect failed: Connection refused");
        yield return Case("-L target unknown", "channel 4: open failed: connect failed: Name or service not known");
        yield return Case("-R local target refused", "debug1: connect_to localhost port 3000: failed.");
    }

    [TestCaseSource(nameof(Triggers))]
    public void ReportsTheRefusedTarget(string log) => FirstFinding(log, Slug);

    [Test]
    public void StaysQuietForAProxyJumpHop() =>
        HasNo("debug1: channel 0: new stdio-forward [stdio-forward]\nchannel 0: open failed: connect failed: Connection refused\nstdio forwarding failed", Slug);

    [Test]
    public void MakesTheLabScenarioFailEvenThoughSshExitedZero()
    {
        var report = Lab("forward-target-refused");
        report.Outcome.Should().Be(Outcome.Failed);
        report.Findings[0].Slug.Should().Be(Slug);
        report.Findings[0].Message.Should().Contain("127.0.0.1 port 42257");
        Commands(report.Findings[0]).Should().Contain("ss -tlnp 'sport = :42257'");
    }
}
