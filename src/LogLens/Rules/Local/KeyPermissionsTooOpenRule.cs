using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Local;

/// <summary><c>key-permissions-too-open</c>: a private key is readable by others, so ssh ignored it.</summary>
internal sealed class KeyPermissionsTooOpenRule() : Rule(new(RuleIds.KeyPermissionsTooOpen, "key-permissions-too-open", Severity.Error, Phase.Local, "A private key is readable by others, so ssh ignored it"))
{
    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        var open = session.All<KeyPermissionsTooOpen>().ToList();
        var failed = session.All<KeyLoadFailed>().Where(k => k.Reason.Contains("bad permissions", StringComparison.OrdinalIgnoreCase)).ToList();
        var banner = session.All<WarningBanner>().FirstOrDefault(b => b.Title.Contains("UNPROTECTED PRIVATE KEY", StringComparison.OrdinalIgnoreCase));
        if (open.Count == 0 && failed.Count == 0 && banner is null)
        {
            return null;
        }

        var path = open.FirstOrDefault()?.Path ?? failed.FirstOrDefault(f => f.Path is not null)?.Path;
        var mode = open.FirstOrDefault(o => o.Mode.Length > 0)?.Mode;
        var accounts = session.All<WindowsBadPermissions>().Where(w => path is null || LocalFacts.SamePath(w.Path, path)).ToList();
        var severity = context.HasCause ? Severity.Warning : LocalFacts.KeySeverity(session);
        var key = path ?? "KEY";
        var consequence = session.Authenticated
            ? "Another key or method logged you in, so this did not stop the connection, but ssh will keep skipping this key."
            : LocalFacts.AuthFailed(session)
                ? "Without it ssh had nothing the server accepted, so authentication failed: the 'Permission denied' that follows is a consequence, not a server problem."
                : "ssh carries on without the key, so if it was the one the server knows, authentication fails.";
        var evidence = new List<SshEvent?> { banner };
        evidence.AddRange(accounts);
        evidence.AddRange(open);
        evidence.AddRange(failed);
        evidence.Add(session.Last<PermissionDenied>());

        if (LocalFacts.IsWindows(session, path) || accounts.Count > 0)
        {
            var file = path is null ? "KEYFILE" : LocalFacts.WindowsPath(path);
            var names = accounts.Select(a => a.Account).Distinct().ToList();
            var fixes = new List<Fix>
            {
                new($"Remove inherited access to {file} and give only your account read access", $"icacls \"{file}\" /inheritance:r /grant:r \"%USERNAME%:R\""),
            };
            fixes.AddRange(names.Select(n => new Fix($"Remove the access of {n}", $"icacls \"{file}\" /remove \"{LocalFacts.IcaclsAccount(n)}\"")));
            fixes.Add(new Fix("Check: only your account, SYSTEM and Administrators may be listed", $"icacls \"{file}\""));
            return Report(
                $"OpenSSH for Windows ignored the private key {file} because accounts other than you, SYSTEM and Administrators can read it" +
                $"{(names.Count > 0 ? $" (the log names {string.Join(", ", names)})" : string.Empty)}" +
                $". A private key anyone else can read is no longer secret, so ssh refuses to use it. This happens when the key was copied " +
                $"into a folder that grants access to other users or groups (inherited permissions). {consequence}",
                evidence,
                fixes,
                severity);
        }

        var shown = mode is null ? string.Empty : $" Its mode is {mode};";
        var wsl = path is not null && LocalFacts.OnWslDrive(path)
            ? " The key is on a Windows drive mounted into WSL, where chmod has no effect by default: copy it into the Linux home (cp to ~/.ssh/) and chmod it there."
            : string.Empty;
        return Report(
            $"ssh ignored {(path is null ? "a private key" : "the private key " + path)} because other users can read it.{shown} ssh requires a private key to be readable by you alone " +
            $"(0600 or 0400) and skips it otherwise, even when the key itself is right. Usual causes: the key was copied from another machine, " +
            $"a zip, a USB stick or a git checkout, or created with a umask of 022. {consequence}{wsl}",
            evidence,
            [
                new Fix($"Make {key} readable only by you", $"chmod 600 {Shell(key)}"),
                new Fix("Make sure you own it", $"sudo chown \"$USER\" {Shell(key)}"),
                new Fix("Then connect again", $"ssh -i {Shell(key)} {Destination(session)}"),
            ],
            severity);
    }
}
