using LogLens.Cli.Live;
using LogLens.Tests.Support;

namespace LogLens.Tests.Cli.Live;

/// <summary>The waiting notices of live mode, with a clock the tests move: no sleeping.</summary>
public class LiveWatchTests
{
    private static readonly object[] NetworkWaits =
    [
        new object[] { "debug1: Connecting to example.org [192.0.2.7] port 22.", "the TCP connection to 192.0.2.7 port 22" },
        new object[] { "debug1: Local version string SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u10", "the server's banner" },
        new object[] { "debug1: SSH2_MSG_KEXINIT sent", "the server's key exchange offer (KEXINIT)" },
        new object[] { "debug1: expecting SSH2_MSG_KEX_ECDH_REPLY", "the server's KEX reply (SSH2_MSG_KEX_ECDH_REPLY)" },
        new object[] { "debug1: SSH2_MSG_SERVICE_ACCEPT received", "the server's first answer to authentication" },
        new object[] { "debug1: Offering public key: /home/me/.ssh/id_ed25519 ED25519 SHA256:abc explicit", "the server's answer to the key offered" },
        new object[] { "debug2: we sent a password packet, wait for reply", "the server's answer to the password" },
    ];

    private static readonly string[] UserWaits =
    [
        "debug1: Server host key: ssh-ed25519 SHA256:ENSkXWu0RNHFo2kDthrgdwLdjKXrJysIUIH/G9x8Onw",
        "debug1: Next authentication method: password",
        "debug1: Next authentication method: keyboard-interactive",
        "debug1: Server accepts key: /home/me/.ssh/id_ed25519 ED25519 SHA256:abc explicit",
        "debug1: Trying private key: /home/me/.ssh/id_rsa",
        "debug1: Entering interactive session.",
    ];

    [TestCaseSource(nameof(NetworkWaits))]
    public void AnnouncesASilenceInANetworkPhaseAfterFiveSeconds(string line, string what)
    {
        var (clock, watch, notices) = Watch();
        watch.Observe("debug1: Reading configuration data /dev/null");
        watch.Observe(line);
        clock.Advance(TimeSpan.FromSeconds(4));
        watch.Check().Should().BeNull();
        clock.Advance(TimeSpan.FromSeconds(1));
        watch.Check().Should().StartWith($"loglens: ssh has been waiting 5 s for {what}").And.Contain("since line 2");
        notices.ToString().Should().Contain($"waiting 5 s for {what}");
    }

    [TestCaseSource(nameof(UserWaits))]
    public void NeverAnnouncesAWaitForTheUser(string line)
    {
        var (clock, watch, notices) = Watch();
        watch.Observe("debug1: SSH2_MSG_SERVICE_ACCEPT received");
        watch.Observe(line);
        clock.Advance(TimeSpan.FromMinutes(3));
        watch.Check().Should().BeNull();
        notices.ToString().Should().BeEmpty();
    }

    [Test]
    public void LooksBackOverTraceLinesForWhatSshWaitsFor()
    {
        var (clock, watch, _) = Watch();
        watch.Observe("debug1: expecting SSH2_MSG_KEX_ECDH_REPLY");
        watch.Observe("debug3: receive packet: type 20");
        watch.Observe("debug3: send packet: type 30");
        clock.Advance(TimeSpan.FromSeconds(6));
        watch.Check().Should().Contain("the server's KEX reply");
    }

    [Test]
    public void RepeatsTheNoticeEachTimeTheSilenceDoubles()
    {
        var (clock, watch, notices) = Watch();
        watch.Observe("debug1: Local version string SSH-2.0-OpenSSH_9.2p1");
        var said = new List<string>();
        for (var second = 1; second <= 45; second++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            if (watch.Check() is { } notice)
            {
                said.Add(notice);
            }
        }

        said.Select(n => n.Split(" s for ")[0]).Should().Equal(
            "loglens: ssh has been waiting 5", "loglens: ssh has been waiting 10", "loglens: ssh has been waiting 20", "loglens: ssh has been waiting 40");
        notices.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(4);
    }

    [Test]
    public void StartsOverWhenALineArrives()
    {
        var (clock, watch, _) = Watch();
        watch.Observe("debug1: Connecting to example.org [192.0.2.7] port 22.");
        clock.Advance(TimeSpan.FromSeconds(4));
        watch.Observe("debug1: Connection established.");
        clock.Advance(TimeSpan.FromSeconds(4));
        watch.Check().Should().BeNull();
    }

    [Test]
    public void SaysWhatSshWasWaitingForWhenInterrupted()
    {
        var (clock, watch, _) = Watch();
        watch.Observe("debug1: expecting SSH2_MSG_KEX_ECDH_REPLY");
        clock.Advance(TimeSpan.FromSeconds(12));
        watch.Summary(interrupted: true).Should().Be("loglens: interrupted: ssh has been waiting 12 s for the server's KEX reply (SSH2_MSG_KEX_ECDH_REPLY).");
    }

    [Test]
    public void CallsAWaitForTheUserByItsName()
    {
        var (clock, watch, _) = Watch();
        watch.Observe("debug1: Next authentication method: password");
        clock.Advance(TimeSpan.FromSeconds(30));
        watch.Summary(interrupted: true).Should().Contain("waiting 30 s for your password: a wait for you, not for the network");
    }

    [Test]
    public void SaysNothingWhenSshEndedRightAfterItsLastLine()
    {
        var (_, watch, _) = Watch();
        watch.Observe("debug1: Local version string SSH-2.0-OpenSSH_9.2p1");
        watch.Summary(interrupted: false).Should().BeNull();
    }

    private static (FakeClock Clock, LiveWatch Watch, StringWriter Notices) Watch()
    {
        var clock = new FakeClock();
        var notices = new StringWriter();
        return (clock, new LiveWatch(clock, notices), notices);
    }
}
