using LogLens.Redaction;
using LogLens.Tests.Support;

namespace LogLens.Tests.Redaction;

/// <summary>
/// What redaction rewrites and what it keeps: personal values get stable placeholders; ssh's own vocabulary
/// (algorithm names, key types, option names, versions, function names) survives verbatim, even where the old
/// redactor took <c>name@openssh.com</c> for a user at a host.
/// </summary>
public class RedactorTests
{
    /// <summary>
    /// A log that names a user, a host, an address, a key comment and a home directory, and whose proposals hold every
    /// kind of <c>name@domain</c> algorithm (the shape the old redactor learned as user@host).
    /// </summary>
    private static readonly string[] Preamble =
    [
        "OpenSSH_9.2p1 Debian-2+deb12u6, OpenSSL 3.0.19 27 Jan 2026",
        "debug1: Reading configuration data /home/alice/.ssh/config",
        "debug1: Connecting to build.example.com [198.51.100.7] port 2222.",
        "debug1: Authenticating to build.example.com:2222 as 'alice'",
        "debug2: KEX algorithms: sntrup761x25519-sha512@openssh.com,curve25519-sha256,curve25519-sha256@libssh.org,ecdh-sha2-nistp256,diffie-hellman-group14-sha1,ext-info-c,kex-strict-c-v00@openssh.com",
        "debug2: host key algorithms: ssh-ed25519-cert-v01@openssh.com,ecdsa-sha2-nistp256-cert-v01@openssh.com,sk-ssh-ed25519@openssh.com,webauthn-sk-ecdsa-sha2-nistp256@openssh.com,rsa-sha2-512,ssh-ed25519,ssh-rsa",
        "debug2: ciphers ctos: chacha20-poly1305@openssh.com,aes128-ctr,aes256-gcm@openssh.com,rijndael-cbc@lysator.liu.se",
        "debug2: MACs ctos: umac-128-etm@openssh.com,hmac-sha2-256-etm@openssh.com,hmac-sha1",
        "debug2: compression ctos: none,zlib@openssh.com",
        "debug1: Will attempt key: /home/alice/.ssh/id_ed25519 ED25519 SHA256:8Yr2zL0cQWq9oXh3m5b1VvCkTnE4aPjR7sUdGfHiJkM agent",
        "debug1: Offering public key: alice@laptop ED25519 SHA256:8Yr2zL0cQWq9oXh3m5b1VvCkTnE4aPjR7sUdGfHiJkM agent",
    ];

    private static readonly string[] Personal = ["alice", "build.example.com", "198.51.100.7", "laptop", "8Yr2zL0cQWq9oXh3m5b1VvCkTnE4aPjR7sUdGfHiJkM"];

    private static IEnumerable<TestCaseData> SshNames() =>
        new (string Kind, string Name)[]
        {
            ("cipher", "chacha20-poly1305@openssh.com"),
            ("cipher", "aes256-gcm@openssh.com"),
            ("cipher", "aes128-ctr"),
            ("cipher", "rijndael-cbc@lysator.liu.se"),
            ("MAC", "umac-128-etm@openssh.com"),
            ("MAC", "hmac-sha2-256-etm@openssh.com"),
            ("MAC", "hmac-sha1"),
            ("kex", "curve25519-sha256"),
            ("kex", "curve25519-sha256@libssh.org"),
            ("kex", "sntrup761x25519-sha512@openssh.com"),
            ("kex", "mlkem768x25519-sha256"),
            ("kex", "diffie-hellman-group14-sha1"),
            ("kex", "kex-strict-c-v00@openssh.com"),
            ("host key algorithm", "ssh-ed25519"),
            ("host key algorithm", "rsa-sha2-512"),
            ("host key algorithm", "ssh-rsa"),
            ("certificate type", "ssh-ed25519-cert-v01@openssh.com"),
            ("certificate type", "ecdsa-sha2-nistp256-cert-v01@openssh.com"),
            ("security key type", "sk-ssh-ed25519@openssh.com"),
            ("signature algorithm", "webauthn-sk-ecdsa-sha2-nistp256@openssh.com"),
            ("compression", "zlib@openssh.com"),
            ("key type", "ED25519"),
            ("key type", "ECDSA-SK"),
            ("key type", "RSA-CERT"),
            ("option", "StrictHostKeyChecking"),
            ("option", "PubkeyAcceptedAlgorithms"),
            ("option", "PubkeyAcceptedKeyTypes"),
            ("option", "HostKeyAlgorithms"),
            ("option", "UserKnownHostsFile"),
            ("option", "ProxyJump"),
            ("version", "OpenSSH_9.2p1"),
            ("version", "OpenSSH_for_Windows_8.1p1"),
            ("version", "SSH-2.0-OpenSSH_9.2p1"),
            ("version", "SSH-2.0-dropbear_2020.81"),
            ("function", "ssh_connect_direct"),
            ("function", "kex_exchange_identification"),
            ("function", "sshkey_load_public"),
        }.Select(n => new TestCaseData(n.Name).SetArgDisplayNames($"{n.Kind} {n.Name}"));

    private static string[] Redact(params string[] lines)
    {
        var output = new StringWriter();
        SshLog.Redact(() => new StringReader(string.Join('\n', lines) + "\n"), output);
        return output.ToString().TrimEnd('\n').Split('\n');
    }

