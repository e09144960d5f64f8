using LogLens.Analysis;
using LogLens.Findings;
using LogLens.Tests.Support;

namespace LogLens.Tests.Rules.HostKeys;

/// <summary>Shared checks for the rule fixtures of the host-key, authentication and session folders.</summary>
internal static class RuleExpectations
{
    public static Report Lab(string scenario) =>
        SshLog.Analyze(File.ReadAllText(Path.Combine(Repo.LabDirectory, scenario, "client.log")), scenario);

    public static Finding FirstFinding(string log, string slug)
    {
        var report = SshLog.Analyze(log);
        report.Findings.Should().NotBeEmpty();
        report.Findings[0].Slug.Should().Be(slug, because: string.Join(", ", report.Findings.Select(f => f.Slug)));
        return report.Findings[0];
    }

    public static void HasNo(string log, string slug) =>
        SshLog.Analyze(log).Sessions.SelectMany(s => s.Findings).Select(f => f.Slug).Should().NotContain(slug);

    public static IEnumerable<string> Commands(Finding finding) => finding.Fixes.Select(f => f.Command ?? string.Empty);

    public static TestCaseData Case(string name, params string[] lines) =>
        new TestCaseData(string.Join('\n', lines)).SetArgDisplayNames(name);
}
