using System.Text.Json;
using LogLens.Tests.Support;

namespace LogLens.Tests.Cli;

/// <summary>Every command and option of loglens, with what it prints and its exit code.</summary>
[NonParallelizable]
public class CommandsTests
{
    private static string Sample(string name) => Repo.Path("samples", "logs", name + ".log");

    [Test]
    public void ListsEveryRule()
    {
        var (exit, output, _) = CliRunner.Run("rules");
        exit.Should().Be(0);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(LogLens.Rules.RuleCatalog.All.Count + LogLens.Rules.RuleCatalog.ServerOnly.Count, because: "the client's rules and those only sshd's log proves");
        lines.Should().Contain(l => l.StartsWith("LL1002  connection-refused", StringComparison.Ordinal) && l.Contains("error") && l.Contains("connect"));
    }

    [TestCase("LL4001")]
    [TestCase("host-key-changed")]
    [TestCase("ll4001")]
    public void ExplainsAFindingByIdOrSlug(string name)
    {
        var (exit, output, _) = CliRunner.Run("explain", name);
        exit.Should().Be(0);
        output.Should().StartWith("# LL4001 host-key-changed").And.Contain("## How to fix it");
    }

    [Test]
    public void SaysWhenThereIsNoSuchFindingToExplain()
    {
        var (exit, _, error) = CliRunner.Run("explain", "LL7777");
        exit.Should().Be(3);
        error.Trim().Should().Be("loglens: no finding 'LL7777' (loglens rules lists them)");
    }

    [Test]
    public void WritesSarifWithRuleMetadataAndOneResultPerFinding()
    {
        var (exit, output, _) = CliRunner.Run("--format", "sarif", Sample("hostkey-changed"));
        exit.Should().Be(1);
        var sarif = JsonDocument.Parse(output).RootElement;
        sarif.GetProperty("version").GetString().Should().Be("2.1.0");
        var run = sarif.GetProperty("runs")[0];
        run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength().Should().Be(LogLens.Rules.RuleCatalog.All.Count + LogLens.Rules.RuleCatalog.ServerOnly.Count);
        var result = run.GetProperty("results")[0];
        result.GetProperty("ruleId").GetString().Should().Be("LL4001");
        result.GetProperty("level").GetString().Should().Be("error");
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        location.GetProperty("artifactLocation").GetProperty("uri").GetString().Should().EndWith("hostkey-changed.log");
        location.GetProperty("region").GetProperty("startLine").GetInt32().Should().BeGreaterThan(0);
    }

    [Test]
    public void NamesStandardInputAsTextAndJsonDoInSarif()
    {
        using var stdin = new StdinScope(File.ReadAllText(Sample("refused-ipv4")));
        var (_, output, _) = CliRunner.Run("--format", "sarif");
        var result = JsonDocument.Parse(output).RootElement.GetProperty("runs")[0].GetProperty("results")[0];
        result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString().Should().Be("-");
    }

    [Test]
    public void GivesEverySarifRuleAHelpUriInTheRepository()
    {
        var repository = System.Xml.Linq.XDocument.Load(Repo.Path("Directory.Build.props")).Descendants("RepositoryUrl").Single().Value;
        var (_, output, _) = CliRunner.Run("--format", "sarif", Sample("refused-ipv4"));
        var rules = JsonDocument.Parse(output).RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules");
        foreach (var rule in rules.EnumerateArray())
        {
            var id = rule.GetProperty("id").GetString();
            rule.GetProperty("helpUri").GetString().Should().Be($"{repository}/blob/main/docs/rules/{id}.md");
            File.Exists(Repo.Path("docs", "rules", $"{id}.md")).Should().BeTrue(because: $"{id}'s helpUri names its page");
        }
    }

    [Test]
    public void ColoursTheTextReportOnlyWhenAsked()
    {
        CliRunner.Run("--color", "always", Sample("refused-ipv4")).Out.Should().Contain("\u001b[31m");
        CliRunner.Run("--color", "never", Sample("refused-ipv4")).Out.Should().NotContain("\u001b[");
        CliRunner.Run(Sample("refused-ipv4")).Out.Should().NotContain("\u001b[", because: "auto colours only a terminal");
    }

