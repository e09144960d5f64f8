using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Negotiation;

/// <summary><c>kex-stalled</c>: the key exchange started and then hung or the connection died.</summary>
internal sealed class KexStalledRule() : Rule(new(RuleIds.KexStalled, "kex-stalled", Severity.Error, Phase.Negotiation, "The key exchange stalled"))
{
    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        if (context.HasCause || session.Authenticated || session.Has<ServerHostKey>())
        {
            return null;
        }

        var expecting = session.All<ExpectingMessage>().LastOrDefault(e => e.Name.Contains("KEX", StringComparison.Ordinal) && !e.Name.Contains("NEWKEYS", StringComparison.Ordinal));
        if (expecting is null || session.After(expecting).OfType<ProtocolMessage>().Any(m => !m.Sent && m.Name == expecting.Name))
        {
            return null;
        }

        var ending = session.After(expecting).FirstOrDefault(e =>
            e is ConnectionError or ConnectionReset or ConnectionClosedByPeer or ConnectionBroken or KilledBySignal or Disconnected or ServerNotResponding);
        if (session.After(expecting).Any(e => e is ReceivedDisconnect or NegotiationFailed or HostKeyChanged))
        {
            return null;
        }

        var host = session.Target?.Host ?? "HOST";
        var address = session.Target?.Address ?? host;
        var chosen = session.All<KexChosen>().LastOrDefault(k => k.Kind == "algorithm")?.Value;
        var what = ending switch
        {
            null => "and the log ends there: no reply ever came (ssh was waiting until it was killed or the paste stops)",
            ConnectionReset => "and then the connection was reset",
            ConnectionClosedByPeer => "and then the connection was closed",
            KilledBySignal => "and ssh was killed while waiting",
            _ => $"and then the connection failed ({ending.Message})",
        };
        var message =
            $"The banners were exchanged and the key exchange started{(chosen is null ? string.Empty : $" ({chosen})")}: ssh sent its key-exchange " +
            $"message and waited for {expecting.Name}, {what}. Small packets got through but the server's reply, the largest packet of the handshake " +
            "(post-quantum methods such as sntrup761 and mlkem768 make it bigger still), did not. The classic cause is an MTU problem: a path with a " +
            "smaller MTU (VPN, tunnel, PPPoE, Docker or another overlay network) whose ICMP 'fragmentation needed' messages are blocked, so big " +
            "packets vanish (a PMTU black hole). A middlebox or IPS that inspects and drops SSH does the same. It is not an authentication problem.";
        var fixes = new List<Fix>
        {
            new("Test whether large packets get through (lower the size until it works: that is the path MTU minus 28)", $"ping -M do -s 1400 {address}"),
            new("Lower this machine's MTU on the interface towards the server (find it with: ip route get ADDRESS)", "sudo ip link set dev IFACE mtu 1400"),
            new("Try a key exchange with a smaller reply", $"ssh -o KexAlgorithms=curve25519-sha256 {Destination(session)}"),
            new("Or smaller packets with a simpler cipher", $"ssh -o KexAlgorithms=curve25519-sha256 -c aes128-ctr {Destination(session)}"),
            new("If a VPN or Docker network is involved, lower its MTU (e.g. 'mtu 1400' in the VPN profile, or Docker's daemon.json \"mtu\": 1400)"),
        };
        return Report(message, [session.All<KexCipherChosen>().LastOrDefault(), expecting, ending], fixes);
    }
}
