using LogLens.Analysis;
using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Local;

/// <summary><c>encrypted-key-no-passphrase</c>: the key's passphrase could not be asked.</summary>
internal sealed class EncryptedKeyNoPassphraseRule() : Rule(new(RuleIds.EncryptedKeyNoPassphrase, "encrypted-key-no-passphrase", Severity.Error, Phase.Local, "The key's passphrase could not be asked"))
{
    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        if (context.HasCause)
        {
            return null;
        }

        var passphrase = session.All<KeyLoadFailed>().Where(k => IsPassphrase(k.Reason)).ToList();
        var tty = Prompts.Failed(session).Where(f => f.Question == Question.Passphrase).Select(f => f.Line).ToList();
        var wrong = passphrase.Where(k => k.Reason.Contains("incorrect passphrase", StringComparison.OrdinalIgnoreCase) || k.Reason.Contains("bad passphrase", StringComparison.OrdinalIgnoreCase)).ToList();
        var silent = SilentlyUnsigned(session);
        var waiting = silent is null && passphrase.Count == 0 && tty.Count == 0 ? AwaitingPassphrase(session) : null;
        silent ??= waiting;
        var prompts = session.All<PassphrasePrompt>().ToList();
        var promptThenDenied = prompts.Count > 0 && LocalFacts.AuthFailed(session);
        if (passphrase.Count == 0 && tty.Count == 0 && silent is null && !promptThenDenied)
        {
            return null;
        }

        if (session.Authenticated)
        {
            // The login worked: only a clear passphrase failure is worth a note.
            if (passphrase.Count == 0 && tty.Count == 0)
            {
                return null;
            }
        }
        else if (!LocalFacts.AuthFailed(session) && silent is null && passphrase.Count == 0 && tty.Count == 0)
        {
            return null;
        }

        // OpenSSH before 8.2 may give up on a damaged private key as silently as on one it cannot decrypt (the 7.4 lab does; 8.2 and
        // later print a "Load key" error for it, which ends the silence): only a passphrase question tells them apart.
        var damagedLooksTheSame = silent is not null && waiting is null && passphrase.Count == 0 && tty.Count == 0 && prompts.Count == 0 &&
            LocalFacts.Version(session) is < 8.2;
        var path = silent?.Path is { Length: > 0 } accepted ? accepted
            : passphrase.FirstOrDefault(p => p.Path is not null)?.Path
              ?? prompts.FirstOrDefault()?.Path
              ?? session.All<TryingPrivateKey>().LastOrDefault(t => passphrase.Concat<SshEvent>(tty).Any(p => p.Line > t.Line))?.Path
              ?? session.Last<OfferingKey>()?.Path;
        var key = path is { Length: > 0 } ? path : "KEY";
        var named = path is { Length: > 0 } ? "the key " + path : "the key";
        MessageText what;
        if (wrong.Count > 0 && tty.Count == 0)
        {
            what = $"{Capital(named)} is protected by a passphrase and the passphrase ssh got was wrong (\"{wrong[0].Reason}\"): it was mistyped, " +
                   $"an askpass program or a CI variable supplied the wrong one, or the key was re-encrypted with another passphrase. " +
                   $"The key file itself is fine; this is not a format or permissions problem.";
        }
        else if (waiting is not null)
        {
            what = $"The server said it would accept {named} (\"Server accepts key\") and the log ends there, before ssh signed with it: ssh was " +
                   $"most likely waiting for the key's passphrase, which it asks on the terminal, not in the captured output (or, with a " +
                   $"hardware or agent-held key, for a PIN or a touch). Without an answer it waits until the calling program gives up. The key " +
                   $"is the right one: the server knows it. To be sure, run the same command in a terminal and see whether it asks.";
        }
        else if (silent is not null)
        {
            what = $"The server said it would accept {named} (\"Server accepts key\"), but ssh never sent the signature: the private key is " +
                   $"protected by a passphrase and ssh had no way to ask for it, so it gave up on the key silently. That happens with " +
                   $"BatchMode=yes, and when ssh runs without a terminal (cron, CI, an IDE, git, rsync or ansible calling ssh) and no " +
                   $"SSH_ASKPASS program. The key is the right one: the server knows it.";
            if (damagedLooksTheSame)
            {
                what += $" One other cause can look the same in this log: an ssh older than 8.2 (this one is OpenSSH {OpenSshVersion.Parse(session.Client)}) " +
                        $"may give up just as silently on a private key file that is damaged or in a format it cannot read (8.2 and later print " +
                        $"'Load key ...: error in libcrypto' or 'invalid format'), so check the file first.";
            }
        }
        else
        {
            what = $"{Capital(named)} is protected by a passphrase and ssh could not ask for it (no terminal to read it from, BatchMode=yes, " +
                   $"or no SSH_ASKPASS program), so it skipped the key. This is common in CI, cron jobs, IDEs and tools that call ssh.";
        }

