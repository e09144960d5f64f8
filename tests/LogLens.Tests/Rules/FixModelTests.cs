using System.Text.Json;
using LogLens.Findings;
using LogLens.Rendering;
using LogLens.Tests.Support;

namespace LogLens.Tests.Rules;

/// <summary>Fixes that cannot contradict the log: where each runs, what the user must fill in, values from the log, nothing refused or destructive.</summary>
public class FixModelTests
{
    private static readonly string[] Programs =
    [
        "ssh", "ssh-keygen", "ssh-keyscan", "ssh-add", "ssh-copy-id", "sudo", "test", "chmod", "chown", "icacls", "cat", "ls", "dir", "grep", "nc", "ping", "ip",
        "ss", "lsof", "kill", "getent", "nslookup", "traceroute", "systemctl", "restorecon", "eval", "export", "setx", "gpg-connect-agent", "sed", "tail",
        "printf", "puttygen", "curl", "Test-NetConnection", "ipconfig", "netstat", "tr", "route", "set", "ssh-agent", "ps", "findstr", "type", "Get-Service",
        "Start-Service", "nmap", "telnet", "dig", "host", "usermod", "passwd", "chage", "journalctl", "getfacl", "stat", "file", "head", "od", "wsl", "scutil",
    ];

    private static IEnumerable<string> Logs() =>
        Directory.GetDirectories(Repo.Path("tests", "fixtures", "lab")).Select(d => Path.Combine(d, "client.log")).Where(File.Exists)
            .Concat(Directory.GetFiles(Repo.Path("samples", "logs"), "*.log"))
            .Concat(Directory.GetFiles(Repo.Path("tests", "fixtures", "versions"), "*.log", SearchOption.AllDirectories).Where(f => !f.EndsWith(".sshd.log", StringComparison.Ordinal)));

    private static IEnumerable<Fix> AllFixes() =>
        Logs().SelectMany(path => SshLog.Analyze(File.ReadAllText(path), path).Sessions.SelectMany(s => s.Findings).SelectMany(f => f.Fixes));

    [TestCase("ssh -p PORT llab@127.0.0.1", true)]
    [TestCase("ssh -i ~/.ssh/KEY llab@127.0.0.1", true)]
    [TestCase("ssh -L LOCAL_PORT:TARGET_HOST:TARGET_PORT h", true)]
    [TestCase("sudo ip link set dev IFACE mtu 1400", true)]
    [TestCase("export SSH_ASKPASS=/usr/bin/ssh-askpass SSH_ASKPASS_REQUIRE=prefer", false)]
    [TestCase("ssh -o HostKeyAlgorithms=+ssh-rsa -p 2222 USERNAME@h", false)]
    [TestCase("chmod go-w $HOME", false)]
    [TestCase("ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub | grep SHA256", false)]
    public void APlaceholderIsAWholeWordFromTheList(string command, bool expected) => Placeholders.In(command).Should().Be(expected);

    [Test]
    public void EveryClientOrServerCommandStartsWithAProgramAndEveryConfigLineNamesItsFile()
    {
        foreach (var fix in AllFixes().Where(f => f.Command is not null).Distinct())
        {
            if (fix.Where == FixLocation.Config)
            {
                fix.File.Should().NotBeNullOrEmpty(fix.Description);
                fix.Command.Should().MatchRegex("^[A-Z][A-Za-z]+ ", "a config line is 'Option value'");
            }
            else
            {
                Programs.Should().Contain(fix.Command!.Split(' ')[0], $"'{fix.Command}' ({fix.Description}) should be a shell command");
            }
        }
    }

    [Test]
    public void NothingWipesEveryAgentKey() =>
        AllFixes().Select(f => f.Command ?? string.Empty).Should().NotContain(c => c.Contains("ssh-add -D", StringComparison.Ordinal));

    [Test]
    public void AFixWhoseDescriptionSaysOnTheServerRunsThere() =>
        AllFixes().Where(f => f.Command is not null && f.Description.StartsWith("On the server", StringComparison.Ordinal))
            .Should().OnlyContain(f => f.Where != FixLocation.Client);

    [Test]
    public void TheJsonReportCarriesWhereAndPlaceholder()
    {
        var report = SshLog.Analyze(File.ReadAllText(Repo.Path("tests", "fixtures", "lab", "password-only-batch", "client.log")));
        var fixes = JsonDocument.Parse(ReportWriter.ToJson(report)).RootElement.GetProperty("findings")[0].GetProperty("fixes").EnumerateArray().ToList();
        foreach (var fix in fixes)
        {
            fix.EnumerateObject().Select(p => p.Name).Should().Contain(["where", "file", "placeholder"]);
        }

        var config = fixes.Single(f => f.GetProperty("where").GetString() == "config");
        config.GetProperty("file").GetString().Should().Be("/etc/ssh/sshd_config");
        config.GetProperty("command").GetString().Should().Be("PubkeyAuthentication yes");
        ReportWriter.ToText(report).Should().Contain("/etc/ssh/sshd_config: PubkeyAuthentication yes").And.NotContain("$ PubkeyAuthentication yes");
    }

