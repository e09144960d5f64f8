using LogLens.Analysis;
using LogLens.Events;
using LogLens.Findings;
using LogLens.Tests.Support;

namespace LogLens.Tests.Analysis;

/// <summary>
/// How sshd's log is cut into records: by PID, by the client's address and port, by <c>Connection from</c>; the noise of scanners
/// and brute force set apart; the record the report is about. The lines are in the catalog's wording; the diagnoses themselves are
/// proven on the lab's real sshd logs (ServerLabTests).
/// </summary>
public class ServerAnalyzerTests
{
    private static string Journal(params string[] lines) => string.Join('\n', lines);

    [Test]
    public void GroupsInterleavedConnectionsByPidAndSetsABruteForceRunApart()
    {
        var lines = new List<string> { "Dec  2 07:00:00 web1 sshd[100]: Server listening on 0.0.0.0 port 22." };
        for (var i = 0; i < 6; i++)
        {
            var pid = 200 + i;
            lines.Add($"Dec  2 07:00:{10 + i:D2} web1 sshd[{pid}]: Invalid user admin{i} from 203.0.113.9 port {40000 + i}");
            lines.Add($"Dec  2 07:00:{10 + i:D2} web1 sshd[{pid}]: Failed password for invalid user admin{i} from 203.0.113.9 port {40000 + i} ssh2");
            if (i == 2)
            {
                // The user's own attempt, in the middle of the run.
                lines.Add("Dec  2 07:00:12 web1 sshd[300]: Connection from 198.51.100.7 port 51000 on 10.0.0.1 port 22");
                lines.Add("Dec  2 07:00:13 web1 sshd[300]: Authentication refused: bad ownership or modes for directory /home/alice");
            }

            lines.Add($"Dec  2 07:00:{10 + i:D2} web1 sshd[{pid}]: Connection closed by invalid user admin{i} 203.0.113.9 port {40000 + i} [preauth]");
        }

        lines.Add("Dec  2 07:00:14 web1 sshd[300]: Failed publickey for alice from 198.51.100.7 port 51000 ssh2: ED25519 SHA256:abc");
        lines.Add("Dec  2 07:00:20 web1 sshd[400]: Did not receive identification string from 192.0.2.1 port 1234");

        var report = SshLog.Analyze(Journal([.. lines]));

        report.Kind.Should().Be(LogKind.Server);
        report.Findings[0].Slug.Should().Be("authorized-keys-permissions");
        report.Main!.Connection!.ClientAddress.Should().Be("198.51.100.7");
        report.Sessions.Count(s => s.Connection?.Noise == true).Should().Be(7, because: "six brute-force attempts and one scanner");
        report.Summary.Should().Contain("set apart");
    }

    [Test]
    public void KeepsABoundedNumberOfRecordsHoweverLongTheLog()
    {
        // Months of auth.log: the records are diagnosed as they close and only the last few thousand kept, so memory stays flat.
        static IEnumerable<SshEvent> Lines()
        {
            for (var i = 0; i < 12_000; i++)
            {
                var text = $"Dec  2 07:00:00 web1 sshd[{1000 + i}]: Failed password for invalid user u{i} from 203.0.113.{i % 200} port {1024 + i} ssh2";
                foreach (var e in SshdLog.Parse(text))
                {
                    yield return e;
                }
            }
        }

        var report = SshdLog.Analyze(Lines(), "auth.log");

        report.Sessions.Count.Should().BeLessThanOrEqualTo(5_000);
        report.Summary.Should().Contain("let go");
        report.Findings[0].Slug.Should().Be("invalid-user");
    }

