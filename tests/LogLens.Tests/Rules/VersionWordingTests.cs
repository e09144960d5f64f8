using LogLens.Analysis;
using LogLens.Findings;

namespace LogLens.Tests.Rules;

/// <summary>
/// The shapes that real pastes from every OpenSSH 4.x to 10.x take, written line by line in each release's own wording
/// (from the message catalog, not copied from any log): what old clients never print must not read as a stall, a verdict
/// line outranks an inference, and a log cut before ssh's verdict still names its likely cause.
/// </summary>
public class VersionWordingTests
{
    // The key exchange as each generation prints it, up to the end of the host key check.
    private static readonly string[] Kex43 =
    [
        "OpenSSH_4.3p2, OpenSSL 0.9.8e-fips-rhel5 01 Jul 2008",
        "debug1: Reading configuration data /etc/ssh/ssh_config",
        "debug1: Applying options for *",
        "debug1: Connecting to nas [192.168.1.20] port 22.",
        "debug1: Connection established.",
        "debug1: identity file /root/.ssh/id_rsa type 1",
        "debug1: Remote protocol version 2.0, remote software version OpenSSH_4.3",
        "debug1: match: OpenSSH_4.3 pat OpenSSH*",
        "debug1: Enabling compatibility mode for protocol 2.0",
        "debug1: Local version string SSH-2.0-OpenSSH_4.3",
        "debug1: SSH2_MSG_KEXINIT sent",
        "debug1: SSH2_MSG_KEXINIT received",
        "debug1: kex: server->client aes128-cbc hmac-md5 none",
        "debug1: kex: client->server aes128-cbc hmac-md5 none",
        "debug1: SSH2_MSG_KEX_DH_GEX_REQUEST(1024<1024<8192) sent",
        "debug1: expecting SSH2_MSG_KEX_DH_GEX_GROUP",
        "debug1: SSH2_MSG_KEX_DH_GEX_INIT sent",
        "debug1: expecting SSH2_MSG_KEX_DH_GEX_REPLY",
        "debug1: Host 'nas' is known and matches the RSA host key.",
        "debug1: Found key in /root/.ssh/known_hosts:1",
        "debug1: ssh_rsa_verify: signature correct",
        "debug1: SSH2_MSG_NEWKEYS sent",
        "debug1: expecting SSH2_MSG_NEWKEYS",
        "debug1: SSH2_MSG_NEWKEYS received",
        "debug1: SSH2_MSG_SERVICE_REQUEST sent",
        "debug1: SSH2_MSG_SERVICE_ACCEPT received",
    ];

    private static readonly string[] Kex66 =
    [
        "OpenSSH_6.6.1, OpenSSL 1.0.1f 6 Jan 2014",
        "debug1: Reading configuration data /etc/ssh/ssh_config",
        "debug1: Connecting to 10.0.0.5 [10.0.0.5] port 22.",
        "debug1: Connection established.",
        "debug1: identity file /home/ana/.ssh/id_rsa type 1",
        "debug1: Enabling compatibility mode for protocol 2.0",
        "debug1: Local version string SSH-2.0-OpenSSH_6.6.1p1 Ubuntu-2ubuntu2",
        "debug1: Remote protocol version 2.0, remote software version OpenSSH_6.6.1p1 Ubuntu-2ubuntu2",
        "debug1: match: OpenSSH_6.6.1p1 Ubuntu-2ubuntu2 pat OpenSSH_6.6.1* compat 0x04000000",
        "debug1: SSH2_MSG_KEXINIT sent",
        "debug1: SSH2_MSG_KEXINIT received",
        "debug1: kex: server->client aes128-ctr hmac-md5-etm@openssh.com none",
        "debug1: kex: client->server aes128-ctr hmac-md5-etm@openssh.com none",
        "debug1: sending SSH2_MSG_KEX_ECDH_INIT",
        "debug1: expecting SSH2_MSG_KEX_ECDH_REPLY",
        "debug1: Server host key: ECDSA 5b:3c:0e:45:1a:7d:9e:58:2f:20:11:d3:44:8c:1e:0a",
        "debug1: Host '10.0.0.5' is known and matches the ECDSA host key.",
        "debug1: Found key in /home/ana/.ssh/known_hosts:2",
        "debug1: ssh_ecdsa_verify: signature correct",
        "debug1: SSH2_MSG_NEWKEYS sent",
        "debug1: expecting SSH2_MSG_NEWKEYS",
        "debug1: SSH2_MSG_NEWKEYS received",
        "debug1: SSH2_MSG_SERVICE_REQUEST sent",
        "debug1: SSH2_MSG_SERVICE_ACCEPT received",
    ];