    [Test]
    public void TooManyFailuresRemovesOneNamedAgentKeyAndOffersNoPasswordWhereNoneIsTaken()
    {
        var log = string.Join('\n',
            "debug1: Authenticating to h:22 as 'ana'",
            "debug1: Authentications that can continue: publickey",
            "debug1: Offering public key: /home/ana/.ssh/id_rsa RSA SHA256:aaa agent",
            "debug1: Authentications that can continue: publickey",
            "debug1: Offering public key: /home/ana/.ssh/work_ed25519 ED25519 SHA256:bbb agent",
            "Received disconnect from 10.0.0.1 port 22:2: Too many authentication failures",
            "Disconnected from 10.0.0.1 port 22");
        var finding = SshLog.Analyze(log).Findings[0];
        finding.Slug.Should().Be("too-many-auth-failures");
        var commands = finding.Fixes.Select(f => f.Command).ToList();
        commands.Should().Contain("ssh-add -d /home/ana/.ssh/id_rsa").And.NotContain(c => c != null && c.Contains("PubkeyAuthentication=no", StringComparison.Ordinal));
        finding.Fixes.Should().Contain(f => f.Where == FixLocation.Config && f.Command == "MaxAuthTries 10");
    }

    [Test]
    public void ValuesComeFromTheLogEvenWithoutDashV()
    {
        // Plain ssh prints the peer only in its failure lines.
        var closed = SshLog.Analyze("kex_exchange_identification: Connection closed by remote host\nConnection closed by 127.0.0.1 port 42380").Findings[0];
        closed.Fixes.Select(f => f.Command).Should().Contain("nc -v 127.0.0.1 42380");
        var changed = SshLog.Analyze(
            "@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\nOffending ED25519 key in /home/ana/.ssh/known_hosts:3\n" +
            "Host key for [127.0.0.1]:42322 has changed and you have requested strict checking.\nHost key verification failed.").Findings[0];
        changed.Fixes.Select(f => f.Command).Should().Contain("ssh -p 42322 127.0.0.1");
    }

    [Test]
    public void TheForwardIsRepeatedWithTheLogsPortsAndTarget()
    {
        var finding = SshLog.Analyze(File.ReadAllText(Repo.Path("tests", "fixtures", "lab", "forward-target-refused", "client.log"))).Findings[0];
        finding.Fixes.Select(f => f.Command).Should().Contain("ssh -L 42256:127.0.0.1:42257 -p 42255 llab@127.0.0.1");
        finding.Fixes[0].Where.Should().Be(FixLocation.Server);
    }

    [Test]
    public void AForwardThatCouldNotBindKeepsItsTarget() =>
        SshLog.Analyze(File.ReadAllText(Repo.Path("tests", "fixtures", "lab", "local-forward-bound", "client.log"))).Findings[0].Fixes.Select(f => f.Command)
            .Should().Contain("ssh -L 127.0.0.1:OTHER_PORT:127.0.0.1:5432 -p 42252 llab@127.0.0.1");

    [Test]
    public void ConnectionRefusedStartsSshdOnTheServer() =>
        SshLog.Analyze(File.ReadAllText(Repo.Path("tests", "fixtures", "lab", "refused-ipv4", "client.log"))).Findings[0].Fixes
            .Should().Contain(f => f.Where == FixLocation.Server && f.Command == "sudo systemctl enable --now ssh");

    [Test]
    public void AMissingKeyIsNeverReplacedByAnotherMissingOne()
    {
        var finding = SshLog.Analyze(
            "debug1: identity file /home/ana/.ssh/deploy type -1\nWarning: Identity file /home/ana/.ssh/deploy not accessible: No such file or directory.\n" +
            "debug1: Authentications that can continue: publickey\nana@h: Permission denied (publickey).").Findings[0];
        finding.Slug.Should().Be("missing-identity-file");
        finding.Fixes.Select(f => f.Command).Should().Contain("ssh -i PATH_TO_KEY ana@h").And.NotContain(c => c != null && c.Contains("ssh-copy-id", StringComparison.Ordinal));
        finding.Fixes.Single(f => f.Command == "ssh -i PATH_TO_KEY ana@h").HasPlaceholder.Should().BeTrue();
    }
}
