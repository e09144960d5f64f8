using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Connect;

/// <summary><c>no-route</c>: the network layer has no path to the host.</summary>
internal sealed class NoRouteRule() : Rule(new(RuleIds.NoRoute, "no-route", Severity.Error, Phase.Connect, "There is no network route to the host"))
{
    private const string NoRoute = "No route to host";
    private const string Unreachable = "Network is unreachable";

    internal static bool IsNoRoute(string reason) =>
        reason.Contains(NoRoute, StringComparison.OrdinalIgnoreCase) || reason.Contains("Host is unreachable", StringComparison.OrdinalIgnoreCase) ||
        reason.Contains("Host is down", StringComparison.OrdinalIgnoreCase) || reason.Contains("10065", StringComparison.Ordinal);

    internal static bool IsUnreachable(string reason) =>
        reason.Contains(Unreachable, StringComparison.OrdinalIgnoreCase) || reason.Contains("10051", StringComparison.Ordinal);

    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        if (context.HasCause || session.Has<ConnectionEstablished>() || session.Authenticated)
        {
            return null;
        }

        var attempts = session.All<ConnectAddressFailed>().Where(a => IsNoRoute(a.Reason) || IsUnreachable(a.Reason)).ToList();
        var final = session.All<ConnectFailed>().LastOrDefault(f => IsNoRoute(f.Reason) || IsUnreachable(f.Reason));
        if (final is null && attempts.Count == 0)
        {
            return null;
        }

        var host = final?.Host ?? session.Target?.Host ?? attempts[0].Address;
        var port = final?.Port ?? attempts.FirstOrDefault()?.Port ?? session.Target?.Port ?? 22;
        var addresses = attempts.Select(a => a.Address).Distinct().ToList();
        if (addresses.Count == 0)
        {
            addresses.Add(session.Last<Connecting>()?.Address ?? host);
        }

        var noRoute = attempts.Any(a => IsNoRoute(a.Reason)) || (final is not null && IsNoRoute(final.Reason));
        var unreachable = attempts.Where(a => IsUnreachable(a.Reason)).Select(a => a.Address).ToList();
        if (final is not null && IsUnreachable(final.Reason) && unreachable.Count == 0)
        {
            unreachable.Add(addresses[^1]);
        }

        var platform = Network.PlatformOf(session);
        var local = addresses.Concat([host]).Any(Network.IsLocal);
        var user = Network.UserAt(session);
        var portOption = Network.PortOption(port);
        var where = addresses.SequenceEqual([host]) ? host : $"{host} ({string.Join(", ", addresses)})";
        var parts = new List<string>();
        var fixes = new List<Fix>();

        var ipv6Only = unreachable.Count > 0 && unreachable.All(Network.IsIpv6);
        if (unreachable.Count > 0)
        {
            var lead = ipv6Only
                ? $"\"Network is unreachable\" for the IPv6 address {string.Join(", ", unreachable.Distinct())}: this machine has no IPv6 route at all " +
                  "(no IPv6 connectivity on this network), so the kernel refused to even send the packet."
                : $"\"Network is unreachable\" means this machine has no route towards {where} at all, so the kernel refused to even send the " +
                  "packet: no default route (Wi-Fi or cable down, a network namespace or container without a gateway), a VPN that is down or " +
                  "that took over the routing table, or an interface that is not configured.";
            parts.Add(lead);
            if (ipv6Only)
            {
                parts.Add(Network.IsAddress(host)
                    ? "Use the server's IPv4 address instead, or fix IPv6 on this network."
                    : "Make ssh use IPv4 with -4 (or AddressFamily inet in your config), or fix IPv6 on this network.");
                if (!Network.IsAddress(host))
                {
                    fixes.Add(new Fix("Connect over IPv4", $"ssh -4 {portOption}{user}{host}"));
                }
            }
        }

        if (noRoute)
        {
            parts.Add(
                $"\"No route to host\" means the packet could not be delivered to {where}: either a router or firewall on the way answered " +
                "with an ICMP host-unreachable (a firewall REJECT rule does this: firewalld's default rejects with icmp-host-prohibited, which " +
                "ssh shows as \"No route to host\"), or, for an address on your own network, nothing answered the ARP request: the machine is " +
                "off, asleep, or has another address.");
            if (local && platform is Platform.MacOs or Platform.Unknown)
            {
                parts.Add(
                    "On macOS (Sequoia and later), an app without the Local Network permission gets exactly this error for local addresses " +
                    "while Terminal works: allow the app (VS Code, iTerm, ...) in System Settings > Privacy & Security > Local Network.");
            }
        }

        parts.Add("It is a network-level failure: sshd and your keys were never involved.");
        var target = addresses.FirstOrDefault(a => !Network.IsIpv6(a)) ?? addresses[0];
        fixes.Add(platform switch
        {
            Platform.MacOs => new Fix("See which route the system would use", $"route -n get {Shell(target)}"),
            Platform.Windows => new Fix("See which route the system would use", $"Find-NetRoute -RemoteIPAddress {Shell(target)}"),
            _ => new Fix("See which route the system would use (no output or an error means no route)", $"ip route get {Shell(target)}"),
        });
        fixes.Add(new Fix("Check that the host is up and reachable", platform == Platform.Windows ? $"ping -n 3 {Shell(target)}" : $"ping -c 3 {Shell(target)}"));
        if (unreachable.Count > 0 && !ipv6Only)
        {
            fixes.Add(new Fix("Check that this machine has a default route (and that the VPN is connected if the address is behind it)", platform == Platform.Windows ? "route print" : "ip route show default"));
        }

        if (noRoute)
        {
            fixes.Add(Fix.OnServer($"On the server, check for a firewall rejecting port {port} (firewalld: allow ssh)", "sudo firewall-cmd --list-all"));
            if (local && platform is Platform.MacOs or Platform.Unknown)
            {
                var permission = new Fix("On macOS, allow the app that runs ssh under System Settings > Privacy & Security > Local Network");
                if (platform == Platform.MacOs)
                {
                    fixes.Insert(0, permission);
                }
                else
                {
                    fixes.Add(permission);
                }
            }
        }

        return Report(string.Join(" ", parts), [.. attempts, final], fixes);
    }
}
