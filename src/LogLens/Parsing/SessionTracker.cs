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

    /// <summary>Lines a logged-in hop prints while it forwards the parent's connection.</summary>
    private static bool IsForwardingLine(SshEvent e) =>
        e is ChannelOpened or ChannelOpenFailed or ChannelStep or ChannelRequestResult or ForwardRequestFailed or ForwardEstablished
            or EnteringInteractiveSession or SessionRequest or ServerRequest or Pledge or ExitStatus or TransferStatistics
            or KilledBySignal or HostKeyUpdate or ForwardTargetFailed;

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
    }
}