    private static readonly string[] Kex74 =
    [
        "OpenSSH_7.4p1, OpenSSL 1.0.2k-fips  26 Jan 2017",
        "debug1: Reading configuration data /etc/ssh/ssh_config",
        "debug1: Connecting to git.example.org [203.0.113.7] port 22.",
        "debug1: Connection established.",
        "debug1: identity file /var/lib/jenkins/.ssh/id_rsa type 1",
        "debug1: Enabling compatibility mode for protocol 2.0",
        "debug1: Local version string SSH-2.0-OpenSSH_7.4",
        "debug1: Remote protocol version 2.0, remote software version OpenSSH_7.4",
        "debug1: match: OpenSSH_7.4 pat OpenSSH* compat 0x04000000",
        "debug1: Authenticating to git.example.org:22 as 'git'",
        "debug1: SSH2_MSG_KEXINIT sent",
        "debug1: SSH2_MSG_KEXINIT received",
        "debug1: kex: algorithm: curve25519-sha256",
        "debug1: kex: host key algorithm: ecdsa-sha2-nistp256",
        "debug1: kex: server->client cipher: chacha20-poly1305@openssh.com MAC: <implicit> compression: none",
        "debug1: kex: client->server cipher: chacha20-poly1305@openssh.com MAC: <implicit> compression: none",
        "debug1: kex: curve25519-sha256 need=64 dh_need=64",
        "debug1: kex: curve25519-sha256 need=64 dh_need=64",
        "debug1: expecting SSH2_MSG_KEX_ECDH_REPLY",
        "debug1: Server host key: ecdsa-sha2-nistp256 SHA256:pCw9e0ZCs0ZS1bKi3bbRDhS2Q4Kx1Pd0q3KUY1WnZ5E",
        "debug1: Host 'git.example.org' is known and matches the ECDSA host key.",
        "debug1: Found key in /var/lib/jenkins/.ssh/known_hosts:1",
        "debug1: rekey after 134217728 blocks",
        "debug1: SSH2_MSG_NEWKEYS sent",
        "debug1: expecting SSH2_MSG_NEWKEYS",
        "debug1: SSH2_MSG_NEWKEYS received",
        "debug1: rekey after 134217728 blocks",
        "debug1: SSH2_MSG_SERVICE_ACCEPT received",
    ];

    private static SessionReport Analyze(params IEnumerable<string>[] parts) =>
        SshLog.Analyze(string.Join("\n", parts.SelectMany(p => p))).Sessions[^1];

    private static void ShouldBe(SessionReport report, string slug, Confidence confidence = Confidence.Certain)
    {
        report.Findings.Should().NotBeEmpty();
        var top = report.Findings[0];
        (top.Slug, top.Confidence).Should().Be((slug, confidence), "the findings were {0}", string.Join(", ", report.Findings.Select(f => $"{f.Slug} ({f.Confidence})")));
        report.Findings.Should().NotContain(f => f.Slug == "kex-stalled" && slug != "kex-stalled");
    }

    // 1. Absent progress lines are not a stall: a 4.x client prints no "Server host key:", nothing before 8.5 prints
    //    "SSH2_MSG_KEX_*_REPLY received"; the session went on through NEWKEYS to the server's verdict.
    private static IEnumerable<TestCaseData> KeyExchangesOfOldClients()
    {
        string[] rejected =
        [
            "debug1: Authentications that can continue: publickey",
            "debug1: Next authentication method: publickey",
            "debug1: Offering public key: /root/.ssh/id_rsa",
            "debug1: Authentications that can continue: publickey",
            "debug1: No more authentication methods to try.",
            "Permission denied (publickey).",
        ];
        yield return new TestCaseData(Kex43, rejected).SetName("4.3: DH group exchange, no 'Server host key:', key rejected");
        yield return new TestCaseData(Kex66, new[]
        {
            "debug1: Authentications that can continue: publickey",
            "debug1: Next authentication method: publickey",
            "debug1: Offering RSA public key: /home/ana/.ssh/id_rsa",
            "debug1: Authentications that can continue: publickey",
            "debug1: No more authentication methods to try.",
            "Permission denied (publickey).",
        }).SetName("6.6: ECDH without 'REPLY received', key rejected");
        yield return new TestCaseData(Kex74, new[]
        {
            "debug1: Authentications that can continue: publickey",
            "debug1: Next authentication method: publickey",
            "debug1: Offering RSA public key: /var/lib/jenkins/.ssh/id_rsa",
            "debug1: Authentications that can continue: publickey",
            "debug1: No more authentication methods to try.",
            "Permission denied (publickey).",
        }).SetName("7.4: curve25519 without 'REPLY received', key rejected");
    }

