using System.IO.Pipes;
using LogLens.Cli.Live;
using LogLens.Tests.Support;

namespace LogLens.Tests.Cli.Live;

/// <summary>
/// Live input stamps each line with the time it arrived, not the time the analysis gets to it: on a busy machine the
/// analysis lags behind the input, and a lag must not read as a slow step of ssh's.
/// </summary>
public class LiveInputTests
{
    [Test]
    public void LinesKeepTheirArrivalTimeWhenTheAnalysisReadsThemLater()
    {
        var clock = new FakeClock();
        var start = clock.GetUtcNow();
        using var server = new AnonymousPipeServerStream(PipeDirection.Out);
        using var client = new AnonymousPipeClientStream(PipeDirection.In, server.ClientSafePipeHandle);
        using var writer = new StreamWriter(server) { AutoFlush = true };
        using var echoed = new SemaphoreSlim(0);
        using var input = new LiveInput(new StreamReader(client), new LiveWatch(clock, notices: null), _ => echoed.Release(), clock, CancellationToken.None);

        writer.WriteLine("debug1: Reading configuration data /dev/null");
        echoed.Wait(TimeSpan.FromSeconds(20)).Should().BeTrue("the input thread reads the line as it arrives");
        clock.Advance(TimeSpan.FromSeconds(10));
        writer.WriteLine("debug1: Connection established.");
        echoed.Wait(TimeSpan.FromSeconds(20)).Should().BeTrue();
        clock.Advance(TimeSpan.FromSeconds(30));
        writer.Close();

        // The analysis starts only now, 40 s after the first line arrived.
        var times = SshLog.ReadEvents(input, input.Arrivals).Select(e => e.Timestamp).ToList();

        times.Should().Equal(start, start + TimeSpan.FromSeconds(10));
    }
}
