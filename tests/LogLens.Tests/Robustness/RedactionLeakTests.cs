using System.Text.RegularExpressions;
using LogLens.Tests.Support;

namespace LogLens.Tests.Robustness;

/// <summary>
/// Redaction leaks nothing: known user names, host names, IPv4/IPv6 addresses, fingerprints and home paths are
/// planted in every lab log; none survives <c>loglens redact</c>, nor appears in any report of the redacted log,
/// and the redacted log diagnoses like the planted one.
/// </summary>
[Category("Robustness")]
public class RedactionLeakTests
{
    private const string User = "zorglub";
    private const string ClientUser = "marguerite";
    private const string HostName = "build-17.corp.example.net";
    private const string Address = "198.51.100.77";
    private const string OtherAddress = "100.64.12.34";
    private const string Address6 = "2001:db8:85a3::8a2e:370:7334";

    /// <summary>The scenarios, with the known leaks marked.</summary>
    private static IEnumerable<TestCaseData> Scenarios() => Repo.LabScenarios().Select(s =>
    {
        return new TestCaseData(s).SetArgDisplayNames(s.Name);
    });

    /// <summary>The lab log with the lab's own values replaced by the planted ones.</summary>
    private static string Plant(string log)
    {
        log = log.Replace("/tmp/loglens-lab/home/", "/home/", StringComparison.Ordinal)
            .Replace("llabc", ClientUser, StringComparison.Ordinal)
            .Replace("llab", User, StringComparison.Ordinal)
            .Replace("[127.0.0.1]", $"[{Address}]", StringComparison.Ordinal)
            .Replace("127.0.0.1", HostName, StringComparison.Ordinal)
            .Replace("10.200.77.2", Address6, StringComparison.Ordinal)
            .Replace("10.200.77.3", OtherAddress, StringComparison.Ordinal);
        return log;
    }

    private static IEnumerable<string> Secrets(string planted) =>
        new[] { User, ClientUser, HostName, "build-17", Address, OtherAddress, Address6, "8a2e:370:7334", $"/home/{ClientUser}", $"/home/{User}" }
            .Where(s => planted.Contains(s, StringComparison.OrdinalIgnoreCase))
            .Concat(Regex.Matches(planted, @"SHA256:[A-Za-z0-9+/]{43}", RegexOptions.NonBacktracking).Select(m => m.Value))
            .Concat(Regex.Matches(planted, @"\b(?:[0-9a-f]{2}:){15}[0-9a-f]{2}\b", RegexOptions.NonBacktracking).Select(m => m.Value))
            .Distinct();

    [TestCaseSource(nameof(Scenarios))]
    public void NothingPlantedSurvivesRedactionInAnyOutput(LabScenario scenario)
    {
        var planted = Plant(File.ReadAllText(scenario.ClientLog));
        var secrets = Secrets(planted).ToList();
        var plantedFile = CliRunner.TempFile(planted);
        var (redactExit, redacted, redactError) = CliRunner.Run("redact", plantedFile);
        redactExit.Should().Be(0, redactError);
        var redactedFile = CliRunner.TempFile(redacted);
        try
        {
            var outputs = new Dictionary<string, string> { ["redact"] = redacted };
            foreach (var args in new[] { new[] { "--format", "text" }, ["--format", "json"], ["--format", "sarif"], ["events", "--format", "jsonl"], ["events", "--format", "text"] })
            {
                outputs[string.Join(' ', args)] = CliRunner.Run([.. args, redactedFile]).Out;
            }

            foreach (var (name, output) in outputs)
            {
                foreach (var secret in secrets)
                {
                    output.Should().NotContainEquivalentOf(secret, $"{scenario.Name}: '{secret}' leaked into `loglens {name}`");
                }
            }

            var before = SshLog.Analyze(planted, scenario.Name);
            var after = SshLog.Analyze(redacted, scenario.Name);
            after.Outcome.Should().Be(before.Outcome, scenario.Name);
            after.Findings.Select(f => f.Slug).FirstOrDefault().Should().Be(before.Findings.Select(f => f.Slug).FirstOrDefault(), scenario.Name);
        }
        finally
        {
            File.Delete(plantedFile);
            File.Delete(redactedFile);
        }
    }
}
