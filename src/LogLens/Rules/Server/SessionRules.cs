using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Server;

/// <summary><c>chroot-permissions</c>: ChrootDirectory (or a directory above it) is not root-owned or is writable by others.</summary>
internal sealed class ChrootPermissionsRule() : ServerRule(new(RuleIds.ChrootPermissions, "chroot-permissions", Severity.Error, Phase.Session, "ChrootDirectory has the wrong owner or modes"))
{
    public override Finding? Evaluate(ServerRuleContext context)
    {
        var c = context.Connection;
        if (c.First<ChrootBadModes>() is not { } bad || context.HasCause)
        {
            return null;
        }

        var path = Shell(bad.Path);
        MessageText message =
            $"The user logged in, then sshd refused to chroot into {bad.Path}: it and every directory above it must be owned by root and writable by no one else. " +
            $"sshd ends the session at once, so the client sees the login succeed and the connection close (sftp: 'Connection closed').";
        var fixes = new List<Fix>
        {
            Fix.OnServer($"Give {bad.Path} to root and take away group/other write", $"chown root:root {path} && chmod 755 {path}"),
            Fix.OnServer("Check every directory on the way (each must be root-owned, not group/world-writable)", $"namei -l {path}"),
            Fix.OnServer("Give the user a writable directory inside the chroot instead", $"mkdir -p {path}/upload && chown {UserOf(c)} {path}/upload"),
        };
        return Report(message, [c.Last<AuthAttempt>(), bad], fixes);
    }
}

/// <summary><c>forced-command</c>: a ForceCommand or an authorized_keys <c>command=</c> ran instead of what the user asked.</summary>
internal sealed class ForcedCommandRule() : ServerRule(new(RuleIds.ForcedCommand, "forced-command", Severity.Error, Phase.Session, "The server ran a forced command instead of the session asked for"))
{
    public override Finding? Evaluate(ServerRuleContext context)
    {
        var c = context.Connection;
        var forced = c.All<ForcedCommand>().LastOrDefault(f => f.Command is not null) ?? c.First<ForcedCommand>();
        if (forced is null || context.HasCause)
        {
            return null;
        }

        var from = forced.Source switch
        {
            "config" => "ForceCommand in sshd_config",
            "key-option" => "a command=\"...\" option on the key's line in authorized_keys",
            _ => "a ForceCommand in sshd_config or a command=\"...\" option in authorized_keys",
        };
        MessageText message =
            $"The user logged in, and sshd ran {(forced.Command is null ? "a forced command" : $"'{forced.Command}'")} ({from}) instead of the shell, command " +
            $"or subsystem the client asked for. When that command ends the session ends: the client sees a login that closes at once, its own command never ran, " +
            $"and scp/sftp/rsync fail with protocol errors. That is intended on restricted accounts (backups, Git hosting); elsewhere it is a leftover.";
        var fixes = new List<Fix>
        {
            Fix.OnServer("Find the ForceCommand that applies (Match blocks included)", $"sshd -T -C user={UserOf(c)},host=HOST,addr={c.ClientAddress ?? "IP_ADDRESS"} | grep -i forcecommand"),
            Fix.OnServer("Find command= options on the user's keys", $"grep -n 'command=' ~{UserOf(c)}/.ssh/authorized_keys"),
        };
        return Report(message, [c.Last<AuthAttempt>(), forced], fixes);
    }
}

/// <summary><c>forwarding-refused</c>, from sshd's side.</summary>
internal sealed class ServerForwardingRefusedRule() : ServerRule(new(RuleIds.ForwardingRefused, "forwarding-refused", Severity.Error, Phase.Session, "The server refused the port forwarding"))
{
    public override Finding? Evaluate(ServerRuleContext context)
    {
        var c = context.Connection;
        if (c.First<ForwardRefusedByServer>() is not { } refused || context.HasCause)
        {
            return null;
        }

        MessageText message =
            $"sshd refused a forwarding request: {refused.Detail}. The login worked; sshd's AllowTcpForwarding (or PermitOpen/PermitListen, " +
            $"or a restrict/no-port-forwarding option on the key) does not allow it.";
        var fixes = new List<Fix>
        {
            Fix.OnServer("See what sshd allows for this user", $"sshd -T -C user={UserOf(c)},host=HOST,addr={c.ClientAddress ?? "IP_ADDRESS"} | grep -Ei 'allowtcpforwarding|permitopen|permitlisten'"),
            Fix.InConfig("Allow TCP forwarding (or only for this user, in a Match User block)", SshdConfig, "AllowTcpForwarding yes"),
            Reload(),
        };
        return Report(message, [refused], fixes);
    }
}

/// <summary><c>forward-target-refused</c>, from sshd's side: the forward's target could not be reached from the server.</summary>
internal sealed class ServerForwardTargetRefusedRule() : ServerRule(new(RuleIds.ForwardTargetRefused, "forward-target-refused", Severity.Error, Phase.Session, "The forward's target refused the connection"))
{
    public override Finding? Evaluate(ServerRuleContext context)
    {
        var c = context.Connection;
        if (c.First<ForwardTargetUnreachable>() is not { } failed || context.HasCause)
        {
            return null;
        }

        var target = failed.TargetPort is { } p ? $"{failed.TargetHost} port {p}" : failed.TargetHost;
        MessageText message =
            $"sshd tried to open the forward's target, {target}, from the server and failed: nothing listens there, a firewall on the server's side blocks it, " +
            $"or the name means something else on the server ('localhost' is the server itself).";
        var fixes = new List<Fix>
        {
            Fix.OnServer("Check from the server that the target answers", failed.TargetPort is { } port ? $"nc -vz {Shell(failed.TargetHost)} {port}" : $"getent hosts {Shell(failed.TargetHost)}"),
        };
        return Report(message, [failed], fixes);
    }
}

/// <summary><c>success</c>, from sshd's side: the login was accepted and the session ran.</summary>
internal sealed class ServerSuccessRule() : ServerRule(new(RuleIds.Success, "success", Severity.Info, Phase.Outcome, "Connected and authenticated"))
{
    public override Finding? Evaluate(ServerRuleContext context)
    {
        var c = context.Connection;
        if (!c.Authenticated || context.HasCause || c.All<AuthAttempt>().LastOrDefault(a => a.Accepted) is not { } accepted)
        {
            return null;
        }

        var key = accepted.Fingerprint is { } f ? $" with the {accepted.KeyType} key {f}" : string.Empty;
        MessageText message = $"sshd accepted {accepted.Method} for '{accepted.User}' from {accepted.ClientAddress}{key}.";
        return Report(message, [accepted, c.First<SessionStarted>()], []);
    }
}
