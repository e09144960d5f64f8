using LogLens.Events;
using LogLens.Tests.Support;

namespace LogLens.Tests.Robustness;

/// <summary>A log copied from a terminal that wrapped its long lines diagnoses as the original.</summary>
[Category("Robustness")]
public class TerminalWrapTests
{
    private static IEnumerable<TestCaseData> Wrapped() =>
        from scenario in Repo.LabScenarios()
        from width in new[] { 80, 120 }
        select new TestCaseData(scenario, width).SetArgDisplayNames(scenario.Name, width.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [TestCaseSource(nameof(Wrapped))]
    public void DiagnosesALogWrappedAtTheTerminalWidth(LabScenario scenario, int width)
    {
        var original = SshLog.Analyze(File.ReadAllText(scenario.ClientLog));
        var wrapped = SshLog.Analyze(Fold(File.ReadAllText(scenario.ClientLog), width));
        wrapped.Findings.Select(f => f.Slug).FirstOrDefault().Should().Be(original.Findings.Select(f => f.Slug).FirstOrDefault());
        wrapped.Outcome.Should().Be(original.Outcome);
    }

    [Test]
    public void ReadsAWrappedLineAsOneMessageAndMarksItsContinuation()
    {
        var line = "sign_and_send_pubkey: signing failed for ED25519 \"/home/me/.ssh/id_ed25519\" from agent: agent refused operation";
        var events = SshLog.Parse(Fold(line, 80).TrimEnd('\n')).ToList();
        events.Should().HaveCount(2);
        events[0].Should().BeOfType<SigningFailed>().Which.Reason.Should().Be("agent refused operation");
        events[1].Should().BeOfType<WrappedContinuation>().Which.ContinuesLine.Should().Be(1);
    }

    [Test]
    public void DoesNotJoinAShortLineWithTheOutputAfterIt()
    {
        var events = SshLog.Parse("ssh: connect to host 127.0.0.1 port 2222: Connection refused\nbash$ exit").ToList();
        events[0].Should().BeOfType<ConnectFailed>().Which.Reason.Should().Be("Connection refused");
        events[1].Should().BeOfType<Text>();
    }

    /// <summary>As <c>fold -w WIDTH</c>: every line cut into pieces of at most WIDTH characters.</summary>
    private static string Fold(string text, int width)
    {
        var output = new System.Text.StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var rest = line;
            while (rest.Length > width)
            {
                output.Append(rest[..width]).Append('\n');
                rest = rest[width..];
            }

            output.Append(rest).Append('\n');
        }

        return output.ToString();
    }
}