    [Test]
    public void ShowsOnlyFindingsAtOrAboveTheChosenSeverity()
    {
        var (exit, output, _) = CliRunner.Run("--format", "json", "--severity", "warning", Sample("success-key"));
        exit.Should().Be(0, because: "the outcome does not change when a finding is hidden");
        JsonDocument.Parse(output).RootElement.GetProperty("findings").GetArrayLength().Should().Be(0, because: "success is an info finding");
        var errors = JsonDocument.Parse(CliRunner.Run("--format", "json", "--severity", "error", Sample("too-many-auth")).Out).RootElement.GetProperty("findings");
        errors.GetArrayLength().Should().BeGreaterThan(0);
        errors.EnumerateArray().Should().OnlyContain(f => f.GetProperty("severity").GetString() == "error");
    }

    [Test]
    public void LeavesOutExcludedFindingsByIdOrSlug()
    {
        var (exit, output, _) = CliRunner.Run("--format", "json", "--exclude", "LL5003,key-rejected", Sample("too-many-auth"));
        exit.Should().Be(1, because: "excluding a finding hides it but does not change the outcome");
        var slugs = JsonDocument.Parse(output).RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("slug").GetString());
        slugs.Should().NotContain("too-many-auth-failures").And.NotContain("key-rejected");
    }

    [Test]
    public void PrintsNothingButTheExitCodeWhenQuiet()
    {
        var (exit, output, error) = CliRunner.Run("--quiet", Sample("refused-ipv4"));
        exit.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().BeEmpty();
    }

    [Test]
    public void PrintsItsVersion()
    {
        var (exit, output, _) = CliRunner.Run("--version");
        exit.Should().Be(0);
        output.Trim().Should().MatchRegex(@"^\d+\.\d+\.\d+");
    }

    [Test]
    public void ShowsHelpWithExamples()
    {
        var (exit, output, _) = CliRunner.Run("--help");
        exit.Should().Be(0);
        output.Should().Contain("ssh -vvv user@host 2>&1 | loglens").And.Contain("--format").And.Contain("Exit codes");
    }

    [Test]
    public void AnalysesStandardInputAndEchoesItWithTee()
    {
        using var stdin = new StdinScope(File.ReadAllText(Sample("refused-ipv4")));
        var (exit, output, error) = CliRunner.Run("--tee");
        exit.Should().Be(1);
        output.Should().StartWith("-: ssh failed at connect");
        error.Should().Contain("ssh: connect to host 127.0.0.1 port 42205: Connection refused");
    }

    [Test]
    public void GivesPhaseDurationsForStampedInput()
    {
        var log = File.ReadAllText(Repo.Path("tests", "fixtures", "lab", "slow-reverse-dns", "client.log"));
        using var stdin = new StdinScope(log);
        var (_, output, _) = CliRunner.Run("--format", "json");
        var report = JsonDocument.Parse(output).RootElement;
        report.GetProperty("timings").EnumerateArray().Select(t => t.GetProperty("phase").GetString()).Should().Contain("authentication");
        report.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("slug").GetString()).Should().Contain("slow-step");
    }

    [Test]
    public void RedactsALogFromStandardInput()
    {
        using var stdin = new StdinScope("debug1: Connecting to build.example.com [198.51.100.7] port 22.\ndebug1: Authenticating to build.example.com:22 as 'alice'\n");
        var (exit, output, _) = CliRunner.Run("redact");
        exit.Should().Be(0);
        output.Should().NotContain("build.example.com").And.NotContain("198.51.100.7").And.NotContain("alice");
        output.Should().Contain("host-1").And.Contain("203.0.113.1").And.Contain("user-1");
    }

    [Test]
    public void RedactedSamplesDiagnoseAsTheOriginals()
    {
        foreach (var name in new[] { "key-not-authorized", "hostkey-changed", "refused-ipv4", "success-key", "proxyjump-hop-refused", "too-many-auth" })
        {
            var original = SshLog.Analyze(File.ReadAllText(Sample(name)));
            var (_, redacted, _) = CliRunner.Run("redact", Sample(name));
            var after = SshLog.Analyze(redacted);
            after.Findings.Select(f => f.Slug).Should().Equal(original.Findings.Select(f => f.Slug), because: name);
            after.Outcome.Should().Be(original.Outcome);
        }
    }
}
