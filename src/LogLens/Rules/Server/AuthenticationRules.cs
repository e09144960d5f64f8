using LogLens.Analysis;
using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Server;

/// <summary><c>invalid-user</c>: the user name the client asked for has no account on the server.</summary>
internal sealed class InvalidUserRule() : ServerRule(new(RuleIds.InvalidUser, "invalid-user", Severity.Error, Phase.Authentication, "No such user on the server"))
{
    public override Finding? Evaluate(ServerRuleContext context)
    {
        var c = context.Connection;
        var invalid = c.First<InvalidUser>();
        var attempt = c.All<AuthAttempt>().FirstOrDefault(a => a.InvalidUser);
        if ((invalid is null && attempt is null) || c.Authenticated || context.HasCause)
        {
            return null;
        }

        var user = invalid?.User ?? attempt!.User;
        MessageText message =
            $"sshd has no account named '{user}'. It still goes through the motions (it asks for a password and refuses every key, so the client " +
            $"cannot tell), but nothing the client sends can succeed. Usually the user name is wrong: a typo, a different case, the local user name " +
            $"ssh used by default, or 'root' where the server has its own admin user; on Git hosts the user is 'git'.";
        var fixes = new List<Fix>
        {
            Fix.OnServer($"Check whether the account exists (and how it is spelled)", $"getent passwd {Shell(user)} || getent passwd | cut -d: -f1"),
            new("Connect with the right user name", "ssh -l USER HOST"),
        };
        return Report(message, [invalid, attempt, c.Last<AuthAttempt>()], fixes);
    }
}

/// <summary><c>user-not-allowed</c>: AllowUsers, DenyUsers, AllowGroups or DenyGroups refused the user.</summary>
internal sealed class UserNotAllowedRule() : ServerRule(new(RuleIds.UserNotAllowed, "user-not-allowed", Severity.Error, Phase.Authentication, "sshd does not allow this user (AllowUsers/DenyUsers/AllowGroups/DenyGroups)"))
{
    public override Finding? Evaluate(ServerRuleContext context)
    {
        var c = context.Connection;
        if (c.All<UserNotAllowed>().FirstOrDefault(n => !n.ShellProblem) is not { } refused || c.Authenticated || context.HasCause)
        {
            return null;
        }

        var user = Shell(refused.User);
        var option = refused.Reason switch
        {
            var r when r.Contains("DenyUsers", StringComparison.Ordinal) => "DenyUsers",
            var r when r.Contains("AllowUsers", StringComparison.Ordinal) => "AllowUsers",
            var r when r.Contains("DenyGroups", StringComparison.Ordinal) => "DenyGroups",
            var r when r.Contains("AllowGroups", StringComparison.Ordinal) || r.Contains("any group", StringComparison.Ordinal) => "AllowGroups",
            _ => null,
        };
        MessageText message =
            $"sshd refused '{refused.User}' before looking at any key or password: {refused.Reason}. The client only sees every method fail " +
            $"(Permission denied), however right the key or password is." +
            $"{(refused.Reason.Contains("locked", StringComparison.Ordinal) ? " A locked account ('!' in /etc/shadow) refuses every method, keys included (unless UsePAM yes)." : string.Empty)}";
        var fixes = new List<Fix>
        {
            Fix.OnServer("See which rule applies (Match blocks included)", $"sshd -T -C user={user},host=HOST,addr={c.ClientAddress ?? "IP_ADDRESS"} | grep -Ei 'allow|deny'"),
        };
        if (option == "AllowGroups")
        {
            fixes.Add(Fix.OnServer($"Add {refused.User} to a group AllowGroups lists (it takes effect at the next login)", $"usermod -aG GROUP {user}"));
        }
        else if (option is not null)
        {
            fixes.Add(Fix.OnServer($"Edit the {option} line in {SshdConfig} to allow {refused.User}", $"grep -n '^{option}' {SshdConfig}"));
        }
        else if (refused.Reason.Contains("locked", StringComparison.Ordinal))
        {
            fixes.Add(Fix.OnServer($"Unlock the account", $"passwd -u {user}"));
        }

        fixes.Add(Reload());
        return Report(message, [refused, c.Last<AuthAttempt>()], fixes);
    }
}