    /// <summary>
    /// sshd's log cut while the connection was still open (sshd stopped, or the log copied too early): the record has only the
    /// connection and the key sshd found in authorized_keys, no user; the key's fingerprint still joins it with the client.
    /// </summary>
    [Test]
    public void JoinsARecordCutBeforeItsUserByTheKeyFoundInAuthorizedKeys()
    {
        var directory = Repo.Path("tests", "fixtures", "lab", "key-too-open");
        var lines = File.ReadAllLines(Path.Combine(directory, "server.log"))
            .Where(l => !l.StartsWith("Postponed", StringComparison.Ordinal) && !l.StartsWith("Connection closed", StringComparison.Ordinal));
        var server = SshdLog.Analyze(string.Join('\n', lines), "server.log");
        var client = SshLog.Analyze(File.ReadAllText(Path.Combine(directory, "client.log")), "client.log");

        server.Sessions.Should().Contain(s => s.Connection != null && s.Connection.Fingerprints.Count == 1);
        var joined = SshLog.Join(client, server);

        joined.Join!.ServerSession.Should().NotBeNull();
        joined.Join.MatchedOn.Should().Contain("key fingerprint");
        joined.Findings[0].Slug.Should().Be("key-permissions-too-open", "the client's cause stays first: sshd's record says nothing more");
    }

    [Test]
    public void JoinsThePostAuthenticationChildToItsConnectionByTheClientsPort()
    {
        var report = SshLog.Analyze(Journal(
            "Dec  2 07:00:00 web1 sshd[300]: Connection from 198.51.100.7 port 51000 on 10.0.0.1 port 22",
            "Dec  2 07:00:01 web1 sshd[300]: Accepted publickey for alice from 198.51.100.7 port 51000 ssh2: ED25519 SHA256:abc",
            "Dec  2 07:00:02 web1 sshd[301]: Received disconnect from 198.51.100.7 port 51000:11: disconnected by user",
            "Dec  2 07:00:02 web1 sshd[301]: Disconnected from user alice 198.51.100.7 port 51000"));

        report.Sessions.Should().ContainSingle();
        report.Outcome.Should().Be(Outcome.Succeeded);
        report.Main!.LastLine.Should().Be(4);
    }

    [Test]
    public void StartsANewRecordWhenAReusedPidNamesAnotherClient()
    {
        var report = SshdLog.Analyze(Journal(
            "Dec  2 07:00:00 web1 sshd[300]: Accepted publickey for alice from 198.51.100.7 port 51000 ssh2: ED25519 SHA256:abc",
            "Dec  2 09:00:00 web1 sshd[300]: Invalid user bob from 203.0.113.9 port 4711"));

        report.Sessions.Should().HaveCount(2);
        report.Sessions.Select(s => s.Findings[0].Slug).Should().Equal("success", "invalid-user");
    }

    [Test]
    public void StartsANewRecordAtEachConnectionWhenTheLogHasNoPids()
    {
        var report = SshdLog.Analyze(Journal(
            "Server listening on 127.0.0.1 port 2222.",
            "Connection from 127.0.0.1 port 1001 on 127.0.0.1 port 2222",
            "Accepted publickey for alice from 127.0.0.1 port 1001 ssh2: ED25519 SHA256:abc",
            "Connection from 127.0.0.1 port 1002 on 127.0.0.1 port 2222",
            "User bob from 127.0.0.1 not allowed because not listed in AllowUsers",
            "Connection closed by invalid user bob 127.0.0.1 port 1002 [preauth]"));

        report.Sessions.Where(s => s.Connection is not null).Should().HaveCount(2);
        report.Findings[0].Slug.Should().Be("user-not-allowed", because: "the last attempt with a verdict is the one a paste is about");
    }

    [Test]
    public void ReportsSshdThatDidNotStartOverTheConnectionsBeforeIt()
    {
        var report = SshdLog.Analyze(Journal(
            "Dec  2 07:00:00 web1 sshd[300]: Accepted publickey for alice from 198.51.100.7 port 51000 ssh2: ED25519 SHA256:abc",
            "Dec  2 07:05:00 web1 sshd[900]: /etc/ssh/sshd_config: line 31: Bad configuration option: PermitRootLogn",
            "Dec  2 07:05:00 web1 sshd[900]: /etc/ssh/sshd_config: terminating, 1 bad configuration options",
            "Dec  2 07:05:00 web1 systemd[1]: ssh.service: Main process exited, code=exited, status=255/EXCEPTION"));

        report.Phase.Should().Be(Phase.Startup);
        report.Findings[0].Slug.Should().Be("sshd-config-error");
        report.Findings[0].Fixes.Select(f => f.Command).Should().Contain("sed -n '31p' /etc/ssh/sshd_config");
    }

