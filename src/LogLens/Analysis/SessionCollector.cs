using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Analysis;

/// <summary>
/// A session whose events are all in: its view for the rules (built when first asked, so on the side that diagnoses it: in a
/// pipeline the reading thread is the busier one), and its first and last line.
/// </summary>
internal sealed class ClosedSession
{
    private readonly SessionCollector.Collector collector;
    private readonly List<ClosedSession> hops;
    private SessionView? view;

    internal ClosedSession(SessionCollector.Collector collector, List<ClosedSession> hops)
    {
        this.collector = collector;
        this.hops = hops;
    }

    /// <summary>The session's number.</summary>
    public int Index => collector.Index;

    /// <summary>The session's parent, for a hop.</summary>
    public int? Parent => collector.Parent;

    /// <summary>The session's first line.</summary>
    public int FirstLine => collector.FirstLine;

    /// <summary>The session's last line (a closed collector takes no more lines).</summary>
    public int LastLine => collector.LastLine;

    /// <summary>The view (its hops' views are built first). One thread at a time asks it.</summary>
    public SessionView View => view ??= collector.ToView(hops.ConvertAll(h => h.View));
}

/// <summary>
/// The collecting half of <see cref="LogAnalyzer"/>: gathers each session's events (leaving out the high-volume trace lines,
/// keeping at most a head and a tail of the rest) and, when a later top-level session starts or the log ends, closes the open
/// sessions into views and hands them to <see cref="Closed"/>: a top-level session and its hops, hops first. It reads no rule,
/// so it can run on another thread than the rules (see <see cref="ClientPipeline"/>).
/// </summary>
internal sealed class SessionCollector(Action<IReadOnlyList<ClosedSession>> closed)
{
    private const int HeadCapacity = 4096;
    private const int TailCapacity = 4096;

    /// <summary>A wait for the user at least this long is kept for the rules: no program answers a prompt that slowly.</summary>
    private static readonly TimeSpan UserWaitWorthKeeping = TimeSpan.FromSeconds(1);

    /// <summary>How many long user waits a session keeps for the rules.</summary>
    private const int UserWaitsKept = 64;

    private readonly Dictionary<int, Collector> open = [];
    private int currentTop = -1;

    /// <summary>The last session's collector: consecutive lines nearly always belong to the same session.</summary>
    private Collector? last;

    /// <summary>Where closed sessions go.</summary>
    public Action<IReadOnlyList<ClosedSession>> Closed { get; set; } = closed;

    /// <summary>Whether any line was ssh's (not only other programs' text).</summary>
    public bool AnySsh { get; private set; }

    /// <summary>Adds the next event of the log.</summary>
    public void Add(SshEvent e)
    {
        var collector = CollectorOf(e.Session, e.ParentSession, e.Line);
        AnySsh |= e is not Text;
        collector.Add(e);
    }

    /// <summary>Counts a line whose event (see <see cref="LogAnalyzer.ReadForLineOnly"/>) was not built: the same as <see cref="Add"/> with it.</summary>
    public void Skip(int line, int session, int? parentSession)
    {
        var collector = CollectorOf(session, parentSession, line);
        AnySsh = true;
        collector.Skip(line);
    }

    /// <summary>Closes the open sessions (the current top-level one and its hops) and hands them on.</summary>
    public void Flush()
    {
        last = null;
        if (open.Count == 0)
        {
            return;
        }

        // Hops first (a hop's number is above its parent's); each session's view is built when the rules ask for it.
        var closing = new List<ClosedSession>(open.Count);
        foreach (var collector in open.Values.OrderByDescending(c => c.Index))
        {
            var hops = closing.Where(h => h.Parent == collector.Index).OrderBy(h => h.Index).ToList();
            closing.Add(new ClosedSession(collector, hops));
        }

        open.Clear();
        Closed(closing);
    }

    private Collector CollectorOf(int session, int? parentSession, int line)
    {
        if (parentSession is null && session > currentTop)
        {
            Flush();
            currentTop = session;
        }

        if (last?.Index == session)
        {
            return last;
        }

        if (!open.TryGetValue(session, out var collector))
        {
            open[session] = collector = new Collector(session, parentSession, line);
        }

        return last = collector;
    }

    /// <summary>Collects one session's events: all but the trace lines, at most a head and a tail of them.</summary>
    internal sealed class Collector(int index, int? parent, int firstLine)
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

        public int? Parent { get; } = parent;

        public int FirstLine { get; } = firstLine;

        public int LastLine { get; private set; } = firstLine;

        /// <summary>
        /// A line whose event (a <see cref="LogAnalyzer.ReadForLineOnly"/> type, without a time) was not built: what <see cref="Add"/> does
        /// with such an event. It shows no wait, so what ssh waits for stays; the last event is read only at a line with a time
        /// after an earlier one with a time, and no line of a session is skipped once one of its lines had a time.
        /// </summary>
        public void Skip(int line) => LastLine = line;

        public void Add(SshEvent e)
        {
            LastLine = e.Line;
            CountUserWait(e);
            var entered = false;
            var trace = e is PacketTrace or ChannelStep or KexStep or KnownHostsLookup or AuthStep or ConnectStep or ServerRequest;
            if (!trace && PhaseTracker.Entered(e) is { } phase && phase > reached)
            {
                reached = phase;
                entered = true;
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

            if (trace)
            {
                // A trace line shows no phase (PhaseTracker knows none of them) and the rules never see it.
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
            new(Index, Parent, tail.Count == 0 ? head : [.. head, .. tail], reached, hops, Timings(), slowest, userWaits) { LastPacketReceivedLine = lastReceived };

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

        // An array of the exact size (none for a log without times): the session's report keeps it.
        private PhaseTiming[] Timings()
        {
            if (phaseStarts.Count == 0)
            {
                return [];
            }

            var timings = new PhaseTiming[phaseStarts.Count];
            for (var i = 0; i < timings.Length; i++)
            {
                var end = i + 1 < phaseStarts.Count ? phaseStarts[i + 1].Start : lastTime ?? phaseStarts[i].Start;
                timings[i] = new PhaseTiming(phaseStarts[i].Phase, end - phaseStarts[i].Start - userPerPhase[i]);
            }

            return timings;
        }
    }
}