    [TestCaseSource(nameof(SshNames))]
    public void KeepsAnSshNameVerbatim(string name)
    {
        string[] lines = [.. Preamble, $"debug1: {name}", $"debug2: list: {name},aes128-ctr", $"debug1: alice@build.example.com uses {name}."];

        var redacted = Redact(lines);

        redacted[^3].Should().Be($"debug1: {name}");
        redacted[^2].Should().Be($"debug2: list: {name},aes128-ctr");
        redacted[^1].Should().Be($"debug1: user-1@host-1 uses {name}.");
        foreach (var value in Personal)
        {
            string.Join('\n', redacted).Should().NotContain(value);
        }
    }

    [Test]
    public void KeepsEveryAlgorithmOfTheProposals()
    {
        var redacted = Redact(Preamble);

        redacted[4..9].Should().Equal(Preamble[4..9]);
    }

    [Test]
    public void KeepsChachaPolyAsACipherNotAUserAtAHost()
    {
        var redacted = Redact([.. Preamble, "debug1: kex: server->client cipher: chacha20-poly1305@openssh.com MAC: <implicit> compression: none"]);

        redacted[^1].Should().Be("debug1: kex: server->client cipher: chacha20-poly1305@openssh.com MAC: <implicit> compression: none");
    }

    [Test]
    public void KeepsCurve25519AlthoughItsLibsshNameLooksLikeAUserAtAHost()
    {
        var redacted = Redact([.. Preamble, "debug1: kex: algorithm: curve25519-sha256"]);

        redacted[^1].Should().Be("debug1: kex: algorithm: curve25519-sha256");
    }

    [Test]
    public void GivesTheKexMismatchFixTheAlgorithmTheServerOffers()
    {
        var log = File.ReadAllText(Repo.Path("tests", "fixtures", "lab", "kex-mismatch", "client.log"));
        var output = new StringWriter();
        SshLog.Redact(() => new StringReader(log), output);

        var before = SshLog.Analyze(log).Findings[0].Fixes.Select(f => f.Command).OfType<string>().Single(c => c.Contains("KexAlgorithms=", StringComparison.Ordinal));
        var after = SshLog.Analyze(output.ToString()).Findings[0].Fixes.Select(f => f.Command).OfType<string>().Single(c => c.Contains("KexAlgorithms=", StringComparison.Ordinal));

        var algorithm = before.Split(' ').Single(w => w.StartsWith("KexAlgorithms=", StringComparison.Ordinal));
        algorithm.Should().NotContain("user-").And.NotContain("host-");
        after.Should().Contain(algorithm);
    }

    [Test]
    public void ReplacesTheSameValueWithTheSamePlaceholderEverywhere()
    {
        var redacted = Redact([.. Preamble, "alice@build.example.com's password: ", "debug1: Authentications that can continue: publickey,password"]);

        redacted[3].Should().Be("debug1: Authenticating to host-1:2222 as 'user-1'");
        redacted[2].Should().Be("debug1: Connecting to host-1 [203.0.113.1] port 2222.");
        redacted[1].Should().Be("debug1: Reading configuration data /home/user-1/.ssh/config");
        redacted[^2].Should().Be("user-1@host-1's password: ");
        redacted[^1].Should().Be("debug1: Authentications that can continue: publickey,password");
    }

    [Test]
    public void KeepsTheKindOfAnAddressAndOfALocalHostName()
    {
        var redacted = Redact(
            "debug1: Connecting to debian-utm.local [192.168.64.4] port 22.",
            "debug1: connect to address 192.168.64.4 port 22: No route to host",
            "debug1: Connecting to debian-utm.local [fda1:164f:da3f:c7fe:f0c8:f8ff:fe11:ca] port 22.",
            "debug1: Connecting to 10.20.30.40 port 22.",
            "debug1: Connecting to 100.101.102.103 port 22.");

        redacted.Should().Equal(
            "debug1: Connecting to host-1.local [192.168.0.1] port 22.",
            "debug1: connect to address 192.168.0.1 port 22: No route to host",
            "debug1: Connecting to host-1.local [fd00::2] port 22.",
            "debug1: Connecting to 10.0.0.3 port 22.",
            "debug1: Connecting to 100.64.0.4 port 22.");
    }

    [Test]
    public void KeepsPublicGitServicesAndLoopback()
    {
        var redacted = Redact("debug1: Connecting to github.com [140.82.121.4] port 22.", "debug1: Connecting to localhost [127.0.0.1] port 22.");

        redacted.Should().Equal("debug1: Connecting to github.com [203.0.113.1] port 22.", "debug1: Connecting to localhost [127.0.0.1] port 22.");
    }

    [Test]
    public void LearnsNoSshNameAsAUserOrAHost()
    {
        var redactor = new Redactor();
        foreach (var e in SshLog.Parse(string.Join('\n', Preamble)))
        {
            redactor.Learn(e);
        }

        redactor.Redact("chacha20-poly1305@openssh.com openssh.com chacha20-poly1305 libssh.org").Should().Be("chacha20-poly1305@openssh.com openssh.com chacha20-poly1305 libssh.org");
    }
}