/// <summary><c>shell-missing</c>: the user's login shell does not exist or is not executable.</summary>
internal sealed class ShellMissingRule() : ServerRule(new(RuleIds.ShellMissing, "shell-missing", Severity.Error, Phase.Authentication, "The user's login shell does not exist on the server"))
{
    public override Finding? Evaluate(ServerRuleContext context)
    {
        var c = context.Connection;
        if (c.All<UserNotAllowed>().FirstOrDefault(n => n.ShellProblem) is not { } refused || c.Authenticated || context.HasCause)
        {
            return null;
        }

        MessageText message =
            $"sshd refused '{refused.User}' because its {refused.Reason}. sshd checks the login shell from /etc/passwd before any method, so every key " +
            $"and password fails (Permission denied). It happens after a shell was uninstalled (zsh, fish), a path typo in useradd/chsh, or a home-made 'nologin' path.";
        var fixes = new List<Fix>
        {
            Fix.OnServer("See the user's shell", $"getent passwd {Shell(refused.User)} | cut -d: -f7"),
            Fix.OnServer("Give the user an installed shell", $"usermod -s /bin/bash {Shell(refused.User)}"),
        };
        return Report(message, [refused, c.Last<AuthAttempt>()], fixes);
    }
}

/// <summary><c>root-login-refused</c>: PermitRootLogin forbids root (or root with this method).</summary>
internal sealed class RootLoginRefusedRule() : ServerRule(new(RuleIds.RootLoginRefused, "root-login-refused", Severity.Error, Phase.Authentication, "sshd does not allow root to log in this way (PermitRootLogin)"))
{
    public override Finding? Evaluate(ServerRuleContext context)
    {
        var c = context.Connection;
        if (c.First<RootLoginRefused>() is not { } refused || c.Authenticated || context.HasCause)
        {
            return null;
        }

        var method = c.All<AuthAttempt>().LastOrDefault(a => a.Failed)?.Method;
        MessageText message =
            $"sshd refused root: PermitRootLogin does not allow this login{(method is null ? "." : $" (method {method}).")}" +
            $" The key or password may well be right: sshd checked it, then refused root anyway. The default since OpenSSH 7.0 is 'prohibit-password' " +
            $"(keys only), many distributions set 'no'.";
        var fixes = new List<Fix>
        {
            new("Log in as a normal user and use sudo", "ssh USER@HOST"),
            Fix.OnServer("See what sshd allows root (Match blocks included)", "sshd -T -C user=root | grep -i permitrootlogin"),
            Fix.InConfig("Or allow root with keys only (never passwords)", SshdConfig, "PermitRootLogin prohibit-password"),
            Reload(),
        };
        return Report(message, [refused, c.All<AuthAttempt>().LastOrDefault(a => a.Failed)], fixes);
    }
}

/// <summary><c>authorized-keys-permissions</c>: StrictModes refused authorized_keys or a directory above it.</summary>
internal sealed class AuthorizedKeysPermissionsRule() : ServerRule(new(RuleIds.AuthorizedKeysPermissions, "authorized-keys-permissions", Severity.Error, Phase.Authentication, "sshd ignored authorized_keys: bad ownership or modes"))
{
    public override Finding? Evaluate(ServerRuleContext context)
    {
        var c = context.Connection;
        var refusals = c.All<AuthRefusedModes>().ToList();
        if (refusals.Count == 0 || c.Authenticated || context.HasCause)
        {
            return null;
        }

        var first = refusals[0];
        var user = UserOf(c);
        MessageText message =
            $"sshd refused to read the keys: bad ownership or modes for {first.Kind} {first.Path}. With StrictModes (the default) sshd ignores " +
            $"authorized_keys when it, ~/.ssh or the home directory can be written by anyone but the user (and root): group- or world-writable, or owned by someone else. " +
            $"The key is refused as if it were not there; nothing tells the client why.";
        var fixes = new List<Fix> { Fix.OnServer($"Make {first.Path} the user's own and writable only by the user", Chmod(first, user)) };
        if (first.Kind == "file" && System.IO.Path.GetDirectoryName(first.Path) is { Length: > 0 } directory)
        {
            fixes.Add(Fix.OnServer("Check every directory above it as well (group/other write bits on any of them count)", $"namei -l {Shell(first.Path)}"));
            fixes.Add(Fix.OnServer($"The usual modes: home not writable by others, ~/.ssh 700, the file 600", $"chmod go-w {Shell(System.IO.Path.GetDirectoryName(directory) ?? directory)} && chmod 700 {Shell(directory)}"));
        }

        return Report(message, [first, c.All<AuthAttempt>().FirstOrDefault(a => a.Failed)], fixes);
    }

