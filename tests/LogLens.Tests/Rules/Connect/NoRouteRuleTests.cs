using LogLens.Tests.Support;

namespace LogLens.Tests.Rules.Connect;

public class NoRouteRuleTests
{
    private static IEnumerable<TestCaseData> Labs() =>
    [
        new TestCaseData("no-route", "No route to host", "ip route get 10.200.77.3"),
        new TestCaseData("net-unreachable", "Network is unreachable", "ip route get 10.200.77.2"),
    ];

    [TestCaseSource(nameof(Labs))]
    public void DiagnosesTheLabScenariosWithTheirAddress(string scenario, string words, string command)
    {
        var finding = SshLog.Analyze(File.ReadAllText(Repo.Path("tests", "fixtures", "lab", scenario, "client.log"))).Findings[0];
        finding.Slug.Should().Be("no-route");
        finding.Message.Should().Contain(words);
        finding.Fixes.Should().Contain(f => f.Command == command);
    }

    [Test]
    public void SuggestsIpv4WhenOnlyTheIpv6AddressIsUnreachable()
    {
        var finding = SshLog.Analyze(
            "debug1: Connecting to github.com [2606:50c0:8000::154] port 22.\n" +
            "debug1: connect to address 2606:50c0:8000::154 port 22: Network is unreachable\n" +
            "ssh: connect to host github.com port 22: Network is unreachable").Findings[0];
        finding.Slug.Should().Be("no-route");
        finding.Fixes.Should().Contain(f => f.Command == "ssh -4 github.com");
    }

    [Test]
    public void MentionsTheMacOsLocalNetworkPermissionForALocalAddress()
    {
        var finding = SshLog.Analyze(
            "OpenSSH_9.9p2, LibreSSL 3.3.6\ndebug1: Connecting to vm.local [192.168.64.4] port 22.\n" +
            "debug1: connect to address 192.168.64.4 port 22: No route to host\nssh: connect to host vm.local port 22: No route to host").Findings[0];
        finding.Message.Should().Contain("Local Network");
        finding.Fixes.Should().Contain(f => f.Command == "route -n get 192.168.64.4");
    }

    [Test]
    public void NamesTheFirewallRejectForNoRouteToHost() =>
        SshLog.Analyze("ssh: connect to host 203.0.113.7 port 22: No route to host").Findings[0].Message.Should().Contain("icmp-host-prohibited");

    [Test]
    public void StaysQuietWhenAnotherAddressConnected() =>
        SshLog.Analyze("debug1: connect to address fd00::1 port 22: No route to host\ndebug1: Connecting to h [10.0.0.1] port 22.\ndebug1: Connection established.")
            .Findings.Should().NotContain(f => f.Slug == "no-route");
}
