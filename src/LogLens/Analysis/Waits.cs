using System.Globalization;
using LogLens.Events;

namespace LogLens.Analysis;

/// <summary>Who ssh waits for when it prints nothing.</summary>
internal enum WaitKind
{
    /// <summary>Nothing: ssh is at work on its own, or the log does not say.</summary>
    None,

    /// <summary>The network or the server: a connection, a banner, a key exchange reply, an answer to authentication.</summary>
    Network,

    /// <summary>The person at the terminal: the host-key question, a password or passphrase, an interactive session.</summary>
    User,
}

/// <summary>What ssh waits for after a line: who, and a short phrase naming it ("the server's KEX reply").</summary>
/// <param name="Kind">Who it waits for.</param>
/// <param name="What">A phrase that completes "ssh has been waiting N s for ...".</param>
internal sealed record Wait(WaitKind Kind, string What)
{
    /// <summary>ssh is not waiting for anyone that the log shows.</summary>
    public static Wait Nothing { get; } = new(WaitKind.None, "nothing");
}

/// <summary>
/// What ssh waits for once it has printed a line, from the line alone: after <c>expecting SSH2_MSG_KEX_ECDH_REPLY</c> it
/// waits for the server, after <c>Next authentication method: password</c> for the user typing it. ssh prints its
/// prompts to the terminal, not to its log, so the line before the prompt is what shows it.
/// </summary>
internal static class Waits
{
    /// <summary>What ssh waits for after <paramref name="e"/>, or <see langword="null"/> when the line changes nothing (a trace line).</summary>
    public static Wait? After(SshEvent e) => e switch
    {
        // The most frequent lines of a -vvv log first, which change nothing: the other types are tested one by one.
        KexProposal or IdentityFile or PacketTrace or WillAttemptKey or KnownHostsFileMissing or KexChosen or KexCipherChosen or KexProposalStart
            or IdentityNotAccessible or ServerExtension => null,
        Resolving r => new(WaitKind.Network, $"the name server's answer for {r.Host}"),
        Connecting c => new(WaitKind.Network, c.Port is { } port
            ? string.Create(CultureInfo.InvariantCulture, $"the TCP connection to {c.Address} port {port}")
            : $"the TCP connection to {c.Address}"),
        ConnectionEstablished or LocalVersion => new(WaitKind.Network, "the server's banner (its SSH version line)"),
        RemoteVersion or ProtocolMessage { Name: "SSH2_MSG_KEXINIT", Sent: true } => new(WaitKind.Network, "the server's key exchange offer (KEXINIT)"),
        ExpectingMessage { Name: var name } when name.Contains("KEX", StringComparison.Ordinal) => new(WaitKind.Network, $"the server's KEX reply ({name})"),
        ExpectingMessage { Name: var name } => new(WaitKind.Network, $"the server's {name}"),
        ProtocolMessage { Name: "SSH2_MSG_NEWKEYS", Sent: false } or ProtocolMessage { Name: "SSH2_MSG_SERVICE_REQUEST", Sent: true } =>
            new(WaitKind.Network, "the server's SSH2_MSG_SERVICE_ACCEPT"),
        ProtocolMessage { Name: "SSH2_MSG_SERVICE_ACCEPT" or "SSH2_MSG_EXT_INFO", Sent: false } => new(WaitKind.Network, "the server's first answer to authentication"),
        ServerHostKey or HostAuthenticityUnknown or HostKeyFingerprint or HostKeyPrompt => new(WaitKind.User, "your answer to the host-key question"),
        HostKeyKnown or HostKeyFound or HostKeyAdded => Wait.Nothing,
        OfferingKey => new(WaitKind.Network, "the server's answer to the key offered"),
        ServerAcceptsKey => new(WaitKind.User, "the key's passphrase, or a confirmation or touch to sign with it"),
        TryingPrivateKey or PassphrasePrompt => new(WaitKind.User, "the key's passphrase"),
        NextAuthMethod { Method: "password" } or PasswordPrompt or PasswordRetry => new(WaitKind.User, "your password"),
        NextAuthMethod { Method: "keyboard-interactive" } => new(WaitKind.User, "your answers to the server's questions (keyboard-interactive)"),
        NextAuthMethod { Method: var method } when method.StartsWith("gssapi", StringComparison.Ordinal) => new(WaitKind.Network, "the Kerberos (GSSAPI) exchange"),
        AuthStep { Detail: var detail } when detail.Contains("wait for reply", StringComparison.Ordinal) => new(WaitKind.Network, AnswerTo(detail)),
        AuthenticatedTo or AuthSucceeded => new(WaitKind.Network, "the server to open the session"),
        EnteringInteractiveSession => new(WaitKind.User, "you: the interactive session is open"),

        // ssh prints "Entering interactive session." for a remote command too: then the command's run is no one's wait.
        SessionRequest { Detail: var detail } when detail.StartsWith("Sending command", StringComparison.Ordinal) => Wait.Nothing,
        NextAuthMethod or AuthMethodsCanContinue or TerminalUnavailable or ExitStatus => Wait.Nothing,
        _ when SessionView.IsFailure(e) => Wait.Nothing,
        _ => null,
    };

    /// <summary>What ssh waits for after the last of <paramref name="events"/> that says (see <see cref="After"/>).</summary>
    public static Wait Last(IEnumerable<SshEvent> events)
    {
        var wait = Wait.Nothing;
        foreach (var e in events)
        {
            wait = After(e) ?? wait;
        }

        return wait;
    }

    /// <summary>"we sent a password packet, wait for reply" -&gt; "the server's answer to the password".</summary>
    private static string AnswerTo(string detail)
    {
        const string sent = "we sent a ";
        var at = detail.IndexOf(sent, StringComparison.Ordinal);
        var end = at < 0 ? -1 : detail.IndexOf(" packet", at, StringComparison.Ordinal);
        var what = end > at && at >= 0 ? detail[(at + sent.Length)..end] : null;
        return what switch
        {
            "password" => "the server's answer to the password",
            "publickey" => "the server's answer to the key",
            { Length: > 0 } => $"the server's answer to {what} authentication",
            _ => "the server's answer to authentication",
        };
    }
}
