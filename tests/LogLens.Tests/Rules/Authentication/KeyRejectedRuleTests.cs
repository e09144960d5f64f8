using LogLens.Findings;
using static LogLens.Tests.Rules.HostKeys.RuleExpectations;

namespace LogLens.Tests.Rules.Authentication;

public class KeyRejectedRuleTests
{
    private const string Slug = "key-rejected";

    private static IEnumerable<TestCaseData> Triggers()
    {
        yield return Case("OpenSSH 5.x wording, then a password prompt",
            "debug1: Next authentication method: publickey",
            "debug1: Offering RSA public key: /home/alice/.ssh/id_rsa",
            "debug1: Authentications that can continue: publickey,password,keyboard-interactive",
            "debug1: Next authentication method: password",
            "alice@10.0.0.7's password: ");
        yield return Case("a macOS paste cut after the refusal",
            "debug1: Offering public key: /Users/me/.ssh/id_rsa RSA SHA256:Zb3kq0r1mT7hV9yXcE2pLw4sN8dJfA6uQ5gH1iO0tRk agent",
            "debug1: Authentications that can continue: publickey,gssapi-keyex,gssapi-with-mic,password");
        yield return Case("Windows OpenSSH",
            "debug1: Authenticating to 192.168.1.20:22 as 'admin'",
            "debug1: Offering public key: C:\\\\Users\\\\me/.ssh/id_ed25519 ED25519 SHA256:Zb3kq0r1mT7hV9yXcE2pLw4sN8dJfA6uQ5gH1iO0tRk",
            "debug1: Authentications that can continue: publickey,keyboard-interactive",
            "admin@192.168.1.20: Permission denied (publickey,keyboard-interactive).");
        yield return Case("a private key without .pub",
            "debug1: Trying private key: /home/me/.ssh/deploy",
            "debug1: Authentications that can continue: publickey",
            "Permission denied (publickey).");
        yield return Case("only the final line", "git@github.com: Permission denied (publickey).");
    }

    private static IEnumerable<TestCaseData> Quiet()
    {
        yield return Case("an accepted key",
            "debug1: Offering public key: /home/me/.ssh/id_ed25519 ED25519 SHA256:Zb3kq0r1mT7hV9yXcE2pLw4sN8dJfA6uQ5gH1iO0tRk",
            "debug1: Server accepts key: /home/me/.ssh/id_ed25519 ED25519 SHA256:Zb3kq0r1mT7hV9yXcE2pLw4sN8dJfA6uQ5gH1iO0tRk",
            "Authenticated to 10.0.0.5 ([10.0.0.5]:22) using \"publickey\".");
        yield return Case("a second key accepted after the first was refused",
            "debug1: Offering public key: /home/me/.ssh/id_rsa RSA SHA256:Zb3kq0r1mT7hV9yXcE2pLw4sN8dJfA6uQ5gH1iO0tRk",
            "debug1: Authentications that can continue: publickey",
            "debug1: Offering public key: /home/me/.ssh/id_ed25519 ED25519 SHA256:Qb3kq0r1mT7hV9yXcE2pLw4sN8dJfA6uQ5gH1iO0tRk",
            "debug1: Server accepts key: /home/me/.ssh/id_ed25519 ED25519 SHA256:Qb3kq0r1mT7hV9yXcE2pLw4sN8dJfA6uQ5gH1iO0tRk",
            "Authenticated to 10.0.0.5 ([10.0.0.5]:22) using \"publickey\".");
        yield return Case("a password-only server", "llab2@127.0.0.1: Permission denied (password).");
    }

    [TestCaseSource(nameof(Triggers))]
    public void ReportsTheRefusedKeys(string log) => FirstFinding(log, Slug);

    [TestCaseSource(nameof(Quiet))]
    public void StaysQuietWhenAKeyWasAcceptedOrNoKeyWasWanted(string log) => HasNo(log, Slug);

    [TestCase("key-not-authorized")]
    [TestCase("key-not-authorized-v1")]
    public void NamesTheOfferedKeyAndUserOfTheLabScenario(string scenario)
    {
        var finding = Lab(scenario).Findings[0];
        finding.Slug.Should().Be(Slug);
        finding.Message.Should().Contain("/tmp/loglens-lab/keys/id_other").And.Contain("'llab'");
        // The lab's server takes only keys: ssh-copy-id could not log in, so the key goes in another way.
        Commands(finding).Should().StartWith("cat /tmp/loglens-lab/keys/id_other.pub").And.NotContain(c => c.StartsWith("ssh-copy-id", StringComparison.Ordinal));
        Commands(finding).Should().Contain("ssh -o IdentitiesOnly=yes -i /tmp/loglens-lab/keys/id_other -p 42229 llab@127.0.0.1");
    }

    [Test]
    public void OffersSshCopyIdOnlyWhereTheServerTakesAPassword()
    {
        const string Offer = "debug1: Offering public key: /home/ana/.ssh/id_ed25519 ED25519 SHA256:abc explicit";
        var withPassword = SshLog.Analyze($"debug1: Authenticating to h:22 as 'ana'\n{Offer}\ndebug1: Authentications that can continue: publickey,password\nana@h: Permission denied (publickey,password).").Findings[0];
        Commands(withPassword).First().Should().Be("ssh-copy-id -i /home/ana/.ssh/id_ed25519.pub ana@h");
        var keysOnly = SshLog.Analyze($"debug1: Authenticating to h:22 as 'ana'\n{Offer}\ndebug1: Authentications that can continue: publickey\nana@h: Permission denied (publickey).").Findings[0];
        Commands(keysOnly).First().Should().Be("cat /home/ana/.ssh/id_ed25519.pub");
    }

    [TestCase("key-strictmodes")]
    [TestCase("key-denyusers")]
    [TestCase("unknown-user")]
    public void DiagnosesTheServerSideRefusalsOfTheLab(string scenario) => Lab(scenario).Findings[0].Slug.Should().Be(Slug);

    [Test]
    public void WarnsWhenEveryKeyWasRefusedButAPasswordLoggedIn()
    {
        var report = SshLog.Analyze(string.Join('\n',
            "debug1: Offering public key: /home/me/.ssh/id_rsa RSA SHA256:Zb3kq0r1mT7hV9yXcE2pLw4sN8dJfA6uQ5gH1iO0tRk",
            "debug1: Authentications that can continue: publickey,password",
            "debug1: Next authentication method: password",
            "Authenticated to 10.0.0.5 ([10.0.0.5]:22) using \"password\"."));
        report.Outcome.Should().Be(Outcome.Succeeded);
        report.Findings.Should().Contain(f => f.Slug == Slug && f.Severity == Severity.Warning);
    }

    [Test]
    public void SaysSoWhenNoKeyWasOfferedAtAll()
    {
        var finding = FirstFinding(string.Join('\n',
            "debug1: Authenticating to 10.0.0.5:22 as 'me'",
            "debug1: Authentications that can continue: publickey",
            "debug1: Next authentication method: publickey",
            "debug1: No more authentication methods to try.",
            "me@10.0.0.5: Permission denied (publickey)."), Slug);
        finding.Title.Should().Contain("No key was offered");
    }
}
