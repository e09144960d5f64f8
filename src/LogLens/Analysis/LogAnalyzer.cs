using LogLens.Events;
using LogLens.Findings;
using LogLens.Rules;

namespace LogLens.Analysis;

/// <summary>
/// Turns a stream of events into a <see cref="Report"/>: collects each session's events (leaving out the
/// high-volume trace lines), runs the rules on a session as soon as a later top-level session starts, and
/// keeps only the small per-session reports, so memory stays flat over logs of any size.
/// </summary>
public sealed class LogAnalyzer
{
    private readonly List<SessionReport> done = [];
    private readonly Action<SessionReport>? onSession;
    private SessionReport? lastDecisive;
    private SessionReport? lastBeyondLocal;
    private SessionReport? lastTop;

    /// <summary>An analyzer that keeps every session's report in <see cref="Report.Sessions"/>.</summary>
    public LogAnalyzer()
    {
        Sessions = new SessionCollector(Conclude);
    }

    /// <summary>
    /// An analyzer that hands each session's report to <paramref name="onSession"/> as soon as it is known
    /// (in order) and keeps none of them: memory stays flat over archives of any number of sessions.
    /// <see cref="Report.Sessions"/> is then empty.
    /// </summary>
    /// <param name="onSession">Receives each session's report.</param>
    public LogAnalyzer(Action<SessionReport> onSession)
    {
        ArgumentNullException.ThrowIfNull(onSession);
        this.onSession = onSession;
        Sessions = new SessionCollector(Conclude);
    }

    /// <summary>
    /// The collecting half: each session's events, until a later top-level session starts or the log ends; it hands the closed
    /// sessions to <see cref="Conclude"/> (or to whoever <see cref="SessionCollector.Closed"/> names, e.g. another thread's queue).
    /// </summary>
    internal SessionCollector Sessions { get; }

    /// <summary>Adds the next event of the log.</summary>
    /// <param name="e">The event.</param>
    public void Add(SshEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        Sessions.Add(e);
    }

    /// <summary>
    /// The event types the analyzer reads only for their line number and session: it leaves them out of the sessions, they
    /// show no phase, no wait and no failure, and nothing in them is read. A reader may pass over such a line without building
    /// its event (see <see cref="Skip"/>) unless the line, or an earlier line of its session, has a time. The other trace lines it leaves out are read for
    /// something: a received packet's line (<see cref="PacketTrace"/>), the wait after <c>we sent a password packet, wait for
    /// reply</c> (<see cref="AuthStep"/>).
    /// </summary>
    internal static IReadOnlySet<Type> ReadForLineOnly { get; } = new HashSet<Type>
    {
        typeof(ChannelStep), typeof(KexStep), typeof(KnownHostsLookup), typeof(ConnectStep), typeof(ServerRequest),
    };

    /// <summary>
    /// Counts a line whose event, of a <see cref="ReadForLineOnly"/> type and without a time, was not built: the same as
    /// <see cref="Add"/> with that event.
    /// </summary>
    internal void Skip(int line, int session, int? parentSession) => Sessions.Skip(line, session, parentSession);

    /// <summary>Finishes the log and returns its report.</summary>
    /// <param name="source">The input's name, for the report.</param>
    /// <returns>The report.</returns>
    public Report Complete(string source)
    {
        Sessions.Flush();
        var main = lastDecisive ?? lastBeyondLocal ?? lastTop;
        if (main is null || !Sessions.AnySsh)
        {
            return new Report(source, Outcome.Inconclusive, Phase.Local, null, null, null, [], [],
                "no ssh output found: run ssh with -v (better -vvv) and pass its whole output, e.g. ssh -vvv host 2>&1 | loglens");
        }

        return new Report(source, main.Outcome, main.Phase, main.Client, main.Server, main.Target, main.Findings, done, main.Summary) { Main = main };
    }