    [TestCaseSource(nameof(KeyExchangesOfOldClients))]
    public void AKeyExchangeThatWentOnIsNoStall(string[] kex, string[] auth) => ShouldBe(Analyze(kex, auth), "key-rejected");

    [Test]
    public void AnOldClientLoggedInAfterAKeyExchangeWithoutProgressLinesSucceeded() =>
        ShouldBe(Analyze(Kex43, ["debug1: Next authentication method: publickey", "debug1: Offering public key: /root/.ssh/id_rsa",
            "debug1: Server accepts key: pkalg ssh-rsa blen 277", "debug1: read PEM private key done: type RSA",
            "debug1: Authentication succeeded (publickey).", "debug1: channel 0: new [client-session]", "debug1: Entering interactive session."]), "success");

    // 2 and 7. "read_passphrase: can't open /dev/tty" belongs to the question ssh wanted to ask; what follows tells which.
    private static IEnumerable<TestCaseData> NoTerminal()
    {
        string[] unknownHost43 = [.. Kex43.Take(18), "debug1: read_passphrase: can't open /dev/tty: No such device or address", "Host key verification failed."];
        yield return new TestCaseData(unknownHost43, "host-key-unknown").SetName("4.3: the host key question, no 'Server host key:' line");
        string[] unknownHost74 = [.. Kex74.Take(20), "debug1: read_passphrase: can't open /dev/tty: No such device or address", "Host key verification failed."];
        yield return new TestCaseData(unknownHost74, "host-key-unknown").SetName("7.4: the host key question from PHP exec or cron");
        string[] unknownHost92 =
        [
            "OpenSSH_9.2p1 Debian-2+deb12u3, OpenSSL 3.0.15 3 Sep 2024",
            "debug1: Connecting to backup.example.net [198.51.100.4] port 22.",
            "debug1: Connection established.",
            "debug1: Local version string SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3",
            "debug1: Remote protocol version 2.0, remote software version OpenSSH_9.6p1 Ubuntu-3ubuntu13.5",
            "debug1: compat_banner: match: OpenSSH_9.6p1 Ubuntu-3ubuntu13.5 pat OpenSSH* compat 0x04000000",
            "debug1: SSH2_MSG_KEXINIT sent",
            "debug1: SSH2_MSG_KEXINIT received",
            "debug1: kex: algorithm: sntrup761x25519-sha512@openssh.com",
            "debug1: kex: host key algorithm: ssh-ed25519",
            "debug1: expecting SSH2_MSG_KEX_ECDH_REPLY",
            "debug1: SSH2_MSG_KEX_ECDH_REPLY received",
            "debug1: Server host key: ssh-ed25519 SHA256:7mIKx1lYz0m1Cq2gNm3l0mX0bbN4rNvGQhK1eHw3xvU",
            "debug1: load_hostkeys: fopen /var/www/.ssh/known_hosts: No such file or directory",
            "debug1: load_hostkeys: fopen /var/www/.ssh/known_hosts2: No such file or directory",
            "debug1: hostkeys_find_by_key_hostfile: hostkeys file /var/www/.ssh/known_hosts does not exist",
            "debug1: read_passphrase: can't open /dev/tty: No such device or address",
            "Host key verification failed.",
        ];
        yield return new TestCaseData(unknownHost92, "host-key-unknown").SetName("9.2: the host key question from a web server's user");

        string[] passwordOnly =
        [
            "debug1: Authentications that can continue: password",
            "debug1: Next authentication method: password",
            "debug1: read_passphrase: can't open /dev/tty: No such device or address",
            "debug1: Authentications that can continue: password",
            "Permission denied, please try again.",
            "debug1: read_passphrase: can't open /dev/tty: No such device or address",
            "debug1: Authentications that can continue: password",
            "Permission denied, please try again.",
            "debug1: read_passphrase: can't open /dev/tty: No such device or address",
            "debug1: Authentications that can continue: password",
            "debug1: No more authentication methods to try.",
            "Permission denied (password).",
        ];
        yield return new TestCaseData(Kex43.Concat(passwordOnly).ToArray(), "password-only").SetName("4.3: a password-only server and no terminal");
        yield return new TestCaseData(Kex74.Concat(passwordOnly).ToArray(), "password-only").SetName("7.4: a password-only server and no terminal");
        yield return new TestCaseData(
            unknownHost92.Take(13).Concat(
            [
                "debug1: Host 'backup.example.net' is known and matches the ED25519 host key.",
                "debug1: Found key in /var/www/.ssh/known_hosts:1",
                "debug1: ssh_packet_send2_wrapped: resetting send seqnr 3",
                "debug1: rekey out after 134217728 blocks",
                "debug1: SSH2_MSG_NEWKEYS sent",
                "debug1: expecting SSH2_MSG_NEWKEYS",
                "debug1: ssh_packet_read_poll2: resetting read seqnr 3",
                "debug1: SSH2_MSG_NEWKEYS received",
                "debug1: rekey in after 134217728 blocks",
                "debug1: SSH2_MSG_SERVICE_ACCEPT received",
            ]).Concat(passwordOnly.Select(l => l.Replace("Permission denied (password).", "www-data@backup.example.net: Permission denied (password).", StringComparison.Ordinal)))
            .ToArray(), "password-only").SetName("9.2: a password-only server and no terminal");

        string[] passphrase66 =
        [
            "debug1: Authentications that can continue: publickey",
            "debug1: Next authentication method: publickey",
            "debug1: Offering RSA public key: /home/ana/.ssh/id_rsa",
            "debug1: Server accepts key: pkalg ssh-rsa blen 279",
            "debug1: read_passphrase: can't open /dev/tty: No such device or address",
            "debug1: No more authentication methods to try.",
            "Permission denied (publickey).",
        ];
        yield return new TestCaseData(Kex66.Concat(passphrase66).ToArray(), "encrypted-key-no-passphrase").SetName("6.6: an encrypted key the server accepts, no terminal");
        string[] passphrase43 =
        [
            "debug1: Authentications that can continue: publickey",
            "debug1: Next authentication method: publickey",
            "debug1: Trying private key: /root/.ssh/id_rsa",
            "debug1: PEM_read_PrivateKey failed",
            "debug1: read PEM private key done: type <unknown>",
            "debug1: read_passphrase: can't open /dev/tty: No such device or address",
            "debug1: No more authentication methods to try.",
            "Permission denied (publickey).",
        ];
        yield return new TestCaseData(Kex43.Concat(passphrase43).ToArray(), "encrypted-key-no-passphrase").SetName("4.3: an encrypted key file ssh loads itself, no terminal");
    }

