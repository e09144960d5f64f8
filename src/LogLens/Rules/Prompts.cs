using LogLens.Analysis;
using LogLens.Events;

namespace LogLens.Rules;

/// <summary>What ssh wanted to ask the user when it could not open the terminal.</summary>
internal enum Question
{
    /// <summary>Nothing in the log says.</summary>
    Unknown,

    /// <summary>Whether to trust a host key it does not know ("Are you sure you want to continue connecting").</summary>
    HostKey,

    /// <summary>The account's password (or a keyboard-interactive answer).</summary>
    Password,

    /// <summary>A private key's passphrase.</summary>
    Passphrase,
}

/// <summary>
/// ssh prints the same line whatever it wanted to ask (<c>read_passphrase: can't open /dev/tty</c>): the lines around it
/// tell the question. What follows decides first (<c>Host key verification failed.</c> answers a host key question, a
/// refused password a password prompt), then what came just before (the server's host key, the password method, a key
/// the server accepted). Every release prints these neighbours, so this holds across versions.
/// </summary>
internal static class Prompts
{
    /// <summary>Each time ssh found no terminal, with what it wanted to ask.</summary>
    public static IEnumerable<(TerminalUnavailable Line, Question Question)> Failed(SessionView session) =>
        session.All<TerminalUnavailable>().Select(t => (t, Of(session, t)));

    /// <summary>The first time ssh found no terminal for a given question, or <see langword="null"/>.</summary>
    public static TerminalUnavailable? Failed(SessionView session, Question question) =>
        Failed(session).Where(f => f.Question == question).Select(f => f.Line).FirstOrDefault();

    /// <summary>What ssh wanted to ask at <paramref name="line"/>.</summary>
    public static Question Of(SessionView session, TerminalUnavailable line)
    {
        var events = session.Events;
        var at = IndexOf(events, line);
        if (at < 0)
        {
            return Question.Unknown;
        }

        for (var i = at + 1; i < events.Count; i++)
        {
            switch (events[i])
            {
                case HostKeyVerificationFailed or HostKeyAdded:
                    return Question.HostKey;
                case PasswordRetry:
                    return Question.Password;
                case TerminalUnavailable or OfferingKey or TryingPrivateKey or NextAuthMethod or AuthMethodsCanContinue or PermissionDenied
                    or ServerAcceptsKey or AuthenticatedTo or AuthSucceeded:
                    i = events.Count;
                    break;
            }
        }

        for (var i = at - 1; i >= 0; i--)
        {
            switch (events[i])
            {
                case NextAuthMethod { Method: "password" or "keyboard-interactive" } or PasswordPrompt or PasswordRetry:
                    return Question.Password;
                case AuthMethodsCanContinue methods when IsPasswordAttempt(events, i):
                    return methods.MethodList.Any(m => m is "password" or "keyboard-interactive") ? Question.Password : Question.Unknown;
                case ServerAcceptsKey or TryingPrivateKey or PassphrasePrompt or KeyLoadFailed:
                    return Question.Passphrase;
                case NextAuthMethod or OfferingKey or AuthenticatedTo or AuthSucceeded:
                    return Question.Unknown;
                case ServerHostKey or HostKeyTypeNotKnown or HostAuthenticityUnknown or HostKeyFingerprint or HostKeyPrompt
                    or ExpectingMessage or ProtocolMessage { Name: "SSH2_MSG_KEX_ECDH_REPLY" or "SSH2_MSG_KEX_DH_GEX_REPLY" or "SSH2_MSG_KEXDH_REPLY" }:
                    return Question.HostKey;
            }
        }

        return Question.Unknown;
    }

    /// <summary>Whether a "can continue" line answers a password ssh sent (the previous method tried was a password one).</summary>
    private static bool IsPasswordAttempt(IReadOnlyList<SshEvent> events, int at)
    {
        for (var i = at - 1; i >= 0; i--)
        {
            switch (events[i])
            {
                case NextAuthMethod next:
                    return next.Method is "password" or "keyboard-interactive";
                case TerminalUnavailable or PasswordRetry:
                    continue;
                case OfferingKey or TryingPrivateKey or ServerAcceptsKey:
                    return false;
            }
        }

        return false;
    }

    private static int IndexOf(IReadOnlyList<SshEvent> events, SshEvent e)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (ReferenceEquals(events[i], e))
            {
                return i;
            }
        }

        return -1;
    }
}
