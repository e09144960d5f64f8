using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using LogLens.Cli;
using LogLens.Cli.Live;
using LogLens.Tests.Support;

namespace LogLens.Tests.Cli;

/// <summary>
/// The real ssh against a server that accepts and never answers (a listener on 127.0.0.1 in this process): loglens says
/// ssh waits for the banner, and Ctrl-C gives the report. Needs /usr/bin/ssh; only loopback is used.
/// </summary>
[Category("Live")]
[NonParallelizable]
public class SilentServerTests
{
    [Test]
    public void SaysSshWaitsForTheBannerAndReportsOnCtrlC()
    {
        if (!File.Exists("/usr/bin/ssh"))
        {
            Assert.Ignore("needs /usr/bin/ssh");
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accepted = new List<Socket>();
        _ = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    accepted.Add(await listener.AcceptSocketAsync().ConfigureAwait(false));
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Stopped at the end of the test.
            }
        });

        var previous = LoglensCommand.Live;
        var clock = new FakeClock();
        var interrupts = Interrupts.Manual();
        LoglensCommand.Live = new LiveSettings(clock, TimeSpan.FromSeconds(1), () => interrupts);
        try
        {
            using var error = new SharedWriter();
            var args = new[]
            {
                "ssh", "--ssh", "/usr/bin/ssh", "--tee", "--", "-F", "/dev/null", "-o", "BatchMode=yes", "-o", "ConnectTimeout=60",
                "-o", "UserKnownHostsFile=/dev/null", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "127.0.0.1", "true",
            };
            var run = Task.Run(() => LoglensCommand.Run(args, TextWriter.Null, error));
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
            while (!error.ToString().Contains("debug1: Local version string", StringComparison.Ordinal))
            {
                DateTime.UtcNow.Should().BeBefore(until, $"ssh should have connected by now; it wrote:\n{error}");
                Thread.Sleep(20);
            }

            clock.Advance(TimeSpan.FromSeconds(6));
            // The notice is written by the timer's callback on the thread pool: wait for it before the interrupt, or a busy
            // machine lets the interrupt win the race.
            while (!error.ToString().Contains("has been waiting 5 s", StringComparison.Ordinal))
            {
                DateTime.UtcNow.Should().BeBefore(until + TimeSpan.FromSeconds(20), $"the waiting notice should have come; loglens wrote:\n{error}");
                Thread.Sleep(20);
            }

            interrupts.Raise(PosixSignal.SIGINT);
            run.Wait(TimeSpan.FromSeconds(30)).Should().BeTrue();
            error.ToString().Should().Contain("loglens: ssh has been waiting 5 s for the server's banner")
                .And.Contain("loglens: interrupted: ssh has been waiting 6 s for the server's banner")
                .And.Contain("banner-timeout: likely: No SSH banner arrived in time")
                .And.NotContain("slow-step");
        }
        finally
        {
            LoglensCommand.Live = previous;
            interrupts.Dispose();
            listener.Stop();
            accepted.ForEach(s => s.Dispose());
        }
    }
}