    [TestCaseSource(nameof(NoTerminal))]
    public void TheFailedPromptIsTheQuestionThatFollows(string[] log, string slug) => ShouldBe(Analyze(log), slug);

    // 3. Other protocols' banners in pre-8.0 wording: no "banner line 0:" prefix, ssh_exchange_identification.
    private static IEnumerable<TestCaseData> OtherProtocols()
    {
        string[] connect74 =
        [
            "OpenSSH_7.4p1, OpenSSL 1.0.2k-fips  26 Jan 2017",
            "debug1: Connecting to 192.168.0.30 [192.168.0.30] port 5900.",
            "debug1: Connection established.",
            "debug1: Enabling compatibility mode for protocol 2.0",
            "debug1: Local version string SSH-2.0-OpenSSH_7.4",
        ];
        yield return new TestCaseData((object)connect74.Concat(["debug1: ssh_exchange_identification: RFB 003.008", "ssh_exchange_identification: Connection closed by remote host"]).ToArray())
            .SetName("7.4: a VNC server");
        yield return new TestCaseData((object)connect74.Concat(["debug1: ssh_exchange_identification: 220 mail.example.com ESMTP Postfix (Debian/GNU)", "debug1: ssh_exchange_identification: 502 5.5.2 Error: command not recognized",
            "ssh_exchange_identification: Connection closed by remote host"]).ToArray()).SetName("7.4: an SMTP server");
        yield return new TestCaseData((object)connect74.Concat(["debug1: ssh_exchange_identification: HTTP/1.1 408 Request Timeout", "debug1: ssh_exchange_identification: Content-Type: text/html",
            "debug1: ssh_exchange_identification: ", "ssh_exchange_identification: Connection closed by remote host"]).ToArray()).SetName("7.4: an HTTP server that timed out");
        yield return new TestCaseData((object)new[]
        {
            "OpenSSH_5.3p1, OpenSSL 1.0.1e-fips 11 Feb 2013",
            "debug1: Connecting to 10.1.1.1 [10.1.1.1] port 443.",
            "debug1: Connection established.",
            "ssh_exchange_identification: Bad remote protocol version identification: 'SSH-2.0'",
        }).SetName("5.3: a broken identification");
        yield return new TestCaseData((object)new[]
        {
            "OpenSSH_8.9p1 Ubuntu-3ubuntu0.10, OpenSSL 3.0.2 15 Mar 2022",
            "debug1: Connecting to 10.1.1.1 [10.1.1.1] port 3306.",
            "debug1: Connection established.",
            "debug1: Local version string SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.10",
            "kex_exchange_identification: banner line contains invalid characters",
        }).SetName("8.9: a database answering");
    }