    private static string Chmod(AuthRefusedModes refused, string user)
    {
        var path = Shell(refused.Path);
        return refused.Kind == "file"
            ? $"chown {user} {path} && chmod 600 {path}"
            : $"chown {user} {path} && chmod go-w {path}";
    }
}

/// <summary><c>pubkey-algorithm-refused</c>: the key type or signature algorithm is not in PubkeyAcceptedAlgorithms.</summary>
internal sealed class PubkeyAlgorithmRefusedRule() : ServerRule(new(RuleIds.PubkeyAlgorithmRefused, "pubkey-algorithm-refused", Severity.Error, Phase.Authentication, "sshd does not accept this key type or signature algorithm"))
{
    public override Finding? Evaluate(ServerRuleContext context)
    {
        var c = context.Connection;
        var refusals = c.All<AlgorithmNotAccepted>().ToList();
        if (refusals.Count == 0 || c.Authenticated || context.HasCause)
        {
            return null;
        }

        var algorithms = refusals.Select(r => r.Algorithm).Distinct().ToList();
        var option = refusals[0].Option;
        MessageText message =
            $"sshd refused the key without checking authorized_keys: {string.Join(", ", algorithms)} is not in {option}. " +
            $"Usually an RSA key signed with SHA-1 ('ssh-rsa', refused by default since OpenSSH 8.8) by an old client or library, or a server restricted to a few key types.";
        var fixes = new List<Fix>
        {
            new("Best: use an Ed25519 key on the client (and add its .pub to authorized_keys)", "ssh-keygen -t ed25519"),
            Fix.OnServer($"See what sshd accepts", $"sshd -T | grep -i '^{option.ToLowerInvariant()}'"),
            Fix.InConfig($"Or accept {algorithms[0]} again (weaker; only for clients that cannot do better)", SshdConfig, $"{option} +{algorithms[0]}"),
            Reload(),
        };
        return Report(message, [refusals[0], c.All<AuthAttempt>().FirstOrDefault(a => a.Failed)], fixes);
    }
}

/// <summary><c>too-many-auth-failures</c>, from sshd's side: MaxAuthTries ran out.</summary>
internal sealed class ServerTooManyAuthFailuresRule() : ServerRule(new(RuleIds.TooManyAuthFailures, "too-many-auth-failures", Severity.Error, Phase.Authentication, "Too many authentication failures"))
{
    public override Finding? Evaluate(ServerRuleContext context)
    {
        var c = context.Connection;
        var exceeded = (SshEvent?)c.First<MaxAuthTriesExceeded>() ??
            c.All<ServerConnectionEnded>().FirstOrDefault(e => e.Detail.Contains("Too many authentication failures", StringComparison.Ordinal));
        if (exceeded is null || c.Authenticated || context.HasCause)
        {
            return null;
        }

        var keys = c.All<AuthAttempt>().Where(a => a.Method == "publickey" && a.Failed).ToList();
        MessageText message =
            $"sshd stopped after MaxAuthTries failed attempts for {Who(c)}{(keys.Count > 0 ? $" ({keys.Count} keys refused)" : string.Empty)}" +
            $". Each key the client offers counts as one attempt, so a client with many keys in its agent or ~/.ssh runs out before it reaches the right one.";
        var fixes = new List<Fix>
        {
            new("On the client: offer only the right key", "ssh -o IdentitiesOnly=yes -i KEY USER@HOST"),
            Fix.InConfig("Or allow more attempts on the server (default 6)", SshdConfig, "MaxAuthTries 10"),
        };
        return Report(message, [exceeded, .. keys.Take(3)], fixes);
    }
}

