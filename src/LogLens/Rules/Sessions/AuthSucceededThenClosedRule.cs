using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Sessions;

/// <summary><c>auth-succeeded-then-closed</c>: the login worked, then the server ended the session at once.</summary>
internal sealed class AuthSucceededThenClosedRule() : Rule(new(RuleIds.AuthSucceededThenClosed, "auth-succeeded-then-closed", Severity.Error, Phase.Session, "Logged in, then the server closed the session"))
{
    private static readonly string[] FatalNotices = ["This account is currently not available.", "This service allows sftp connections only."];

    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        // The nologin and sftp-only notices are printed by the account's shell, so they prove the login even when the paste starts there.
        var shellNotice = session.All<RemoteShellNotice>().FirstOrDefault(n => FatalNotices.Contains(n.Text, StringComparer.Ordinal));
        if (context.HasCause || (!session.Authenticated && shellNotice is null))
        {
            return null;
        }

        var login = (SshEvent?)session.Last<AuthenticatedTo>() ?? session.Last<AuthSucceeded>();
        var after = login is null ? [.. session.Events] : session.After(login).ToList();
        var notice = after.OfType<RemoteShellNotice>().FirstOrDefault(n => FatalNotices.Contains(n.Text, StringComparer.Ordinal));
        var shellMissing = after.OfType<Text>().FirstOrDefault(t => t.Content.StartsWith('/') && t.Content.EndsWith(": No such file or directory", StringComparison.Ordinal));
        var requestFailed = after.OfType<ChannelRequestResult>().FirstOrDefault(r => !r.Accepted && r.Request is "shell" or "exec" or "subsystem");
        var exit = after.OfType<ExitStatus>().LastOrDefault();
        var closed = after.FirstOrDefault(e => e is ConnectionClosed { ByRemote: true } or ConnectionClosedByPeer or ConnectionBroken or ConnectionReset
            or ConnectionError or ServerNotResponding);
        // Remote output is what arrives before the exit status or the close: lines after them come from whatever ran ssh (git, a script).
        // Before 7.x the server's "Remote: Forced command." arrives before the success line, later after it.
        var forced = session.All<RemoteMessage>().FirstOrDefault(m => m.Text.Contains("Forced command", StringComparison.OrdinalIgnoreCase));
        // The lines of the program that ran ssh (git's "Could not read from remote repository.", rsync's, Ansible's) are not the server's output.
        var printed = after.TakeWhile(e => e is not ExitStatus && e != closed).OfType<Text>()
            .FirstOrDefault(t => !string.IsNullOrWhiteSpace(t.Content) && t != shellMissing && t.Program is null);
        var output = printed is not null;
        var command = after.OfType<SessionRequest>().FirstOrDefault(r => r.Detail.StartsWith("Sending command: ", StringComparison.Ordinal));
        var forwardsOnly = after.Any(e => e is ForwardEstablished) && !after.Any(e => e is EnteringInteractiveSession || e is SessionRequest r && r.Detail.StartsWith("Sending command", StringComparison.Ordinal));

