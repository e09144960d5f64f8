using System.Globalization;
using LogLens.Tests.Support;

namespace LogLens.Tests.Analysis;

/// <summary>
/// Time ssh spends waiting for the user (the host-key question, a password, the interactive session) is no slow step and
/// no part of a phase's duration. The lab logs are given arrival times as live mode would, with a pause before one line.
/// </summary>
public class UserWaitTests
{
    [Test]
    public void ASlowlyTypedPasswordIsNoSlowStep()
    {
        var report = Analyze("password-wrong-retry", "we sent a password packet", seconds: 20);
        Slugs(report).Should().NotContain("slow-step");
        report.Main!.Timings.Single(t => t.Phase == Findings.Phase.Authentication).Duration.Should().BeLessThan(TimeSpan.FromSeconds(1));
    }

    [Test]
    public void AServerThatIsSlowToAnswerStillIsOne()
    {
        var report = Analyze("password-wrong-retry", "Authentications that can continue: publickey,password", seconds: 6);
        Slugs(report).Should().Contain("slow-step");
    }

    [Test]
    public void AnInteractiveSessionIsNoSlowStep()
    {
        var report = Analyze("success-key", "Sending command: echo lab-ok", seconds: 600);
        Slugs(report).Should().Equal("success");
        report.Main!.Timings.Sum(t => t.Duration.TotalSeconds).Should().BeLessThan(5, "the 600 s in the session are the user's");
    }

    [Test]
    public void ARemoteCommandThatRunsLongIsStillTimed()
    {
        var report = Analyze("success-key", "exit-status", seconds: 6);
        Slugs(report).Should().Contain("slow-step");
    }

    [Test]
    public void AHostKeyQuestionAnsweredNoIsNotCalledUnasked()
    {
        var report = Analyze("hostkey-unknown-batch", "Host key verification failed.", seconds: 8);
        var finding = report.Findings.Single(f => f.Slug == "host-key-unknown");
        finding.Message.Should().Contain("asked on the terminal").And.NotContain("not allowed to ask");
        Slugs(report).Should().NotContain("slow-step");
    }

    [Test]
    public void AHostKeyFailureWithoutAPauseStaysUnasked()
    {
        var report = Analyze("hostkey-unknown-batch", "Host key verification failed.", seconds: 0);
        report.Findings.Single(f => f.Slug == "host-key-unknown").Message.Should().Contain("not allowed to ask");
    }

    /// <summary>The lab log with an ISO time on every line, 10 ms apart, and a pause before the first line containing <paramref name="before"/>.</summary>
    private static LogLens.Analysis.Report Analyze(string scenario, string before, int seconds)
    {
        var lines = File.ReadAllLines(Repo.Path("tests", "fixtures", "lab", scenario, "client.log"));
        var time = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var paused = false;
        var stamped = new List<string>();
        foreach (var line in lines)
        {
            if (!paused && line.Contains(before, StringComparison.Ordinal))
            {
                time += TimeSpan.FromSeconds(seconds);
                paused = true;
            }

            time += TimeSpan.FromMilliseconds(10);
            stamped.Add(time.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) + " " + line);
        }

        paused.Should().BeTrue($"the log has a line with '{before}'");
        return SshLog.Analyze(string.Join('\n', stamped), scenario);
    }

    private static List<string> Slugs(LogLens.Analysis.Report report) => [.. report.Findings.Select(f => f.Slug)];
}
