using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Negotiation;

/// <summary><c>kex-stalled</c>: the key exchange started and then hung or the connection died.</summary>
/// <remarks>
/// A stall is where the session ends: any line of a later phase (a host key check, <c>SSH2_MSG_NEWKEYS</c>, authentication)
/// proves the exchange finished, whatever progress lines this client version prints or leaves out (before 8.5 there is no
/// <c>..._REPLY received</c>, before 5.7 no <c>Server host key:</c>). When ssh said nothing after the last exchange line the
/// log was cut or ssh was still waiting: the finding is then only likely.
/// </remarks>
internal sealed class KexStalledRule() : Rule(new(RuleIds.KexStalled, "kex-stalled", Severity.Error, Phase.Negotiation, "The key exchange stalled"))
{
    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        if (context.HasCause || session.Authenticated || session.Reached > Phase.Authentication || session.Has<NegotiationFailed>() ||
            session.Has<ReceivedDisconnect>() || session.All<ProtocolMessage>().Any(m => m is { Name: "SSH2_MSG_NEWKEYS", Sent: false }))
        {
            return null;
        }

        // The last sign of progress must be a step of the exchange: a host key question, an authentication line or anything
        // later shows the exchange got through.
        var started = session.LastProgress;
        if (started is null || !IsExchangeStep(started))
        {
            return null;
        }

        var ending = session.After(started).FirstOrDefault(IsEnding);
        if (session.Failure is { } failure && failure != ending)
        {
            return null;
        }

        // Without an ending, a packet received after the last step (-vvv) shows the server answered: the log was only cut.
        if (ending is null && session.LastPacketReceivedLine > started.Line)
        {
            return null;
        }

        var host = session.Target?.Host ?? "HOST";
        var address = session.Target?.Address ?? host;
        var chosen = session.All<KexChosen>().LastOrDefault(k => k.Kind == "algorithm")?.Value;
        var waited = started switch
        {
            ExpectingMessage expecting => $"waited for {expecting.Name}",
            HostKeyKnown or HostKeyFound or HostKeyAdded or ProtocolMessage { Name: "SSH2_MSG_NEWKEYS" } => "checked the host key and waited for the server's SSH2_MSG_NEWKEYS",
            RemoteVersion or CompatMatch or AuthenticatingTo => "was about to start the key exchange",
            ProtocolMessage { Name: "SSH2_MSG_KEXINIT", Sent: true } when !session.All<ProtocolMessage>().Any(m => m is { Name: "SSH2_MSG_KEXINIT", Sent: false }) =>
                "waited for the server's SSH2_MSG_KEXINIT",
            _ => "waited for the server's key-exchange reply",
        };
        var what = ending switch
        {
            null => "and the log ends there: no reply came before the paste stops (or ssh is still waiting)",
            ConnectionReset => "and then the connection was reset",
            ConnectionClosedByPeer => "and then the connection was closed",
            KilledBySignal => "and ssh was killed while waiting",
            _ => $"and then the connection failed ({ending.Message})",
        };
        MessageText message =
            $"The banners were exchanged and the key exchange started{(chosen is null ? string.Empty : $" ({chosen})")}: ssh sent its key-exchange " +
            $"message and {waited}, {what}. Small packets got through but the server's reply, the largest packet of the handshake " +
            $"(post-quantum methods such as sntrup761 and mlkem768 make it bigger still), did not. The classic cause is an MTU problem: a path with a " +
            $"smaller MTU (VPN, tunnel, PPPoE, Docker or another overlay network) whose ICMP 'fragmentation needed' messages are blocked, so big " +
            $"packets vanish (a PMTU black hole). A middlebox or IPS that inspects and drops SSH does the same. It is not an authentication problem.";
        if (ending is null)
        {
            message += " To be sure, run ssh -vvv again, wait until it gives up (or a minute), and keep the whole output: a stall ends in a timeout, " +
                "not in a host key or authentication line.";
        }

        var fixes = new List<Fix>
        {
            new("Test whether large packets get through (lower the size until it works: that is the path MTU minus 28)", $"ping -M do -s 1400 {address}"),
            new("Lower this machine's MTU on the interface towards the server (find it with: ip route get ADDRESS)", "sudo ip link set dev IFACE mtu 1400"),
            new("Try a key exchange with a smaller reply", $"ssh -o KexAlgorithms=curve25519-sha256 {Destination(session)}"),
            new("Or smaller packets with a simpler cipher", $"ssh -o KexAlgorithms=curve25519-sha256 -c aes128-ctr {Destination(session)}"),
            new("If a VPN or Docker network is involved, lower its MTU (e.g. 'mtu 1400' in the VPN profile, or Docker's daemon.json \"mtu\": 1400)"),
        };
        return Report(message, [session.All<KexCipherChosen>().LastOrDefault(), started, ending], fixes,
            confidence: ending is null ? Confidence.Likely : Confidence.Certain);
    }

    /// <summary>
    /// A step between the server's banner and the end of the key exchange (SSH2_MSG_NEWKEYS from the server): KEXINIT, the
    /// chosen algorithms, a DH/ECDH step, waiting for the reply, the host key found in known_hosts, NEWKEYS sent.
    /// </summary>
    private static bool IsExchangeStep(SshEvent e) =>
        e is RemoteVersion or CompatMatch or ExpectingMessage or KexChosen or KexCipherChosen or KexProposal or HostKeyKnown or HostKeyFound or HostKeyAdded
            or ProtocolMessage { Name: "SSH2_MSG_KEXINIT" or "SSH2_MSG_KEX_DH_GEX_REQUEST" or "SSH2_MSG_KEX_DH_GEX_GROUP" or "SSH2_MSG_KEX_DH_GEX_INIT" or "SSH2_MSG_KEX_ECDH_INIT" or "SSH2_MSG_KEXDH_INIT" or "SSH2_MSG_NEWKEYS" };

    /// <summary>How a stalled exchange ends when ssh gives up or the peer goes: a timeout, a close, a reset, a kill.</summary>
    private static bool IsEnding(SshEvent e) =>
        e is ConnectionError or ConnectionReset or ConnectionClosedByPeer or ConnectionBroken or KilledBySignal or Disconnected or ServerNotResponding;
}
