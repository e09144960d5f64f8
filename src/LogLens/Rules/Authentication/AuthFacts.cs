using System.Globalization;
using LogLens.Analysis;
using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Authentication;

/// <summary>One key ssh actually sent to the server, and how the server answered.</summary>
/// <param name="Offer">The <c>Offering public key</c> or <c>Trying private key</c> event.</param>
/// <param name="Path">The key's file, or the agent's comment for it.</param>
/// <param name="KeyType">The key type, when printed.</param>
/// <param name="Source">Where it came from (<c>agent</c>, <c>explicit</c> for -i/IdentityFile, or empty for a default key).</param>
/// <param name="Answer">The server's answer (<c>Authentications that can continue</c> or <c>Server accepts key</c>), or <see langword="null"/> when the log ends first.</param>
internal sealed record OfferedKey(SshEvent Offer, string Path, string? KeyType, string Source, SshEvent? Answer)
{
    public bool Accepted => Answer is ServerAcceptsKey;

    public bool IsCertificate =>
        KeyType?.Contains("CERT", StringComparison.OrdinalIgnoreCase) == true ||
        Path.EndsWith("-cert.pub", StringComparison.Ordinal) || Path.EndsWith("-cert", StringComparison.Ordinal);

    /// <summary>Whether the key is a file (not an agent comment), so it can be named to <c>-i</c> or <c>ssh-copy-id</c>.</summary>
    public bool IsFile => Source != "agent" && (Path.Contains('/', StringComparison.Ordinal) || Path.Contains('\\', StringComparison.Ordinal));

    public string Describe()
    {
        var type = KeyType is null ? string.Empty : $" ({KeyType})";
        var from = Source switch
        {
            "agent" => ", from the agent",
            "explicit" => ", named with -i or IdentityFile",
            _ => string.Empty,
        };
        return Path + type + from;
    }
}

/// <summary>Facts about user authentication read from a session, shared by the authentication rules.</summary>
internal static class AuthFacts
{
    /// <summary>Reads the offers once per session: several rules ask for them.</summary>
    private static readonly Func<SessionView, IReadOnlyList<OfferedKey>> OffersOf = ReadOffers;

    /// <summary>The keys ssh sent to the server, in order, each with the server's answer (read once per session).</summary>
    public static IReadOnlyList<OfferedKey> Offers(SessionView session) => session.Fact(OffersOf);

    private static List<OfferedKey> ReadOffers(SessionView session)
    {
        var events = session.Events;
        var offers = new List<OfferedKey>();
        for (var i = 0; i < events.Count; i++)
        {
            string path;
            string? type;
            string source;
            if (events[i] is not (OfferingKey or TryingPrivateKey))
            {
                continue;
            }

            // Only offers look for their answer, which stops at the next offer: linear in the session.
            var answer = Answer(events, i);
            switch (events[i])
            {
                case OfferingKey o:
                    (path, type, source) = (o.Path, o.KeyType, o.FromAgent ? "agent" : o.Explicit ? "explicit" : string.Empty);
                    break;
                case TryingPrivateKey t when answer is ServerAcceptsKey or AuthMethodsCanContinue or AuthSucceeded or AuthenticatedTo && !FollowedByMissing(events, i, t.Path):
                    (path, type, source) = (t.Path, null, string.Empty);
                    break;
                default:
                    continue;
            }

            if (source.Length == 0)
            {
                var planned = session.All<WillAttemptKey>().FirstOrDefault(w => w.Path == path);
                type ??= planned?.KeyType;
                source = planned?.FromAgent == true ? "agent" : planned?.Explicit == true ? "explicit" : string.Empty;
            }

            offers.Add(new OfferedKey(events[i], path, type, source, answer));
        }

        return offers;
    }

    /// <summary>The remote user, as the log names it.</summary>
    public static string? User(SessionView session) =>
        session.First<AuthenticatingTo>()?.User ?? session.All<PermissionDenied>().Select(p => p.User).LastOrDefault(u => u is not null);

    /// <summary>The <c>Authenticating to</c> or <c>user@host: Permission denied</c> line that names the user.</summary>
    public static SshEvent? UserEvidence(SessionView session) =>
        (SshEvent?)session.First<AuthenticatingTo>() ?? session.All<PermissionDenied>().LastOrDefault(p => p.User is not null);

