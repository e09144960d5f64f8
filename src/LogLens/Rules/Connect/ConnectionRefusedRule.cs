using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Connect;

/// <summary><c>connection-refused</c>: the host answered the TCP connection with a refusal.</summary>
internal sealed class ConnectionRefusedRule() : Rule(new(RuleIds.ConnectionRefused, "connection-refused", Severity.Error, Phase.Connect, "The connection was refused"))
{
    private const string Refused = "Connection refused";

    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        if (context.HasCause || session.Has<ConnectionEstablished>())
        {
            return null;
        }

        var attempts = session.All<ConnectAddressFailed>().Where(a => a.Reason.Contains(Refused, StringComparison.OrdinalIgnoreCase)).ToList();
        var final = session.All<ConnectFailed>().LastOrDefault(f => f.Reason.Contains(Refused, StringComparison.OrdinalIgnoreCase));
        if (final is null && attempts.Count == 0)
        {
            return null;
        }

        var host = final?.Host ?? session.Target?.Host ?? attempts[0].Address;
        var port = final?.Port ?? attempts.FirstOrDefault()?.Port ?? session.Target?.Port ?? 22;
        var addresses = attempts.Select(a => a.Address).Distinct().ToList();
        var where = addresses.Count > 0 ? string.Join(" and ", addresses) : host;
        MessageText message =
            $"ssh reached {where} but nothing accepted a connection on port {port}. \"Connection refused\" means the host answered, " +
            $"so the address is alive: either no sshd listens on that port (wrong port, sshd stopped, or listening on another " +
            $"interface or address family), or a firewall on the way rejects the connection, or the server's connection backlog is full. " +
            $"A firewall that silently drops packets gives a timeout instead, and no key or password was ever looked at.";
        if (port == 22 && addresses.Any(a => a is "127.0.0.1" or "::1"))
        {
            message += " On localhost, a VM or container usually forwards a different port (e.g. 2222) to its sshd: connect to that port.";
        }

        return Report(
            message,
            [.. attempts, final],
            [
                Fix.OnServer($"Check that sshd runs and listens on port {port} on the server", $"sudo ss -tlnp | grep ':{port} '"),
                Fix.OnServer("Start sshd if it is not running, and at every boot (the unit is 'sshd' on Red Hat-like systems)", "sudo systemctl enable --now ssh"),
                new Fix("If sshd listens on another port, connect to that one", $"ssh -p PORT {UserAt(session)}{host}"),
                Fix.OnServer($"Look for a firewall rule rejecting port {port} (on the server and in between)", "sudo iptables -L -n -v"),
            ]);
    }

    private static string UserAt(Analysis.SessionView session) => session.Target?.User is { Length: > 0 } user ? user + "@" : string.Empty;
}
