using LogLens.Events;

namespace LogLens.Tests.Parsing;

public class SessionTrackerTests
{
    private static List<SshEvent> Events(params string[] lines) => [.. SshLog.Parse(string.Join("\n", lines))];

    [Test]
    public void SplitsAPasteWithThreeAttemptsIntoThreeSessions()
    {
        var attempt = new[]
        {
            "OpenSSH_9.2p1 Debian-2, OpenSSL 3.0.11 19 Sep 2023",
            "debug1: Reading configuration data /etc/ssh/ssh_config",
            "debug1: Connecting to h [10.0.0.1] port 22.",
            "debug1: connect to address 10.0.0.1 port 22: Connection refused",
            "ssh: connect to host h port 22: Connection refused",
            "$ ",
        };
        var events = Events([.. attempt, .. attempt, .. attempt]);
        events.Select(e => e.Session).Distinct().Should().Equal(0, 1, 2);
        events.Where(e => e is ClientVersion).Select(e => e.Session).Should().Equal(0, 1, 2);
    }

    [Test]
    public void KeepsRetriedAddressesOfOneInvocationInOneSession()
    {
        var events = Events(
            "debug1: Connecting to h [10.0.0.1] port 22.",
            "debug1: connect to address 10.0.0.1 port 22: No route to host",
            "debug1: Connecting to h [fd00::1] port 22.",
            "debug1: connect to address fd00::1 port 22: No route to host",
            "ssh: connect to host h port 22: No route to host");
        events.Should().OnlyContain(e => e.Session == 0);
    }

    [Test]
    public void StartsANewSessionForALogCutBeforeItsBanner()
    {
        var events = Events(
            "debug1: Connection established.",
            "debug1: Remote protocol version 2.0, remote software version OpenSSH_9.2",
            "Connection closed by 10.0.0.1 port 22",
            "debug1: Reading configuration data /etc/ssh/ssh_config",
            "debug1: Connecting to h [10.0.0.1] port 22.");
        events.Select(e => e.Session).Should().Equal(0, 0, 0, 1, 1);
    }

    [Test]
    public void LinksAProxyJumpHopToItsParentAndReturnsToTheParentAfterIt()
    {
        var events = Events(
            "OpenSSH_9.2p1 Debian-2, OpenSSL 3.0.11 19 Sep 2023",
            "debug1: Setting implicit ProxyCommand from ProxyJump: ssh -v -W '[%h]:%p' hop",
            "debug1: Executing proxy command: exec ssh -v -W '[10.0.0.2]:22' hop",
            "debug1: Local version string SSH-2.0-OpenSSH_9.2p1",
            "OpenSSH_9.2p1 Debian-2, OpenSSL 3.0.11 19 Sep 2023",
            "debug1: Connecting to hop [10.0.0.1] port 22.",
            "debug1: connect to address 10.0.0.1 port 22: Connection refused",
            "ssh: connect to host hop port 22: Connection refused",
            "kex_exchange_identification: Connection closed by remote host",
            "Connection closed by UNKNOWN port 65535");
        events.Select(e => e.Session).Should().Equal(0, 0, 0, 0, 1, 1, 1, 1, 0, 0);
        events.Where(e => e.Session == 1).Should().OnlyContain(e => e.ParentSession == 0);
        events.Where(e => e.Session == 0).Should().OnlyContain(e => e.ParentSession == null);
    }
}
