using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Authentication;

/// <summary><c>password-only</c>: the server offers only password or keyboard-interactive login and ssh could not or would not use them.</summary>
internal sealed class PasswordOnlyRule() : Rule(new(RuleIds.PasswordOnly, "password-only", Severity.Error, Phase.Authentication, "The server allows only password login and ssh could not ask for one"))
{
    private static readonly string[] PasswordMethods = ["password", "keyboard-interactive"];

    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        if (context.HasCause || session.Authenticated)
        {
            return null;
        }

        var denied = session.Last<PermissionDenied>();
        var methods = session.All<AuthMethodsCanContinue>().LastOrDefault();
        var list = denied?.Methods.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? methods?.MethodList.ToArray();
        if (list is null || list.Length == 0 || !list.All(m => PasswordMethods.Contains(m, StringComparer.Ordinal)))
        {
            return null;
        }

        // A log that stops right after the server's list, with no password step: ssh had nothing left it could try.
        var cut = denied is null && !session.Has<NoMoreAuthMethods>();
        if (cut && (session.Failure is not null || methods is null || !ReferenceEquals(session.LastProgress, methods)))
        {
            return null;
        }

        // A password that was typed and refused is password-rejected's business; without a terminal ssh could not ask for one
        // (it then sends an empty one, and the server's "please try again" refuses nothing the user typed).
        var noTty = Prompts.Failed(session, Question.Password);
        var typed = session.Has<PasswordRetry>() || session.Has<PasswordPrompt>() || session.All<NextAuthMethod>().Any(n => PasswordMethods.Contains(n.Method, StringComparer.Ordinal));
        if (typed && noTty is null)
        {
            return null;
        }

        var user = AuthFacts.User(session);
        var allowed = string.Join(",", list);
        MessageText message =
            $"The server{(session.Target?.Host is { } h ? " " + h : string.Empty)} allows only {allowed} for {(user is null ? "this user" : $"'{user}'")}: public-key login is off " +
            $"(PubkeyAuthentication no, or a Match block, or the server is an appliance that only knows passwords), so none of your keys was even tried. " +
            $"And ssh did not ask for a password: BatchMode=yes, no terminal to ask on (git, an IDE, Ansible, CI, cron), or PasswordAuthentication/KbdInteractiveAuthentication " +
            $"set to no in the client's config. The password was never wrong; it was never sent." +
            $"{(cut ? " The log ends at the server's list, before ssh's 'Permission denied'; to be sure, keep the output up to the end." : string.Empty)}";
        return Report(
            message,
            [AuthFacts.UserEvidence(session), methods, noTty, session.Last<NoMoreAuthMethods>(), denied],
            [
                new Fix("Log in interactively with the password, from a terminal", $"ssh -o BatchMode=no -o PreferredAuthentications=keyboard-interactive,password {Destination(session)}"),
                Fix.InConfig("For unattended use, enable keys on the server, then reload sshd", "/etc/ssh/sshd_config", "PubkeyAuthentication yes"),
                AuthFacts.InstallKey(session, AuthFacts.PublicKeyOf(session)),
                Fix.OnServer("Check what the server allows for this user (on the server)", $"sudo sshd -T -C user={user ?? "USER"},host=localhost,addr=127.0.0.1 | grep -i -E 'pubkeyauthentication|passwordauthentication|kbdinteractive'"),
            ],
            confidence: cut ? Confidence.Likely : Confidence.Certain);
    }
}