    /// <summary>Diagnoses sessions just closed (a top-level session and its hops, hops first) and hands on their reports in order.</summary>
    internal void Conclude(IReadOnlyList<ClosedSession> closed)
    {
        var reports = new SessionReport[closed.Count];
        for (var i = 0; i < closed.Count; i++)
        {
            reports[i] = Diagnose(closed[i].View, closed[i].FirstLine, closed[i].LastLine);
        }

        foreach (var report in reports.OrderBy(r => r.Index))
        {
            if (report.Parent is null)
            {
                // The main session: the last top-level one that reached a verdict, else the last that got anywhere.
                lastTop = report;
                lastBeyondLocal = report.Phase > Phase.Local ? report : lastBeyondLocal;
                lastDecisive = report.Outcome != Outcome.Inconclusive ? report : lastDecisive;
            }

            if (onSession is null)
            {
                done.Add(report);
            }
            else
            {
                onSession(report);
            }
        }
    }

    internal static SessionReport Diagnose(SessionView view, int firstLine, int lastLine)
    {
        // One context for all the rules: it reads the findings list as it grows, so each rule sees those before it.
        var findings = new List<Finding>();
        var context = new RuleContext(view, findings);
        foreach (var rule in RuleCatalog.Rules)
        {
            if (rule.Evaluate(context) is { } finding)
            {
                findings.Add(finding);
            }
        }

        var (ordered, cause, outcome) = Verdict.Of(findings, view.Authenticated);
        if (outcome == Outcome.Succeeded)
        {
            ordered = [.. ordered.OrderBy(f => f.Slug == "success" ? 0 : 1)];
        }

        var summary = outcome switch
        {
            Outcome.Failed => Verdict.Sentence(cause!),
            Outcome.Succeeded => "Connected and authenticated.",
            _ when cause is not null => $"The log ends during {Describe(view.Reached)} before ssh said how it ended; likely: {char.ToLowerInvariant(cause.Title[0])}{cause.Title[1..]}.",
            _ when view.Failure is ConnectionClosedByPeer && !view.Authenticated =>
                $"The server closed the connection during {Describe(view.Reached)} without saying why (no \"Permission denied\", no message): only sshd's log names the reason " +
                "(LoginGraceTime ran out, a PAM module failed, sshd crashed, a ban): read it, or join it with loglens --server sshd.log ssh.log.",
            _ => $"The log ends during {Describe(view.Reached)}, with nothing decisive: run ssh again with -vvv and keep the whole output.",
        };
        return new SessionReport(view.Index, view.Parent, outcome, view.Reached, view.Client, view.Server, view.Target, ordered, summary, firstLine, lastLine, view.Timings)
        {
            Connection = ConnectionOf(view),
        };
    }

    /// <summary>What this session shares with sshd's record of it: where it went, as whom, with which keys, which version, when.</summary>
    private static ConnectionInfo ConnectionOf(SessionView view)
    {
        var target = view.Target;
        var version = view.First<LocalVersion>()?.Version is { } local ? OpenSshVersion.Software(local) : view.Client;
        return new ConnectionInfo(null, null, target?.Address ?? target?.Host, target?.Port, target?.User, version, Fingerprints(view), view.FirstTime, view.LastTime);
    }

    /// <summary>The fingerprints of the session's keys, each once, in the order of their first line.</summary>
    private static string[] Fingerprints(SessionView view)
    {
        // A handful of keys at most: a linear check for repeats costs less than a set. The report keeps an array of the exact
        // size (the shared empty one for a session without keys).
        var fingerprints = new List<string>();
        foreach (var key in view.AllSpan<KeyEvent>())
        {
            if (key.Fingerprint is { } fingerprint && !fingerprints.Contains(fingerprint))
            {
                fingerprints.Add(fingerprint);
            }
        }

        return fingerprints.ToArray();
    }

    private static string Describe(Phase phase) => phase switch
    {
        Phase.Local => "the client's setup, before any connection",
        Phase.Resolve => "name resolution",
        Phase.Connect => "the TCP connection",
        Phase.VersionExchange => "the banner exchange",
        Phase.Negotiation => "key exchange",
        Phase.HostKey => "host key checking",
        Phase.Authentication => "authentication",
        _ => "the session",
    };
}