        var longSession = after.OfType<TransferStatistics>().Any(t => Seconds(t.Detail) > 30);
        MessageText message;
        SshEvent? cause;
        var confidence = Confidence.Certain;
        if (notice is not null)
        {
            cause = notice;
            message = notice.Text.StartsWith("This account", StringComparison.Ordinal)
                ? "The login itself worked (the server accepted your credentials), but the account's login shell is nologin (/usr/sbin/nologin or /sbin/nologin): " +
                  "it prints \"This account is currently not available.\" and exits, so the server closes the session. Service accounts (www-data, git, nova, backup ...) are set up this way on purpose. " +
                  "It is not a key or password problem."
                : "The login itself worked, but this account is restricted to SFTP (ForceCommand internal-sftp, a Match block, or an sftp-only shell): " +
                  "a shell or command is refused and the session closes. Use sftp or scp with this account instead of ssh.";
        }
        else if (shellMissing is not null)
        {
            cause = shellMissing;
            message = $"The login worked, but the server could not start the account's shell or command (\"{shellMissing.Content}\"): the login shell in /etc/passwd does not exist " +
                $"on the server, or, in a ChrootDirectory, is missing inside the chroot (with the libraries it needs).";
        }
        else if (requestFailed is not null)
        {
            cause = requestFailed;
            message = $"The login worked, but the server refused the {requestFailed.Request} request, so no shell or command could run. Typical causes: a ForceCommand or " +
                $"authorized_keys command= that does not allow it, a broken ChrootDirectory setup (the chroot path must be owned by root and not writable by others), " +
                $"or the server's session limits (MaxSessions).";
        }
        else if (exit is { Code: not null and not 0 } && !output && !longSession && (command is not null || forced is not null || after.Any(e => e is EnteringInteractiveSession)))
        {
            cause = exit;
            message = $"The login worked, but the remote side ended at once with exit status {exit.Code} and printed nothing" +
                $"{(command is null ? string.Empty : $", instead of running '{command.Detail["Sending command: ".Length..]}'")}. " +
                $"That usually means the server ran something else than what you asked for: a ForceCommand in sshd_config, or command=\"...\" in authorized_keys " +
                $"(for example a restricted or disabled account running /bin/false), or the account's shell is /bin/false. It can also be a broken chroot or a failing login script. " +
                $"The key or password was accepted; this is about what the account is allowed to run.";
            if (forced is not null)
            {
                message += " The server confirms a forced command is in effect.";
            }
        }
        else if (forced is not null && exit is { Code: not null and not 0 } && printed is not null && !longSession)
        {
            cause = printed;
            confidence = Confidence.Likely;
            message = $"The login worked, and the server ran its forced command (command=\"...\" in the key's authorized_keys line, or ForceCommand in " +
                $"sshd_config) instead of your shell or command. It printed \"{printed.Content}\" and ended the session with exit status {exit.Code}: " +
                $"that message is most likely the server's answer (an account meant for another user name, a restricted or backup-only key, a git " +
                $"server's greeting). The key was accepted; what the account may run is decided on the server.";
        }
        else if (forced is not null && exit is not { Code: 0 } && !output && !longSession && closed is null && session.Failure is null)
        {
            cause = forced;
            confidence = Confidence.Likely;
            message = "The login worked, and the server said a forced command is in effect for it (command=\"...\" in the key's authorized_keys line, or ForceCommand " +
                "in sshd_config): what runs is the server's command, not your shell or the command you asked for. The log stops there, before any output or " +
                "exit status, so that command most likely ended the session (a git server's hook that failed, a restricted account, a wrapper script " +
                "that exits). Its own error, if any, is in the server's log or is printed by the program that ran ssh (git, rsync). To be sure, keep " +
                "the lines after 'Remote: Forced command.' up to the end.";
        }
        else if (closed is not null && !output && exit is null && !forwardsOnly && !longSession)
        {
            cause = closed;
            message = "The login worked, but the server closed the connection right after it, before any output. Common causes: the account's shell is /bin/false or nologin, " +
                "a ForceCommand or command= in authorized_keys, a ChrootDirectory that is not owned by root or lacks the shell, a PAM session module refusing the login " +
                "(pam_access, pam_limits, home directory not creatable), or the server (or a middlebox) dropping the connection. The server's log says which.";
        }
        else
        {
            return null;
        }

        var user = session.Target?.User ?? session.First<AuthenticatingTo>()?.User ?? "USER";
        return Report(
            message,
            [forced, login, command, cause, closed, exit],
            [
                Fix.OnServer("On the server, see the account's login shell", $"getent passwd {user}"),
                Fix.OnServer("If it should log in interactively, give it a real shell (on the server)", $"sudo usermod -s /bin/bash {user}"),
                Fix.OnServer("On the server, look for ForceCommand, ChrootDirectory and Match blocks", "sudo sshd -T | grep -i -E 'forcecommand|chrootdirectory'"),
                Fix.OnServer("Check the key's options (command=, restrict) in the server's ~/.ssh/authorized_keys", "grep -n 'command=' ~/.ssh/authorized_keys"),
                Fix.OnServer("On the server, read sshd's log for this session (the unit is 'sshd' on Red Hat-like systems)", "sudo journalctl -u ssh -n 50"),
            ],
            confidence: confidence);
    }

    /// <summary>The duration from <c>Transferred: sent N, received M bytes, in 12.3 seconds</c>, or 0.</summary>
    private static double Seconds(string detail)
    {
        var at = detail.LastIndexOf(" in ", StringComparison.Ordinal);
        var end = detail.LastIndexOf(" seconds", StringComparison.Ordinal);
        return at >= 0 && end > at && double.TryParse(detail.AsSpan(at + 4, end - at - 4), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 0;
    }
}
