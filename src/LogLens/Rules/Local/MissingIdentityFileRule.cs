using LogLens.Analysis;
using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Local;

/// <summary><c>missing-identity-file</c>: an identity file that was asked for does not exist.</summary>
internal sealed class MissingIdentityFileRule() : Rule(new(RuleIds.MissingIdentityFile, "missing-identity-file", Severity.Error, Phase.Local, "An identity file that was asked for does not exist"))
{
    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        if (!session.Has<IdentityNotAccessible>() && !session.All<IdentityFile>().Any(i => i.Missing))
        {
            // No line says an identity file is missing or unreadable.
            return null;
        }

        var explicitPaths = LocalFacts.ExplicitIdentities(session);

        // A user-provided identity that cannot be read is reported without a debug level ("Warning: Identity file ...",
        // "no such identity: ..." at info level, 8.5+); the default keys are reported at debug3 and are normal.
        var notAccessible = new List<IdentityNotAccessible>();
        foreach (var n in session.AllSpan<IdentityNotAccessible>())
        {
            if (n.Level is null || LocalFacts.AnySamePath(explicitPaths, n.Path))
            {
                notAccessible.Add(n);
            }
        }

        var confidence = Confidence.Certain;
        if (notAccessible.Count == 0 && LastKeyMissing(context) is { } last)
        {
            // A fragment that stops right after ssh found no file for the key it tried: that missing key is the likeliest story.
            notAccessible.Add(last);
            confidence = Confidence.Likely;
        }

        var missing = notAccessible.Count == 0 ? [] : notAccessible.Select(n => n.Path).Distinct(StringComparer.Ordinal).ToList();
        var typeless = new List<SshEvent>();
        if (missing.Count == 0)
        {
            foreach (var candidate in TypeMinusOne(session, explicitPaths))
            {
                missing.Add(candidate.Path);
                typeless.Add(candidate);
            }
        }

        if (missing.Count == 0)
        {
            return null;
        }

