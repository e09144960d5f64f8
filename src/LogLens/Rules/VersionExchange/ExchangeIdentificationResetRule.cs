using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.VersionExchange;

/// <summary><c>exchange-identification-reset</c>: the server reset the TCP connection before sending its banner.</summary>
internal sealed class ExchangeIdentificationResetRule() : Rule(new(RuleIds.ExchangeIdentificationReset, "exchange-identification-reset", Severity.Error, Phase.VersionExchange, "The server reset the connection before its banner"))
{
    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        if (context.HasCause || !BeforeBanner.Ended(session))
        {
            return null;
        }

        var identification = session.All<IdentificationFailed>().LastOrDefault(i => i.Detail.Contains("reset", StringComparison.OrdinalIgnoreCase));
        var banner = session.All<BannerExchangeFailed>().LastOrDefault(b => b.Reason.Contains("reset", StringComparison.OrdinalIgnoreCase));
        var reset = session.Last<ConnectionReset>();
        if (identification is null && banner is null && (reset is null || !BeforeBanner.OnlyBeforeBanner(session)))
        {
            return null;
        }

        var host = reset?.Host ?? banner?.Host ?? session.Target?.Host ?? "the server";
        var port = reset?.Port ?? banner?.Port ?? session.Target?.Port ?? 22;
        var maxStartups = BeforeBanner.MaxStartups(session);
        var said = BeforeBanner.Message(session);
        MessageText message = $"The TCP connection to {host} port {port} was accepted (so something listens and no firewall blocks the port), then reset " +
            $"before the server sent its SSH banner. The server side dropped you right away, before any key or password was looked at: this is " +
            $"not an authentication problem.";
        if (maxStartups is not null)
        {
            message += " sshd said why: 'Exceeded MaxStartups'. It already has too many connections that have not finished logging in (a " +
                "password-guessing flood, or many parallel ssh/scp/Ansible connections) and drops new ones at random until some finish. " +
                "Retrying later works; the lasting fix is on the server.";
        }
        else
        {
            message += " The usual causes, most likely first: TCP wrappers (/etc/hosts.deny, e.g. 'ALL: ALL' on hardened images) or a ban by " +
                "fail2ban, DenyHosts or sshguard after earlier failed logins from your address; sshd failing as each connection starts (host " +
                "keys missing or with wrong permissions, a broken sshd_config after an upgrade: 'sshd -t' shows it); MaxStartups (too many " +
                "unauthenticated connections at once); a load balancer, NAT or port forward with no live backend; or an IPS or corporate " +
                "firewall that resets SSH.";
            if (said is not null)
            {
                message += $" The server sent '{said.Text.Trim()}' first, which names its reason.";
            }
        }

        return Report(message, [session.Last<LocalVersion>(), maxStartups, said, identification, banner, reset], BeforeBanner.ServerChecks(session, maxStartups is not null));
    }
}
