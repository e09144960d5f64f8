using LogLens.Analysis;
using LogLens.Findings;
using LogLens.Rules;
using LogLens.Tests.Support;

namespace LogLens.Tests.Rules.Server;

/// <summary>
/// The real sshd's own logs from the lab: each is diagnosed with the server-side finding the manifest names (server_slug), the same in
/// every shape journald and syslog give it, and joined with the client's log of the same run. With LOGLENS_LAB_DIR set (CI's live lab
/// check) the same tests run on a fresh lab run.
/// </summary>
[Category("Lab")]
public class ServerLabTests
{
    private static readonly string[] Variants = ["server.log", "server.journal.log", "server.journal-iso.log", "server.auth.log", "server.secure.log"];

    /// <summary>The client findings each server-only finding explains (the "refines" column of shared/server-findings.tsv).</summary>
    private static readonly Dictionary<string, string[]> Refines = new()
    {
        ["key-not-authorized"] = ["key-rejected"],
        ["authorized-keys-permissions"] = ["key-rejected"],
        ["user-not-allowed"] = ["key-rejected", "password-rejected"],
        ["invalid-user"] = ["key-rejected", "password-rejected"],
        ["shell-missing"] = ["key-rejected"],
        ["root-login-refused"] = ["key-rejected", "password-rejected"],
        ["pubkey-algorithm-refused"] = ["key-rejected", "no-mutual-signature-algorithm"],
        ["key-accepted-not-signed"] = ["encrypted-key-no-passphrase", "agent-refused"],
        ["chroot-permissions"] = ["auth-succeeded-then-closed"],
        ["forced-command"] = ["auth-succeeded-then-closed"],
        ["max-startups"] = ["exchange-identification-closed", "exchange-identification-reset"],
        ["login-grace-timeout"] = ["banner-timeout", "auth-succeeded-then-closed"],
        ["host-key-load-failed"] = ["connection-refused", "exchange-identification-closed"],
        ["sshd-config-error"] = ["connection-refused"],
    };

    private static IEnumerable<TestCaseData> WithServerSlug() =>
        Repo.LabScenarios().Where(s => s.ServerSlug is not null).Select(s => new TestCaseData(s).SetArgDisplayNames(s.Name));

    private static IEnumerable<TestCaseData> WithServerLog() =>
        Repo.LabScenarios().Where(s => File.Exists(s.ServerLog)).Select(s => new TestCaseData(s).SetArgDisplayNames(s.Name));

    [TestCaseSource(nameof(WithServerSlug))]
    public void DiagnosesTheServerLogAloneWithItsServerSlug(LabScenario scenario)
    {
        var report = SshLog.Analyze(File.ReadAllText(scenario.ServerLog), scenario.ServerLog);
        report.Kind.Should().Be(LogKind.Server, because: "a server log is recognized as one");
        report.Findings.Should().NotBeEmpty(because: $"{scenario.Name}'s server log proves {scenario.ServerSlug}");
        report.Findings[0].Slug.Should().Be(scenario.ServerSlug, because: $"{scenario.Name}'s server log proves it");
        report.Findings[0].Evidence.Should().OnlyContain(e => e.Source == EvidenceSource.Server);
    }

    [TestCaseSource(nameof(WithServerSlug))]
    public void GivesTheSameDiagnosisInEveryShapeJournaldAndSyslogGive(LabScenario scenario)
    {
        var directory = Path.GetDirectoryName(scenario.ServerLog)!;
        var diagnoses = Variants.Select(v => (Variant: v, Report: SshLog.Analyze(File.ReadAllText(Path.Combine(directory, v)), v))).ToList();
        foreach (var (variant, report) in diagnoses)
        {
            report.Kind.Should().Be(LogKind.Server, because: $"{variant} is an sshd log");
            report.Findings.Select(f => f.Slug).Should().Equal(diagnoses[0].Report.Findings.Select(f => f.Slug), because: $"{variant} holds the same lines as server.log");
            report.Findings.SelectMany(f => f.Evidence).Select(e => e.Line).Should().Equal(
                diagnoses[0].Report.Findings.SelectMany(f => f.Evidence).Select(e => e.Line), because: $"{variant} is server.log line by line");
        }
    }

