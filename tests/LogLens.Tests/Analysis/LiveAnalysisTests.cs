using System.Text.Json;
using LogLens.Analysis;
using LogLens.Findings;
using LogLens.Rendering;
using LogLens.Tests.Support;

namespace LogLens.Tests.Analysis;

/// <summary>
/// The live analysis: lines pushed one at a time give the report a whole read gives, the phase is known as soon as the line
/// that shows it arrives, and a stop at a given time says where ssh stood and what it waited for (real lab logs).
/// </summary>
public class LiveAnalysisTests
{
    private static string[] Lines(string scenario) => File.ReadAllLines(Repo.Path("tests", "fixtures", "lab", scenario, "client.log"));

    [TestCaseSource(typeof(Repo), nameof(Repo.LabScenarioCases))]
    public void PushingLineByLineGivesTheReportOfAWholeRead(LabScenario scenario)
    {
        var clock = new FakeClock();
        var text = File.ReadAllText(scenario.ClientLog);
        var live = new LiveAnalysis(scenario.ClientLog, clock);
        foreach (var line in File.ReadAllLines(scenario.ClientLog))
        {
            live.Push(line).Should().ContainSingle();
        }

        var whole = SshLog.Analyze(SshLog.ReadEvents(new StringReader(text), clock), scenario.ClientLog);
        ReportWriter.ToJson(live.Finish()).Should().Be(ReportWriter.ToJson(whole));
    }

    [Test]
    public void ReportsEachPhaseOnTheLineThatEntersIt()
    {
        var live = new LiveAnalysis();
        var changes = new List<(Phase Previous, Phase Phase, int Line, int Pushed)>();
        live.PhaseChanged += (_, e) => changes.Add((e.Previous, e.Phase, e.Line, live.Lines));
        var lines = Lines("key-not-authorized");
        foreach (var line in lines)
        {
            live.Push(line);
        }

        changes.Should().OnlyContain(c => c.Line == c.Pushed, "a phase is reported when its line arrives, not a line later");
        changes.Select(c => c.Phase).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems()
            .And.ContainInOrder(Phase.Connect, Phase.VersionExchange, Phase.Negotiation, Phase.HostKey, Phase.Authentication);
        changes[0].Previous.Should().Be(Phase.Local);
        changes.Skip(1).Select(c => c.Previous).Should().Equal(changes.SkipLast(1).Select(c => c.Phase));
        lines[changes.Single(c => c.Phase == Phase.Connect).Line - 1].Should().Contain("Connecting to");
        live.Phase.Should().Be(Phase.Authentication);
    }

    [Test]
    public void AStopSaysWhereSshStoodAndWhatItWaitedForHowLong()
    {
        var clock = new FakeClock();
        var live = new LiveAnalysis("-", clock);
        foreach (var line in Lines("kex-stalled"))
        {
            live.Push(line);
        }

        live.Phase.Should().Be(Phase.Negotiation);
        live.WaitingFor.Should().Contain("SSH2_MSG_KEX_ECDH_REPLY");
        live.WaitingForUser.Should().BeFalse();
        clock.Advance(TimeSpan.FromSeconds(30));

        var report = live.Finish(clock.GetUtcNow());

        report.Stopped.Should().BeEquivalentTo(new StopInfo(
            clock.GetUtcNow(), Phase.Negotiation, Lines("kex-stalled").Length, TimeSpan.FromSeconds(30), live.WaitingFor, WaitingForUser: false));
        ReportWriter.ToText(report).Should().Contain("stopped at 12:00:30 UTC in negotiation, after line ")
            .And.Contain("ssh had been waiting 30s for the server's KEX reply (SSH2_MSG_KEX_ECDH_REPLY)");
        var json = ReportWriter.ToJson(report);
        JsonDocument.Parse(json).RootElement.GetProperty("stopped").GetProperty("silenceSeconds").GetDouble().Should().Be(30);
        ReportReader.ReadJson(json).Stopped.Should().Be(report.Stopped);
    }

    [Test]
    public void KnowsAWaitForTheUserFromAWaitForTheNetwork()
    {
        var live = new LiveAnalysis();
        foreach (var line in Lines("password-wrong").TakeWhile(l => !l.Contains("Next authentication method: password", StringComparison.Ordinal)))
        {
            live.Push(line);
        }

        live.WaitingForUser.Should().BeFalse();
        live.Push("debug1: Next authentication method: password");
        live.WaitingForUser.Should().BeTrue();
        live.WaitingFor.Should().Be("your password");
        live.Finish(DateTimeOffset.UnixEpoch).Stopped!.WaitingForUser.Should().BeTrue();
    }

    [Test]
    public void ANewSessionStartsFromTheBeginningAndAHopHasItsOwnPhases()
    {
        var live = new LiveAnalysis();
        var changes = new List<PhaseChangedEventArgs>();
        live.PhaseChanged += (_, e) => changes.Add(e);
        foreach (var line in Lines("proxyjump-target-refused"))
        {
            live.Push(line);
        }

        changes.Select(c => c.Session).Distinct().Should().HaveCountGreaterThan(1);
        changes.GroupBy(c => c.Session).Should().OnlyContain(g => g.First().Previous == Phase.Local);
    }

    [Test]
    public void TextOfSeveralLinesIsReadLineByLineAndAFinishedAnalysisTakesNoMore()
    {
        var live = new LiveAnalysis();
        live.Push("OpenSSH_9.2p1 Debian-2+deb12u3, OpenSSL 3.0.15 3 Sep 2024\r\ndebug1: Connecting to example.org [192.0.2.1] port 22.").Should().HaveCount(2);
        live.Lines.Should().Be(2);
        live.Phase.Should().Be(Phase.Connect);
        live.Push("debug1: Connection established.\r\n").Should().ContainSingle().Which.Line.Should().Be(3);
        live.Finish();
        var push = () => live.Push("debug1: more");
        push.Should().Throw<InvalidOperationException>();
    }
}
