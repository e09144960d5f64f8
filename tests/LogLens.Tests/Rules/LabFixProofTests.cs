using System.Text.RegularExpressions;
using LogLens.Tests.Support;

namespace LogLens.Tests.Rules;

/// <summary>
/// The lab's fix proof (<c>tests/lab/run.sh --prove-fixes</c>) applied each scenario's fixes and ran ssh again.
/// A scenario listed in <c>fix-proof.expected.tsv</c> must still be made to work by the same first fix.
/// With LOGLENS_LAB_DIR set (CI's live lab check) the same tests run on a fresh lab run.
/// </summary>
[Category("Lab")]
public class LabFixProofTests
{
    private static readonly string Table = Path.Combine(Repo.LabDirectory, "fix-proof.tsv");

    /// <summary>The rows of fix-proof.expected.tsv: scenario, fix index, and "timing" for a fix whose proof depends on the lab's timing.</summary>
    private static IEnumerable<string[]> ExpectedRows() =>
        File.ReadLines(Repo.Path("tests", "fixtures", "lab", "fix-proof.expected.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'));

    // A timing-dependent proof (a MaxStartups flood that the rerun races) may work or not; it is allowed, never required.
    private static IEnumerable<TestCaseData> Expected() =>
        ExpectedRows().Where(c => c.Length < 3 || c[2] != "timing")
            .Select(c => new TestCaseData(c[0], c[1]).SetName($"TheFirstFixStillWorks({c[0]})"));

    private static Dictionary<string, FixProofRow> Rows()
    {
        File.Exists(Table).Should().BeTrue(because: $"{Table} is written by tests/lab/run.sh --prove-fixes");
        return File.ReadLines(Table).Skip(1).Where(l => l.Length > 0).Select(FixProofRow.Parse).ToDictionary(r => r.Scenario);
    }

    [TestCaseSource(nameof(Expected))]
    public void TheFirstFixStillWorks(string scenario, string fix)
    {
        var rows = Rows();
        rows.Should().ContainKey(scenario);
        var row = rows[scenario];
        // The fix's index is only a hint: a rule may reorder its fixes, as long as the first one applied still works.
        row.Works.Should().Be("yes", because: $"{scenario}: fix {fix} made ssh work; now fix {row.Fix} '{row.Command}' leaves {row.After}: {row.Reason}");
    }

    [Test]
    public void EveryScenarioHasAFixProofRow()
    {
        var rows = Rows();
        Repo.LabScenarios().Select(s => s.Name).Should().BeSubsetOf(rows.Keys);
    }

    [Test]
    public void EveryFixThatDoesNotWorkSaysWhy()
    {
        Rows().Values.Where(r => r.Works is "no" or "n/a")
            .Should().OnlyContain(r => r.Reason.Length > 0 && !r.Reason.StartsWith("after it ssh still fails", StringComparison.Ordinal),
                because: "tests/lab/fix-proof-reasons.tsv should say why each of these cannot be proven in the lab");
    }

    [Test]
    public void EveryFixTheLabProvedIsExpected()
    {
        // A fix that starts working gets into fix-proof.expected.tsv, so that it cannot silently stop again.
        var expected = ExpectedRows().Select(c => c[0]).ToHashSet();
        Rows().Values.Where(r => r.Works == "yes").Select(r => r.Scenario).Should().BeSubsetOf(expected);
    }

    [Test]
    public void TheDocsShowTheCommittedFirstFixSuccessRate()
    {
        var rows = File.ReadLines(Repo.Path("tests", "fixtures", "lab", "fix-proof.tsv")).Skip(1)
            .Where(l => l.Length > 0).Select(FixProofRow.Parse).Where(r => r.Finding != "success").ToList();
        var works = rows.Count(r => r.Works == "yes");
        var docs = File.ReadAllText(Repo.Path("docs", "lab-fixes.md"));
        Regex.IsMatch(docs, $@"\*\*{works} of {rows.Count}\*\*").Should().BeTrue(because: $"docs/lab-fixes.md should say **{works} of {rows.Count}**");
    }

    private sealed record FixProofRow(string Scenario, string Finding, string Fix, string Command, string Works, string After, string Reason)
    {
        // scenario finding fix where command works after first_working reason
        public static FixProofRow Parse(string line)
        {
            var c = line.Split('\t');
            return new FixProofRow(c[0], c[1], c[2], c[4], c[5], c[6], c.Length > 8 ? c[8] : "");
        }
    }
}
