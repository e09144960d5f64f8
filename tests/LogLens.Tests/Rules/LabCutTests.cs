using System.Text.RegularExpressions;
using LogLens.Analysis;
using LogLens.Findings;
using LogLens.Tests.Support;

namespace LogLens.Tests.Rules;

/// <summary>
/// Real lab logs cut right after a given line, as a paste that stops before ssh's verdict does: the cause is still named,
/// as likely, and the outcome stays open. Cut after a line that shows the server answered, nothing is guessed.
/// </summary>
public class LabCutTests
{
    private static SessionReport CutAfterLast(string scenario, string pattern)
    {
        var lines = File.ReadAllLines(Repo.Path("tests", "fixtures", "lab", scenario, "client.log"));
        var last = Array.FindLastIndex(lines, l => Regex.IsMatch(l, pattern));
        last.Should().BeGreaterThanOrEqualTo(0, $"{scenario} has a line matching {pattern}");
        return SshLog.Analyze(string.Join("\n", lines.Take(last + 1))).Sessions[^1];
    }

    [TestCase("banner-timeout", "Local version string", "banner-timeout")]
    [TestCase("kex-stalled", "expecting SSH2_MSG_KEX_ECDH_REPLY", "kex-stalled")]
    [TestCase("hostkey-unknown-batch", "Server host key:", "host-key-unknown")]
    [TestCase("key-encrypted-batch", "Server accepts key:", "encrypted-key-no-passphrase")]
    [TestCase("password-only-batch", "Authentications that can continue: password", "password-only")]
    [TestCase("maxstartups", "banner line 0: Exceeded MaxStartups", "exchange-identification-closed")]
    public void ACutBeforeTheVerdictNamesTheLikelyCause(string scenario, string lastLine, string slug)
    {
        var report = CutAfterLast(scenario, lastLine);
        report.Outcome.Should().Be(Outcome.Inconclusive);
        report.Findings.Should().NotBeEmpty();
        (report.Findings[0].Slug, report.Findings[0].Confidence).Should().Be((slug, Confidence.Likely));
    }

    [TestCase("account-expired", "receive packet: type 53", TestName = "The server sent its banner after accepting the key: no passphrase prompt")]
    public void ACutAfterTheServerAnsweredGuessesNoStall(string scenario, string lastLine) =>
        CutAfterLast(scenario, lastLine).Findings.Should().NotContain(f => f.Slug == "encrypted-key-no-passphrase" || f.Slug == "kex-stalled");
}