        MessageText consequence = session.Authenticated
            ? " Another key or method logged you in, so this did not stop the connection."
            : waiting is not null
                ? string.Empty
                : " Without this key the server accepted nothing, so the 'Permission denied' that follows is a consequence.";
        var evidence = new List<SshEvent?> { silent };
        evidence.AddRange(prompts.Take(2));
        evidence.AddRange(passphrase.Take(3));
        evidence.AddRange(tty.Take(1));
        evidence.Add(session.Last<NoMoreAuthMethods>());
        evidence.Add(session.Last<PermissionDenied>());
        var fixes = new List<Fix>
        {
            new("Load the key into an agent once (it asks for the passphrase there), then run ssh as before", $"eval \"$(ssh-agent -s)\" && ssh-add {Shell(key)}"),
            new("Or run ssh once in a terminal, without BatchMode, to type the passphrase and check it is right", $"ssh -i {Shell(key)} {Destination(session)}"),
            new("For unattended use, change or remove the passphrase (prefer a dedicated key, restricted on the server in authorized_keys)", $"ssh-keygen -p -f {Shell(key)}"),
        };
        if (LocalFacts.IsMac(session))
        {
            fixes.Insert(1, new Fix("On macOS, keep the passphrase in the keychain", $"ssh-add --apple-use-keychain {Shell(key)}"));
        }
        else if (LocalFacts.IsWindows(session, path))
        {
            fixes[0] = new Fix("On Windows, start the OpenSSH agent service and add the key once", $"Start-Service ssh-agent; ssh-add \"{LocalFacts.WindowsPath(key)}\"");
        }

        if (damagedLooksTheSame)
        {
            fixes.Insert(0, new Fix("Check the key file: ssh-keygen asks for the passphrase when the key has one, and says 'invalid format' or 'error in libcrypto' when the file is damaged (then copy the key again from where it was made, or make a new one)", $"ssh-keygen -y -f {LocalFacts.PathArgument(key, LocalFacts.IsWindows(session, path))}"));
        }

        return Report(
            what + consequence,
            evidence,
            fixes,
            session.Authenticated ? Severity.Warning : Severity.Error,
            confidence: waiting is null && !damagedLooksTheSame ? Confidence.Certain : Confidence.Likely);
    }

    private static bool IsPassphrase(string reason) =>
        reason.Contains("passphrase", StringComparison.OrdinalIgnoreCase) || reason.StartsWith("can't open /dev/tty", StringComparison.Ordinal);

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>A key file the server accepted as the last thing in a log that stops before ssh's verdict: ssh is asking for its passphrase.</summary>
    private static ServerAcceptsKey? AwaitingPassphrase(SessionView session)
    {
        // The view leaves out the trace lines ssh prints on its way to the prompt (sign_and_send_pubkey, packets sent), so
        // anything after the acceptance (a banner, a server message, another program's verdict, a packet received) means ssh got past it.
        if (session.Failure is not null || session.Authenticated || session.LastProgress is not ServerAcceptsKey accepted ||
            session.After(accepted).Any() || session.LastPacketReceivedLine > accepted.Line)
        {
            return null;
        }

        var offered = accepted.Path.Length > 0 ? accepted : (KeyEvent?)session.All<OfferingKey>().LastOrDefault(o => o.Line < accepted.Line);
        return offered is null || offered.FromAgent ? null : accepted with { Path = offered.Path };
    }

    /// <summary>
    /// A key the server accepted (not from the agent) after which ssh moved on without signing: no signature failure, no
    /// load error, no verdict from the server for it. The 9.2 lab prints nothing else in this case.
    /// </summary>
    private static ServerAcceptsKey? SilentlyUnsigned(SessionView session)
    {
        foreach (var accepted in session.All<ServerAcceptsKey>())
        {
            var offered = accepted.Path.Length > 0 ? accepted : (KeyEvent?)session.All<OfferingKey>().LastOrDefault(o => o.Line < accepted.Line);
            if (offered is null || offered.FromAgent)
            {
                continue;
            }

            foreach (var e in session.After(accepted))
            {
                if (e is SigningFailed or KeyPermissionsTooOpen or WarningBanner or NoMutualSignature or AuthMethodsCanContinue or PartialSuccess
                    or AuthenticatedTo or AuthSucceeded or ConnectionClosed or ConnectionClosedByPeer or Disconnected or ReceivedDisconnect
                    || (e is KeyLoadFailed k && !IsPassphrase(k.Reason)))
                {
                    break;
                }

                if (e is OfferingKey or TryingPrivateKey or NextAuthMethod or NoMoreAuthMethods or PermissionDenied)
                {
                    return accepted.Path.Length > 0 ? accepted : accepted with { Path = offered.Path };
                }
            }
        }

        return null;
    }
}
