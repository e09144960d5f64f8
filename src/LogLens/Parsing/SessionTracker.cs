using LogLens.Events;

namespace LogLens.Parsing;

/// <summary>
/// Assigns each event to an ssh invocation. A new session starts at a client version banner once the
/// current one has shown a banner or debug output, or, for logs cut before the banner, when a session that
/// already connected (or failed to) reads its configuration or connects again.
/// </summary>
/// <remarks>
/// A banner that follows a proxy command starts a hop session linked to its parent: the ssh that
/// ProxyJump runs writes to the same terminal. Until the hop logs in, its lines are the hop's; if it fails,
/// the parent resumes. Once it has logged in, the hop only forwards: channel and session lines go to the
/// hop until the parent itself logs in, everything else (the parent's banner exchange, key exchange and
/// authentication) goes to the parent.
/// </remarks>
internal sealed class SessionTracker
{
    private readonly List<State> sessions = [new(null)];
    private int current;
    private int? forwardingHop;

    public void Assign(SshEvent e)
    {
        var state = sessions[current];
        switch (e)
        {
            case ClientVersion when state.HasSshOutput:
                Start(state.AwaitingHop ? current : null);
                break;
            case ReadingConfig or Connecting or Resolving when state.Progressed && state.Parent is null:
                Start(null);
                break;
        }

        var target = forwardingHop is { } hop && IsForwardingLine(e) ? hop : current;
        state = sessions[target];
        e.Session = target;
        e.ParentSession = state.Parent;
        state.Stamped |= e.Timestamp is not null;
        if (e is ClientVersion || e.Level is not null)
        {
            // Warnings ssh prints while parsing its arguments (a missing -i file, a config error) come before
            // its banner: they open the next session rather than close the current one.
            state.HasSshOutput = true;
        }

        switch (e)
        {
            case ProxyCommandExecuting:
                state.AwaitingHop = true;
                break;
            case AuthenticatedTo or AuthSucceeded when state.Parent is { } parent && target == current:
                // The hop is in: from now on it only forwards; the parent carries on.
                state.Progressed = true;
                forwardingHop = target;
                current = parent;
                break;
            case AuthenticatedTo or AuthSucceeded when target == current:
                state.Progressed = true;
                forwardingHop = null;
                break;
            case ConnectFailed or ResolveFailed or HostKeyVerificationFailed or PermissionDenied
                or NegotiationFailed or IdentificationFailed or ProcessSpawnFailed or BannerExchangeFailed:
                state.Progressed = true;
                if (state.Parent is { } failedParent && target == current)
                {
                    // The hop failed: what follows is the parent's again.
                    current = failedParent;
                }

                break;
            case ConnectionEstablished or RemoteVersion:
                state.Progressed = true;
                break;
        }
    }

    /// <summary>
    /// Assigns a line that is not turned into an event (see <see cref="EventBuilder.Push(RawLine, out SkippedLine?)"/>) as
    /// <see cref="Assign"/> would assign its event, for a type that none of the tracker's cases names (it starts, ends and
    /// advances no session). Refuses (and changes nothing) when that session has had a line with a time: a consumer that
    /// times lines needs every event of such a session.
    /// </summary>
    /// <param name="type">The type of the event the line would have made.</param>
    /// <param name="hasLevel">Whether the line has a debug level.</param>
    /// <param name="session">The line's session.</param>
    /// <param name="parent">That session's parent.</param>
    /// <returns>Whether the line was assigned.</returns>
    public bool TryAssignSkipped(Type type, bool hasLevel, out int session, out int? parent)
    {
        session = forwardingHop is { } hop && ForwardingTypes.Contains(type) ? hop : current;
        var state = sessions[session];
        parent = state.Parent;
        if (state.Stamped)
        {
            return false;
        }

        if (hasLevel)
        {
            state.HasSshOutput = true;
        }

        return true;
    }

    /// <summary>The (sealed) types of the lines a logged-in hop prints while it forwards the parent's connection.</summary>
    private static readonly HashSet<Type> ForwardingTypes =
    [
        typeof(ChannelOpened), typeof(ChannelOpenFailed), typeof(ChannelStep), typeof(ChannelRequestResult), typeof(ForwardRequestFailed),
        typeof(ForwardEstablished), typeof(EnteringInteractiveSession), typeof(SessionRequest), typeof(ServerRequest), typeof(Pledge),
        typeof(ExitStatus), typeof(TransferStatistics), typeof(KilledBySignal), typeof(HostKeyUpdate), typeof(ForwardTargetFailed),
    ];

    /// <summary>Lines a logged-in hop prints while it forwards the parent's connection.</summary>
    private static bool IsForwardingLine(SshEvent e) => ForwardingTypes.Contains(e.GetType());

    private void Start(int? parent)
    {
        if (parent is not null)
        {
            sessions[parent.Value].AwaitingHop = false;
        }
        else
        {
            forwardingHop = null;
        }

        sessions.Add(new State(parent));
        current = sessions.Count - 1;
    }

    private sealed class State(int? parent)
    {
        public int? Parent { get; } = parent;

        public bool HasSshOutput { get; set; }

        public bool Progressed { get; set; }

        public bool AwaitingHop { get; set; }

        /// <summary>Whether a line of the session had a time.</summary>
        public bool Stamped { get; set; }
    }
}
