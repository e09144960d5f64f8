using System.Runtime.CompilerServices;
using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Analysis;

/// <summary>Where the connection was going: host, address, port and user, as far as the log names them.</summary>
/// <param name="Host">The host name as given to ssh.</param>
/// <param name="Address">The address connected to.</param>
/// <param name="Port">The port.</param>
/// <param name="User">The remote user.</param>
public sealed record Target(string? Host, string? Address, int? Port, string? User);

/// <summary>How long a phase took, from the arrival times of the lines (live mode, or a log with timestamps).</summary>
/// <param name="Phase">The phase.</param>
/// <param name="Duration">From the first line of the phase to the first line of the next (or the last line).</param>
public sealed record PhaseTiming(Phase Phase, TimeSpan Duration);

/// <summary>The longest wait between two consecutive lines of a session.</summary>
/// <param name="Gap">How long nothing was printed.</param>
/// <param name="Before">The last line before the wait.</param>
/// <param name="After">The first line after it.</param>
public sealed record SlowStep(TimeSpan Gap, SshEvent Before, SshEvent After);

/// <summary>
/// What the rules see of one ssh invocation: its events (without the high-volume trace lines), the
/// furthest phase it reached, the target, and the hops it ran through a ProxyJump or ProxyCommand.
/// </summary>
public sealed class SessionView
{
    private readonly List<SshEvent> events;
    private readonly EventList visible;

    /// <summary>
    /// The positions of the session's events grouped by exact runtime type (<see cref="EventTypeIds"/>), each group in order:
    /// the events of type number <c>t</c> are at <c>order[start[t]..start[t + 1]]</c>. Built with the view in two passes.
    /// </summary>
    private readonly int[] order;

    /// <inheritdoc cref="order"/>
    private readonly int[] start;

    /// <summary>
    /// The answers to <see cref="Of{T}"/> that took work, by the type's <see cref="TypeId{T}.Slot"/> (a base type gathers the exact
    /// types under it once); an array, not a dictionary keyed by <see cref="Type"/>, so asking again costs one load.
    /// </summary>
    private Array?[] byType = [];

    /// <summary>Facts the rules derive from the session, each computed once (see <see cref="Fact{TFact}"/>).</summary>
    private Dictionary<Delegate, object>? facts;

    /// <summary>Whether the events' line numbers never go down (so an event is found by its line).</summary>
    private readonly bool linesInOrder = true;
    private Target? target;

    internal SessionView(int index, int? parent, List<SshEvent> events, Phase reached, IReadOnlyList<SessionView> hops,
        IReadOnlyList<PhaseTiming>? timings = null, SlowStep? slowest = null, IReadOnlyList<SlowStep>? userWaits = null)
    {
        UserWaits = userWaits ?? [];
        Timings = timings ?? [];
        SlowestStep = slowest;
        Index = index;
        Parent = parent;
        this.events = events;
        visible = new EventList(events);
        Reached = reached;
        Hops = hops;
        WorkMeter.Visit(events.Count);
        var ids = new int[events.Count];
        var types = 0;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            FirstTime ??= e.Timestamp;
            LastTime = e.Timestamp ?? LastTime;
            ids[i] = EventTypeIds.Of(e);
            types = Math.Max(types, ids[i] + 1);
            linesInOrder &= i == 0 || events[i - 1].Line <= e.Line;
        }

        // Both are near the end of nearly every session: looked for from there.
        Failure = LastWhere(events, IsFailure);
        LastProgress = LastWhere(events, e => PhaseTracker.Entered(e) is not null);

        // A counting sort by type number: stable, so each type's positions stay in order.
        start = new int[types + 1];
        foreach (var id in ids)
        {
            start[id + 1]++;
        }

        for (var t = 0; t < types; t++)
        {
            start[t + 1] += start[t];
        }

