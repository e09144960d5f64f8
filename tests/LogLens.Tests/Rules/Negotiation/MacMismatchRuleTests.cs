using LogLens.Tests.Support;

namespace LogLens.Tests.Rules.Negotiation;

public class MacMismatchRuleTests
{
    [Test]
    public void PicksACommonMacForTheLab()
    {
        var finding = SshLog.Analyze(File.ReadAllText(Repo.Path("tests", "fixtures", "lab", "mac-mismatch", "client.log"))).Findings[0];
        finding.Slug.Should().Be("mac-mismatch");
        finding.Fixes.Should().Contain(f => f.Command == "ssh -m hmac-sha2-256 -p 42222 llab@127.0.0.1");
        finding.Message.Should().Contain("AEAD");
    }

    [Test]
    public void AllowsAnOldServersMac() =>
        SshLog.Analyze("Unable to negotiate with 10.1.1.1 port 22: no matching MAC found. Their offer: hmac-md5,hmac-sha1-96")
            .Findings[0].Fixes.Should().Contain(f => f.Command == "ssh -o MACs=+hmac-sha1-96 10.1.1.1");

    [Test]
    public void RecognisesTheOldWording() =>
        SshLog.Analyze("no matching mac found: client hmac-md5 server hmac-sha2-256,hmac-sha2-512").Findings[0].Slug.Should().Be("mac-mismatch");
}
