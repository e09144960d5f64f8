using LogLens.Findings;
using static LogLens.Tests.Rules.HostKeys.RuleExpectations;

namespace LogLens.Tests.Rules.Sessions;

public class ForwardBindFailedRuleTests
{
    private const string Slug = "forward-bind-failed";

    private static IEnumerable<TestCaseData> Triggers()
    {
        yield return Case("OpenSSH 6.x wording",
            "bind: Address already in use",
            "channel_setup_fwd_listener: cannot listen to port: 8080",
            "Could not request local forwarding.");
        yield return Case("a dynamic forward on Windows",
            "bind [127.0.0.1]:1080: An attempt was made to access a socket in a way forbidden by its access permissions.",
            "channel_setup_fwd_listener_tcpip: cannot listen to port: 1080",
            "Could not request dynamic forwarding.");
    }

    [TestCaseSource(nameof(Triggers))]
    public void ReportsTheBindFailure(string log) => FirstFinding(log, Slug);

    [Test]
    public void StaysQuietWhenTheForwardListens() =>
        HasNo("debug1: Local connections to LOCALHOST:8080 forwarded to remote address localhost:80\ndebug1: Local forwarding listening on 127.0.0.1 port 8080.", Slug);

    [Test]
    public void NamesThePortOfTheLabScenarioAndFailsAfterLogin()
    {
        var report = Lab("local-forward-bound");
        report.Outcome.Should().Be(Outcome.Failed);
        report.Findings[0].Slug.Should().Be(Slug);
        Commands(report.Findings[0]).Should().Contain("ss -tlnp 'sport = :42252'");
    }
}
