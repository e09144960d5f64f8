using LogLens.Findings;
using LogLens.Tests.Support;

namespace LogLens.Tests.Rules.Local;

/// <summary>Reads lab logs and finds a rule's finding in a report.</summary>
internal static class LocalRuleAssertions
{
    public static string Lab(string scenario) => File.ReadAllText(Repo.Path("tests", "fixtures", "lab", scenario, "client.log"));

    public static Finding? Find(string log, string slug) => SshLog.Analyze(log).Findings.FirstOrDefault(f => f.Slug == slug);

    public static string Log(params string[] lines) => string.Join("\n", lines);
}
