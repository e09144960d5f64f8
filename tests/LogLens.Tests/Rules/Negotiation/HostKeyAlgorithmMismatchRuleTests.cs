using LogLens.Tests.Support;

namespace LogLens.Tests.Rules.Negotiation;

public class HostKeyAlgorithmMismatchRuleTests
{
    [Test]
    public void PointsAtTheClientsSettingInTheLab()
    {
        var finding = SshLog.Analyze(File.ReadAllText(Repo.Path("tests", "fixtures", "lab", "hostkey-type-mismatch", "client.log"))).Findings[0];
        finding.Slug.Should().Be("hostkey-algorithm-mismatch");
        finding.Message.Should().Contain("ssh-ed25519");
        finding.Fixes.Should().Contain(f => f.Command == "ssh -o HostKeyAlgorithms=ssh-ed25519 -p 42220 llab@127.0.0.1");
    }

    [Test]
    public void ReEnablesSha1RsaForAnOldServer()
    {
        var finding = SshLog.Analyze(
            "OpenSSH_9.6p1, OpenSSL 3.2.1\nUnable to negotiate with 10.0.0.8 port 22: no matching host key type found. Their offer: ssh-rsa,ssh-dss").Findings[0];
        finding.Message.Should().Contain("8.8");
        finding.Fixes[0].Command.Should().Be("ssh -o HostKeyAlgorithms=+ssh-rsa -o PubkeyAcceptedAlgorithms=+ssh-rsa 10.0.0.8");
    }

    [Test]
    public void SaysDsaIsGoneFromOpenSsh10()
    {
        var finding = SshLog.Analyze("OpenSSH_10.0p2, OpenSSL 3.5.0\nUnable to negotiate with 10.0.0.8 port 22: no matching host key type found. Their offer: ssh-dss").Findings[0];
        finding.Message.Should().Contain("no option brings it back");
        finding.Fixes.Should().NotContain(f => f.Command != null && f.Command.Contains("+ssh-dss", StringComparison.Ordinal));
    }

    [Test]
    public void ExplainsAClientBuiltWithoutOpenSsl() =>
        SshLog.Analyze("OpenSSH_7.5p1, without OpenSSL\nUnable to negotiate with 92.0.2.1 port 22: no matching host key type found.\nTheir offer: ssh-rsa,ssh-dss,ecdsa-sha2-nistp256")
            .Findings[0].Message.Should().Contain("without OpenSSL");

    [Test]
    public void RecognisesTheDebugNoMatchLineAlone() =>
        SshLog.Analyze("debug1: kex: host key algorithm: (no match)").Findings[0].Slug.Should().Be("hostkey-algorithm-mismatch");
}