    [TestCaseSource(nameof(OtherProtocols))]
    public void AnotherProtocolsBannerIsNotSsh(string[] log) => ShouldBe(Analyze(log), "not-ssh-server");

    // 4. Logged in, then the server ended it.
    private static IEnumerable<TestCaseData> EndedAfterLogin()
    {
        string[] login43 = ["debug1: Authentication succeeded (publickey).", "debug1: channel 0: new [client-session]", "debug1: Entering interactive session."];
        yield return new TestCaseData((object)Kex43.Concat(["debug1: Remote: Forced command.", .. login43, "This account is restricted to backups.", "debug1: Exit status 1"]).ToArray())
            .SetName("4.3: a forced command's own text");
        yield return new TestCaseData((object)Kex66.Concat(["debug1: Remote: Forced command.", "debug1: Authentication succeeded (publickey).", "debug1: Entering interactive session.",
            "debug1: Sending environment.", "debug1: Exit status 1"]).ToArray()).SetName("6.6: a forced command that printed nothing");
        yield return new TestCaseData((object)Kex74.Concat(["debug1: Authentication succeeded (publickey).", "Authenticated to git.example.org ([203.0.113.7]:22).", "debug1: Entering interactive session.",
            "This account is currently not available.", "debug1: Exit status 1"]).ToArray()).SetName("7.4: nologin");
        yield return new TestCaseData((object)Kex74.Concat(["Authenticated to git.example.org ([203.0.113.7]:22).", "debug1: Entering interactive session.",
            "Timeout, server git.example.org not responding."]).ToArray()).SetName("7.4: a session that hangs and times out");
        yield return new TestCaseData((object)Kex74.Concat(["Authenticated to git.example.org ([203.0.113.7]:22).", "debug1: Entering interactive session.",
            "packet_write_wait: Connection to 203.0.113.7 port 22: Broken pipe"]).ToArray()).SetName("7.4: a broken pipe right after login");
    }

    [TestCaseSource(nameof(EndedAfterLogin))]
    public void ALoginTheServerEndedIsNoPlainSuccess(string[] log)
    {
        var report = Analyze(log);
        report.Findings.Should().Contain(f => f.Slug == "auth-succeeded-then-closed");
        report.Findings[0].Slug.Should().BeOneOf("auth-succeeded-then-closed", "success");
        report.Findings.Should().NotContain(f => f.Slug == "kex-stalled");
    }

    [Test]
    public void AnOldAgentThatWouldNotSignIsAnAgentRefusal() =>
        ShouldBe(Analyze(Kex66, ["debug1: Authentications that can continue: publickey", "debug1: Next authentication method: publickey",
            "debug1: Offering RSA public key: /home/ana/.ssh/id_rsa", "debug1: Server accepts key: pkalg ssh-rsa blen 279",
            "Agent admitted failure to sign using the key.", "debug1: No more authentication methods to try.", "Permission denied (publickey)."]), "agent-refused");

