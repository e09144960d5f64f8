using LogLens.Tests.Support;

namespace LogLens.Tests.Rules.Negotiation;

public class CipherMismatchRuleTests
{
    [Test]
    public void PicksACommonCipherForTheLab()
    {
        var finding = SshLog.Analyze(File.ReadAllText(Repo.Path("tests", "fixtures", "lab", "cipher-mismatch", "client.log"))).Findings[0];
        finding.Slug.Should().Be("cipher-mismatch");
        finding.Fixes.Should().Contain(f => f.Command == "ssh -c aes256-ctr -p 42221 llab@127.0.0.1");
    }

    [Test]
    public void BlamesAnOldClientListInTheOldWording()
    {
        var finding = SshLog.Analyze(
            "no matching cipher found: client aes128-cbc,3des-cbc,blowfish-cbc,cast128-cbc,arcfour,aes192-cbc,aes256-cbc server aes128-ctr,aes192-ctr,aes256-ctr,aes128-gcm@openssh.com,aes256-gcm@openssh.com,chacha20-poly1305@openssh.com").Findings[0];
        finding.Slug.Should().Be("cipher-mismatch");
        finding.Message.Should().Contain("Your client offered only old");
        finding.Fixes.Should().Contain(f => f.Command != null && f.Command.StartsWith("ssh -c aes256-ctr", StringComparison.Ordinal));
    }

    [Test]
    public void AllowsACbcCipherForAnOldServer() =>
        SshLog.Analyze("Unable to negotiate with 10.1.1.1 port 22: no matching cipher found. Their offer: aes128-cbc,3des-cbc,aes256-cbc")
            .Findings[0].Fixes.Should().Contain(f => f.Command == "ssh -o Ciphers=+aes256-cbc 10.1.1.1");
}
