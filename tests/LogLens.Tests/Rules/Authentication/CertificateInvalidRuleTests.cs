using static LogLens.Tests.Rules.HostKeys.RuleExpectations;

namespace LogLens.Tests.Rules.Authentication;

public class CertificateInvalidRuleTests
{
    private const string Slug = "certificate-invalid";

    private static IEnumerable<TestCaseData> Triggers()
    {
        yield return Case("OpenSSH 7.x wording",
            "debug1: Offering ED25519-CERT public key: /home/me/.ssh/id_ed25519-cert",
            "debug1: Authentications that can continue: publickey",
            "Permission denied (publickey).");
        yield return Case("an RSA certificate from the agent",
            "debug1: Offering public key: me@corp RSA-CERT SHA256:Zb3kq0r1mT7hV9yXcE2pLw4sN8dJfA6uQ5gH1iO0tRk agent",
            "debug1: Authentications that can continue: publickey",
            "me@10.0.0.5: Permission denied (publickey).");
        yield return Case("the server's reason relayed",
            "debug1: Remote: Certificate invalid: expired",
            "Permission denied (publickey).");
    }

    [TestCaseSource(nameof(Triggers))]
    public void ReportsTheRefusedCertificate(string log) => FirstFinding(log, Slug);

    [Test]
    public void StaysQuietForAPlainKey() =>
        HasNo("debug1: Offering public key: /home/me/.ssh/id_ed25519 ED25519 SHA256:Zb3kq0r1mT7hV9yXcE2pLw4sN8dJfA6uQ5gH1iO0tRk\ndebug1: Authentications that can continue: publickey\nPermission denied (publickey).", Slug);

    [TestCase("cert-expired", "/tmp/loglens-lab/keys/id_cert-cert.pub")]
    [TestCase("cert-wrong-principal", "/tmp/loglens-lab/keys/id_certp-cert.pub")]
    public void PointsAtTheCertificateFileOfTheLabScenario(string scenario, string certificate)
    {
        var finding = Lab(scenario).Findings[0];
        finding.Slug.Should().Be(Slug);
        Commands(finding).Should().Contain($"ssh-keygen -L -f {certificate}");
        finding.Message.Should().Contain("principals").And.Contain("expired");
    }
}
