using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Authentication;

/// <summary><c>key-rejected</c>: the server refused every key offered.</summary>
internal sealed class KeyRejectedRule() : Rule(new(RuleIds.KeyRejected, "key-rejected", Severity.Error, Phase.Authentication, "The server refused every key offered"))
{
    private static readonly string[] GitHosts = ["github.com", "gitlab.com", "bitbucket.org", "ssh.dev.azure.com", "vs-ssh.visualstudio.com"];

    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        if (context.HasCause)
        {
            return null;
        }

        var offers = AuthFacts.Offers(session);
        var denied = session.Last<PermissionDenied>();
        if (offers.Any(o => o.Accepted))
        {
            // The server took the key, then the login still failed on publickey alone: sshd refused the user after the signature.
            return !session.Authenticated && denied is not null && denied.Methods.Contains("publickey", StringComparison.Ordinal) && !session.Has<PartialSuccess>()
                ? AcceptedThenRefused(session, offers.Last(o => o.Accepted), denied)
                : null;
        }

        var refused = offers.Where(o => o.Answer is AuthMethodsCanContinue or PermissionDenied || (o.Answer is null && o == offers[^1])).ToList();
        var publickeyDenied = denied is not null && denied.Methods.Contains("publickey", StringComparison.Ordinal);
        if (refused.Count == 0)
        {
            // No key went out: only the final verdict, or a -v log in which ssh had no key to offer.
            return publickeyDenied && !session.Authenticated ? NoKeyOffered(context, denied!) : null;
        }

        var severity = session.Authenticated ? Severity.Warning : Severity.Error;

        // A last offer with no answer is refused when ssh moved on (another key, another method, the verdict); when the log
        // stops right after it, the answer is not in the log.
        var last = refused[^1];
        var unanswered = last.Answer is null && session.Failure is null &&
            !session.After(last.Offer).Any(e => e is NextAuthMethod or PasswordPrompt or OfferingKey or TryingPrivateKey or NoMoreAuthMethods);
        var user = AuthFacts.User(session);
        var host = session.Target?.Host ?? "HOST";
        var keyList = string.Join("; ", refused.Select(o => o.Describe()));
        var ending = denied is not null
            ? "so ssh ran out of keys and gave up (Permission denied)."
            : session.Authenticated
                ? "and the login then went through with another method (e.g. a password)."
                : session.Has<PasswordPrompt>() || session.All<NextAuthMethod>().Any(m => m.Method is "password" or "keyboard-interactive")
                    ? "so ssh fell back to asking for a password."
                    : "(the log ends after the refusal).";
        MessageText message =
            $"ssh offered {(refused.Count == 1 ? "one key" : $"{refused.Count} keys")} to {host}{(user is null ? string.Empty : $" as '{user}'")}: {keyList}. " +
            $"The server answered each with \"Authentications that can continue\" instead of \"Server accepts key\", {ending} " +
            $"The key itself loaded fine on your side: the server did not accept it for this user. The usual causes, most likely first: " +
            $"(1) the public key is not in ~/.ssh/authorized_keys of {(user is null ? "the remote user" : $"'{user}'")} on the server (or was pasted with line breaks or into the wrong user's file); " +
            $"(2) wrong remote user{(user is null ? string.Empty : $" ('{user}' is the user ssh logged in as; is the key installed for that account?)")}; " +
            $"(3) sshd's StrictModes ignores authorized_keys because the home directory, ~/.ssh or authorized_keys is writable by group or others; " +
            $"(4) SELinux labels (a copied or restored ~/.ssh, an NFS-mounted home) keep sshd from reading the file; " +
            $"(5) the account is not allowed (DenyUsers/AllowUsers/AllowGroups, PermitRootLogin for root) or does not exist. " +
            $"sshd tells the client none of this; its log on the server names the reason.";
        if (user == "root")
        {
            message += " For root, PermitRootLogin no (or forced-commands-only) refuses keys that are correctly installed.";
        }

        var gitHost = GitHosts.FirstOrDefault(g => host.EndsWith(g, StringComparison.OrdinalIgnoreCase));
        if (gitHost is not null)
        {
            message += user is not null && user != "git"
                ? (MessageText)$" {gitHost} only accepts the user 'git' (ssh git@{gitHost}); '{user}' is wrong here."
                : $" On {gitHost} the key must be added to your account's SSH keys (or as a deploy key of the repository).";
        }

        var file = refused.FirstOrDefault(o => o.Source == "explicit" && o.IsFile) ?? refused.FirstOrDefault(o => o.IsFile);
        var publicKey = file is null ? "~/.ssh/id_ed25519.pub" : PublicKey(file.Path);
        var fixes = new List<Fix>
        {
            file is null && refused.Any(o => o.Source == "agent")
                ? new Fix("Install an agent key on the server: print the public keys the agent holds, then append the right one to the server's ~/.ssh/authorized_keys", "ssh-add -L")
                : AuthFacts.InstallKey(session, publicKey),
            Fix.OnServer("On the server, make home, ~/.ssh and authorized_keys writable only by the user (StrictModes)", "chmod go-w ~ && chmod 700 ~/.ssh && chmod 600 ~/.ssh/authorized_keys"),
            Fix.OnServer("On the server, read sshd's reason for the refusal (the unit is 'sshd' on Red Hat-like systems; or /var/log/auth.log, /var/log/secure)", "sudo journalctl -u ssh -n 50"),
            Fix.OnServer("On an SELinux server, restore the labels of ~/.ssh", "restorecon -R -v ~/.ssh"),
        };
        if (file is not null)
        {
            fixes.Add(new Fix("Offer only the key you mean", $"ssh -o IdentitiesOnly=yes -i {Shell(file.Path.EndsWith(".pub", StringComparison.Ordinal) ? file.Path[..^4] : file.Path)} {Destination(session)}"));
        }

