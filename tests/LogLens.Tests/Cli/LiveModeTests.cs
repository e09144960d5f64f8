using System.Runtime.InteropServices;
using System.Text.Json;
using LogLens.Tests.Support;

namespace LogLens.Tests.Cli;

/// <summary>
/// <c>ssh -vvv host 2&gt;&amp;1 | loglens</c> on a server that never answers: standard input is a pipe that stays open, the
/// clock is moved by the test, and Ctrl-C is raised through the same path the signal handler takes.
/// </summary>
[NonParallelizable]
public class LiveModeTests
{
    private static readonly string[] KexStalled = File.ReadAllLines(Repo.Path("tests", "fixtures", "lab", "kex-stalled", "client.log"));

    [Test]
    public void AnnouncesTheSilenceAndReportsOnCtrlC()
    {
        using var live = new LiveScope();
        var run = live.Start("--tee");
        live.Send(KexStalled);
        live.WaitForError("debug1: expecting SSH2_MSG_KEX_ECDH_REPLY");
        live.Clock.Advance(TimeSpan.FromSeconds(6));
        live.WaitForError("loglens: ssh has been waiting 5 s for the server's KEX reply (SSH2_MSG_KEX_ECDH_REPLY)");
        live.Interrupts.Raise(PosixSignal.SIGINT);

        var (exit, output) = Finish(run);
        exit.Should().Be(4, "a signal ended the input before ssh reached a verdict");
        output.Should().StartWith("loglens: interrupted: ssh has been waiting 6 s for the server's KEX reply (SSH2_MSG_KEX_ECDH_REPLY).");
        output.Should().Contain("kex-stalled");
    }

    [Test]
    public void ReportsWhenTheInputEnds()
    {
        using var live = new LiveScope();
        var run = live.Start();
        live.Send(KexStalled);
        live.Clock.Advance(TimeSpan.FromSeconds(1));
        live.Close();

        var (exit, output) = Finish(run);
        exit.Should().Be(2);
        output.Should().Contain("kex-stalled");
    }

    [Test]
    public void KeepsTheVerdictWhenInterruptedAfterIt()
    {
        using var live = new LiveScope();
        var run = live.Start("--tee");
        var refused = File.ReadAllLines(Repo.Path("samples", "logs", "refused-ipv4.log"));
        live.Send(refused);
        live.WaitForError(refused[^1]);
        live.Interrupts.Raise(PosixSignal.SIGTERM);

        var (exit, output) = Finish(run);
        exit.Should().Be(1);
        output.Should().Contain("connection-refused");
    }

    [Test]
    public void NeverAnnouncesAPasswordPrompt()
    {
        using var live = new LiveScope();
        var run = live.Start("--tee");
        var log = File.ReadAllLines(Repo.Path("tests", "fixtures", "lab", "password-wrong-retry", "client.log"));
        var prompt = Array.FindIndex(log, l => l.Contains("Next authentication method: password", StringComparison.Ordinal));
        live.Send(log[..(prompt + 1)]);
        live.WaitForError("Next authentication method: password");
        live.Clock.Advance(TimeSpan.FromMinutes(2));
        live.Interrupts.Raise(PosixSignal.SIGINT);

        var (exit, output) = Finish(run);
        exit.Should().Be(4);
        live.Error.ToString().Should().NotContain("has been waiting");
        output.Should().Contain("waiting 120 s for your password: a wait for you, not for the network").And.NotContain("slow-step");
    }

    [Test]
    public void PutsTheWaitingLineOnStderrWithJson()
    {
        using var live = new LiveScope();
        var run = live.Start("--format", "json", "--tee");
        live.Send(KexStalled);
        live.WaitForError("debug1: expecting SSH2_MSG_KEX_ECDH_REPLY");
        live.Clock.Advance(TimeSpan.FromSeconds(7));
        live.Interrupts.Raise(PosixSignal.SIGHUP);

        var (exit, output) = Finish(run);
        exit.Should().Be(4);
        JsonDocument.Parse(output).RootElement.GetProperty("findings")[0].GetProperty("slug").GetString().Should().Be("kex-stalled");
        live.Error.ToString().Should().Contain("loglens: interrupted: ssh has been waiting 7 s for the server's KEX reply");
    }

    [Test]
    public void EchoesTheLastLineBeforeASilenceAtOnce()
    {
        using var live = new LiveScope();
        var run = live.Start("--tee");
        live.Send(["debug1: Connecting to 192.0.2.7 [192.0.2.7] port 22."]);
        live.WaitForError("debug1: Connecting to 192.0.2.7 [192.0.2.7] port 22.");
        live.Close();
        Finish(run);
    }

    private static (int Exit, string Out) Finish(Task<(int Exit, string Out)> run)
    {
        run.Wait(TimeSpan.FromSeconds(30)).Should().BeTrue("loglens ends once the input ends or is interrupted");
        return run.Result;
    }
}
