using LogLens.Events;

namespace LogLens.Tests.Parsing.Server;

/// <summary>
/// sshd's lines in every envelope a log system writes, and in the wordings of every OpenSSH release from 5.3 to 10.5
/// (shared/openssh/server-messages.alltags.tsv): the envelope is kept apart, the message becomes its typed event.
/// </summary>
public class ServerParserTests
{
    private static ServerEvent One(string line) => SshdLog.Parse(line).Cast<ServerEvent>().Single();

    [TestCase("Dec  2 07:18:09 web1 sshd[4242]: Failed publickey for llab from 127.0.0.1 port 38788 ssh2: ED25519 SHA256:abc", "web1", "sshd", 4242, TestName = "classic syslog (/var/log/secure, older auth.log)")]
    [TestCase("Dec 02 07:18:09 web1 sshd[4242]: Failed publickey for llab from 127.0.0.1 port 38788 ssh2: ED25519 SHA256:abc", "web1", "sshd", 4242, TestName = "journalctl default")]
    [TestCase("2026-12-02T07:18:09+0000 web1 sshd[4242]: Failed publickey for llab from 127.0.0.1 port 38788 ssh2: ED25519 SHA256:abc", "web1", "sshd", 4242, TestName = "journalctl -o short-iso")]
    [TestCase("2026-12-02T07:18:09.123456+00:00 web1 sshd[4242]: Failed publickey for llab from 127.0.0.1 port 38788 ssh2: ED25519 SHA256:abc", "web1", "sshd", 4242, TestName = "rsyslog RFC 3339 (Debian 12 auth.log)")]
    [TestCase("Dec 02 07:18:09 web1 sshd-session[4242]: Failed publickey for llab from 127.0.0.1 port 38788 ssh2: ED25519 SHA256:abc", "web1", "sshd-session", 4242, TestName = "OpenSSH 9.8+ per-connection program")]
    [TestCase("Failed publickey for llab from 127.0.0.1 port 38788 ssh2: ED25519 SHA256:abc", null, null, null, TestName = "sshd -E, no envelope")]
    [TestCase("  > Failed publickey for llab from 127.0.0.1 port 38788 ssh2: ED25519 SHA256:abc\r", null, null, null, TestName = "quoted and indented in a forum, CRLF")]
    public void ReadsTheEnvelopeAndTheMessage(string line, string? host, string? program, int? pid)
    {
        var e = One(line);
        var attempt = e.Should().BeOfType<AuthAttempt>().Subject;
        attempt.Verdict.Should().Be("Failed");
        attempt.Method.Should().Be("publickey");
        attempt.User.Should().Be("llab");
        attempt.ClientPort.Should().Be(38788);
        attempt.KeyType.Should().Be("ED25519");
        attempt.Fingerprint.Should().Be("SHA256:abc");
        e.Host.Should().Be(host);
        e.Program.Should().Be(program);
        e.Pid.Should().Be(pid);
        e.Message.Should().StartWith("Failed publickey");
        (e.Timestamp is not null).Should().Be(host is not null);
    }

    [Test]
    public void KeepsThePreauthMarkAndTheLevelWordsApart()
    {
        var e = One("Dec  2 07:18:09 web1 sshd[77]: error: maximum authentication attempts exceeded for invalid user admin from 203.0.113.9 port 4711 ssh2 [preauth]");
        e.Should().BeOfType<MaxAuthTriesExceeded>().Which.User.Should().Be("admin");
        e.Preauth.Should().BeTrue();
    }

    [Test]
    public void ReadsTheDebugOutputOfSshdDashD()
    {
        var events = SshdLog.Parse("debug1: Remote protocol version 2.0, remote software version OpenSSH_9.2p1 Debian-2\ndebug1: userauth-request for user llab service ssh-connection method none [preauth]").ToList();
        events[0].Should().BeOfType<ClientSoftware>().Which.Software.Should().Be("OpenSSH_9.2p1 Debian-2");
        events[0].Level.Should().Be(DebugLevel.Debug1);
        events[1].Should().BeOfType<ServerMessage>();
    }