    [TestCaseSource(nameof(WithServerSlug))]
    public void KeepsTheDiagnosisThroughWhatAPasteDoesToALog(LabScenario scenario)
    {
        var journal = File.ReadAllLines(Path.Combine(Path.GetDirectoryName(scenario.ServerLog)!, "server.journal.log"));
        var expected = SshLog.Analyze(string.Join('\n', journal)).Findings.Select(f => f.Slug).ToList();
        var pastes = new Dictionary<string, string>
        {
            ["CRLF"] = string.Join("\r\n", journal),
            ["forum quoting"] = string.Join('\n', journal.Select(l => "> " + l)),
            ["indented"] = string.Join('\n', journal.Select(l => "    " + l)),
            ["other programs between"] = string.Join('\n', journal.SelectMany(l => new[]
            {
                l, "Dec 02 07:18:09 lab systemd[1]: Started session-12.scope - Session 12 of User llab.", "Dec 02 07:18:09 lab CRON[881]: pam_unix(cron:session): session closed for user root",
            })),
        };
        foreach (var (paste, text) in pastes)
        {
            SshLog.Analyze(text).Findings.Select(f => f.Slug).Should().Equal(expected, because: $"{scenario.Name}, {paste}");
        }
    }

    [TestCaseSource(nameof(WithServerSlug))]
    public void JoinsTheClientLogWithTheServerLogAndPutsTheMorePreciseCauseFirst(LabScenario scenario)
    {
        var client = SshLog.Analyze(File.ReadAllText(scenario.ClientLog), scenario.ClientLog);
        var server = SshdLog.Analyze(File.ReadAllText(Path.Combine(Path.GetDirectoryName(scenario.ServerLog)!, "server.journal.log")), "server.journal.log");
        var joined = SshLog.Join(client, server);

        joined.Join.Should().NotBeNull();
        joined.Join!.ServerSession.Should().NotBeNull(because: $"sshd's log of {scenario.Name} holds the client's connection");
        var clientCause = client.Findings.Count > 0 ? client.Findings[0].Slug : null;
        var expected = clientCause == scenario.ServerSlug || clientCause is null ||
                       (Refines.TryGetValue(scenario.ServerSlug!, out var explained) && explained.Contains(clientCause))
            ? scenario.ServerSlug
            : clientCause;
        joined.Findings[0].Slug.Should().Be(expected, because: $"{scenario.Name}: client said {clientCause}, server said {scenario.ServerSlug}");
        joined.Findings.SelectMany(f => f.Evidence).Should().Contain(e => e.Source == EvidenceSource.Server, because: "sshd's lines prove the joined report too");
    }

    [TestCaseSource(nameof(WithServerLog))]
    public void MatchesTheClientWithItsOwnServerRecordSurely(LabScenario scenario)
    {
        var client = SshLog.Analyze(File.ReadAllText(scenario.ClientLog), scenario.ClientLog);
        var server = SshdLog.Analyze(File.ReadAllText(scenario.ServerLog), scenario.ServerLog);
        var joined = SshLog.Join(client, server);
        if (joined.Join?.ServerSession is null)
        {
            // A client that never reached sshd (refused, a fake server) has no record in its log; that is not a match.
            server.Sessions.Where(s => s.Connection is { Noise: false } c && c.ServerPort == client.Target?.Port && c.User is not null).Should().BeEmpty();
            return;
        }

        joined.Join.Confidence.Should().NotBe(Confidence.Possible, because: $"{scenario.Name}: matched on {string.Join(", ", joined.Join.MatchedOn)}");
    }

    [Test]
    public void ProvesEveryServerOnlyFindingWithALabScenarioOrSaysWhyNot()
    {
        var proven = Repo.LabScenarios().Select(s => s.ServerSlug).OfType<string>().ToHashSet();
        // login-grace-timeout too: Debian 12's sshd exits on LoginGraceTime without logging it, so the lab proves it with the
        // OpenSSH 10 sshd of a Debian 13 root (tests/lab/README.md).
        RuleCatalog.Server.Select(d => d.Slug).Should().OnlyContain(s => proven.Contains(s), because: "every server diagnosis needs a real sshd log behind it");
    }
}
