using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Authentication;

/// <summary><c>account-expired</c>: the server says the account or its password has expired.</summary>
internal sealed class AccountExpiredRule() : Rule(new(RuleIds.AccountExpired, "account-expired", Severity.Error, Phase.Authentication, "The account or its password has expired"))
{
    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        if (context.HasCause)
        {
            return null;
        }

        // Most sessions have neither kind of line: the type index says so without a pass over the events.
        if (!session.Has<AccountNotice>() && !session.All<Text>().Any(IsNotice))
        {
            return null;
        }

        var notices = session.Events.Where(e => e is AccountNotice || (e is Text && IsNotice(e))).ToList();

        var texts = notices.Select(n => n is AccountNotice a ? a.Text : n.Content).ToList();
        var accountExpired = texts.Any(t => t.Contains("account has expired", StringComparison.OrdinalIgnoreCase) || t.Contains("disabled", StringComparison.OrdinalIgnoreCase) || t.Contains("locked", StringComparison.OrdinalIgnoreCase));
        var mustChange = texts.Any(t => t.Contains("password has expired", StringComparison.OrdinalIgnoreCase) || t.Contains("change your password", StringComparison.OrdinalIgnoreCase) || t.Contains("Password change required", StringComparison.OrdinalIgnoreCase));
        var noTty = texts.Any(t => t.Contains("no TTY", StringComparison.OrdinalIgnoreCase));
        var onlyWarning = !accountExpired && !mustChange;
        var blocked = !session.Authenticated || noTty || session.All<ExitStatus>().Any(x => x.Code is not null and not 0) || session.Has<ConnectionClosedByPeer>();
        var severity = onlyWarning || !blocked ? Severity.Warning : Severity.Error;
        var user = AuthFacts.User(session);
        var who = user is null ? "the account" : $"the account '{user}'";
        MessageText message;
        if (accountExpired)
        {
            message = $"The server's PAM says {who} has expired (its expiry date, chage -E, is in the past) or is disabled. The key or password was fine " +
                $"(often the server even accepted the key first); the account itself may not log in, and only an administrator of the server can change that.";
        }
        else if (mustChange)
        {
            message = $"The password of {who} has expired (or the administrator forced a change, chage -d 0), and the server requires a new one before any login. " +
                $"{(noTty
                    ? "It tried to ask for it, but this session has no terminal (a command, BatchMode, git, an IDE or CI), so it closed the session. "
                    : "The change is asked for interactively, right after login. ")}" +
                $"Even key logins are stopped by this, because PAM checks the account after authentication.";
        }
        else
        {
            message = $"The server warns that the password of {who} will expire soon. Nothing failed yet; change it before it does.";
        }

        var target = $"{AuthFacts.PortArgument(session)}{Shell(AuthFacts.UserAtHost(session))}";
        var fixes = accountExpired
            ? new List<Fix>
            {
                Fix.OnServer("Ask the server's administrator to extend or re-enable the account (on the server)", $"sudo chage -E -1 {user ?? "USER"}"),
                Fix.OnServer("Check the account's dates (on the server)", $"sudo chage -l {user ?? "USER"}"),
            }
            : new List<Fix>
            {
                new Fix("Log in once from a terminal, with a pseudo-terminal, and set a new password when asked", $"ssh -t {target}"),
                Fix.OnServer("Or have an administrator set the password or clear the forced change (on the server)", $"sudo passwd {user ?? "USER"}"),
                Fix.OnServer("Check the password's dates (on the server)", $"sudo chage -l {user ?? "USER"}"),
            };
        return Report(message, [AuthFacts.UserEvidence(session), session.Last<ServerAcceptsKey>(), .. notices, session.Last<ConnectionClosedByPeer>(), session.Last<ExitStatus>()], fixes, severity);
    }

    /// <summary>Whether a line that is not ssh's (the server's PAM talking through the terminal) tells of an expired account or password.</summary>
    private static bool IsNotice(SshEvent text) =>
        text.Content.Contains("password has expired", StringComparison.OrdinalIgnoreCase) ||
        text.Content.Contains("account has expired", StringComparison.OrdinalIgnoreCase) ||
        text.Content.Contains("change your password immediately", StringComparison.OrdinalIgnoreCase);
}