    [TestCase("Authentication refused: bad ownership or modes for directory /home/llab", typeof(AuthRefusedModes), TestName = "StrictModes, directory")]
    [TestCase("Accepted key ED25519 SHA256:qwHoagudc+Yg57nFI3rvclfeSDE4kXKbqSyLjsErG5w found at /home/llab/.ssh/authorized_keys:1", typeof(AuthorizedKeyFound), TestName = "the key found in authorized_keys (VERBOSE, 8.2+)")]
    [TestCase("Authentication refused: bad ownership or modes for file /home/llab/.ssh/authorized_keys", typeof(AuthRefusedModes), TestName = "StrictModes, file")]
    [TestCase("User llab from 10.0.0.5 not allowed because listed in DenyUsers", typeof(UserNotAllowed), TestName = "DenyUsers")]
    [TestCase("User llabnosh not allowed because shell /nonexistent/shell does not exist", typeof(UserNotAllowed), TestName = "missing shell")]
    [TestCase("Invalid user admin from 203.0.113.9 port 4711", typeof(InvalidUser), TestName = "invalid user, 7.4+")]
    [TestCase("Invalid user admin from 203.0.113.9", typeof(InvalidUser), TestName = "invalid user, 5.3-6.6")]
    [TestCase("ROOT LOGIN REFUSED FROM 10.0.0.5 port 4711", typeof(RootLoginRefused), TestName = "root refused, 7.4+")]
    [TestCase("ROOT LOGIN REFUSED FROM 10.0.0.5", typeof(RootLoginRefused), TestName = "root refused, 5.3-6.6")]
    [TestCase("userauth_pubkey: signature algorithm ssh-rsa not in PubkeyAcceptedAlgorithms [preauth]", typeof(AlgorithmNotAccepted), TestName = "signature algorithm, 8.5+")]
    [TestCase("userauth_pubkey: key type ssh-dss not in PubkeyAcceptedKeyTypes [preauth]", typeof(AlgorithmNotAccepted), TestName = "key type, 7.x")]
    [TestCase("drop connection #3 from [203.0.113.9]:4711 on [10.0.0.1]:22 past MaxStartups", typeof(MaxStartupsDrop), TestName = "MaxStartups drop")]
    [TestCase("fatal: Timeout before authentication for 10.0.0.5 port 4711", typeof(LoginGraceTimeout), TestName = "grace timeout, 7.4-9.7")]
    [TestCase("Timeout before authentication for 10.0.0.5, pid = 4242", typeof(LoginGraceTimeout), TestName = "grace timeout, listener 10.x")]
    [TestCase("fatal: Timeout before authentication for 10.0.0.5", typeof(LoginGraceTimeout), TestName = "grace timeout, 5.3-6.6")]
    [TestCase("Unable to load host key \"/etc/ssh/ssh_host_ed25519_key\": error in libcrypto", typeof(HostKeyLoadFailed), TestName = "host key, 8.2+")]
    [TestCase("error: Could not load host key: /etc/ssh/ssh_host_ecdsa_key", typeof(HostKeyLoadFailed), TestName = "host key, 5.3-7.4")]
    [TestCase("sshd: no hostkeys available -- exiting.", typeof(HostKeyLoadFailed), TestName = "no host keys")]
    [TestCase("/etc/ssh/sshd_config: line 2: Bad configuration option: PermitRootLogn", typeof(ServerConfigError), TestName = "bad option")]
    [TestCase("/etc/ssh/sshd_config line 14: Missing MaxStartups spec.", typeof(ServerConfigError), TestName = "bad value, old wording")]
    [TestCase("error: Bind to port 22 on 0.0.0.0 failed: Address already in use.", typeof(ServerCannotListen), TestName = "bind failed, 5.3-10.5")]
    [TestCase("fatal: Cannot bind any address.", typeof(ServerCannotListen), TestName = "cannot bind any address")]
    [TestCase("fatal: bad ownership or modes for chroot directory component \"/srv/\"", typeof(ChrootBadModes), TestName = "chroot component")]
    [TestCase("Starting session: forced-command (config) 'internal-sftp' for llab from 10.0.0.5 port 4711 id 0", typeof(ForcedCommand), TestName = "forced command, session start")]
    [TestCase("/home/llab/.ssh/authorized_keys:1: forced command: \"/usr/bin/backup\"", typeof(ForcedCommand), TestName = "forced command, key option (debug)")]
    [TestCase("Starting session: shell on pts/0 for llab from 10.0.0.5 port 4711 id 0", typeof(SessionStarted), TestName = "session start")]
    [TestCase("Certificate invalid: expired", typeof(ServerCertificateInvalid), TestName = "certificate")]
    [TestCase("Access denied for user llab3 by PAM account configuration [preauth]", typeof(AccountRefused), TestName = "PAM account")]
    [TestCase("Unable to negotiate with 10.0.0.5 port 4711: no matching cipher found. Their offer: aes128-cbc [preauth]", typeof(ServerNegotiationFailed), TestName = "negotiation, 7.4+")]
    [TestCase("refused local port forward: originator 127.0.0.1 port 4711, target 10.9.9.9 port 80", typeof(ForwardRefusedByServer), TestName = "refused -L")]
    [TestCase("Received request from 127.0.0.1 port 4711 to connect to host 127.0.0.1 port 42281, but the request was denied.", typeof(ForwardRefusedByServer), TestName = "PermitOpen")]
    [TestCase("error: connect_to 127.0.0.1 port 9: failed.", typeof(ForwardTargetUnreachable), TestName = "forward target")]
    [TestCase("Connection closed by authenticating user llab 127.0.0.1 port 38788 [preauth]", typeof(ServerConnectionEnded), TestName = "closed while authenticating")]
    [TestCase("Did not receive identification string from 203.0.113.9 port 4711", typeof(NoClientBanner), TestName = "scanner")]
    [TestCase("Connection from 10.0.0.5 port 4711", typeof(ConnectionFrom), TestName = "connection, 5.3")]
    [TestCase("Accepted password for llab from 10.0.0.5 port 4711 ssh2", typeof(AuthAttempt), TestName = "accepted password")]
    public void TypesSshdsMessages(string line, Type expected)
    {
        One(line).Should().BeOfType(expected);
    }

    [Test]
    public void ReadsTheLocalSideOfAConnection()
    {
        var from = One("Connection from 127.0.0.1 port 38788 on 127.0.0.1 port 42231 rdomain \"\"").Should().BeOfType<ConnectionFrom>().Subject;
        (from.ClientAddress, from.ClientPort, from.LocalAddress, from.LocalPort).Should().Be(("127.0.0.1", 38788, "127.0.0.1", 42231));
    }

    [TestCase("Dec 02 07:18:09 web1 systemd[1]: Started ssh.service - OpenBSD Secure Shell server.")]
    [TestCase("Dec 02 07:18:09 web1 CRON[881]: pam_unix(cron:session): session opened for user root")]
    [TestCase("-- Boot 3f2a8c1e6b0d4e7fa1b2c3d4e5f60718 --")]
    public void LeavesOtherProgramsLinesAside(string line)
    {
        One(line).Should().BeOfType<OtherProgramLine>();
    }
}
