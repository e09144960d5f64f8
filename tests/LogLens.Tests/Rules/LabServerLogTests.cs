using LogLens.Tests.Support;

namespace LogLens.Tests.Rules;

/// <summary>
/// The lab keeps each sshd's own log next to the client log, with the server-side finding it proves in the
/// manifest (<c>server_slug</c>), and the same log as journald and syslog show it (tests/lab/syslogify.py).
/// With LOGLENS_LAB_DIR set (CI's live lab check) the same tests run on a fresh lab run.
/// </summary>
[Category("Lab")]
public class LabServerLogTests
{
    private static readonly string[] Variants = ["server.journal.log", "server.journal-iso.log", "server.auth.log", "server.secure.log"];

    private static IEnumerable<LabScenario> ScenariosWithAServerSlug() => Repo.LabScenarios().Where(s => s.ServerSlug is not null);

    [Test]
    public void EveryScenarioNamesAServerSlugOrADash()
    {
        foreach (var line in File.ReadLines(Path.Combine(Repo.LabDirectory, "manifest.tsv")).Skip(1).Where(l => l.Length > 0))
        {
            line.Split('\t').Should().HaveCount(7, because: $"every manifest row ends with server_slug: {line}");
        }
    }

    [TestCaseSource(nameof(ScenariosWithAServerSlug))]
    public void KeepsTheServerLogThatProvesTheServerSlug(LabScenario scenario)
    {
        File.Exists(scenario.ServerLog).Should().BeTrue(because: $"{scenario.Name} has the server slug {scenario.ServerSlug}");
    }

    [TestCaseSource(nameof(ScenariosWithAServerSlug))]
    public void KeepsTheServerLogAsJournaldAndSyslogShowIt(LabScenario scenario)
    {
        var messages = File.ReadAllLines(scenario.ServerLog);
        foreach (var variant in Variants)
        {
            var lines = File.ReadAllLines(Path.Combine(Path.GetDirectoryName(scenario.ServerLog)!, variant));
            lines.Should().HaveCount(messages.Length, because: $"{variant} is server.log line by line");
            lines.Zip(messages).Should().OnlyContain(
                p => p.First.EndsWith(": " + p.Second, StringComparison.Ordinal) &&
                     (p.First.Contains(" lab sshd[", StringComparison.Ordinal) || p.First.Contains(" lab sshd-session[", StringComparison.Ordinal)),
                because: $"each line of {variant} is a time, the host lab, sshd[PID] (sshd-session[PID] for a 9.8+ connection's) and the message");
        }
    }
}
