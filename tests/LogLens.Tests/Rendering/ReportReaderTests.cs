using LogLens.Rendering;
using LogLens.Tests.Support;

namespace LogLens.Tests.Rendering;

/// <summary>A <c>loglens.report/1</c> report read back gives the same report: client, sshd and joined reports of every lab scenario.</summary>
public class ReportReaderTests
{
    [TestCaseSource(typeof(Repo), nameof(Repo.LabScenarioCases))]
    public void ReadsBackWhatItWrote(LabScenario scenario)
    {
        foreach (var report in scenario.Reports())
        {
            var json = ReportWriter.ToJson(report);
            var read = ReportReader.ReadJson(json);
            ReportWriter.ToJson(read).Should().Be(json);
            read.Findings.Select(f => f.Slug).Should().Equal(report.Findings.Select(f => f.Slug));
            read.Kind.Should().Be(report.Kind);
        }
    }

    [TestCase("{}")]
    [TestCase("{\"schema\": \"other/1\"}")]
    [TestCase("[1, 2]")]
    [TestCase("not json")]
    public void SaysWhatIsNotAReport(string json)
    {
        var read = () => ReportReader.ReadJson(json);
        read.Should().Throw<FormatException>().WithMessage("*loglens.report/1*");
    }
}
