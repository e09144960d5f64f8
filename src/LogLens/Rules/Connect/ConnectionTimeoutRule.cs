using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Connect;

/// <summary><c>connection-timeout</c>: the TCP connection attempt got no answer.</summary>
internal sealed class ConnectionTimeoutRule() : Rule(new(RuleIds.ConnectionTimeout, "connection-timeout", Severity.Error, Phase.Connect, "The connection attempt timed out"))
{
    internal static bool IsTimeout(string reason) =>
        reason.Contains("timed out", StringComparison.OrdinalIgnoreCase) || reason.Contains("10060", StringComparison.Ordinal) ||
        reason.Contains("Connection timeout", StringComparison.OrdinalIgnoreCase);

    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        if (context.HasCause || session.Has<ConnectionEstablished>() || session.Authenticated)
        {
            return null;
        }

        var attempts = session.All<ConnectAddressFailed>().Where(a => IsTimeout(a.Reason)).ToList();
        var final = session.All<ConnectFailed>().LastOrDefault(f => IsTimeout(f.Reason));
        var waiting = final is null && attempts.Count == 0 ? StillConnecting(session) : null;
        if (final is null && attempts.Count == 0 && waiting is null)
        {
            return null;
        }

        var host = final?.Host ?? session.Target?.Host ?? attempts[0].Address;
        var port = final?.Port ?? attempts.FirstOrDefault()?.Port ?? session.Target?.Port ?? 22;
        var addresses = attempts.Select(a => a.Address).Distinct().ToList();
        if (addresses.Count == 0 && session.Last<Connecting>() is { } connecting)
        {
            addresses.Add(connecting.Address);
        }

        var where = addresses.Count > 0 && !addresses.SequenceEqual([host]) ? $"{host} ({string.Join(", ", addresses)})" : host;
        const string Cause = "Packets were silently lost on " +
            "the way, most often because: a firewall, cloud security group or network ACL drops traffic to that port (or allows it only from " +
            "other source addresses: your public IP may have changed); the host is down, stopped or has a new address (a stale DNS record, " +
            "a cloud VM restarted with a new public IP); the address is not reachable from where you are (a private address without the VPN, " +
            "a routing or VPN problem); or your own network blocks outgoing SSH. A refusal (\"Connection refused\") would mean the host " +
            "answered; a timeout means nothing did. Authentication never started, so keys and passwords are not the problem.";
        MessageText message = waiting is null
            ? (MessageText)$"ssh sent a connection request to {where} port {port} and nothing ever answered, not even a refusal. {Cause}"
            : $"ssh started connecting to {where} port {port} and the log ends there, with no \"Connection established\" and no error: ssh was " +
                $"still waiting for the server to answer (it waits up to ConnectTimeout, or the system's TCP timeout of a minute or two). {Cause}" +
                $" To be sure, run ssh -v again and let it finish: a timeout ends in \"Connection timed out\".";

        if (addresses.Concat([host]).Any(Network.IsLocal) && !addresses.Concat([host]).Any(a => a is "127.0.0.1" or "::1" or "localhost"))
        {
            message += " The address is a private one: it is reachable only from inside its network, so connect the VPN first or go through a bastion (ssh -J).";
        }

        var platform = Network.PlatformOf(session);
        var user = Network.UserAt(session);
        var fixes = new List<Fix>
        {
            platform == Platform.Windows
                ? new Fix($"Test whether anything answers on port {port}", $"Test-NetConnection {Shell(host)} -Port {port}")
                : new Fix($"Test whether anything answers on port {port} (a quick timeout again means the packets are dropped)", $"nc -vz -w 5 {Shell(host)} {port}"),
            new Fix("Check that the host is up and at this address (ping may be blocked even when the host is up)", $"ping -c 3 {Shell(host)}"),
            new Fix($"Allow inbound TCP {port} from your address in the server's firewall or cloud security group (your public IP: curl -s https://ifconfig.me)"),
            platform == Platform.Windows
                ? new Fix("See where the packets stop", $"tracert {Shell(host)}")
                : new Fix("See where the packets stop", $"traceroute -T -p {port} {Shell(host)}"),
            new Fix("If the server listens on another port, connect to that one", $"ssh -p PORT {user}{host}"),
        };
        return Report(message, [session.Last<Connecting>(), .. attempts, final], fixes, confidence: waiting is null ? Confidence.Certain : Confidence.Likely);
    }

    /// <summary>The connection attempt a log ends on: nothing after "Connecting to" shows an answer or an error.</summary>
    private static Connecting? StillConnecting(Analysis.SessionView session) =>
        session.Reached == Phase.Connect && session.Failure is null && session.LastProgress is Connecting connecting && !ProxyFailureRule.Involved(session)
            ? connecting
            : null;
}