/// <summary><c>certificate-invalid</c>, from sshd's side.</summary>
internal sealed class ServerCertificateInvalidRule() : ServerRule(new(RuleIds.CertificateInvalid, "certificate-invalid", Severity.Error, Phase.Authentication, "The server refused the user certificate"))
{
    public override Finding? Evaluate(ServerRuleContext context)
    {
        var c = context.Connection;
        if (c.First<ServerCertificateInvalid>() is not { } invalid || c.Authenticated || context.HasCause)
        {
            return null;
        }

        MessageText message =
            $"sshd refused the user certificate: {invalid.Reason}. An expired certificate needs signing again; 'name is not a listed principal' means the " +
            $"certificate's principals do not include {(c.User is { } u ? $"'{u}'" : "the user")} (or AuthorizedPrincipalsFile lists others).";
        var fixes = new List<Fix>
        {
            new("Look at the certificate's validity and principals", "ssh-keygen -L -f KEY-cert.pub"),
            new("Sign it again with the right principal and validity", $"ssh-keygen -s CA_KEY -I {UserOf(c)} -n {UserOf(c)} -V +52w KEY.pub"),
        };
        return Report(message, [invalid, c.All<AuthAttempt>().FirstOrDefault(a => a.Failed)], fixes);
    }
}

/// <summary><c>account-expired</c>, from sshd's side: PAM or the shadow file refused the account.</summary>
internal sealed class ServerAccountExpiredRule() : ServerRule(new(RuleIds.AccountExpired, "account-expired", Severity.Error, Phase.Authentication, "The account is expired or locked on the server"))
{
    public override Finding? Evaluate(ServerRuleContext context)
    {
        var c = context.Connection;
        if (c.First<AccountRefused>() is not { } refused || c.Authenticated || context.HasCause)
        {
            return null;
        }

        var user = refused.User ?? c.User;
        MessageText message =
            $"sshd checked the credentials and then refused the account{(user is null ? string.Empty : $" '{user}'")}: {refused.Detail}. " +
            $"The key or password was right; the account itself may not log in now (expired account or password, PAM account rules such as pam_access or pam_time).";
        var fixes = new List<Fix>
        {
            Fix.OnServer("See the account's expiry dates", $"chage -l {(user is null ? "USER" : Shell(user))}"),
            Fix.OnServer("Lift the account expiry (or set a new date)", $"chage -E -1 {(user is null ? "USER" : Shell(user))}"),
        };
        return Report(message, [refused, c.All<AuthAttempt>().LastOrDefault()], fixes);
    }
}

/// <summary><c>login-grace-timeout</c>: LoginGraceTime ran out before the user was authenticated.</summary>
internal sealed class LoginGraceTimeoutRule() : ServerRule(new(RuleIds.LoginGraceTimeout, "login-grace-timeout", Severity.Error, Phase.Authentication, "sshd gave up waiting for authentication (LoginGraceTime)"))
{
    public override Finding? Evaluate(ServerRuleContext context)
    {
        var c = context.Connection;
        if (c.First<LoginGraceTimeout>() is not { } timeout || c.Authenticated || context.HasCause)
        {
            return null;
        }

        MessageText message =
            $"sshd closed the connection from {timeout.ClientAddress} because authentication did not finish within LoginGraceTime (default 120 s). " +
            $"The client was waiting for something: a password or passphrase prompt nobody answered, a slow GSSAPI/Kerberos or DNS lookup, " +
            $"or a script that opened the connection and never authenticated.";
        var fixes = new List<Fix>
        {
            new("On the client: see what it waits for", "ssh -vvv USER@HOST"),
            Fix.InConfig("Skip the reverse DNS lookup that can stall logins", SshdConfig, "UseDNS no"),
            Fix.InConfig("Or give authentication more time", SshdConfig, "LoginGraceTime 2m"),
            Reload(),
        };
        return Report(message, [timeout], fixes);
    }
}

