using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Server;

/// <summary><c>max-startups</c>: sshd dropped the connection because too many others were still unauthenticated.</summary>
internal sealed class MaxStartupsRule() : ServerRule(new(RuleIds.MaxStartups, "max-startups", Severity.Error, Phase.VersionExchange, "sshd dropped the connection: too many unauthenticated connections (MaxStartups)"))
{
    public override Finding? Evaluate(ServerRuleContext context)
    {
        if (context.Connection.First<MaxStartupsDrop>() is not { } drop)
        {
            return null;
        }

        MessageText message =
            $"sshd dropped the connection from {drop.ClientAddress} before the banner exchange: it already held as many unauthenticated connections as " +
            $"MaxStartups allows (default 10:30:100: from 10 on, it drops 30% of new ones, all of them from 100). The client sees the connection closed " +
            $"or reset during the banner exchange. Usually a brute-force run or a scanner fills the slots; sometimes many parallel clients do (Ansible forks, CI).";
        var fixes = new List<Fix>
        {
            Fix.OnServer("See who holds the unauthenticated slots (many from one address: a brute-force run)", "journalctl -u ssh --since '10 min ago' | grep -c 'Connection closed by authenticating user\\|Invalid user'"),
            Fix.InConfig("Allow more unauthenticated connections (start:rate:full), and fewer per source address", SshdConfig, "MaxStartups 30:30:200"),
            Fix.OnServer("Block the flooding addresses (fail2ban's sshd jail does it automatically)", "apt-get install fail2ban"),
            Reload(),
        };
        return Report(message, [drop], fixes);
    }
}

/// <summary>The four "no algorithm in common" findings, from sshd's side (<c>Unable to negotiate with ...: no matching cipher found</c>).</summary>
internal sealed class ServerNegotiationRule(string id, string slug, string what, string option, string title)
    : ServerRule(new(id, slug, Severity.Error, Phase.Negotiation, title))
{
    public override Finding? Evaluate(ServerRuleContext context)
    {
        if (context.Connection.All<ServerNegotiationFailed>().FirstOrDefault(n => n.What == what) is not { } failed)
        {
            return null;
        }

        var offer = failed.TheirOffer.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        MessageText message =
            $"The client and sshd share no {what}. The client offered: {string.Join(", ", offer)}. sshd's own list is set by {option} in sshd_config " +
            $"(see it with 'sshd -T | grep -i {option.ToLowerInvariant()}'). Usually the client is old and offers only algorithms newer OpenSSH releases removed, " +
            $"or the server was hardened past what this client supports.";
        var fixes = new List<Fix>
        {
            Fix.OnServer($"Compare sshd's {option} with the client's offer", $"sshd -T | grep -i '^{option.ToLowerInvariant()}'"),
            new Fix("Better: upgrade the client (or its library: paramiko, JSch, PuTTY, an old NAS)"),
        };
        if (offer.Length > 0)
        {
            fixes.Add(Fix.InConfig($"Or let sshd accept one of the client's {what}s (only if it is still safe)", SshdConfig, $"{option} +{offer[0]}"));
        }

        fixes.Add(Reload());
        return Report(message, [failed, context.Connection.First<ClientSoftware>()], fixes);
    }
}
