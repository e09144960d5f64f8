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
    private const int HeadCapacity = 4096;
    private const int TailCapacity = 4096;

    /// <summary>A wait for the user at least this long is kept for the rules: no program answers a prompt that slowly.</summary>
    private static readonly TimeSpan UserWaitWorthKeeping = TimeSpan.FromSeconds(1);

    /// <summary>How many long user waits a session keeps for the rules.</summary>
    private const int UserWaitsKept = 64;

    private readonly Dictionary<int, Collector> open = [];
    private readonly List<SessionReport> done = [];
    private readonly Action<SessionReport>? onSession;
    private SessionReport? lastDecisive;
    private SessionReport? lastBeyondLocal;
    private SessionReport? lastTop;
    private int currentTop = -1;
    private bool anySsh;

    /// <summary>An analyzer that keeps every session's report in <see cref="Report.Sessions"/>.</summary>
    public LogAnalyzer()
    {
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
    }

    /// <summary>Adds the next event of the log.</summary>
    /// <param name="e">The event.</param>
    public void Add(SshEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.ParentSession is null && e.Session > currentTop)
        {
            FlushOpen();
            currentTop = e.Session;
        }

        if (!open.TryGetValue(e.Session, out var collector))
        {
            open[e.Session] = collector = new Collector(e.Session, e.ParentSession, e.Line);
        }

        anySsh |= e is not Text;
        collector.Add(e);
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
    internal void Skip(int line, int session, int? parentSession)
    {
        if (parentSession is null && session > currentTop)
        {
            FlushOpen();
            currentTop = session;
        }

        if (!open.TryGetValue(session, out var collector))
        {
            open[session] = collector = new Collector(session, parentSession, line);
        }

        anySsh = true;
        collector.Skip(line);
    }

    /// <summary>Finishes the log and returns its report.</summary>
    /// <param name="source">The input's name, for the report.</param>
    /// <returns>The report.</returns>
    public Report Complete(string source)
    {
        FlushOpen();
        var main = lastDecisive ?? lastBeyondLocal ?? lastTop;
        if (main is null || !anySsh)
        {
            return new Report(source, Outcome.Inconclusive, Phase.Local, null, null, null, [], [],
                "no ssh output found: run ssh with -v (better -vvv) and pass its whole output, e.g. ssh -vvv host 2>&1 | loglens");
        }

        return new Report(source, main.Outcome, main.Phase, main.Client, main.Server, main.Target, main.Findings, done, main.Summary) { Main = main };
    }

    private void FlushOpen()
    {
        if (open.Count == 0)
        {
            return;
        }

        var views = new Dictionary<int, SessionView>();
        var reports = new List<SessionReport>(open.Count);
        foreach (var collector in open.Values.OrderByDescending(c => c.Index))
        {
            var hops = views.Values.Where(v => v.Parent == collector.Index).OrderBy(v => v.Index).ToList();
            var view = collector.ToView(hops);
            views[collector.Index] = view;
            reports.Add(Diagnose(view, collector.FirstLine, collector.LastLine));
        }

        open.Clear();
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
        var findings = new List<Finding>();
        foreach (var rule in RuleCatalog.Rules)
        {
            if (rule.Evaluate(new RuleContext(view, findings)) is { } finding)
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
            Outcome.Failed => cause!.Title + ".",
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
        var fingerprints = view.All<KeyEvent>().Select(k => k.Fingerprint).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var events = view.Events;
        var start = events.FirstOrDefault(e => e.Timestamp is not null)?.Timestamp;
        var end = events.LastOrDefault(e => e.Timestamp is not null)?.Timestamp;
        return new ConnectionInfo(null, null, target?.Address ?? target?.Host, target?.Port, target?.User, version, fingerprints, start, end);
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

    /// <summary>Collects one session's events: all but the trace lines, at most a head and a tail of them.</summary>
    private sealed class Collector(int index, int? parent, int firstLine)
    {
        private readonly List<SshEvent> head = [];
        private readonly Queue<SshEvent> tail = new();
        private readonly List<(Phase Phase, DateTimeOffset Start)> phaseStarts = [];
        private Phase reached = Phase.Local;
        private SshEvent? lastStamped;
        private DateTimeOffset? lastTime;
        private SlowStep? slowest;
        private int lastReceived;

        /// <summary>What ssh waits for after the last event, and that event.</summary>
        private Wait waiting = Wait.Nothing;
        private SshEvent? lastEvent;

        /// <summary>Time spent waiting for the user since the last line that says something, per phase, and the long waits.</summary>
        private TimeSpan userSinceStamped;
        private readonly List<TimeSpan> userPerPhase = [];
        private readonly List<SlowStep> userWaits = [];

        public int Index { get; } = index;

        public int FirstLine { get; } = firstLine;

        public int LastLine { get; private set; } = firstLine;

        /// <summary>
        /// A line whose event (a <see cref="ReadForLineOnly"/> type, without a time) was not built: what <see cref="Add"/> does
        /// with such an event. It shows no wait, so what ssh waits for stays; the last event is read only at a line with a time
        /// after an earlier one with a time, and no line of a session is skipped once one of its lines had a time.
        /// </summary>
        public void Skip(int line) => LastLine = line;

        public void Add(SshEvent e)
        {
            LastLine = e.Line;
            CountUserWait(e);
            var entered = PhaseTracker.Entered(e) is { } phase && phase > reached;
            if (entered)
            {
                reached = PhaseTracker.Entered(e)!.Value;
            }

            if (e.Timestamp is { } time)
            {
                if (phaseStarts.Count == 0 || entered)
                {
                    phaseStarts.Add((reached, time));
                    userPerPhase.Add(TimeSpan.Zero);
                }

                lastTime = time;
            }

            if (e is PacketTrace { Sent: false })
            {
                lastReceived = e.Line;
            }

            if (e is PacketTrace or ChannelStep or KexStep or KnownHostsLookup or AuthStep or ConnectStep or ServerRequest)
            {
                return;
            }

            if (e.Timestamp is { } stamp)
            {
                // Silences are measured between the lines that say something, not the packet traces inside them,
                // and without the time ssh waited for the user (a prompt, the interactive session): that is no slow step.
                if (lastStamped?.Timestamp is { } previous && stamp - previous - userSinceStamped is var gap && gap > (slowest?.Gap ?? TimeSpan.Zero))
                {
                    slowest = new SlowStep(gap, lastStamped, e);
                }

                lastStamped = e;
                userSinceStamped = TimeSpan.Zero;
            }

            if (head.Count < HeadCapacity)
            {
                head.Add(e);
                return;
            }

            tail.Enqueue(e);
            if (tail.Count > TailCapacity)
            {
                tail.Dequeue();
            }
        }

        /// <summary>The view of the session (once: the collector is done with its events, which the view keeps without a copy when the tail is empty).</summary>
        public SessionView ToView(IReadOnlyList<SessionView> hops) =>
            new(Index, parent, tail.Count == 0 ? head : [.. head, .. tail], reached, hops, Timings(), slowest, userWaits) { LastPacketReceivedLine = lastReceived };

        /// <summary>
        /// When ssh printed nothing because it waited for the user (see <see cref="Waits"/>), the silence before this event is
        /// the user's time: it is left out of the phase's duration and of the slow steps, and a long one is kept for the rules.
        /// </summary>
        private void CountUserWait(SshEvent e)
        {
            if (e.Timestamp is { } time && lastTime is { } previous && time > previous && waiting.Kind == WaitKind.User && lastEvent is not null)
            {
                var gap = time - previous;
                userSinceStamped += gap;
                if (userPerPhase.Count > 0)
                {
                    userPerPhase[^1] += gap;
                }

                // The first ones are enough (the prompts come before the session): memory stays flat over long sessions.
                if (gap >= UserWaitWorthKeeping && userWaits.Count < UserWaitsKept)
                {
                    userWaits.Add(new SlowStep(gap, lastEvent, e));
                }
            }

            waiting = Waits.After(e) ?? waiting;
            lastEvent = e;
        }

        private List<PhaseTiming> Timings()
        {
            var timings = new List<PhaseTiming>(phaseStarts.Count);
            for (var i = 0; i < phaseStarts.Count; i++)
            {
                var end = i + 1 < phaseStarts.Count ? phaseStarts[i + 1].Start : lastTime ?? phaseStarts[i].Start;
                timings.Add(new PhaseTiming(phaseStarts[i].Phase, end - phaseStarts[i].Start - userPerPhase[i]));
            }

            return timings;
        }
    }
}
