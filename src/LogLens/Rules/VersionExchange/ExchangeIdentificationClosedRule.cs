using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.VersionExchange;

/// <summary><c>exchange-identification-closed</c>: the server closed the TCP connection before sending its banner.</summary>
internal sealed class ExchangeIdentificationClosedRule() : Rule(new(RuleIds.ExchangeIdentificationClosed, "exchange-identification-closed", Severity.Error, Phase.VersionExchange, "The server closed the connection before its banner"))
{
    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        if (context.HasCause || !BeforeBanner.Ended(session))
        {
            return null;
        }

        var identification = session.All<IdentificationFailed>().LastOrDefault(i =>
            i.Detail.Contains("closed", StringComparison.OrdinalIgnoreCase) || i.Detail.Contains("No banner received", StringComparison.OrdinalIgnoreCase));
        var banner = session.All<BannerExchangeFailed>().LastOrDefault(b => b.Reason.Contains("closed", StringComparison.OrdinalIgnoreCase) || b.Reason.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase));
        var closed = session.All<ConnectionClosedByPeer>().LastOrDefault();
        var maxStartups = BeforeBanner.MaxStartups(session);
        // sshd names the refusal in the line it sends before hanging up: a log cut right after it still shows the cause.
        var announced = identification is null && banner is null && closed is null && maxStartups is not null && session.Failure is null;
        if (identification is null && banner is null && (closed is null || !BeforeBanner.OnlyBeforeBanner(session)) && !announced)
        {
            return null;
        }

        var host = closed?.Host ?? banner?.Host ?? session.Target?.Host ?? "the server";
        var port = closed?.Port ?? banner?.Port ?? session.Target?.Port ?? 22;
        var said = BeforeBanner.Message(session);
        var lone = identification is null && banner is null && !session.Has<LocalVersion>();
        MessageText message = $"The TCP connection to {host} port {port} was accepted, then closed before the server sent its SSH banner. Something on " +
            $"the server side hung up at once, before any key or password was looked at: this is not an authentication problem.";
        if (lone)
        {
            message += " (Without -v, OpenSSH 9.5 and later print only this line for it; run ssh -v to see 'kex_exchange_identification' and any " +
                "message the server sent.)";
        }

        if (maxStartups is not null)
        {
            message += " sshd said why: 'Exceeded MaxStartups'. It already has too many connections that have not finished logging in (a " +
                "password-guessing flood, or many parallel ssh/scp/Ansible connections) and refuses new ones until some finish. Retrying " +
                "later works; the lasting fix is on the server.";
        }
        else
        {
            message += " The usual causes, most likely first: sshd's MaxStartups limit (too many unauthenticated connections at once); TCP " +
                "wrappers (/etc/hosts.deny) or a ban by fail2ban, DenyHosts or sshguard on your address; sshd unable to start the session (host " +
                "keys missing or unreadable, a broken sshd_config: 'sshd -t' shows it); a port forward, Docker or Kubernetes port-forward whose " +
                "service behind it is not running; a proxy or load balancer with no backend; or a service that is not SSH and hangs up on " +
                "the SSH greeting (a TLS server does this silently).";
            if (said is not null)
            {
                message += $" The server sent '{said.Text.Trim()}' first, which names its reason.";
            }
        }

        if (announced)
        {
            message += " The log ends right after that line, before ssh reported the connection's end; sshd closes (or resets) it at once.";
        }

        return Report(message, [session.Last<LocalVersion>(), maxStartups, said, identification, banner, closed], BeforeBanner.ServerChecks(session, maxStartups is not null),
            confidence: announced ? Confidence.Likely : Confidence.Certain);
    }
}
