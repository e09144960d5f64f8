using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Connect;

/// <summary><c>dns-resolution</c>: the host name could not be resolved.</summary>
internal sealed class DnsResolutionRule() : Rule(new(RuleIds.DnsResolution, "dns-resolution", Severity.Error, Phase.Connect, "The host name could not be resolved"))
{
    /// <summary>Resolver answers that mean "I could not ask" rather than "the name does not exist".</summary>
    private static readonly string[] CouldNotAsk =
    [
        "Temporary failure", "try again", "temporary error", "Name server failure", "server failure", "timed out", "System error", "Address family for hostname not supported",
    ];

    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        var failed = session.Last<ResolveFailed>();
        if (context.HasCause || failed is null || session.Has<ConnectionEstablished>() || session.Authenticated || ProxyFailureRule.Involved(session))
        {
            return null;
        }

        var host = failed.Host.Trim();
        var reason = failed.Reason.Trim();
        var canonicalization = reason.Equals("Could not resolve host", StringComparison.Ordinal);
        var couldNotAsk = CouldNotAsk.Any(w => reason.Contains(w, StringComparison.OrdinalIgnoreCase));
        var platform = Network.PlatformOf(session);
        var user = Network.UserAt(session);
        var port = Network.PortOption(session.Target?.Port);

        MessageText message;
        if (canonicalization)
        {
            message = $"ssh could not resolve \"{host}\" while canonicalising it: CanonicalizeHostname is on and the name was found under none of the " +
                $"CanonicalDomains suffixes (and CanonicalizeFallbackLocal is off). Either the name is misspelt, or the domain list in your ssh config " +
                $"does not contain the domain it lives in, or the resolver for those domains (often a VPN's) is not reachable.";
        }
        else if (couldNotAsk)
        {
            message = $"ssh could not look up \"{host}\": \"{reason}\" means the resolver could not be asked or did not answer, not that the name " +
                $"does not exist. The machine has no working DNS right now: no network or Wi-Fi connection, a VPN that is down (or up and " +
                $"capturing DNS), a wrong or unreachable nameserver in /etc/resolv.conf (WSL and containers often get a broken one), or a " +
                $"firewall blocking port 53. No connection to the server was attempted.";
        }
        else
        {
            message = $"The resolver answered that \"{host}\" does not exist (\"{reason}\"). It was asked and said no, so this is about the name, " +
                $"not the network: a typo, a name that exists only in an internal DNS (reachable only on the office network or VPN), a missing " +
                $"/etc/hosts entry, or a Host alias that your ssh config does not define (ssh then looks up the alias itself). " +
                $"No connection to the server was attempted.";
        }

        if (host.Contains(':', StringComparison.Ordinal) && !Network.IsAddress(host))
        {
            message += $" The name contains a colon: ssh does not take HOST:PORT; write the port with -p (ssh -p PORT {user}{host[..host.IndexOf(':', StringComparison.Ordinal)]}).";
        }
        else if (host.Contains("://", StringComparison.Ordinal) || host.Contains(' ', StringComparison.Ordinal) || host.Contains('@', StringComparison.Ordinal))
        {
            message += " The name itself looks malformed (a URL, a space or a second @): give ssh a bare host name or address.";
        }
        else if (!host.Contains('.', StringComparison.Ordinal) && !canonicalization && !couldNotAsk && !host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            message += $" \"{host}\" has no domain: if it is meant to be an alias, check that a 'Host {host}' block with a HostName exists in the config ssh reads.";
        }

        var fixes = new List<Fix>
        {
            platform switch
            {
                Platform.Windows => new Fix($"See what the resolver says about {host}", $"Resolve-DnsName {Shell(host)}"),
                Platform.MacOs => new Fix($"See what the resolver says about {host}", $"dscacheutil -q host -a name {Shell(host)}"),
                _ => new Fix($"See what the system resolver says about {host} (uses /etc/hosts and DNS, like ssh)", $"getent hosts {Shell(host)}"),
            },
            new Fix("Ask the DNS server directly", $"nslookup {Shell(host)}"),
            new Fix("Check the HostName ssh uses after reading your config (a typo or a missing Host block shows here)", $"ssh -G {Shell(host)} | grep -i '^hostname'"),
        };
        if (couldNotAsk || canonicalization)
        {
            fixes.Add(platform == Platform.Windows
                ? new Fix("Check that a nameserver is configured and reachable", "ipconfig /all")
                : new Fix("Check which nameserver the system uses, and that the network or VPN it needs is up", "cat /etc/resolv.conf"));
        }

        fixes.Add(new Fix("Or connect by IP address while DNS is fixed", $"ssh {port}{user}IP_ADDRESS"));
        return Report(message, [session.Last<Resolving>(), failed], fixes);
    }
}