    // The lab proves "Cannot assign requested address" (sshd-listen-failed); the other reasons are the system's, in sshd's wording.
    [TestCase("Address already in use", "port 22 is already taken", "ss -ltnp 'sport = :22'", TestName = "listen: the port is taken")]
    [TestCase("Cannot assign requested address", "ListenAddress", "sshd -T | grep -i '^listenaddress'; ip -brief address", TestName = "listen: no such address")]
    [TestCase("Permission denied", "may not listen on port 22", "semanage port -a -t ssh_port_t -p tcp 22", TestName = "listen: SELinux or not root")]
    [TestCase("Address family not supported by protocol", "could not listen on any address", "sshd -T | grep -Ei '^(port|listenaddress) '", TestName = "listen: another reason")]
    public void ReportsSshdThatCouldNotListenWithTheReasonsOwnFix(string reason, string title, string command)
    {
        var report = SshdLog.Analyze(Journal(
            "Dec  2 07:05:00 web1 systemd[1]: Starting ssh.service - OpenBSD Secure Shell server...",
            $"Dec  2 07:05:00 web1 sshd[900]: error: Bind to port 22 on 0.0.0.0 failed: {reason}.",
            $"Dec  2 07:05:00 web1 sshd[900]: error: Bind to port 22 on :: failed: {reason}.",
            "Dec  2 07:05:00 web1 sshd[900]: fatal: Cannot bind any address.",
            "Dec  2 07:05:00 web1 systemd[1]: ssh.service: Main process exited, code=exited, status=255/EXCEPTION"));

        report.Kind.Should().Be(LogKind.Server);
        report.Phase.Should().Be(Phase.Startup);
        report.Outcome.Should().Be(Outcome.Failed);
        var finding = report.Findings[0];
        finding.Slug.Should().Be("sshd-config-error");
        finding.Title.Should().Contain(title);
        finding.Message.ToString().Should().Contain($"0.0.0.0 port 22, :: port 22 ({reason})");
        finding.Evidence.Select(e => e.Line).Should().Equal(2, 3, 4);
        finding.Fixes[0].Command.Should().Be(command);
    }

    [Test]
    public void ReadsSshdsOwnOutputWithoutTagsAsSshdsLog()
    {
        // what 'sshd -D -E FILE' (or sshd on a terminal) writes: no log system's envelope, no level
        var report = SshLog.Analyze("Bind to port 2222 on 127.0.0.1 failed: Address already in use.\nCannot bind any address.\n");

        report.Kind.Should().Be(LogKind.Server);
        report.Findings[0].Title.Should().Be("sshd did not start: port 2222 is already taken");
    }

    [Test]
    public void AnAddressThatFailsWhileAnotherListensIsNotAFailure()
    {
        // IPv4 and IPv6 on one socket (bindv6only=0): the :: bind fails, sshd runs on 0.0.0.0 as before.
        var report = SshdLog.Analyze(Journal(
            "Dec  2 07:05:00 web1 sshd[900]: Server listening on 0.0.0.0 port 22.",
            "Dec  2 07:05:00 web1 sshd[900]: error: Bind to port 22 on :: failed: Address already in use.",
            "Dec  2 07:05:01 web1 sshd[901]: Connection from 198.51.100.7 port 51000 on 10.0.0.1 port 22",
            "Dec  2 07:05:01 web1 sshd[901]: Accepted publickey for alice from 198.51.100.7 port 51000 ssh2: ED25519 SHA256:abc"));

        report.Sessions.SelectMany(s => s.Findings).Should().NotContain(f => f.Slug == "sshd-config-error");
        report.Findings[0].Slug.Should().Be("success");
    }

    [Test]
    public void OnlyTheLastStartsAddressesCountWhenSshdGivesUp()
    {
        // An earlier start failed on one address and listened on another; the next start gives up on a new address.
        var report = SshdLog.Analyze(Journal(
            "Dec  2 07:00:00 web1 sshd[800]: error: Bind to port 22 on :: failed: Address already in use.",
            "Dec  2 07:00:00 web1 sshd[800]: Server listening on 0.0.0.0 port 22.",
            "Dec  2 07:05:00 web1 sshd[800]: Received signal 15; terminating.",
            "Dec  2 07:05:01 web1 sshd[900]: error: Bind to port 22 on 10.0.0.9 failed: Cannot assign requested address.",
            "Dec  2 07:05:01 web1 sshd[900]: fatal: Cannot bind any address."));

        var finding = report.Findings[0];
        finding.Slug.Should().Be("sshd-config-error");
        finding.Evidence.Select(e => e.Line).Should().Equal(4, 5);
        finding.Message.ToString().Should().Contain("10.0.0.9 port 22 (Cannot assign requested address)").And.NotContain("::");
    }

