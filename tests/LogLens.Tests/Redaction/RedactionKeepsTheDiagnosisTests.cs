using LogLens.Analysis;
using LogLens.Redaction;
using LogLens.Tests.Support;

namespace LogLens.Tests.Redaction;

/// <summary>
/// Redaction changes no diagnosis: every lab log, every sample and every dev-set log (when <c>../shared/devset</c> is
/// beside the repository) gives the same outcome, the same finding slugs in the same order and the same fixes once the
/// original's personal values are mapped to their placeholders.
/// </summary>
[Category("Robustness")]
public class RedactionKeepsTheDiagnosisTests
{
    /// <summary>The dev set: real logs from forums and issue trackers, kept beside the repository, never in it.</summary>
    private static string DevSetDirectory =>
        Environment.GetEnvironmentVariable("LOGLENS_DEVSET_DIR") is { Length: > 0 } dir ? dir : Repo.Path("..", "shared", "devset");

    private static IEnumerable<TestCaseData> LabLogs() =>
        Repo.LabScenarios().Select(s => new TestCaseData(s.ClientLog).SetArgDisplayNames("lab/" + s.Name))
            .Concat(Directory.EnumerateFiles(Repo.Path("samples", "logs"), "*.log").Order(StringComparer.Ordinal)
                .Select(f => new TestCaseData(f).SetArgDisplayNames("samples/" + Path.GetFileNameWithoutExtension(f))));

    private static IEnumerable<TestCaseData> DevSetLogs()
    {
        if (!Directory.Exists(DevSetDirectory))
        {
            return [new TestCaseData((string?)null).SetArgDisplayNames("devset-absent")];
        }

        return Directory.EnumerateFiles(DevSetDirectory, "*.log").Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData((string?)f).SetArgDisplayNames("devset/" + Path.GetFileNameWithoutExtension(f)));
    }

    [TestCaseSource(nameof(LabLogs))]
    public void LabLogDiagnosesAlikeAfterRedaction(string path) => ShouldDiagnoseAlike(path);

    [TestCaseSource(nameof(DevSetLogs))]
    public void DevSetLogDiagnosesAlikeAfterRedaction(string? path)
    {
        if (path is null)
        {
            Assert.Ignore($"the dev set is not at {DevSetDirectory}");
        }

        ShouldDiagnoseAlike(path);
    }

    private static void ShouldDiagnoseAlike(string path)
    {
        var original = File.ReadAllText(path);
        var redactor = new Redactor();
        var redacted = new StringWriter();
        SshLog.Redact(() => new StringReader(original), redacted, redactor);
        var before = SshLog.Analyze(original, "log");
        var after = SshLog.Analyze(redacted.ToString(), "log");

        var because = $"was [{string.Join(", ", before.Findings.Select(f => f.Slug))}], now [{string.Join(", ", after.Findings.Select(f => f.Slug))}]";
        after.Outcome.Should().Be(before.Outcome, because);
        after.Findings.Select(f => f.Slug).Should().Equal(before.Findings.Select(f => f.Slug), because);
        Fixes(after).Should().Equal(Fixes(before).Select(redactor.Redact), "the fixes are the original's with its personal values replaced");
    }

    private static IEnumerable<string> Fixes(Report report) =>
        report.Findings.SelectMany(f => f.Fixes.Select(x => $"{f.Slug}: {x.Description} | {x.Command}"));
}
