using LogLens.Events;
using LogLens.Findings;
using LogLens.Rules.Connect;

namespace LogLens.Rules.VersionExchange;

/// <summary><c>banner-timeout</c>: the TCP connection was accepted but no SSH banner arrived in time.</summary>
internal sealed class BannerTimeoutRule() : Rule(new(RuleIds.BannerTimeout, "banner-timeout", Severity.Error, Phase.VersionExchange, "No SSH banner arrived in time"))
{
    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        if (context.HasCause || session.Has<RemoteVersion>() || session.Authenticated)
        {
            return null;
        }

        var banner = (SshEvent?)session.All<BannerExchangeFailed>().LastOrDefault(b => ConnectionTimeoutRule.IsTimeout(b.Reason)) ??
            session.All<IdentificationFailed>().LastOrDefault(i => ConnectionTimeoutRule.IsTimeout(i.Detail));
        var timedOut = session.All<ConnectionError>().LastOrDefault(e => ConnectionTimeoutRule.IsTimeout(e.Reason));
        var waiting = banner is null && timedOut is null ? StillWaiting(session) : null;
        if (banner is null && waiting is null && (timedOut is null || session.Reached > Phase.VersionExchange || !session.Has<LocalVersion>()))
        {
            return null;
        }

        var host = timedOut?.Host ?? (banner as BannerExchangeFailed)?.Host ?? session.Target?.Host ?? "HOST";
        var port = timedOut?.Port ?? (banner as BannerExchangeFailed)?.Port ?? session.Target?.Port ?? 22;
        var proxied = ProxyFailureRule.Involved(session);
        MessageText cause = "Something took the connection and then said nothing: an sshd that is " +
            "stuck or starved (an overloaded or swapping server, a full disk or process table, a slow reverse DNS lookup for TCP wrappers or " +
            "UseDNS), a load balancer, NAT or port forward that accepts but cannot reach its backend, a firewall or IPS that lets the handshake " +
            "through and then drops the data, or a service that is not SSH and waits for the client to speak first (an HTTP server waiting for " +
            "more request lines, a database). Authentication never started.";
        if (proxied)
        {
            cause += " The connection went through a proxy command: it may be the proxy that never passed any data on.";
        }

        var message = waiting is null
            ? $"The TCP connection to {host} port {port} was accepted, but no SSH identification ('SSH-2.0-...') came back before the " +
                $"timeout (ConnectTimeout also bounds the wait for the banner). " + cause
            : $"The TCP connection to {host} port {port} was accepted and the log ends there, before the server's SSH identification " +
                $"('SSH-2.0-...') and with no error: ssh was still waiting for the banner. " + cause +
                " To be sure, run ssh -v again and let it finish: it ends in \"Connection timed out during banner exchange\" (or a closed connection).";

        var user = Network.UserAt(session);
        var fixes = new List<Fix>
        {
            new($"See whether anything greets on port {port} (an SSH server prints SSH-2.0-... at once)", $"nc -v -w 10 {Shell(host)} {port}"),
            new("Give a slow server more time", $"ssh -o ConnectTimeout=30 {Network.PortOption(port)}{user}{host}"),
            Fix.OnServer("On the server, check that sshd is running and the machine is not overloaded", "systemctl status ssh; uptime; df -h /"),
            Fix.OnServer("On the server, read sshd's log for the connection", "sudo journalctl -u ssh -u sshd -n 50"),
            Fix.InConfig("If reverse DNS is slow on the server, turn it off, then reload sshd", "/etc/ssh/sshd_config", "UseDNS no"),
        };
        return Report(message, [session.Last<ConnectionEstablished>(), session.Last<LocalVersion>(), banner, timedOut], fixes,
            confidence: waiting is null ? Confidence.Certain : Confidence.Likely);
    }

    /// <summary>The line a log ends on after TCP connected, when nothing after it shows the server's banner, a line it sent, or an error.</summary>
    private static SshEvent? StillWaiting(Analysis.SessionView session) =>
        session.Reached == Phase.VersionExchange && session.Failure is null && !session.Has<PreBannerLine>() &&
        session.LastProgress is ConnectionEstablished or LocalVersion
            ? session.LastProgress
            : null;
}