    [Test]
    public void AMissingAskpassProgramIsAQuestionThatCouldNotBeAsked() =>
        ShouldBe(Analyze(Kex74.Take(20), ["ssh_askpass: exec(/usr/libexec/openssh/ssh-askpass): No such file or directory", "Host key verification failed."]), "host-key-unknown");

    // 5. Fragments: a few lines are enough when they are the right ones.
    [TestCase("debug1: Trying private key: /home/ana/.ssh/id_ed25519", "debug3: no such identity: /home/ana/.ssh/id_ed25519: No such file or directory", TestName = "8.5+: two lines")]
    [TestCase("debug1: Trying private key: /home/ana/.ssh/id_rsa", "debug3: no such identity: /home/ana/.ssh/id_rsa", TestName = "4.x to 6.1: two lines")]
    public void TwoLinesNameAMissingKey(string trying, string missing) =>
        ShouldBe(Analyze([trying, missing]), "missing-identity-file", Confidence.Likely);

    [Test]
    public void ALoginLineWrappedQuotedAndStampedIsStillALogin()
    {
        var log = new[]
        {
            "> [09:14:02.117] stderr> debug1: Server host key: ssh-ed25519 SHA256:7mIKx1lYz0m1Cq2gNm3l0mX0bbN4rNvGQhK1eHw3xvU",
            "> [09:14:02.391] stderr> Authenticated to build-runner-17.internal.example.com ([10.20.30.40]:22) using \"publ",
            "> ickey\".",
            "> [09:14:02.392] stderr> debug1: channel 0: new session [client-session] (inactive timeout: 0)",
        };
        ShouldBe(Analyze(log), "success");
    }

    // 6. A key exchange that hangs and the paste ends: the last thing that happened was the exchange.
    private static IEnumerable<TestCaseData> KexHangs()
    {
        yield return new TestCaseData(Kex74.Take(14).ToArray(), Confidence.Likely).SetName("7.4: ends after 'kex: host key algorithm'");
        yield return new TestCaseData(Kex74.Take(11).Append("ssh_dispatch_run_fatal: Connection to 203.0.113.7 port 22: Operation timed out").ToArray(), Confidence.Certain)
            .SetName("7.4: KEXINIT sent, then 'Operation timed out'");
        yield return new TestCaseData(Kex43.Take(18).Append("Read from socket failed: Connection reset by peer").ToArray(), Confidence.Certain)
            .SetName("4.3: waiting for the group exchange reply, then a reset");
        yield return new TestCaseData(Kex66.Take(15).ToArray(), Confidence.Likely).SetName("6.6: ends at 'expecting SSH2_MSG_KEX_ECDH_REPLY'");
    }

    [TestCaseSource(nameof(KexHangs))]
    public void AKeyExchangeThatEndsTheLogIsAStall(string[] log, Confidence confidence) => ShouldBe(Analyze(log), "kex-stalled", confidence);

    // Never an empty answer: a log cut anywhere in ssh's evidence names a likely cause.
    private static IEnumerable<TestCaseData> CutsBeforeTheVerdict()
    {
        yield return new TestCaseData(new[] { "debug1: Connecting to nas [192.168.1.20] port 22." }, "connection-timeout").SetName("still connecting");
        yield return new TestCaseData(Kex43.Take(5).ToArray(), "banner-timeout").SetName("connected, no banner yet");
        yield return new TestCaseData(Kex74.Take(20).ToArray(), "host-key-unknown").SetName("at the host key, where ssh asks");
        yield return new TestCaseData(Kex66.Concat(["debug1: Authentications that can continue: publickey", "debug1: Next authentication method: publickey",
            "debug1: Offering RSA public key: /home/ana/.ssh/id_rsa", "debug1: Server accepts key: pkalg ssh-rsa blen 279"]).ToArray(), "encrypted-key-no-passphrase")
            .SetName("the server accepted a key file, ssh asks its passphrase");
    }

    [TestCaseSource(nameof(CutsBeforeTheVerdict))]
    public void ALogCutBeforeTheVerdictNamesALikelyCause(string[] log, string slug)
    {
        var report = Analyze(log);
        report.Outcome.Should().Be(Outcome.Inconclusive);
        ShouldBe(report, slug, Confidence.Likely);
    }
}
