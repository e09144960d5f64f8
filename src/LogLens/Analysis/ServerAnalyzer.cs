using LogLens.Events;
using LogLens.Findings;
using LogLens.Rules;
using LogLens.Rules.Server;

namespace LogLens.Analysis;

/// <summary>
/// Turns the events of an sshd log into a <see cref="Report"/>: groups the lines into the listener's record and one record per
/// connection (by PID; without PIDs, a connection starts at <c>Connection from</c>; a line naming a client's <c>ADDRESS port
/// PORT</c> joins that client's record), runs the server rules on each, sets scanner and brute-force noise apart, and picks the
/// connection the report is about.
/// </summary>
public sealed class ServerAnalyzer
{
    /// <summary>Open connections kept at once; the oldest is diagnosed and let go beyond this (a busy auth.log).</summary>
    private const int OpenCapacity = 512;

    /// <summary>Records kept; beyond this the oldest are let go (and counted), so memory stays flat over months of auth.log.</summary>
    private const int ReportCapacity = 5_000;

    /// <summary>From this many failed connections, an address that never logged in is a brute-force run or a scanner.</summary>
    private const int NoiseThreshold = 5;

    private readonly Dictionary<int, ServerConnection> byPid = [];
    private readonly List<ServerConnection> open = [];
    private readonly Queue<SessionReport> done = new();
    private ServerConnection? listener;
    private ServerConnection? current;
    private int? listenerPid;
    private int next;
    private int letGo;
    private bool anySshd;

    /// <summary>Adds the next event of the log.</summary>
    /// <param name="e">The event (from <see cref="SshdLog.ReadEvents(TextReader)"/>).</param>
    public void Add(SshEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e is not ServerEvent server || server is OtherProgramLine)
        {
            return;
        }

