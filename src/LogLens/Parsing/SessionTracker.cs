using LogLens.Events;

namespace LogLens.Parsing;

/// <summary>
/// Assigns each event to an ssh invocation. A new session starts at a client version banner once the
/// current one has shown a banner or debug output, or, for logs cut before the banner, when a session that already
/// connected (or failed to) reads its configuration or connects again. A banner that follows a proxy
/// command starts a hop session linked to its parent; the parent resumes once the hop has finished.
/// </summary>
internal sealed class SessionTracker
{
    private readonly List<State> sessions = [new(null)];
    private int current;

    public void Assign(SshEvent e)
    {
        var state = sessions[current];
        switch (e)
        {
            case ClientVersion when state.HasSshOutput:
                Start(state.AwaitingHop ? current : null);
                break;
            case ReadingConfig or Connecting or Resolving when state.Progressed:
                Start(null);
                break;
        }

        state = sessions[current];
        e.Session = current;
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
            case ConnectFailed or ResolveFailed or HostKeyVerificationFailed or PermissionDenied or AuthenticatedTo
                or NegotiationFailed or IdentificationFailed or ProcessSpawnFailed or BannerExchangeFailed:
                state.Progressed = true;
                if (state.Parent is { } parent)
                {
                    // The hop is done: what follows is the parent's again.
                    current = parent;
                }

                break;
            case ConnectionEstablished or RemoteVersion:
                state.Progressed = true;
                break;
        }
    }

    private void Start(int? parent)
    {
        if (parent is not null)
        {
            sessions[parent.Value].AwaitingHop = false;
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