/// <summary><c>key-accepted-not-signed</c>: the key is authorized (Postponed publickey), but the client never sent the signature.</summary>
internal sealed class KeyAcceptedNotSignedRule() : ServerRule(new(RuleIds.KeyAcceptedNotSigned, "key-accepted-not-signed", Severity.Error, Phase.Authentication, "The key is authorized, but the client never proved it holds it"))
{
    public override Finding? Evaluate(ServerRuleContext context)
    {
        var c = context.Connection;
        if (c.All<AuthAttempt>().FirstOrDefault(a => a.Verdict == "Postponed" && a.Method == "publickey") is not { } postponed || c.Authenticated || context.HasCause)
        {
            return null;
        }

        MessageText message =
            $"sshd found the key in authorized_keys for {Who(c)} and asked the client to sign with it ('Postponed publickey'), but no signature came. " +
            $"The server side is right. The client could not use the private key: it is encrypted and no passphrase could be asked (BatchMode, no terminal), " +
            $"the agent refused to sign (a confirm-only or locked agent, a hardware key nobody touched), or the client gave up.";
        var fixes = new List<Fix>
        {
            new("On the client: load the key into the agent once (asks for the passphrase)", "ssh-add KEY"),
            new("Or run ssh from a terminal so it can ask for the passphrase", "ssh USER@HOST"),
        };
        return Report(message, [postponed, c.All<ServerConnectionEnded>().LastOrDefault()], fixes);
    }
}

/// <summary><c>password-rejected</c>, from sshd's side.</summary>
internal sealed class ServerPasswordRejectedRule() : ServerRule(new(RuleIds.PasswordRejected, "password-rejected", Severity.Error, Phase.Authentication, "The server refused the password"))
{
    public override Finding? Evaluate(ServerRuleContext context)
    {
        var c = context.Connection;
        var failed = c.All<AuthAttempt>().Where(a => a.Failed && !a.InvalidUser && (a.Method == "password" || a.Method.StartsWith("keyboard-interactive", StringComparison.Ordinal))).ToList();
        if (failed.Count == 0 || c.Authenticated || context.HasCause)
        {
            return null;
        }

        MessageText message =
            $"sshd refused {failed.Count} password{(failed.Count == 1 ? string.Empty : "s")} for {Who(c)}. The account exists and may log in; the password itself is wrong " +
            $"(or PAM refused it: a lockout after failed attempts, pam_faillock/pam_tally2).";
        var fixes = new List<Fix>
        {
            Fix.OnServer("See whether a lockout holds the account", $"faillock --user {UserOf(c)}"),
            Fix.OnServer("Set a new password", $"passwd {UserOf(c)}"),
        };
        return Report(message, [.. failed.Take(3)], fixes);
    }
}

/// <summary><c>key-not-authorized</c>: sshd checked the key and it is not in authorized_keys (no other reason logged).</summary>
internal sealed class KeyNotAuthorizedRule() : ServerRule(new(RuleIds.KeyNotAuthorized, "key-not-authorized", Severity.Error, Phase.Authentication, "The key is not in the user's authorized_keys"))
{
    public override Finding? Evaluate(ServerRuleContext context)
    {
        var c = context.Connection;
        var failed = c.All<AuthAttempt>().Where(a => a.Failed && !a.InvalidUser && a.Method == "publickey").ToList();
        if (failed.Count == 0 || c.Authenticated || context.HasCause)
        {
            return null;
        }

        var prints = failed.Where(a => a.Fingerprint is not null).Select(a => $"{a.KeyType} {a.Fingerprint}").Distinct().ToList();
        var user = UserOf(c);
        MessageText message =
            $"sshd checked {(prints.Count == 0 ? "the offered key" : string.Join(", ", prints))} for {Who(c)} and found no matching line in the user's " +
            $"authorized_keys (no permission problem, no refused user or algorithm was logged). Either the public key was never added for this user, " +
            $"was added for another account, or was pasted broken (a wrapped line, a missing 'ssh-ed25519' type).";
        var fixes = new List<Fix>
        {
            Fix.OnServer("Compare with the keys the user has (fingerprints as in the log)", $"ssh-keygen -lf ~{user}/.ssh/authorized_keys"),
            Fix.OnServer("Add the client's public key (KEY.pub from the client) to the user's authorized_keys", $"cat KEY.pub >> ~{user}/.ssh/authorized_keys"),
            new("Or, from the client, where the server also takes a password", "ssh-copy-id -i KEY.pub USER@HOST"),
        };
        return Report(message, [.. failed.Take(3)], fixes);
    }
}
