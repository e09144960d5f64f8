using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Authentication;

/// <summary><c>password-rejected</c>: a password was tried and refused.</summary>
internal sealed class PasswordRejectedRule() : Rule(new(RuleIds.PasswordRejected, "password-rejected", Severity.Error, Phase.Authentication, "The server refused the password"))
{
    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        // Without a terminal ssh sends an empty password and gets "please try again": nothing was typed (password-only).
        if (context.HasCause || session.Authenticated || Prompts.Failed(session, Question.Password) is not null)
        {
            return null;
        }

        var retries = session.All<PasswordRetry>().ToList();
        var prompts = session.All<PasswordPrompt>().ToList();
        var denied = session.Last<PermissionDenied>();
        var password = session.All<NextAuthMethod>().LastOrDefault(n => n.Method == "password");
        var kbdint = session.All<NextAuthMethod>().LastOrDefault(n => n.Method == "keyboard-interactive");
        var refusedAfterPassword = password is not null && session.After(password).Any(e => e is AuthMethodsCanContinue or PermissionDenied);
        var refusedAfterPrompt = kbdint is not null && prompts.Any(p => p.Line > kbdint.Line) &&
            session.After(prompts.Last(p => p.Line > kbdint.Line)).Any(e => e is AuthMethodsCanContinue or PermissionDenied);
        var promptsThenDenied = prompts.Count > 0 && denied is not null && denied.Line > prompts[^1].Line;
        if (retries.Count == 0 && !refusedAfterPassword && !refusedAfterPrompt && !promptsThenDenied && prompts.Count < 2)
        {
            return null;
        }

        var user = AuthFacts.User(session);
        var attempts = Math.Max(retries.Count + (denied is not null ? 1 : 0), Math.Max(prompts.Count, 1));
        MessageText message =
            $"ssh sent a password for {(user is null ? "the remote user" : $"'{user}'")} on {session.Target?.Host ?? "the server"} and the server refused it " +
            $"({attempts} attempt{(attempts == 1 ? string.Empty : "s")}). The connection, the host key and the server's methods are fine; the server does not tell why, " +
            $"and gives the same answer for every case, most likely first: the password is wrong (keyboard layout, Caps Lock, a pasted trailing newline); " +
            $"the user name is wrong or does not exist on the server{(user is null ? string.Empty : $" (ssh logged in as '{user}', which defaults to your local name; use user@host)")}; " +
            $"the account is locked (failed-login lockout via faillock/pam_tally2, or a locked/expired password); sshd does not allow this user " +
            $"(AllowUsers/DenyUsers/AllowGroups, PermitRootLogin for root, which refuses root passwords by default since OpenSSH 7.0); " +
            $"or PAM refuses it (LDAP/AD/SSSD not reachable, pam_access). The server's log names the reason.";
        var fixes = new List<Fix>
        {
            new Fix("Try again with the user named explicitly", $"ssh {AuthFacts.PortArgument(session)}{Shell(user ?? "USER")}@{Shell(session.Target?.Host ?? "HOST")}"),
            Fix.OnServer("On the server, read sshd's reason (Failed password / Invalid user / not allowed; the unit is 'sshd' on Red Hat-like systems)", "sudo journalctl -u ssh -n 50"),
            Fix.OnServer("On the server, check whether the account is locked", $"sudo passwd -S {user ?? "USER"}; sudo faillock --user {user ?? "USER"}"),
        };
        if (user == "root")
        {
            fixes.Add(new Fix("Root password logins are off by default (PermitRootLogin prohibit-password): log in as a normal user and use sudo, or use a key"));
        }

        return Report(
            message,
            [AuthFacts.UserEvidence(session), password, kbdint, .. prompts.Take(3), .. retries, denied],
            fixes);
    }
}
