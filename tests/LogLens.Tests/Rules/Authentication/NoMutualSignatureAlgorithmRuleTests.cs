using static LogLens.Tests.Rules.HostKeys.RuleExpectations;

namespace LogLens.Tests.Rules.Authentication;

public class NoMutualSignatureAlgorithmRuleTests
{
    private const string Slug = "no-mutual-signature-algorithm";

    [Test]
    public void NamesTheRsaKeyAndTheStopgapForTheLabScenario()
    {
        var finding = Lab("no-mutual-sig").Findings[0];
        finding.Slug.Should().Be(Slug);
        finding.Message.Should().Contain("/tmp/loglens-lab/keys/id_rsa").And.Contain("server-sig-algs");
        Commands(finding).Should().Contain("ssh -o PubkeyAcceptedAlgorithms=+ssh-rsa -i /tmp/loglens-lab/keys/id_rsa -p 42234 llab@127.0.0.1");
    }

    [Test]
    public void UsesTheOldOptionNameBeforeOpenSsh85()
    {
        var finding = FirstFinding(string.Join('\n',
            "OpenSSH_8.2p1 Ubuntu-4ubuntu0.5, OpenSSL 1.1.1f  31 Mar 2020",
            "debug1: Offering public key: /home/me/.ssh/id_rsa RSA SHA256:Zb3kq0r1mT7hV9yXcE2pLw4sN8dJfA6uQ5gH1iO0tRk",
            "debug1: send_pubkey_test: no mutual signature algorithm",
            "me@10.0.0.5: Permission denied (publickey)."), Slug);
        Commands(finding).Should().Contain(c => c.Contains("PubkeyAcceptedKeyTypes=+ssh-rsa", StringComparison.Ordinal));
    }

    [Test]
    public void SpeaksOfSshDssForADsaKey()
    {
        var finding = FirstFinding(string.Join('\n',
            "debug1: Offering public key: /home/me/.ssh/id_dsa DSA SHA256:Zb3kq0r1mT7hV9yXcE2pLw4sN8dJfA6uQ5gH1iO0tRk",
            "debug1: send_pubkey_test: no mutual signature algorithm"), Slug);
        Commands(finding).Should().Contain(c => c.Contains("+ssh-dss", StringComparison.Ordinal));
    }

    [Test]
    public void StaysQuietWithoutTheMessage() =>
        HasNo("debug1: Offering public key: /home/me/.ssh/id_rsa RSA SHA256:Zb3kq0r1mT7hV9yXcE2pLw4sN8dJfA6uQ5gH1iO0tRk\nPermission denied (publickey).", Slug);
}
