using LogLens.Events;
using LogLens.Findings;
using LogLens.Tests.Support;

namespace LogLens.Tests.Rules;

/// <summary>
/// Every scenario the lab recorded from the real OpenSSH gets its expected diagnosis as the root cause.
/// With LOGLENS_LAB_DIR set (CI's live lab check) the same tests run on a fresh lab run.
/// </summary>
[Category("Lab")]
public class LabDiagnosisTests
{
    private static IEnumerable<LabScenario> Scenarios() => Repo.LabScenarios();

    [TestCaseSource(nameof(Scenarios))]
    public void DiagnosesTheScenarioWithItsExpectedRootCause(LabScenario scenario)
    {
        var report = SshLog.Analyze(File.ReadAllText(scenario.ClientLog), scenario.ClientLog);
        if (scenario.Slug == "-")
        {
            // The client's log alone cannot name the cause (sshd closed the connection without a word): the report stays open, says
            // where to look, and sshd's log names it (ServerLabTests).
            scenario.ServerSlug.Should().NotBeNull(because: $"{scenario.Name} is in the lab for what sshd's log proves");
            report.Outcome.Should().Be(Outcome.Inconclusive);
            report.Findings.Should().NotContain(f => f.Severity == Severity.Error && f.Confidence == Confidence.Certain);
            report.Summary.Should().Contain("sshd's log");
            return;
        }

        report.Findings.Should().NotBeEmpty(because: $"{scenario.Name} should get a diagnosis");
        report.Findings[0].Slug.Should().Be(scenario.Slug, because: $"{scenario.Name}: {string.Join(", ", report.Findings.Select(f => f.Slug))}");
        if (scenario.KilledWhileWaiting)
        {
            // The log stops while ssh waits: the cause is the likely reading of where it stopped, the outcome stays open.
            report.Findings[0].Confidence.Should().Be(Confidence.Likely);
            report.Outcome.Should().Be(Outcome.Inconclusive);
        }
        else
        {
            report.Findings[0].Confidence.Should().Be(Confidence.Certain);
            report.Outcome.Should().Be(scenario.Slug == "success" ? Outcome.Succeeded : Outcome.Failed);
        }

        foreach (var also in scenario.Also)
        {
            report.Findings.Select(f => f.Slug).Should().Contain(also);
        }
    }

    [TestCaseSource(nameof(Scenarios))]
    public void ReadsEveryLineOfTheScenarioIntoOneEvent(LabScenario scenario)
    {
        var lines = File.ReadAllText(scenario.ClientLog).Split('\n').Length;
        var events = SshLog.ReadFile(scenario.ClientLog).ToList();
        events.Select(e => e.Line).Distinct().Count().Should().BeInRange(lines - 1, lines);
    }

    [TestCaseSource(nameof(Scenarios))]
    public void TypesTheDebug1LinesOfTheScenario(LabScenario scenario)
    {
        var debug1 = SshLog.ReadFile(scenario.ClientLog).Where(e => e.Level == DebugLevel.Debug1).ToList();
        var unknown = debug1.Where(e => e is UnknownMessage or Text).Select(e => e.Content).ToList();
        unknown.Should().BeEmpty(because: "every debug1 line of a lab log should get a specific event type");
    }
}
