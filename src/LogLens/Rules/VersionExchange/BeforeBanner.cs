using LogLens.Analysis;
using LogLens.Events;
using LogLens.Findings;
using LogLens.Rules.Connect;

namespace LogLens.Rules.VersionExchange;

/// <summary>What the version-exchange rules share: whether a session ended before the server's banner, and the server-side checks.</summary>
internal static class BeforeBanner
{
    /// <summary>Whether the session never got the server's identification and did not go through a proxy command.</summary>
    public static bool Ended(SessionView session) =>
        !session.Has<RemoteVersion>() && !session.Has<NegotiationFailed>() && !session.Authenticated && session.Reached <= Phase.VersionExchange &&
        !ProxyFailureRule.Involved(session) && NotSshServerRule.Recognize(session) is null;

    /// <summary>The line where sshd said it refused the connection because of MaxStartups (9.2+, at -v).</summary>
    public static PreBannerLine? MaxStartups(SessionView session) =>
        session.All<PreBannerLine>().LastOrDefault(p => p.Text.Contains("MaxStartups", StringComparison.OrdinalIgnoreCase));

    /// <summary>Other text the server sent before giving up (e.g. a ban or an access message).</summary>
    public static PreBannerLine? Message(SessionView session) =>
        session.All<PreBannerLine>().LastOrDefault(p => p.Text.Trim().Length > 0 && !p.Text.Contains("MaxStartups", StringComparison.OrdinalIgnoreCase));

    /// <summary>The checks to run on the server, with the log's host and port.</summary>
    public static List<Fix> ServerChecks(SessionView session, bool maxStartups)
    {
        var host = session.Target?.Host ?? "HOST";
        var port = session.Target?.Port ?? 22;
        var fixes = new List<Fix>
        {
            new($"See what answers on port {port}: an SSH server prints a line starting SSH-2.0- at once", $"nc -v {host} {port}"),
        };
        if (maxStartups)
        {
            fixes.Add(Fix.OnServer("On the server, see how many unauthenticated connections are open and the MaxStartups limit", "sudo sshd -T | grep -i maxstartups"));
            fixes.Add(Fix.InConfig("Raise MaxStartups, or stop the flood (fail2ban, a firewall rate limit), then reload sshd", "/etc/ssh/sshd_config", "MaxStartups 30:30:100"));
        }

        fixes.Add(Fix.OnServer("On the server, check that sshd's configuration and host keys load (a broken one kills every connection at the start)", "sudo sshd -t"));
        fixes.Add(Fix.OnServer("On the server, read sshd's log for this connection ('refused connect', 'Exceeded MaxStartups', 'Bad permissions', bans)", "sudo journalctl -u ssh -u sshd -n 50"));
        fixes.Add(Fix.OnServer("On the server, look for TCP wrappers rules that reject your address", "grep -i sshd /etc/hosts.allow /etc/hosts.deny"));
        fixes.Add(Fix.OnServer("If fail2ban runs there, see whether your address is banned (unban with: sudo fail2ban-client set sshd unbanip YOUR_IP)", "sudo fail2ban-client status sshd"));
        return fixes;
    }

    /// <summary>
    /// Whether a bare <c>Connection closed/reset by HOST port N</c> can only be the pre-banner close: every other line is local setup,
    /// the TCP connection, or a shell line, and nothing (a notice, a prompt, a server message) shows the server talked.
    /// </summary>
    public static bool OnlyBeforeBanner(SessionView session) =>
        session.Events.All(e => e switch
        {
            Text t => t.Content.Trim().Length == 0 || t.Content.Contains("ssh", StringComparison.OrdinalIgnoreCase) || t.Content.TrimStart().StartsWith('$'),
            ClientVersion or RunningOn or StartedWith or ReadingConfig or ConfigApplyingOptions or ConfigInclude or ConfigExpanded or ConfigNote or ClientNote
                or FileOpenFailed or HostnameCanonicalization or Resolving or Connecting or ConnectionEstablished or ConnectStep or IdentityFile
                or KeyLoadFailed or CertificateFile or LocalVersion or ProtocolCompatibility or PreBannerLine or ConnectionClosedByPeer or MultiplexStep
                or ConnectionReset or Pledge or KilledBySignal => true,
            UnknownMessage u => u.Level is not null,
            _ => false,
        });
}
