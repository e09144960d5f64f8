using LogLens.Findings;
using static LogLens.Tests.Rules.HostKeys.RuleExpectations;

namespace LogLens.Tests.Rules.Sessions;

public class AuthSucceededThenClosedRuleTests
{
    private const string Slug = "auth-succeeded-then-closed";

    private static IEnumerable<TestCaseData> Triggers()
    {
        yield return Case("nologin, OpenSSH 7.x",
            "debug1: Authentication succeeded (publickey).",
            "This account is currently not available.",
            "Connection to compute02 closed.");
        yield return Case("only the shell's notice, no -v",
            "This account is currently not available.",
            "Connection to compute02 closed.");
        yield return Case("sftp-only account",
            "Authenticated to files.example.com ([10.0.0.9]:22) using \"password\".",
            "This service allows sftp connections only.",
            "Connection to files.example.com closed.");
        yield return Case("closed by the server right after login",
            "debug1: Authentication succeeded (publickey).",
            "debug1: Entering interactive session.",
            "Connection to 10.0.0.5 closed by remote host.",
            "Connection to 10.0.0.5 closed.");
        yield return Case("a broken pipe right after login",
            "Authenticated to 10.0.0.5 ([10.0.0.5]:22) using \"publickey\".",
            "debug1: Entering interactive session.",
            "client_loop: send disconnect: Broken pipe");
        // OpenSSH 7.x prints the server's "Forced command." notice; the log stops there, and git then says what it saw
        yield return Case("a forced command, then git's own lines",
            "debug1: Authentication succeeded (publickey).",
            "Authenticated to git.example.org ([10.0.0.9]:22).",
            "debug1: Entering interactive session.",
            "debug1: Remote: Forced command.",
            "debug1: Remote: Port forwarding disabled.",
            "fatal: Could not read from remote repository.",
            string.Empty,
            "Please make sure you have the correct access rights",
            "and the repository exists.");
        yield return Case("a missing shell",
            "Authenticated to 10.0.0.5 ([10.0.0.5]:22) using \"publickey\".",
            "/bin/zsh: No such file or directory",
            "Connection to 10.0.0.5 closed.");
    }

    private static IEnumerable<TestCaseData> Quiet()
    {
        yield return Case("a command that printed and failed",
            "Authenticated to 10.0.0.5 ([10.0.0.5]:22) using \"publickey\".",
            "debug1: Sending command: ls /nope",
            "ls: cannot access '/nope': No such file or directory",
            "debug1: Exit status 2");
        yield return Case("an ordinary interactive session",
            "Authenticated to 10.0.0.5 ([10.0.0.5]:22) using \"publickey\".",
            "debug1: Entering interactive session.",
            "Last login: Mon Jan  1 10:00:00 2024 from 10.0.0.1",
            "logout",
            "Connection to 10.0.0.5 closed.",
            "debug1: Exit status 0");
        yield return Case("no login at all", "Connection closed by 10.0.0.5 port 22");
        yield return Case("a long session closed by the server",
            "Authenticated to 10.0.0.5 ([10.0.0.5]:22) using \"publickey\".",
            "debug1: Entering interactive session.",
            "Connection to 10.0.0.5 closed by remote host.",
            "Transferred: sent 52480, received 91220 bytes, in 3605.2 seconds");
    }

    [TestCaseSource(nameof(Triggers))]
    public void ReportsTheSessionThatEndedAtOnce(string log) => FirstFinding(log, Slug);

    [TestCaseSource(nameof(Quiet))]
    public void StaysQuietOnOrdinarySessions(string log) => HasNo(log, Slug);

    [TestCase("nologin-shell", "getent passwd llab4")]
    [TestCase("forcecommand-exit", "getent passwd llab")]
    public void DiagnosesTheLabScenario(string scenario, string command)
    {
        var report = Lab(scenario);
        report.Outcome.Should().Be(Outcome.Failed);
        report.Findings[0].Slug.Should().Be(Slug);
        Commands(report.Findings[0]).Should().Contain(command);
    }

    [TestCase("success-key")]
    [TestCase("success-agent")]
    [TestCase("success-v1")]
    [TestCase("dropbear-success")]
    public void LeavesSuccessfulLabSessionsAlone(string scenario)
    {
        var report = Lab(scenario);
        report.Outcome.Should().Be(Outcome.Succeeded);
        report.Findings.Select(f => f.Slug).Should().NotContain(Slug);
    }
}