        return Report(
            message,
            [AuthFacts.UserEvidence(session), .. refused.SelectMany(o => new[] { o.Offer, o.Answer }), denied],
            fixes,
            severity,
            session.Authenticated ? "The server refused every key offered (another method logged in)" : null,
            unanswered ? Confidence.Likely : Confidence.Certain);
    }

    /// <summary>
    /// "Server accepts key", the signature went out, and the answer was still "Permission denied (publickey)": the key is installed,
    /// and sshd refused the user afterwards (PermitRootLogin for root, a locked account, an account rule).
    /// </summary>
    private Finding AcceptedThenRefused(Analysis.SessionView session, OfferedKey accepted, PermissionDenied denied)
    {
        var user = AuthFacts.User(session);
        var root = user == "root";
        MessageText message =
            $"The server accepted the key {accepted.Describe()} (\"Server accepts key\"), ssh signed with it, and the login was still refused. " +
            $"The key is installed and right: sshd checked the signature and then refused the account itself. " +
            $"{(root
                ? "For root that is PermitRootLogin: 'no' refuses root whatever the key (and 'forced-commands-only' without a command= option). "
                : "Usually the account is locked ('!' in /etc/shadow with UsePAM no), or PermitRootLogin/a Match block refuses it after the key check. ")}" +
            $"sshd tells the client none of this; its log on the server names the reason (ROOT LOGIN REFUSED, or the account check).";
        var fixes = new List<Fix>();
        if (root)
        {
            fixes.Add(new Fix("Log in as a normal user and use sudo", $"ssh {AuthFacts.PortArgument(session)}USER@{Shell(session.Target?.Host ?? "HOST")}"));
            fixes.Add(Fix.InConfig("Or let root log in with keys (on the server)", "/etc/ssh/sshd_config", "PermitRootLogin prohibit-password"));
        }

        fixes.Add(Fix.OnServer("On the server, read sshd's reason (the unit is 'sshd' on Red Hat-like systems; or /var/log/auth.log, /var/log/secure)", "sudo journalctl -u ssh -n 50"));
        return Report(message, [AuthFacts.UserEvidence(session), accepted.Offer, accepted.Answer, denied], fixes,
            title: "The server accepted the key, then refused the login");
    }

    private Finding NoKeyOffered(RuleContext context, PermissionDenied denied)
    {
        var session = context.Session;
        var verbose = session.Has<NextAuthMethod>() || session.Has<WillAttemptKey>() || session.Has<IdentityFile>() || session.Has<AuthMethodsCanContinue>();
        var user = AuthFacts.User(session);
        var target = $"{AuthFacts.PortArgument(session)}{Shell(AuthFacts.UserAtHost(session))}";
        if (verbose)
        {
            return Report(
                $"The server accepts only public keys here, and ssh offered none: no key file exists at the places ssh looks (~/.ssh/id_ed25519, " +
                $"~/.ssh/id_ecdsa, ~/.ssh/id_rsa ...) or named by -i/IdentityFile, and the agent holds no keys. It is not that the server refused a key; " +
                $"there was nothing to refuse. Create a key (or point ssh at the one you have) and install its public half on the server" +
                $"{(user is null ? "." : $" for '{user}'.")}",
                [AuthFacts.UserEvidence(session), session.Last<NextAuthMethod>(), denied],
                [
                    new Fix("If you have a key elsewhere, name it", $"ssh -i PATH_TO_KEY {Destination(session)}"),
                    new Fix("Or create one", "ssh-keygen -t ed25519"),
                    AuthFacts.InstallKey(session, "~/.ssh/id_ed25519.pub"),
                ],
                title: "No key was offered and the server accepts only keys");
        }

        return Report(
            $"The server{(session.Target?.Host is { } h ? " " + h : string.Empty)} accepts only public-key login{(user is null ? string.Empty : $" for '{user}'")} " +
            $"and did not accept any key ssh had (or ssh had none). This line alone does not show which keys were tried: run ssh with -v to see the " +
            $"\"Offering public key\" lines. Most often the public key is not in the remote user's ~/.ssh/authorized_keys, the user name is wrong, " +
            $"or sshd ignores authorized_keys because of its permissions (StrictModes).",
            [AuthFacts.UserEvidence(session), denied],
            [
                new Fix("See which keys ssh offers", $"ssh -v {Destination(session)}"),
                AuthFacts.InstallKey(session, AuthFacts.PublicKeyOf(session)),
                Fix.OnServer("On the server, make home, ~/.ssh and authorized_keys writable only by the user (StrictModes)", "chmod go-w ~ && chmod 700 ~/.ssh && chmod 600 ~/.ssh/authorized_keys"),
                Fix.OnServer("On the server, read sshd's reason (or /var/log/auth.log, /var/log/secure)", "sudo journalctl -u ssh -n 50"),
            ]);
    }

    private static string PublicKey(string path) => path.EndsWith(".pub", StringComparison.Ordinal) ? path : path + ".pub";
}