        anySshd = true;
        var record = RecordFor(server);
        record.Add(server);
        if (server is MaxStartupsDrop)
        {
            // The listener drops it before any child exists: a record of its own, about that client, complete at once.
            Flush(record);
        }
    }

    /// <summary>Finishes the log and returns its report.</summary>
    /// <param name="source">The input's name, for the report.</param>
    /// <returns>The report (<see cref="Report.Kind"/> is <see cref="LogKind.Server"/>).</returns>
    public Report Complete(string source)
    {
        foreach (var connection in open.ToList())
        {
            Flush(connection);
        }

        if (listener is not null)
        {
            done.Enqueue(Diagnose(listener));
        }

        var sessions = MarkNoise([.. done]).OrderBy(s => s.FirstLine).ToList();
        var main = PickMain(sessions);
        if (main is null || !anySshd)
        {
            return new Report(source, Outcome.Inconclusive, Phase.Local, null, null, null, [], [],
                "no sshd lines found: pass sshd's log, e.g. journalctl -u ssh --since '1 hour ago' | loglens") { Kind = LogKind.Server };
        }

        // The record the report is about is never counted as set apart, even when it is one of those records (the only one left).
        var noise = sessions.Count(s => s != main && s.Connection?.Noise == true);
        var summary = noise == 0 ? main.Summary : $"{main.Summary} ({noise} of {sessions.Count} records set apart as scanner or brute-force noise.)";
        if (letGo > 0)
        {
            summary += $" ({letGo} older records were read and let go; the last {ReportCapacity} are kept.)";
        }
        return new Report(source, main.Outcome, main.Phase, main.Client, main.Server, main.Target, main.Findings, sessions, summary)
        {
            Main = main,
            Kind = LogKind.Server,
        };
    }

    private ServerConnection RecordFor(ServerEvent e)
    {
        if (e is ServerListening or ServerStopping or HostKeyLoadFailed or ServerConfigError or ServerCannotListen)
        {
            listenerPid = e.Pid ?? listenerPid;
            return listener ??= new ServerConnection(next++, listener: true, e.Line);
        }

        if (e is MaxStartupsDrop)
        {
            return Start(e, pid: null);
        }

        // Since 9.8 the listener reports a connection's grace timeout, naming the connection's process.
        if (e is LoginGraceTimeout { ChildPid: { } child } && byPid.TryGetValue(child, out var timedOut))
        {
            return timedOut;
        }

        var endpoint = ServerConnection.Endpoint(e);
        if (e is ConnectionFrom)
        {
            return Start(e, e.Pid);
        }

        if (e.Pid is { } pid)
        {
            // A known process, unless it names another client: PIDs come round again in a long log.
            if (byPid.TryGetValue(pid, out var known) &&
                !(endpoint is { } other && known.ClientPort is not null && !known.Names(other.Address, other.Port)))
            {
                return known;
            }

            // Another process of a known connection (the post-authentication child, sshd-session/sshd-auth) names its client.
            if (endpoint is { } named && open.LastOrDefault(c => c.Names(named.Address, named.Port)) is { } owner)
            {
                byPid[pid] = owner;
                return owner;
            }

            if (pid == listenerPid)
            {
                return listener ??= new ServerConnection(next++, listener: true, e.Line);
            }

            return Start(e, pid);
        }

        if (endpoint is { } at && open.LastOrDefault(c => c.Names(at.Address, at.Port)) is { } match)
        {
            return match;
        }

        return current ?? Start(e, pid: null);
    }

    private ServerConnection Start(ServerEvent e, int? pid)
    {
        var connection = new ServerConnection(next++, listener: false, e.Line);
        open.Add(connection);
        current = connection;
        if (pid is { } p)
        {
            byPid[p] = connection;
        }

        if (open.Count > OpenCapacity)
        {
            Flush(open[0]);
        }

        return connection;
    }

    private void Flush(ServerConnection connection)
    {
        if (!open.Remove(connection))
        {
            return;
        }

        foreach (var pid in byPid.Where(p => p.Value == connection).Select(p => p.Key).ToList())
        {
            byPid.Remove(pid);
        }

        if (current == connection)
        {
            current = open.LastOrDefault();
        }

        done.Enqueue(Diagnose(connection));
        if (done.Count > ReportCapacity)
        {
            done.Dequeue();
            letGo++;
        }
    }

    internal static SessionReport Diagnose(ServerConnection connection)
    {
        // One context for all the rules: it reads the findings list as it grows, so each rule sees those before it.
        var findings = new List<Finding>();
        var context = new ServerRuleContext(connection, findings);
        foreach (var rule in RuleCatalog.ServerRules)
        {
            if (rule.Evaluate(context) is { } finding)
            {
                findings.Add(finding);
            }
        }

        var (ordered, cause, outcome) = Verdict.Of(findings, connection.Authenticated);
        var summary = outcome switch
        {
            Outcome.Failed => Verdict.Sentence(cause!),
            Outcome.Succeeded => $"{(connection.User is { } u ? $"'{u}'" : "The user")} logged in{(connection.ClientAddress is { } a ? $" from {a}" : string.Empty)}.",
            _ when connection.IsListener => "sshd's own lines (start and stop), with nothing wrong in them.",
            _ when connection is { Reached: Phase.Local, ClientAddress: null, User: null } && connection.Last<ServerMessage>() is { } said =>
                $"sshd logged '{said.Message}' and named no client: not a connection, and not a message LogLens knows (its log around it may say more).",
            _ when connection.Reached >= Phase.Authentication && connection.User is not null =>
                $"'{connection.User}' did not log in, and sshd logged no reason: set 'LogLevel VERBOSE' in sshd_config to see which key or method it refused.",
            _ => "The connection ended before authentication, with no reason logged (a scanner, a health check, or a client that gave up).",
        };
        var target = connection.IsListener ? null : new Target(connection.LocalAddress, connection.LocalAddress, connection.LocalPort, connection.User);
        return new SessionReport(connection.Index, null, outcome, connection.Reached == Phase.Local ? Phase.Connect : connection.Reached,
            connection.ClientSoftware, null, target, ordered, summary, connection.FirstLine, connection.LastLine, [])
        {
            Connection = connection.IsListener ? null : connection.ToInfo(noise: false),
        };
    }

    /// <summary>
    /// Sets apart the records no one asks about: connections that never got to a user (scanners, health checks), and the failures of an
    /// address that failed <see cref="NoiseThreshold"/> times or more without ever logging in (brute force).
    /// </summary>
    private static IEnumerable<SessionReport> MarkNoise(List<SessionReport> sessions)
    {
        var failuresByAddress = sessions
            .Where(s => s.Connection?.ClientAddress is not null)
            .GroupBy(s => s.Connection!.ClientAddress!)
            .Where(g => g.All(s => s.Outcome != Outcome.Succeeded) && g.Count() >= NoiseThreshold)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var session in sessions)
        {
            if (session.Connection is not { } info)
            {
                yield return session;
                continue;
            }

            var attackSlugs = session.Findings.All(f => f.Slug is "invalid-user" or "password-rejected" or "key-not-authorized" or "too-many-auth-failures" or "user-not-allowed" or "root-login-refused");
            var noUser = info.User is null && session.Findings.Count == 0;
            var flood = info.ClientAddress is { } address && failuresByAddress.Contains(address) && attackSlugs;
            yield return noUser || flood ? session with { Connection = info with { Noise = true } } : session;
        }
    }

    /// <summary>
    /// The record the report is about: sshd failing to start when nothing connected after it; else the last connection (not noise)
    /// that reached a verdict; else the last one that is not noise; else the last record.
    /// </summary>
    private static SessionReport? PickMain(List<SessionReport> sessions)
    {
        var startup = sessions.LastOrDefault(s => s.Connection is null && s.Outcome == Outcome.Failed);
        var people = sessions.Where(s => s.Connection is { Noise: false }).ToList();
        if (startup is not null && !people.Any(s => s.FirstLine > startup.LastLine && s.Outcome == Outcome.Succeeded))
        {
            return startup;
        }

        return people.LastOrDefault(s => s.Outcome != Outcome.Inconclusive) ?? people.LastOrDefault() ?? sessions.LastOrDefault();
    }
}