        order = new int[ids.Length];
        var next = start[..^1];
        for (var i = 0; i < ids.Length; i++)
        {
            order[next[ids[i]]++] = i;
        }
    }

    private static SshEvent? LastWhere(List<SshEvent> events, Func<SshEvent, bool> test)
    {
        for (var i = events.Count - 1; i >= 0; i--)
        {
            if (test(events[i]))
            {
                return events[i];
            }
        }

        return null;
    }

    /// <summary>The time of the first event that has one (live mode, or a log with timestamps).</summary>
    internal DateTimeOffset? FirstTime { get; }

    /// <summary>The time of the last event that has one.</summary>
    internal DateTimeOffset? LastTime { get; }

    /// <summary>The session's index in the log, from 0.</summary>
    public int Index { get; }

    /// <summary>The parent session's index, for a hop.</summary>
    public int? Parent { get; }

    /// <summary>The events the rules may look at, in order.</summary>
    public IReadOnlyList<SshEvent> Events => visible;

    /// <summary>The furthest phase the connection entered.</summary>
    public Phase Reached { get; }

    /// <summary>How long each phase took, when the lines carry times (live mode, probe, timestamped pastes); empty otherwise.</summary>
    public IReadOnlyList<PhaseTiming> Timings { get; }

    /// <summary>The longest silence between two lines, when the lines carry times.</summary>
    public SlowStep? SlowestStep { get; }

    /// <summary>
    /// The silences of a second or more in which ssh waited for the user (a prompt it wrote to the terminal, the interactive
    /// session), when the lines carry times: they are not slow steps, and they show that ssh could ask.
    /// </summary>
    internal IReadOnlyList<SlowStep> UserWaits { get; }

    /// <summary>The ProxyJump/ProxyCommand hops this session started.</summary>
    public IReadOnlyList<SessionView> Hops { get; }

    /// <summary>The client's version, when the banner is in the log.</summary>
    public string? Client => First<ClientVersion>()?.Version;

    /// <summary>The server's software, when its identification is in the log.</summary>
    public string? Server => First<RemoteVersion>()?.Software;

    /// <summary>
    /// Whether the user got authenticated: ssh said so, or the log (cut before that line) shows the session that
    /// only a login opens (the interactive session, the remote command's exit status).
    /// </summary>
    public bool Authenticated => Has<AuthenticatedTo>() || Has<AuthSucceeded>() || Has<EnteringInteractiveSession>() || Has<ExitStatus>();

    /// <summary>The host and port named by the last line that names the other end (see <see cref="Peer"/>), or nothing.</summary>
    private (string? Host, int? Port) LastPeer()
    {
        for (var i = visible.Count - 1; i >= 0; i--)
        {
            if (Peer(visible[i]) is { Host: not null } peer)
            {
                return peer;
            }
        }

        return (null, null);
    }

    /// <summary>The host and port a line names as the other end, or nothing (a proxy's <c>UNKNOWN port 65535</c> names none).</summary>
    private static (string? Host, int? Port) Peer(SshEvent e)
    {
        var (host, port) = e switch
        {
            ConnectionClosedByPeer c => (c.Host, c.Port),
            ConnectionReset r => (r.Host, r.Port),
            ConnectionError c => (c.Host, c.Port),
            BannerExchangeFailed b => (b.Host, b.Port),
            HostKeyChanged h => KnownHostsName(h.Host),
            HostKeyUnknownStrict h => KnownHostsName(h.Host),
            _ => (null, null),
        };
        return host is null or "UNKNOWN" or "" ? (null, null) : (host, port);
    }

    /// <summary>Splits a known_hosts name: <c>[127.0.0.1]:2222</c> is host and port, anything else a host on the default port.</summary>
    private static (string? Host, int? Port) KnownHostsName(string name)
    {
        var close = name.LastIndexOf("]:", StringComparison.Ordinal);
        return name.StartsWith('[') && close > 1 && int.TryParse(name.AsSpan(close + 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port)
            ? (name[1..close], port)
            : (name, null);
    }

    /// <summary>Where the connection was going.</summary>
    public Target? Target => target ??= FindTarget();

    private Target? FindTarget()
    {
        var connecting = Last<Connecting>();
        var auth = First<AuthenticatingTo>();
        var failed = Last<ConnectFailed>();
        var denied = Last<PermissionDenied>();
        var host = connecting?.Host ?? auth?.Host ?? failed?.Host ?? denied?.Host ?? First<ResolveFailed>()?.Host ?? First<NegotiationFailed>()?.Host;
        var port = connecting?.Port ?? auth?.Port ?? failed?.Port ?? First<NegotiationFailed>()?.Port;
        if (host is null || port is null)
        {
            // Without -v the lines that name the peer are the failure ones: "Connection closed by H port P", "Host key for [H]:P has changed".
            var peer = LastPeer();
            host ??= peer.Host;
            port ??= peer.Host == host ? peer.Port : null;
        }

        var user = auth?.User ?? denied?.User;
        if (host is null && port is null && user is null)
        {
            return null;
        }

        return new Target(host, connecting?.Address ?? First<AuthenticatedTo>()?.Address, port, user);
    }

    /// <summary>
    /// The last line by which ssh said the connection failed or ended (an error, a refusal, a disconnect, a kill), or
    /// <see langword="null"/> when the log stops while ssh was still at work: a cut paste, or a hang.
    /// </summary>
    internal SshEvent? Failure { get; }

    /// <summary>The last event that shows the connection in a phase (see <see cref="Reached"/>), or <see langword="null"/>.</summary>
    internal SshEvent? LastProgress { get; }

    /// <summary>The line of the last packet ssh said it received (<c>debug3: receive packet: type N</c>, -vvv only), or 0.</summary>
    internal int LastPacketReceivedLine { get; init; }

    /// <summary>Whether an event is a line by which ssh says the connection failed or ended.</summary>
    internal static bool IsFailure(SshEvent e) =>
        e is ResolveFailed or ConnectFailed or IdentificationFailed or BannerExchangeFailed or BadIdentification or NegotiationFailed
            or HostKeyVerificationFailed or PermissionDenied or NoMoreAuthMethods or ReceivedDisconnect or Disconnected or ConnectionClosedByPeer
            or ConnectionReset or ConnectionError or ConnectionBroken or ServerNotResponding or ConnectionClosed or KilledBySignal
            or ProcessSpawnFailed or UsageError or ConfigTerminating;

    /// <summary>The first event of a type, or <see langword="null"/>.</summary>
    /// <typeparam name="T">The event type.</typeparam>
    /// <returns>The event, or <see langword="null"/>.</returns>
    public T? First<T>()
        where T : SshEvent
    {
        if (TypeId<T>.Sealed)
        {
            var (from, to) = Group<T>();
            return to > from ? At<T>(from) : null;
        }

        var all = Of<T>();
        return all.Length == 0 ? null : all[0];
    }

    /// <summary>The last event of a type, or <see langword="null"/>.</summary>
    /// <typeparam name="T">The event type.</typeparam>
    /// <returns>The event, or <see langword="null"/>.</returns>
    public T? Last<T>()
        where T : SshEvent
    {
        if (TypeId<T>.Sealed)
        {
            var (from, to) = Group<T>();
            return to > from ? At<T>(to - 1) : null;
        }

        var all = Of<T>();
        return all.Length == 0 ? null : all[^1];
    }

    /// <summary>Every event of a type, in order.</summary>
    /// <typeparam name="T">The event type.</typeparam>
    /// <returns>The events.</returns>
    public IEnumerable<T> All<T>()
        where T : SshEvent => Of<T>();

    /// <summary>Every event of a type, in order, as <see cref="All{T}"/> gives them: a loop over the span needs no enumerator.</summary>
    /// <typeparam name="T">The event type.</typeparam>
    /// <returns>The events.</returns>
    internal ReadOnlySpan<T> AllSpan<T>()
        where T : SshEvent => Of<T>();

    /// <summary>Whether an event of a type is in the session.</summary>
    /// <typeparam name="T">The event type.</typeparam>
    /// <returns>Whether one is present.</returns>
    public bool Has<T>()
        where T : SshEvent
    {
        if (TypeId<T>.Sealed)
        {
            var (from, to) = Group<T>();
            return to > from;
        }

        return Of<T>().Length > 0;
    }

    /// <summary>Where the events of an exact type are in <see cref="order"/>: <c>from..to</c>, empty when there are none.</summary>
    private (int From, int To) Group<T>()
        where T : SshEvent
    {
        var t = TypeId<T>.Value;
        return t + 1 < start.Length ? (start[t], start[t + 1]) : (0, 0);
    }

    /// <summary>The event at a position of <see cref="order"/>, known to be of type <typeparamref name="T"/> (the index grouped it so).</summary>
    private T At<T>(int position)
        where T : SshEvent
    {
        WorkMeter.Visit();
        return Unsafe.As<T>(events[order[position]]);
    }

    /// <summary>
    /// The events of a type, in order, from the index built with the view: an exact type is one lookup, a base type
    /// gathers the exact types under it (a test per type present, not per event) once per session.
    /// </summary>
    private T[] Of<T>()
        where T : SshEvent
    {
        var slot = TypeId<T>.Slot;
        if (slot < byType.Length && byType[slot] is { } cached)
        {
            return Unsafe.As<T[]>(cached);
        }

        T[] array;
        if (TypeId<T>.Sealed)
        {
            // One exact type: its group, already in order. None (the common answer) is the shared empty array, kept nowhere.
            var (from, to) = Group<T>();
            if (to == from)
            {
                return [];
            }

            array = new T[to - from];
            for (var i = 0; i < array.Length; i++)
            {
                array[i] = (T)events[order[from + i]];
            }
        }
        else
        {
            // A base type: the groups of the types under it (a test per type present, not per event), back in the log's order.
            var found = new List<int>();
            for (var t = 0; t + 1 < start.Length; t++)
            {
                if (start[t + 1] > start[t] && TypeId<T>.Covers(t))
                {
                    found.AddRange(order.AsSpan(start[t], start[t + 1] - start[t]));
                }
            }

            found.Sort();
            array = found.Count > 0 ? new T[found.Count] : [];
            for (var i = 0; i < array.Length; i++)
            {
                array[i] = (T)events[found[i]];
            }
        }

        WorkMeter.Visit(array.Length);
        if (slot >= byType.Length)
        {
            Array.Resize(ref byType, Math.Max(slot + 1, TypeId.Slots));
        }

        byType[slot] = array;
        return array;
    }

    /// <summary>
    /// A fact derived from the session (e.g. the keys offered and their answers), computed by <paramref name="compute"/> the
    /// first time it is asked for and kept with the view: rules that share a fact do not each rescan the events.
    /// </summary>
    /// <typeparam name="TFact">The fact's type.</typeparam>
    /// <param name="compute">Computes the fact; the same delegate instance (a static field) names the fact.</param>
    /// <returns>The fact.</returns>
    internal TFact Fact<TFact>(Func<SessionView, TFact> compute)
        where TFact : class
    {
        facts ??= [];
        if (!facts.TryGetValue(compute, out var known))
        {
            facts[compute] = known = compute(this);
        }

        return (TFact)known;
    }

    /// <summary>Whether an event of type <typeparamref name="T"/> comes after <paramref name="e"/>.</summary>
    /// <typeparam name="T">The event type.</typeparam>
    /// <param name="e">The earlier event.</param>
    /// <returns>Whether one follows it.</returns>
    public bool HasAfter<T>(SshEvent e)
        where T : SshEvent => After(e).OfType<T>().Any();

    /// <summary>The events after <paramref name="e"/>.</summary>
    /// <param name="e">The earlier event.</param>
    /// <returns>The events that follow it.</returns>
    public IEnumerable<SshEvent> After(SshEvent e)
    {
        var at = IndexOf(e);
        return at < 0 ? [] : visible.Skip(at + 1);
    }

    /// <summary>
    /// Where an event is (the first equal one, as <see cref="List{T}.IndexOf(T)"/> says), found by its line number when the
    /// lines are in order (they are, from the reader): a binary search, then the few events of that line.
    /// </summary>
    private int IndexOf(SshEvent e)
    {
        if (!linesInOrder)
        {
            return visible.IndexOf(e);
        }

        var (low, high) = (0, events.Count);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            (low, high) = events[middle].Line < e.Line ? (middle + 1, high) : (low, middle);
        }

        for (var i = low; i < events.Count && events[i].Line == e.Line; i++)
        {
            WorkMeter.Visit();
            if (events[i].Equals(e))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>An event type's number (<see cref="EventTypeIds"/>) and whether it is exact, read once per type.</summary>
/// <typeparam name="T">The event type.</typeparam>
internal static class TypeId<T>
    where T : SshEvent
{
    /// <summary>Whether no type derives from it: its events are one group of the index.</summary>
    public static readonly bool Sealed = typeof(T).IsSealed;

    /// <summary>Its number, for an exact type (-1 for a base type).</summary>
    public static readonly int Value = Sealed ? EventTypeIds.Of(typeof(T)) : -1;

    /// <summary>Its place in a view's cache of answers (see <see cref="TypeId.Slots"/>), exact type or base type.</summary>
    public static readonly int Slot = TypeId.NextSlot();

    /// <summary>Whether <see cref="Covers"/> found the exact type of each number under this one (1) or not (-1), or did not ask yet (0).</summary>
    private static sbyte[] covers = [];

    /// <summary>
    /// Whether the exact type numbered <paramref name="id"/> is this type or derives from it: asked of the runtime once per number.
    /// Threads may race to grow the answers; the loser's answers are only asked again.
    /// </summary>
    public static bool Covers(int id)
    {
        var known = Volatile.Read(ref covers);
        if (id < known.Length && known[id] != 0)
        {
            return known[id] > 0;
        }

        var answer = typeof(T).IsAssignableFrom(EventTypeIds.At(id));
        if (id >= known.Length)
        {
            var grown = new sbyte[Math.Max(id + 1, known.Length * 2)];
            known.CopyTo(grown, 0);
            known = grown;
            Volatile.Write(ref covers, known);
        }

        known[id] = answer ? (sbyte)1 : (sbyte)-1;
        return answer;
    }
}

/// <summary>Numbers the types asked for through <see cref="TypeId{T}"/>, for the views' caches.</summary>
internal static class TypeId
{
    private static int slots;

    /// <summary>How many slots are given so far.</summary>
    public static int Slots => Volatile.Read(ref slots);

    /// <summary>A new slot.</summary>
    public static int NextSlot() => Interlocked.Increment(ref slots) - 1;
}

/// <summary>A small number for every event type, given once for the whole process: a session's type index is two arrays.</summary>
internal static class EventTypeIds
{
    private static readonly object Gate = new();

    /// <summary>
    /// The numbers given so far, by type handle (a number: no virtual hash or equality on <see cref="Type"/>); replaced, never
    /// changed, when a type gets one (a plain dictionary reads faster than a concurrent one).
    /// </summary>
    private static Dictionary<nint, int> ids = [];
    private static Type[] types = new Type[256];

    /// <summary>The last number read for each slot of type handles: most events find theirs with one comparison.</summary>
    private static readonly Known?[] Recent = new Known?[512];

    /// <summary>The number of an event's type.</summary>
    public static int Of(SshEvent e)
    {
        var handle = Type.GetTypeHandle(e).Value;
        var slot = (int)((handle >> 4) ^ (handle >> 13)) & (Recent.Length - 1);
        if (Volatile.Read(ref Recent[slot]) is { } known && known.Handle == handle)
        {
            return known.Id;
        }

        var id = Volatile.Read(ref ids).TryGetValue(handle, out var found) ? found : Add(e.GetType());
        Volatile.Write(ref Recent[slot], new Known(handle, id));
        return id;
    }

    /// <summary>The type's number.</summary>
    public static int Of(Type type) => Volatile.Read(ref ids).TryGetValue(type.TypeHandle.Value, out var id) ? id : Add(type);

    /// <summary>The type of a number given by <see cref="Of(Type)"/>.</summary>
    public static Type At(int id) => Volatile.Read(ref types)[id];

    private static int Add(Type type)
    {
        lock (Gate)
        {
            if (ids.TryGetValue(type.TypeHandle.Value, out var id))
            {
                return id;
            }

            id = ids.Count;
            if (id == types.Length)
            {
                var grown = new Type[types.Length * 2];
                types.CopyTo(grown, 0);
                Volatile.Write(ref types, grown);
            }

            types[id] = type;
            Volatile.Write(ref ids, new Dictionary<nint, int>(ids) { [type.TypeHandle.Value] = id });
            return id;
        }
    }

    /// <summary>A type handle and its number, replaced whole (a reference is read and written in one piece).</summary>
    private sealed record Known(nint Handle, int Id);
}
