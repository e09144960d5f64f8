using LogLens.Tests.Support;
using LogLens.Findings;
using static LogLens.Tests.Rules.HostKeys.RuleExpectations;

namespace LogLens.Tests.Rules.HostKeys;

public class HostKeyUnknownRuleTests
{
    private const string Slug = "host-key-unknown";

    private static IEnumerable<TestCaseData> Triggers()
    {
        yield return Case("strict checking, no -v",
            "No ECDSA host key is known for build.example.com and you have requested strict checking.",
            "Host key verification failed.");
        yield return Case("batch mode, inferred from the missing lookup result",
            "debug1: Authenticating to 10.1.2.3:22 as 'deploy'",
            "debug1: Server host key: ecdsa-sha2-nistp256 SHA256:AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg",
            "Host key verification failed.");
        yield return Case("git on Windows without a terminal",
            "The authenticity of host 'github.com (140.82.121.4)' can't be established.",
            "ED25519 key fingerprint is SHA256:+DiY3wvvV6TuJJhbpZisF/zLDA0zPMSvHdkr4UvCOqU.",
            "Are you sure you want to continue connecting (yes/no/[fingerprint])? ",
            "Host key verification failed.",
            "fatal: Could not read from remote repository.");
        yield return Case("the question answered no",
            "Are you sure you want to continue connecting (yes/no)? no",
            "Host key verification failed.");
        yield return Case("no tty for the question (old client)",
            "debug1: Server host key: ssh-rsa SHA256:AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg",
            "debug1: read_passphrase: can't open /dev/tty: No such device or address",
            "Host key verification failed.");
    }

    private static IEnumerable<TestCaseData> Quiet()
    {
        yield return Case("only the verdict", "Host key verification failed.");
        yield return Case("a changed key",
            "@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @",
            "Host key for 10.0.0.5 has changed and you have requested strict checking.",
            "Host key verification failed.");
        yield return Case("a known key",
            "debug1: Server host key: ssh-ed25519 SHA256:AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg",
            "debug1: Host '10.0.0.5' is known and matches the ED25519 host key.",
            "debug1: Found key in /home/me/.ssh/known_hosts:4");
        yield return Case("a first connection that was accepted",
            "The authenticity of host 'github.com (140.82.121.4)' can't be established.",
            "Are you sure you want to continue connecting (yes/no/[fingerprint])? yes",
            "Warning: Permanently added 'github.com' (ED25519) to the list of known hosts.",
            "Authenticated to github.com ([140.82.121.4]:22) using \"publickey\".");
    }

    [TestCaseSource(nameof(Triggers))]
    public void ReportsTheUnknownHostKeyAsTheCause(string log) => FirstFinding(log, Slug);

    [TestCaseSource(nameof(Quiet))]
    public void StaysQuietWhenTheKeyIsKnownChangedOrUnexplained(string log) => HasNo(log, Slug);

    [TestCase("hostkey-unknown-strict", 42226)]
    [TestCase("hostkey-unknown-batch", 42227)]
    public void DiagnosesTheLabScenarioWithTheScanCommandForItsPort(string scenario, int port)
    {
        var report = Lab(scenario);
        report.Outcome.Should().Be(Outcome.Failed);
        var finding = report.Findings[0];
        finding.Slug.Should().Be(Slug);
        // The lab names its own known_hosts file (UserKnownHostsFile). Where ssh prints it (-vvv, BatchMode) the fixes use that
        // file; with StrictHostKeyChecking=yes it never looks for other keys, so the log does not show it and the fix says so.
        if (scenario == "hostkey-unknown-batch")
        {
            Commands(finding).Should().Contain($"ssh-keyscan -p {port} 127.0.0.1 >> /tmp/loglens-lab/kh/{scenario}");
            Commands(finding).Should().Contain($"ssh -o UserKnownHostsFile=/tmp/loglens-lab/kh/{scenario} -o StrictHostKeyChecking=accept-new -p {port} llab@127.0.0.1");
        }
        else
        {
            Commands(finding).Should().Contain($"ssh-keyscan -p {port} 127.0.0.1 >> ~/.ssh/known_hosts");
            finding.Fixes.Should().Contain(f => f.Description.Contains("unless UserKnownHostsFile names another", StringComparison.Ordinal));
        }
        // The lab makes fresh host keys on each run: the fingerprint is the one the log shows.
        var fingerprint = report.Main!.Findings.SelectMany(f => f.Evidence).Select(e => e.Text).Concat(File.ReadLines(Repo.Path("tests", "fixtures", "lab", scenario, "client.log")))
            .Select(l => l.IndexOf("SHA256:", StringComparison.Ordinal) is var at and >= 0 ? l[at..].Split(' ')[0] : null).First(f => f is not null);
        finding.Message.Should().Contain(fingerprint);
        finding.Evidence.Select(e => e.Text).Should().Contain("Host key verification failed.");
    }
}
