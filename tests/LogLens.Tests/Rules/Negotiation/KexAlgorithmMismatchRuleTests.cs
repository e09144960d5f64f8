using LogLens.Tests.Support;

namespace LogLens.Tests.Rules.Negotiation;

public class KexAlgorithmMismatchRuleTests
{
    [TestCase("kex-mismatch")]
    [TestCase("kex-mismatch-v1")]
    public void BlamesTheClientSettingInTheLabWhereTheServerIsModern(string scenario)
    {
        var finding = SshLog.Analyze(File.ReadAllText(Repo.Path("tests", "fixtures", "lab", scenario, "client.log"))).Findings[0];
        finding.Slug.Should().Be("kex-algorithm-mismatch");
        finding.Message.Should().Contain("on your side");
        finding.Fixes.Should().Contain(f => f.Command == "ssh -o KexAlgorithms=curve25519-sha256 -p 42218 llab@127.0.0.1");
    }

    [Test]
    public void OffersTheBestOfAnOldServersMethods()
    {
        var finding = SshLog.Analyze(
            "OpenSSH_8.9p1 Ubuntu-3, OpenSSL 3.0.2 15 Mar 2022\n" +
            "Unable to negotiate with 192.168.1.1 port 22: no matching key exchange method found. Their offer: diffie-hellman-group1-sha1,diffie-hellman-group14-sha1").Findings[0];
        finding.Slug.Should().Be("kex-algorithm-mismatch");
        finding.Message.Should().Contain("outdated");
        finding.Fixes.Should().Contain(f => f.Command == "ssh -o KexAlgorithms=+diffie-hellman-group14-sha1 192.168.1.1");
    }

    [Test]
    public void ReadsTheOfferFromItsOwnLine()
    {
        var finding = SshLog.Analyze("Unable to negotiate with 10.0.0.1 port 2222: no matching key exchange method found.\nTheir offer: diffie-hellman-group1-sha1").Findings[0];
        finding.Fixes.Should().Contain(f => f.Command == "ssh -o KexAlgorithms=+diffie-hellman-group1-sha1 -p 2222 10.0.0.1");
        finding.Evidence.Should().HaveCount(2);
    }
}