    /// <summary>The OpenSSH version as a number (<c>9.2</c>), or <see langword="null"/> when not known.</summary>
    public static double? Version(string? software) => OpenSshVersion.Number(software);

    /// <summary>The <c>-p PORT</c> argument for ssh-copy-id, or nothing on port 22.</summary>
    public static string PortArgument(SessionView session) =>
        session.Target?.Port is { } p && p != 22 ? $"-p {p} " : string.Empty;

    /// <summary>
    /// Whether the server lets a password in (<c>password</c> or <c>keyboard-interactive</c> in its last list of methods),
    /// or <see langword="null"/> when the log shows no list.
    /// </summary>
    public static bool? PasswordAllowed(SessionView session)
    {
        var list = session.All<AuthMethodsCanContinue>().LastOrDefault()?.MethodList
            ?? session.All<PermissionDenied>().LastOrDefault(p => p.Methods.Length > 0)?.Methods.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return list is null ? null : list.Any(m => m is "password" or "keyboard-interactive");
    }

    /// <summary>
    /// How to put a public key on the server: ssh-copy-id logs in with the password once, so it is offered only where the
    /// server takes one; otherwise the key goes in through a way in that works.
    /// </summary>
    public static Fix InstallKey(SessionView session, string publicKey)
    {
        var user = User(session);
        var who = user is null ? "the remote user" : $"'{user}'";
        return PasswordAllowed(session) == false
            ? new Fix($"Print the public key, then add that line to ~/.ssh/authorized_keys of {who} on the server through a way in that works (its console, " +
                "another key that logs in, the provider's key settings): the server accepts no password here, so ssh-copy-id could not log in", $"cat {Rule.Shell(publicKey)}")
            : new Fix($"Install the public key for {who} (asks for the password once)", $"ssh-copy-id -i {Rule.Shell(publicKey)} {PortArgument(session)}{Rule.Shell(UserAtHost(session))}");
    }

    /// <summary>The public key of the identity ssh offered or was told to use (<c>-i</c>, <c>IdentityFile</c>), or <paramref name="fallback"/>.</summary>
    public static string PublicKeyOf(SessionView session, string fallback = "~/.ssh/id_ed25519.pub")
    {
        var identities = session.All<IdentityFile>().Where(i => !i.Missing && !i.Path.EndsWith("-cert", StringComparison.Ordinal) && !i.Path.EndsWith("-cert.pub", StringComparison.Ordinal)).ToList();
        var file = Offers(session).FirstOrDefault(o => o.Source == "explicit" && o.IsFile)?.Path
            ?? Local.LocalFacts.ExplicitIdentities(session).FirstOrDefault(p => identities.Any(i => Local.LocalFacts.SamePath(p, i.Path)))
            ?? identities.FirstOrDefault(i => !Local.LocalFacts.IsDefaultKey(i.Path))?.Path
            ?? identities.FirstOrDefault()?.Path;
        return file is null ? fallback : file.EndsWith(".pub", StringComparison.Ordinal) ? file : file + ".pub";
    }

    /// <summary>The <c>user@host</c> without a port.</summary>
    public static string UserAtHost(SessionView session)
    {
        var user = User(session);
        var host = session.Target?.Host ?? "HOST";
        return user is { Length: > 0 } ? user + "@" + host : host;
    }

    private static bool FollowedByMissing(IReadOnlyList<SshEvent> events, int at, string path)
    {
        for (var j = at + 1; j < events.Count && j <= at + 3; j++)
        {
            if ((events[j] is IdentityNotAccessible n && n.Path == path) || (events[j] is KeyLoadFailed k && k.Path == path))
            {
                return true;
            }
        }

        return false;
    }

    private static SshEvent? Answer(IReadOnlyList<SshEvent> events, int at)
    {
        for (var j = at + 1; j < events.Count; j++)
        {
            switch (events[j])
            {
                case ServerAcceptsKey or AuthMethodsCanContinue or AuthSucceeded or AuthenticatedTo or PermissionDenied or NoMutualSignature:
                    return events[j];
                case OfferingKey or TryingPrivateKey or NextAuthMethod:
                    return null;
            }
        }

        return null;
    }
}
