using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Local;

/// <summary><c>config-permissions</c>: a config file has unsafe owner or permissions.</summary>
internal sealed class ConfigPermissionsRule() : Rule(new(RuleIds.ConfigPermissions, "config-permissions", Severity.Error, Phase.Local, "A config file has unsafe owner or permissions"))
{
    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        var bad = session.Last<ConfigBadPermissions>();
        if (context.HasCause || bad is null)
        {
            return null;
        }

        var path = bad.Path;
        var accounts = session.All<WindowsBadPermissions>().Where(w => LocalFacts.SamePath(w.Path, path)).ToList();
        if (LocalFacts.IsWindows(session, path) || accounts.Count > 0)
        {
            return Windows(session, bad, accounts);
        }

        var wsl = LocalFacts.OnWslDrive(path)
            ? " The file is on a Windows drive mounted into WSL, where every file shows as 0777 and chmod has no effect unless the drive is mounted with the 'metadata' option: keep the ssh config in the Linux home instead."
            : string.Empty;
        return Report(
            $"ssh refused to read {path} and stopped before connecting: the file is owned by another user, or it is writable by " +
            $"its group or by everyone. ssh insists on this because whoever can write your ssh config can make ssh run any command " +
            $"(ProxyCommand, LocalCommand, Match exec). Typical causes: a chmod 666/777 or a copy from a zip, a USB stick or Windows, " +
            $"a file created with sudo (owned by root) or by another account, or a home directory shared with a group. " +
            $"The content of the file is not the problem.{wsl}",
            [bad],
            [
                new Fix($"Make {path} writable only by you", $"chmod 600 {Shell(path)}"),
                new Fix("Make sure you own it (it must belong to you or to root)", $"sudo chown \"$USER\" {Shell(path)}"),
                new Fix("Check the result: the mode must show no 'w' for group and others", $"ls -l {Shell(path)}"),
            ]);
    }

    private Finding Windows(Analysis.SessionView session, ConfigBadPermissions bad, List<WindowsBadPermissions> accounts)
    {
        var path = LocalFacts.WindowsPath(bad.Path);
        var quoted = "\"" + path + "\"";
        var names = accounts.Select(a => a.Account).Distinct().ToList();
        var who = names.Count > 0
            ? $" The debug3 line names the account that has access it must not have: {string.Join(", ", names)}."
            : " Run ssh with -vvv to see a 'Bad permissions. Try removing permissions for user: ...' line naming the account.";
        var fixes = new List<Fix>
        {
            new($"Remove inherited permissions from {path} and give your account full control", $"icacls {quoted} /inheritance:r /grant:r \"%USERNAME%:F\""),
        };
        fixes.AddRange(names.Select(n => new Fix($"Remove the access of {n}", $"icacls {quoted} /remove \"{LocalFacts.IcaclsAccount(n)}\"")));
        fixes.Add(new Fix("Check the result: only your account, SYSTEM and Administrators may remain", $"icacls {quoted}"));
        return Report(
            $"OpenSSH for Windows refused to read {path} and stopped before connecting: an account other than you, SYSTEM and " +
            $"the Administrators group can write it (or owns it). Files under your profile usually inherit access for other users " +
            $"or groups (for example 'Authenticated Users', or a SID left over from another machine or a deleted account after " +
            $"copying the .ssh folder).{who} The content of the file is not the problem.",
            [.. accounts, bad],
            fixes);
    }
}