        var path = missing[0];
        // A key the server accepted (even one that then could not sign) shows the missing file was not what it needed.
        var severity = session.Authenticated || context.HasCause || session.Has<ServerAcceptsKey>() || session.Has<SigningFailed>() ? Severity.Warning : Severity.Error;
        var reason = notAccessible.FirstOrDefault()?.Reason ?? "No such file or directory";
        var notFound = reason.Length == 0 || reason.Contains("No such file", StringComparison.OrdinalIgnoreCase);
        var what = notFound || typeless.Count > 0
            ? $"The identity file {path} does not exist"
            : $"The identity file {path} exists but ssh cannot read it ({reason})";
        var fellBack = notAccessible.Any(n => n.Message.StartsWith("Warning:", StringComparison.Ordinal)) && (session.Has<OfferingKey>() || session.Has<TryingPrivateKey>())
            ? " ssh then went on with its default keys (~/.ssh/id_rsa, id_ecdsa, id_ed25519 ...), even with IdentitiesOnly, so any 'Offering public key' for those and their rejection are a side effect, not the problem."
            : string.Empty;
        var consequence = session.Authenticated
            ? " Another key logged you in, so the connection worked anyway, but the option points at nothing."
            : LocalFacts.AuthFailed(session)
                ? " Without that key the server accepted nothing, so the final 'Permission denied' is a consequence."
                : string.Empty;
        var relative = !path.Contains('/', StringComparison.Ordinal) && !path.Contains('\\', StringComparison.Ordinal) || path.StartsWith("./", StringComparison.Ordinal)
            ? " The path is relative, so it is looked up in the directory ssh was started from, which for a script, an IDE or a CI job is often not the one you expect."
            : string.Empty;
        var evidence = new List<SshEvent?>();
        evidence.AddRange(notAccessible.Take(3));
        evidence.AddRange(typeless);
        evidence.Add(session.All<WillAttemptKey>().FirstOrDefault(w => LocalFacts.SamePath(w.Path, path)));
        evidence.Add(session.Last<PermissionDenied>());
        var dir = Directory(path);
        var windows = LocalFacts.IsWindows(session, path);
        // A key that exists and was not already offered and refused: naming a refused one would send the user in a circle.
        var refused = Authentication.AuthFacts.Offers(session).Where(o => !o.Accepted).Select(o => o.Path).ToList();
        var existing = session.All<IdentityFile>().FirstOrDefault(i => i.KeyType >= 0 && !i.Path.Contains("-cert", StringComparison.Ordinal) &&
            !refused.Any(r => LocalFacts.SamePath(r, i.Path) || LocalFacts.SamePath(r, i.Path + ".pub")))?.Path;
        var fixes = new List<Fix>
        {
            new("See which keys really exist", windows ? $"dir \"{LocalFacts.WindowsPath(dir)}\"" : $"ls -l {Shell(dir)}"),
            // Only a key the log shows to exist is named; otherwise the user fills in the one 'ls' lists.
            new(existing is null ? "Point -i (or IdentityFile in ~/.ssh/config) at the key file that exists" : $"Point -i (or IdentityFile in ~/.ssh/config) at a key that exists, such as {existing}",
                $"ssh -i {(existing is null ? "PATH_TO_KEY" : LocalFacts.PathArgument(existing, windows))} {Destination(session)}"),
            Authentication.AuthFacts.PasswordAllowed(session) == false
                ? new("Or create the key under that name, then add its public half (" + path + ".pub) to ~/.ssh/authorized_keys on the server through a way in that works: the server takes no password, so ssh-copy-id could not log in", $"ssh-keygen -t ed25519 -f {Shell(path)}")
                : new("Or create the key under that name and install its public half on the server", $"ssh-keygen -t ed25519 -f {Shell(path)} && ssh-copy-id -i {Shell(path + ".pub")} {Destination(session)}"),
        };
        return Report(
            $"{what}: it was asked for explicitly (-i or IdentityFile), so ssh had no such key to offer.{fellBack}{consequence}{relative} " +
            $"Check the spelling and the directory: a key created under another name (id_rsa vs id_ed25519), in another user's home " +
            $"(sudo, a service account, Windows vs WSL), or an IdentityFile line left over from another machine are the usual causes.",
            evidence,
            fixes,
            severity,
            confidence: severity == Severity.Error ? confidence : Confidence.Certain);
    }

    /// <summary>
    /// In a log that stops before ssh's verdict, the "no such identity" line for the last key ssh went for, when nothing
    /// after it shows another key or method at work and the log lists no key file that does exist.
    /// </summary>
    private static IdentityNotAccessible? LastKeyMissing(RuleContext context)
    {
        var session = context.Session;
        if (context.HasCause || session.Authenticated || session.Failure is not null ||
            session.All<IdentityFile>().Any(i => !i.Missing && !i.Path.Contains("-cert", StringComparison.Ordinal)))
        {
            return null;
        }

        var last = session.Events.LastOrDefault(e => e is IdentityNotAccessible or OfferingKey or TryingPrivateKey or ServerAcceptsKey
            or AuthMethodsCanContinue or NextAuthMethod or PasswordPrompt or PassphrasePrompt or SigningFailed);
        return last as IdentityNotAccessible;
    }

    /// <summary>
    /// Identities listed with type -1 that were explicit (or the only identity, with authentication failing), when the log has
    /// no line showing the file exists (a load error, a passphrase prompt, an offer of it).
    /// </summary>
    private static List<IdentityFile> TypeMinusOne(SessionView session, List<string> explicitPaths)
    {
        var candidates = new List<IdentityFile>();
        var identities = 0;
        IdentityFile? only = null;
        foreach (var identity in session.AllSpan<IdentityFile>())
        {
            if (identity.Path.EndsWith("-cert", StringComparison.Ordinal) || identity.Path.EndsWith("-cert.pub", StringComparison.Ordinal))
            {
                continue;
            }

            identities++;
            only = identity;
            if (identity.Missing && LocalFacts.AnySamePath(explicitPaths, identity.Path))
            {
                candidates.Add(identity);
            }
        }

        if (candidates.Count == 0 && identities == 1 && only!.Missing && !LocalFacts.IsDefaultKey(only.Path) && LocalFacts.AuthFailed(session))
        {
            candidates.Add(only);
        }

        var typeless = new List<IdentityFile>();
        if (candidates.Count == 0)
        {
            return typeless;
        }

        // From 8.5 on a user-provided identity that is missing is reported at info level: trying it without that line means it exists.
        var reportsMissing = LocalFacts.Version(session) is >= 8.5;
        foreach (var candidate in candidates.DistinctBy(c => c.Path))
        {
            var path = candidate.Path;
            var exists = session.All<KeyLoadFailed>().Any(k => LocalFacts.SamePath(k.Path, path)) ||
                         session.All<KeyPermissionsTooOpen>().Any(k => LocalFacts.SamePath(k.Path, path)) ||
                         session.All<PassphrasePrompt>().Any(k => LocalFacts.SamePath(k.Path, path)) ||
                         session.All<OfferingKey>().Any(k => LocalFacts.SamePath(k.Path, path)) ||
                         (reportsMissing && session.All<TryingPrivateKey>().Any(t => LocalFacts.SamePath(t.Path, path)));
            if (!exists)
            {
                typeless.Add(candidate);
            }
        }

        return typeless;
    }

    private static string Directory(string path)
    {
        var cut = path.LastIndexOfAny(['/', '\\']);
        return cut <= 0 ? "." : path[..cut];
    }
}
