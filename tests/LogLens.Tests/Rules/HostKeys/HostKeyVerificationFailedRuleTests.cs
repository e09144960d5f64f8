using static LogLens.Tests.Rules.HostKeys.RuleExpectations;

namespace LogLens.Tests.Rules.HostKeys;

public class HostKeyVerificationFailedRuleTests
{
    private const string Slug = "host-key-verification-failed";

    private static IEnumerable<TestCaseData> Triggers()
    {
        yield return Case("only the verdict", "Host key verification failed.");
        yield return Case("git's wrapper lines", "Host key verification failed.", "fatal: Could not read from remote repository.", "", "Please make sure you have the correct access rights");
        yield return Case("a Windows paste with CRLF", "Host key verification failed.\r", "\r");
        yield return Case("a revoked key",
            "@       WARNING: REVOKED HOST KEY DETECTED!               @",
            "Host key verification failed.");
    }

    private static IEnumerable<TestCaseData> Quiet()
    {
        yield return Case("strict checking of an unknown host",
            "No ED25519 host key is known for [127.0.0.1]:42226 and you have requested strict checking.",
            "Host key verification failed.");
        yield return Case("a changed key",
            "@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @",
            "Offending ECDSA key in /home/me/.ssh/known_hosts:3",
            "Host key verification failed.");
        yield return Case("a successful login", "Authenticated to 10.0.0.5 ([10.0.0.5]:22) using \"publickey\".");
    }

    [TestCaseSource(nameof(Triggers))]
    public void ReportsTheVerdictWhenNothingNarrowsItDown(string log)
    {
        var finding = FirstFinding(log, Slug);
        Commands(finding).Should().NotBeEmpty();
    }

    [TestCaseSource(nameof(Quiet))]
    public void StaysQuietWhenAMoreSpecificCauseExplainsIt(string log) => HasNo(log, Slug);
}
