using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Sessions;

/// <summary><c>forwarding-refused</c>: the server refused a port-forwarding request or a forwarded channel.</summary>
internal sealed class ForwardingRefusedRule() : Rule(new(RuleIds.ForwardingRefused, "forwarding-refused", Severity.Error, Phase.Session, "The server refused a forwarding request"))
{
    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        if (context.HasCause)
        {
            return null;
        }

        var remote = session.All<RemoteForwardFailed>().ToList();
        var prohibited = session.All<ChannelOpenFailed>().Where(c => c.Reason.Contains("administratively prohibited", StringComparison.OrdinalIgnoreCase)).ToList();
        var request = session.All<ForwardRequestFailed>().LastOrDefault(r => r.Kind == "remote");
        if (remote.Count == 0 && prohibited.Count == 0 && request is null)
        {
            return null;
        }

        var disabled = session.All<RemoteMessage>().LastOrDefault(m => m.Text.Contains("forwarding", StringComparison.OrdinalIgnoreCase) || m.Text.Contains("restrict", StringComparison.OrdinalIgnoreCase));
        var listen = remote.Select(r => r.Listen.Split(',')[0].Trim()).FirstOrDefault();
        var connection = prohibited.Count > 0 ? session.All<ForwardConnection>().LastOrDefault(f => f.Line < prohibited[0].Line) : null;
        MessageText message;
        if (remote.Count > 0 || request is not null)
        {
            message = $"The server refused the remote forward (-R){(listen is null ? string.Empty : $" for port {listen}")}: it will not listen on that port for you. " +
                $"The causes, most likely first: forwarding is disabled on the server (AllowTcpForwarding no or local, DisableForwarding yes, or no-port-forwarding/restrict in authorized_keys); " +
                $"the port is already in use on the server (an earlier session's forward still holds it); it is a port below 1024 and the user is not root; " +
                $"or a PermitListen list does not include it. Binding to a non-loopback address additionally needs GatewayPorts.";
        }
        else
        {
            message = $"The server refused to open a forwarded channel (\"administratively prohibited\"){(connection is null ? string.Empty : $" for {connection.Detail.TrimEnd('.')}")}. " +
                $"Its configuration forbids it: AllowTcpForwarding no (or remote only), DisableForwarding yes, a PermitOpen list that does not include the target, " +
                $"no-port-forwarding/restrict/permitopen in authorized_keys, or MaxSessions reached for a new session channel.";
        }

        if (disabled is not null)
        {
            message += $" The server said so itself: \"{disabled.Text}\".";
        }

        message += " The login worked; only the forwarding is refused, so this needs a change on the server (or another port).";
        return Report(
            message,
            [disabled, connection, .. remote, .. prohibited, request],
            [
                Fix.OnServer("On the server, see what sshd allows for forwarding", "sudo sshd -T | grep -i -E 'allowtcpforwarding|disableforwarding|permitopen|permitlisten|gatewayports'"),
                Fix.InConfig("On the server, allow it (or in a Match User block), then reload sshd", "/etc/ssh/sshd_config", "AllowTcpForwarding yes"),
                listen is not null
                    ? Fix.OnServer($"On the server, see whether port {listen} is already taken", $"ss -tlnp 'sport = :{listen}'")
                    : Fix.OnServer("Check the key's options in the server's ~/.ssh/authorized_keys (no-port-forwarding, restrict, permitopen=)", "grep -n -E 'no-port-forwarding|restrict|permitopen' ~/.ssh/authorized_keys"),
            ]);
    }
}
