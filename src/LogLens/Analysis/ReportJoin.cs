using LogLens.Findings;

namespace LogLens.Analysis;

/// <summary>
/// Joins a client's report with sshd's report of the same attempt: which server record is the client's main session, and whose
/// finding is the root cause. The server's finding leads when it names the reason behind the client's (it "refines" it, as
/// <c>shared/server-findings.tsv</c> says), or when the client could not tell; a finding both sides share gains sshd's lines as evidence.
/// </summary>
internal static class ReportJoin
{
    /// <summary>The client findings each server-only finding explains (the contract's "refines" column).</summary>
    private static readonly Dictionary<string, string[]> Refines = new(StringComparer.Ordinal)
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

    public static Report Join(Report client, Report server)
    {
        if (client.Main is not { } main)
        {
            return client with { Join = new JoinInfo(server.Source, null, Confidence.Possible, []) };
        }

        // A ProxyJump hop is a connection of its own: sshd's log may be the jump host's.
        var hops = client.Sessions.Where(s => s.Parent == main.Index).Prepend(main).ToList();
        var (record, confidence, matched, _) = hops.Select(h => Match(h, server)).OrderByDescending(m => m.Score).First();
        if (record is null)
        {
            return client with { Join = new JoinInfo(server.Source, null, Confidence.Possible, []) };
        }

        var findings = Merge(main.Findings, record.Findings);
        var cause = findings.FirstOrDefault(f => f.Severity == Severity.Error);
        var outcome = cause switch
        {
            { Confidence: Confidence.Certain } => Outcome.Failed,
            null when main.Outcome == Outcome.Succeeded || record.Outcome == Outcome.Succeeded => Outcome.Succeeded,
            _ => main.Outcome,
        };
        var summary = outcome == Outcome.Failed && cause is not null ? cause.Title + "." : main.Summary;
        var joined = main with { Findings = findings, Outcome = outcome, Summary = summary };
        var sessions = client.Sessions.Select(s => s.Index == main.Index ? joined : s).ToList();
        return client with
        {
            Outcome = outcome,
            Findings = findings,
            Summary = summary,
            Sessions = sessions,
            Main = joined,
            Join = new JoinInfo(server.Source, record.Index, confidence, matched),
        };
    }

    /// <summary>The server record that best fits the client's session, how surely, and on what.</summary>
    private static (SessionReport? Record, Confidence Confidence, IReadOnlyList<string> Matched, int Score) Match(SessionReport main, Report server)
    {
        var client = main.Connection;
        SessionReport? best = null;
        var bestScore = 0;
        IReadOnlyList<string> bestMatched = [];
        foreach (var record in server.Sessions)
        {
            if (record.Connection is not { } info)
            {
                continue;
            }

            var (score, matched) = Score(client, info);
            // The later of two equal candidates: a paste ends with the attempt that matters.
            if (score > 0 && score >= bestScore)
            {
                (best, bestScore, bestMatched) = (record, score, matched);
            }
        }

        if (best is null)
        {
            // sshd never took a connection because it did not start: its startup record explains a refused connection.
            // A client refused (or closed at once) where sshd failed to start is that failure, likely; anything else, possibly.
            var startup = server.Sessions.LastOrDefault(s => s.Connection is null && s.Outcome == Outcome.Failed);
            if (startup is null || main.Phase > Phase.VersionExchange)
            {
                return (null, Confidence.Possible, [], 0);
            }

            var refused = main.Findings.Count > 0 && main.Findings[0].Slug is "connection-refused" or "exchange-identification-closed" or "exchange-identification-reset";
            return (startup, refused ? Confidence.Likely : Confidence.Possible, ["sshd did not start"], 1);
        }

        var strong = bestMatched.Contains("key fingerprint") || bestMatched.Contains("time");
        var confidence = strong && bestMatched.Count >= 2 ? Confidence.Certain : bestMatched.Count >= 2 ? Confidence.Likely : Confidence.Possible;
        return (best, confidence, bestMatched, bestScore);
    }

    /// <summary>How well a server record fits: each fact both logs name and agree on counts; one they disagree on rules the record out.</summary>
    private static (int Score, IReadOnlyList<string> Matched) Score(ConnectionInfo? client, ConnectionInfo server)
    {
        if (client is null)
        {
            return (server.Noise ? 0 : 1, []);
        }

        var matched = new List<string>();
        var score = 0;
        if (client.ServerPort is { } cp && server.ServerPort is { } sp)
        {
            if (cp != sp)
            {
                return (0, []);
            }

            matched.Add("port");
            score += 2;
        }

        if (client.User is { Length: > 0 } cu && server.User is { Length: > 0 } su)
        {
            if (!string.Equals(cu, su, StringComparison.Ordinal))
            {
                return (0, []);
            }

            matched.Add("user");
            score += 2;
        }

        if (client.Fingerprints.Intersect(server.Fingerprints, StringComparer.Ordinal).Any())
        {
            matched.Add("key fingerprint");
            score += 4;
        }

        if (client.ClientSoftware is { } cv && server.ClientSoftware is { } sv)
        {
            if (Version(cv) != Version(sv))
            {
                return (0, []);
            }

            matched.Add("client version");
            score += 1;
        }

        // Times only ever count for a match: a client's stamps often lack the date (VS Code's [hh:mm:ss]) or the zone, and clocks differ.
        if (client.Start is { } cs && server.Start is { } ss && (cs - ss).Duration() <= TimeSpan.FromMinutes(2))
        {
            matched.Add("time");
            score += 3;
        }

        if (client.ServerAddress is { } ca && server.ServerAddress is { } sa && ca == sa)
        {
            matched.Add("address");
            score += 1;
        }

        return (server.Noise && score < 4 ? 0 : score, matched);
    }

    /// <summary>The first word of a version string (<c>OpenSSH_9.2p1</c>): the client logs its own, sshd what the client sent.</summary>
    private static string Version(string software)
    {
        var text = OpenSshVersion.Software(software);
        var end = text.IndexOfAny([' ', ',']);
        return end < 0 ? text : text[..end];
    }

    /// <summary>The findings of both sides, root cause first.</summary>
    private static List<Finding> Merge(IReadOnlyList<Finding> client, IReadOnlyList<Finding> server)
    {
        var result = client.ToList();
        var serverCause = server.FirstOrDefault(f => f.Severity == Severity.Error);
        foreach (var finding in server)
        {
            var same = result.FindIndex(f => f.Slug == finding.Slug);
            if (same >= 0)
            {
                // The same diagnosis on both sides: one finding, proven by both logs.
                result[same] = result[same] with { Evidence = [.. result[same].Evidence, .. finding.Evidence] };
                continue;
            }

            if (finding != serverCause)
            {
                // What else sshd saw (its view of a success, a side note) comes after the client's findings.
                result.Add(finding);
                continue;
            }

            var clientCause = result.FindIndex(f => f.Severity == Severity.Error);
            var refines = clientCause >= 0 && Refines.TryGetValue(finding.Slug, out var explained) && explained.Contains(result[clientCause].Slug);
            if (clientCause < 0 || refines || result[clientCause].Confidence != Confidence.Certain)
            {
                result.Insert(0, finding);
            }
            else
            {
                result.Insert(clientCause + 1, finding);
            }
        }

        return result;
    }
}
