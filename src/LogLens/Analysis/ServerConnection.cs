using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Analysis;

/// <summary>
/// What the server rules see of one record of an sshd log: a client's connection (its lines, grouped by PID or by the
/// client's address and port), or the listener's own lines (startup, reloads, shutdown).
/// </summary>
internal sealed class ServerConnection
{
    /// <summary>Lines kept per record beyond the typed ones (a <c>-ddd</c> log prints hundreds per connection).</summary>
    private const int UntypedCapacity = 2048;

    private readonly List<ServerEvent> events = [];
    private readonly List<string> fingerprints = [];
    private int untyped;

    public ServerConnection(int index, bool listener, int firstLine)
    {
        Index = index;
        IsListener = listener;
        FirstLine = firstLine;
        LastLine = firstLine;
    }

    public int Index { get; }

    /// <summary>Whether this is the listener's record (sshd's start and stop), not a client's connection.</summary>
    public bool IsListener { get; }

    public int FirstLine { get; }

    public int LastLine { get; private set; }

    public IReadOnlyList<ServerEvent> Events => events;

    public string? ClientAddress { get; private set; }

    public int? ClientPort { get; private set; }

    public string? LocalAddress { get; private set; }

    public int? LocalPort { get; private set; }

    public string? User { get; private set; }

    public string? ClientSoftware { get; private set; }

    public IReadOnlyList<string> Fingerprints => fingerprints;

    public DateTimeOffset? Start { get; private set; }

    public DateTimeOffset? End { get; private set; }

    /// <summary>Whether a method logged the user in.</summary>
    public bool Authenticated { get; private set; }

    /// <summary>The furthest phase the connection reached, from what sshd logged.</summary>
    public Phase Reached { get; private set; }

    public void Add(ServerEvent e)
    {
        LastLine = e.Line;
        if (e.Timestamp is { } time)
        {
            Start ??= time;
            End = time;
        }

        Learn(e);
        if (e is ServerMessage && ++untyped > UntypedCapacity)
        {
            return;
        }

        events.Add(e);
    }

    public T? First<T>()
        where T : ServerEvent => events.OfType<T>().FirstOrDefault();

    public T? Last<T>()
        where T : ServerEvent => events.OfType<T>().LastOrDefault();

    public IEnumerable<T> All<T>()
        where T : ServerEvent => events.OfType<T>();

    /// <summary>Whether any line of this record names the client endpoint <c>ADDRESS port PORT</c>.</summary>
    public bool Names(string address, int port) => ClientAddress == address && ClientPort == port;

    public ConnectionInfo ToInfo(bool noise) =>
        new(ClientAddress, ClientPort, LocalAddress, LocalPort, User, ClientSoftware, fingerprints, Start, End) { Noise = noise };

    /// <summary>The client endpoint a line names (<c>... 203.0.113.5 port 51234 ...</c>), if any.</summary>
    public static (string Address, int Port)? Endpoint(ServerEvent e)
    {
        switch (e)
        {
            case ConnectionFrom c when c.ClientPort is { } p:
                return (c.ClientAddress, p);
            case AuthAttempt a when a.ClientPort is { } p:
                return (a.ClientAddress, p);
            case MaxStartupsDrop d when d.ClientPort is { } p:
                return (d.ClientAddress, p);
        }

        var message = e.Message;
        var at = message.IndexOf(" port ", StringComparison.Ordinal);
        if (at <= 0)
        {
            return null;
        }

        var start = message.LastIndexOf(' ', at - 1) + 1;
        var end = at + 6;
        while (end < message.Length && char.IsAsciiDigit(message[end]))
        {
            end++;
        }

        return end > at + 6 && int.TryParse(message.AsSpan(at + 6, end - at - 6), out var port) && start < at
            ? (message[start..at], port)
            : null;
    }

    private void Learn(ServerEvent e)
    {
        var phase = e switch
        {
            ConnectionFrom or NoClientBanner or MaxStartupsDrop => Phase.VersionExchange,
            LogLens.Events.ClientSoftware or ServerNegotiationFailed => Phase.Negotiation,
            AuthAttempt { Accepted: true } or SessionStarted or ForcedCommand or ChrootBadModes or ForwardRefusedByServer or ForwardTargetUnreachable => Phase.Session,
            AuthAttempt or InvalidUser or UserNotAllowed or RootLoginRefused or AlgorithmNotAccepted or AuthRefusedModes or MaxAuthTriesExceeded
                or ServerCertificateInvalid or AccountRefused or LoginGraceTimeout => Phase.Authentication,
            ServerListening or HostKeyLoadFailed or ServerConfigError or ServerCannotListen or ServerStopping => Phase.Startup,
            _ => (Phase?)null,
        };
        if (phase is { } p && (Reached == Phase.Local || (p != Phase.Startup && (Reached == Phase.Startup || p > Reached))))
        {
            Reached = p;
        }

        switch (e)
        {
            case ConnectionFrom c:
                (ClientAddress, ClientPort, LocalAddress, LocalPort) = (c.ClientAddress, c.ClientPort, c.LocalAddress, c.LocalPort);
                break;
            case MaxStartupsDrop d:
                (ClientAddress, ClientPort, LocalAddress, LocalPort) = (d.ClientAddress, d.ClientPort, d.LocalAddress, d.LocalPort);
                break;
            case LogLens.Events.ClientSoftware s:
                ClientSoftware = s.Software;
                break;
            case AuthAttempt a:
                User ??= a.User;
                ClientAddress ??= a.ClientAddress;
                ClientPort ??= a.ClientPort;
                Authenticated |= a.Accepted;
                AddFingerprint(a.Fingerprint);
                break;
            case AuthorizedKeyFound k:
                AddFingerprint(k.Fingerprint);
                break;
            case InvalidUser i:
                User ??= i.User;
                break;
            case UserNotAllowed n:
                User ??= n.User;
                break;
            case MaxAuthTriesExceeded m:
                User ??= m.User;
                break;
            case SessionStarted s:
                User ??= s.User;
                break;
        }

        if (ClientAddress is null && Endpoint(e) is { } endpoint)
        {
            (ClientAddress, ClientPort) = endpoint;
        }
    }

    private void AddFingerprint(string? fingerprint)
    {
        if (fingerprint is not null && !fingerprints.Contains(fingerprint))
        {
            fingerprints.Add(fingerprint);
        }
    }
}