    [TestCase("fatal: Timeout before authentication for 198.51.100.7 port 51000", TestName = "sshd 7.4 to 9.7, in the connection's process")]
    [TestCase("Timeout before authentication for 198.51.100.7, pid = 300", TestName = "sshd 10.x, in the listener, naming the connection's process")]
    public void DiagnosesALoginGraceTimeoutInEachReleasesWording(string line)
    {
        // The lab's sshd (Debian 9.2, with the CVE-2024-6387 fix) exits on LoginGraceTime without logging: the wording comes from the catalog.
        var report = SshdLog.Analyze(Journal(
            "Dec  2 07:00:00 web1 sshd[100]: Server listening on 0.0.0.0 port 22.",
            "Dec  2 07:00:01 web1 sshd[300]: Connection from 198.51.100.7 port 51000 on 10.0.0.1 port 22",
            $"Dec  2 07:02:01 web1 sshd[{(line.Contains("pid", StringComparison.Ordinal) ? 100 : 300)}]: {line}"));

        report.Findings[0].Slug.Should().Be("login-grace-timeout");
        report.Main!.Connection!.ClientPort.Should().Be(51000);
    }

    private static IEnumerable<TestCaseData> VersionServerLogs() =>
        Directory.GetFiles(Repo.Path("tests", "fixtures", "versions"), "*.sshd.log", SearchOption.AllDirectories).Order()
            .Select(f => new TestCaseData(f).SetArgDisplayNames(Path.GetFileName(Path.GetDirectoryName(f)) + "/" + Path.GetFileName(f)));

    /// <summary>The server finding each versions/ scenario's sshd log proves (sshd -ddd output of OpenSSH 7.4p1 and 10.5p1).</summary>
    private static readonly Dictionary<string, string> VersionServerSlugs = new()
    {
        ["account-expired"] = "account-expired",
        ["agent-refused"] = "key-accepted-not-signed",
        ["auth-ok-then-closed-forcecommand"] = "forced-command",
        ["certificate-expired"] = "certificate-invalid",
        ["certificate-wrong-principal"] = "certificate-invalid",
        ["chroot-bad-ownership"] = "chroot-permissions",
        ["deny-users"] = "user-not-allowed",
        ["encrypted-key-batchmode"] = "key-accepted-not-signed",
        ["exchange-identification-closed-maxstartups"] = "max-startups",
        ["kex-mismatch"] = "kex-algorithm-mismatch",
        ["key-rejected-server-strictmodes"] = "authorized-keys-permissions",
        ["key-rejected"] = "key-not-authorized",
        ["mac-mismatch"] = "mac-mismatch",
        ["pubkey-sha1-only-server"] = "pubkey-algorithm-refused",
        ["success-pubkey"] = "success",
        ["too-many-auth-failures"] = "too-many-auth-failures",
        ["user-shell-missing"] = "shell-missing",
        ["user-unknown"] = "invalid-user",
    };

    [TestCaseSource(nameof(VersionServerLogs))]
    public void ReadsTheDebugLogsOfOtherSshdReleases(string path)
    {
        var report = SshLog.Analyze(File.ReadAllText(path), path);
        var scenario = Path.GetFileName(path)[..^".sshd.log".Length];
        if (scenario.StartsWith("dropbear", StringComparison.Ordinal) || File.ReadLines(path).First().Contains("paramiko", StringComparison.Ordinal))
        {
            report.Kind.Should().Be(LogKind.Client, because: "dropbear's and paramiko's server logs are not sshd's");
            return;
        }

        report.Kind.Should().Be(LogKind.Server);
        report.Main.Should().NotBeNull();
        if (VersionServerSlugs.TryGetValue(scenario, out var slug))
        {
            report.Findings.Select(f => f.Slug).FirstOrDefault().Should().Be(slug);
        }
    }
}
