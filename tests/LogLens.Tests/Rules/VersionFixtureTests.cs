using LogLens.Tests.Support;

namespace LogLens.Tests.Rules;

/// <summary>
/// Lab logs of two other client builds, OpenSSH 7.4p1 and 10.5p1 (tests/fixtures/versions): every one is diagnosed with the
/// root cause the lab recorded, in that version's wording.
/// </summary>
public class VersionFixtureTests
{
    private static IEnumerable<TestCaseData> Logs()
    {
        foreach (var dir in Directory.GetDirectories(Repo.Path("tests", "fixtures", "versions")).Order(StringComparer.Ordinal))
        {
            var version = Path.GetFileName(dir);
            foreach (var row in File.ReadLines(Path.Combine(dir, "expect.tsv")).Skip(1))
            {
                var cols = row.Split('\t');
                var also = cols.Length > 2 && cols[2].Length > 0 ? cols[2][..cols[2].IndexOf(':', StringComparison.Ordinal)] : null;
                yield return new TestCaseData(Path.Combine(dir, cols[0]), cols[1], also).SetName($"{version} {cols[0]}");
            }
        }
    }

    [TestCaseSource(nameof(Logs))]
    public void DiagnosesTheRootCauseTheLabRecorded(string path, string slug, string? alternative)
    {
        var report = SshLog.Analyze(File.OpenRead(path), path);
        report.Findings.Should().NotBeEmpty();
        // "a|b": the lab accepts either (a MaxStartups drop is a close or a reset, depending on the server's timing).
        string[] accepted = [.. slug.Split('|'), .. alternative is null ? [] : new[] { alternative }];
        report.Findings[0].Slug.Should().BeOneOf(accepted, "the findings were {0}", string.Join(", ", report.Findings.Select(f => f.Slug)));
    }

    [Test]
    public void EveryClientLogHasAnExpectationAndACommand()
    {
        foreach (var dir in Directory.GetDirectories(Repo.Path("tests", "fixtures", "versions")))
        {
            var expected = File.ReadLines(Path.Combine(dir, "expect.tsv")).Skip(1).Select(r => r.Split('\t')[0]).ToHashSet();
            var commands = File.ReadLines(Path.Combine(dir, "commands.tsv")).Skip(1).Select(r => r.Split('\t')[0]).ToHashSet();
            var logs = Directory.GetFiles(dir, "*.log").Select(Path.GetFileName).Where(f => !f!.EndsWith(".sshd.log", StringComparison.Ordinal)).ToList();
            logs.Should().NotBeEmpty().And.OnlyContain(f => expected.Contains(f!) && commands.Contains(f!), "in {0}", dir);
        }
    }
}
