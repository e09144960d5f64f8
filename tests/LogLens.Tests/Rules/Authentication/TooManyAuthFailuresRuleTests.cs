using static LogLens.Tests.Rules.HostKeys.RuleExpectations;

namespace LogLens.Tests.Rules.Authentication;

public class TooManyAuthFailuresRuleTests
{
    private const string Slug = "too-many-auth-failures";

    private static IEnumerable<TestCaseData> Triggers()
    {
        yield return Case("OpenSSH 5.x/6.x wording", "Received disconnect from 10.0.0.5: 2: Too many authentication failures for root");
        yield return Case("7.x+ wording", "Received disconnect from 10.0.0.5 port 22:2: Too many authentication failures", "Disconnected from 10.0.0.5 port 22");
        yield return Case("the client's own wording", "Disconnecting: Too many authentication failures");
    }

    [TestCaseSource(nameof(Triggers))]
    public void ReportsTheDisconnect(string log) => FirstFinding(log, Slug);

    [Test]
    public void StaysQuietOnAnOrdinaryRefusal() =>
        HasNo("debug1: Offering public key: /home/me/.ssh/id_rsa RSA SHA256:Zb3kq0r1mT7hV9yXcE2pLw4sN8dJfA6uQ5gH1iO0tRk\ndebug1: Authentications that can continue: publickey\nPermission denied (publickey).", Slug);

    [Test]
    public void CountsTheAgentKeysOfTheLabScenarioAndComesBeforeKeyRejected()
    {
        var report = Lab("too-many-auth");
        report.Findings[0].Slug.Should().Be(Slug);
        report.Findings.Select(f => f.Slug).Should().NotContain("key-rejected");
        report.Findings[0].Message.Should().Contain("2 keys").And.Contain("lab-many-1");
        Commands(report.Findings[0]).Should().Contain(c => c.StartsWith("ssh -o IdentitiesOnly=yes -i ", StringComparison.Ordinal) && c.EndsWith("-p 42236 llab@127.0.0.1", StringComparison.Ordinal));
    }
}
