using LogLens.Tests.Support;

namespace LogLens.Tests.Rules.Connect;

public class ProxyFailureRuleTests
{
    private static string Lab(string scenario) => File.ReadAllText(Repo.Path("tests", "fixtures", "lab", scenario, "client.log"));

    [Test]
    public void NamesTheRefusingHopInTheHopRefusedLab()
    {
        var report = SshLog.Analyze(Lab("proxyjump-hop-refused"));
        var finding = report.Findings[0];
        finding.Slug.Should().Be("proxy-failure");
        finding.Message.Should().Contain("jump host 127.0.0.1 port 42208").And.Contain("Connection refused");
        finding.Fixes.Should().Contain(f => f.Command == "ssh -v -p 42208 llab@127.0.0.1");
        finding.Evidence.Select(e => e.Line).Should().Contain([32, 34]);
        report.Findings.Should().NotContain(f => f.Slug == "connection-refused" || f.Slug == "exchange-identification-closed");
    }

    [Test]
    public void SaysTheHopCouldNotReachTheTargetInTheTargetRefusedLab()
    {
        var finding = SshLog.Analyze(Lab("proxyjump-target-refused")).Findings[0];
        finding.Slug.Should().Be("proxy-failure");
        finding.Message.Should().Contain("could not open a connection to 127.0.0.1 port 42211");
        finding.Fixes.Should().Contain(f => f.Command == "ssh -p 42210 llab@127.0.0.1 nc -vz 127.0.0.1 42211");
    }

    [Test]
    public void SeesTheHopInALogCutAfterTheHopsBanner()
    {
        // The paste starts in the middle of the hop's output: its login is in the log, the outer banner is not.
        var lines = Lab("proxyjump-target-refused").Split('\n');
        var report = SshLog.Analyze(string.Join('\n', lines[(lines.Length * 3 / 5)..]));
        report.Findings[0].Slug.Should().Be("proxy-failure");
        report.Findings[0].Message.Should().Contain("could not open a connection to the target");
    }

    [Test]
    public void ExplainsAWindowsProxyCommandThatCouldNotStart()
    {
        var finding = SshLog.Analyze(
            "OpenSSH_for_Windows_7.7p1, LibreSSL 2.6.5\n" +
            "debug1: Setting implicit ProxyCommand from ProxyJump: ssh -vvv -W '[%h]:%p' lab-dns\n" +
            "debug1: Executing proxy command: exec ssh -vvv -W '[192.168.10.2]:22' lab-dns\n" +
            "CreateProcessW failed error:2\nposix_spawn: No such file or directory").Findings[0];
        finding.Slug.Should().Be("proxy-failure");
        finding.Message.Should().Contain("could not start");
        finding.Fixes.Should().Contain(f => f.Command != null && f.Command.Contains("ssh.exe -W %h:%p lab-dns", StringComparison.Ordinal));
    }

    [Test]
    public void ExplainsAJumpHostThatForbidsForwarding()
    {
        var finding = SshLog.Analyze("channel 0: open failed: administratively prohibited: open failed\nstdio forwarding failed\nConnection closed by UNKNOWN port 65535").Findings[0];
        finding.Slug.Should().Be("proxy-failure");
        finding.Message.Should().Contain("AllowTcpForwarding");
    }

    [Test]
    public void ReportsABareProxyCloseWithoutVerboseOutput() =>
        SshLog.Analyze("kex_exchange_identification: Connection closed by remote host\nConnection closed by UNKNOWN port 65535").Findings[0].Slug.Should().Be("proxy-failure");

    [Test]
    public void LeavesAChangedHostKeyToTheHostKeyRule() =>
        SshLog.Analyze(
            "@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\n" +
            "ECDSA host key for [127.0.0.1]:2022 has changed and you have requested strict checking.\nHost key verification failed.\n" +
            "kex_exchange_identification: Connection closed by remote host").Findings[0].Slug.Should().Be("host-key-changed");
}
