using LogLens.Analysis;
using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.VersionExchange;

/// <summary><c>not-ssh-server</c>: something other than an SSH server answered.</summary>
internal sealed class NotSshServerRule() : Rule(new(RuleIds.NotSshServer, "not-ssh-server", Severity.Error, Phase.VersionExchange, "Something other than an SSH server answered"))
{
    /// <summary>Ports whose usual service is TLS (or RDP): such a server waits for the client's handshake and closes on an SSH banner without a word.</summary>
    private static readonly int[] TlsPorts = [443, 8443, 993, 995, 465, 636, 990, 5986, 3389];

    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        if (context.HasCause || session.Authenticated || Recognize(session) is not { } answer)
        {
            return null;
        }

        var target = session.Target;
        var host = target?.Host ?? "HOST";
        var port = target?.Port ?? 22;
        var user = target?.User is { Length: > 0 } u ? u + "@" : string.Empty;
        var fixes = new List<Fix>();
        MessageText message;
        if (answer.Ssh1)
        {
            message = $"{host} port {port} runs a server that speaks only SSH protocol 1 ({answer.What}). SSH-1 is broken and OpenSSH removed it from " +
                $"its client in 7.6, so no option of this ssh can talk to it. It is usually an old network device or appliance: enable SSH version 2 " +
                $"on it (Cisco IOS: 'ip ssh version 2' after 'crypto key generate rsa modulus 2048'), or upgrade its firmware. Your keys and " +
                $"password were never involved.";
            fixes.Add(Fix.OnServer("Enable SSH protocol 2 on the device (Cisco IOS example, in its configuration mode)", "ip ssh version 2"));
            fixes.Add(new Fix("Check what the port announces", $"nc -v {Shell(host)} {port}"));
        }
        else
        {
            message = $"ssh connected to {host} port {port}, but what answered is not an SSH server: {answer.What}. An SSH server greets with a line " +
                $"starting 'SSH-2.0-'. Most likely the port is wrong (another service listens there, e.g. a web server on 80/443 or a database), " +
                $"or a port forward, load balancer or proxy sends it to the wrong service; a corporate proxy or captive portal can also answer " +
                $"in the server's place. Authentication never started.";
            fixes.Add(new Fix($"See what answers on port {port} (an SSH server prints a line starting SSH-2.0-)", $"nc -v {Shell(host)} {port}"));
            fixes.Add(port == 22
                ? new Fix("Connect to the port sshd really listens on", $"ssh -p PORT {user}{host}")
                : new Fix("Connect to the port sshd really listens on (22 unless it was changed)", $"ssh -p 22 {user}{host}"));
            fixes.Add(Fix.OnServer("On the server, see which program listens on which port", $"sudo ss -tlnp | grep ':{port} '"));
        }

        return Report(message, answer.Evidence, fixes);
    }

    /// <summary>What answered instead of an SSH-2 server, when the log shows it; otherwise <see langword="null"/>.</summary>
    internal static Answer? Recognize(SessionView session)
    {
        var remote = session.First<RemoteVersion>();
        if (remote is not null && remote.Protocol.StartsWith("1.", StringComparison.Ordinal) && remote.Protocol != "1.99")
        {
            return new Answer($"it announced protocol {remote.Protocol}, software {remote.Software}", true, [remote, .. Closing(session)]);
        }

        var bad = (SshEvent?)session.All<BadIdentification>().LastOrDefault() ?? session.All<IdentificationFailed>().LastOrDefault(i =>
            i.Detail.Contains("protocol version identification", StringComparison.OrdinalIgnoreCase) || i.Detail.Contains("major versions differ", StringComparison.OrdinalIgnoreCase));
        if (bad is not null && bad.Message.Contains("major versions differ", StringComparison.OrdinalIgnoreCase))
        {
            return new Answer(remote is null ? "it announced SSH protocol 1" : $"it announced protocol {remote.Protocol}, software {remote.Software}", true, [remote, bad, .. Closing(session)]);
        }

        if (remote is not null || session.Has<NegotiationFailed>())
        {
            return null;
        }

        var foreign = session.All<PreBannerLine>().Where(p => Protocol(p.Text) is not null).ToList();
        if (foreign.Count > 0)
        {
            var first = foreign[0];
            return new Answer($"{Protocol(first.Text)} answered ('{first.Text.Trim()}')", false, [.. foreign.Take(3), .. Failures(session)]);
        }

        if (bad is not null)
        {
            var quoted = bad.Message;
            return new Answer(Protocol(quoted) is { } p ? $"{p} answered ({quoted})" : $"its first line is not an SSH identification ({quoted})", false, [bad, .. Failures(session)]);
        }

        var invalid = session.All<IdentificationFailed>().LastOrDefault(i =>
            i.Detail.Contains("invalid characters", StringComparison.OrdinalIgnoreCase) || i.Detail.Contains("too long", StringComparison.OrdinalIgnoreCase) ||
            i.Detail.Contains("No SSH version received", StringComparison.OrdinalIgnoreCase));
        var format = session.All<BannerExchangeFailed>().LastOrDefault(b =>
            b.Reason.Contains("invalid format", StringComparison.OrdinalIgnoreCase) || b.Reason.Contains("could not read protocol version", StringComparison.OrdinalIgnoreCase));
        if (invalid is not null || format is not null)
        {
            var what = invalid?.Detail.Contains("invalid characters", StringComparison.OrdinalIgnoreCase) == true || invalid is null
                ? "it sent binary data instead of a text banner (a database, RDP, a TLS alert or another binary protocol)"
                : invalid.Detail.Contains("No SSH version", StringComparison.OrdinalIgnoreCase)
                    ? "it sent many lines of text and never an SSH identification"
                    : "it sent an over-long first line instead of an SSH identification";
            return new Answer(what, false, [invalid, format, .. Closing(session)]);
        }

        // A silent close or reset on a port whose usual service is TLS: the TLS server waits for a ClientHello and hangs up.
        var port = session.Target?.Port;
        var silent = session.All<IdentificationFailed>().LastOrDefault() ?? (SshEvent?)session.Last<ConnectionClosedByPeer>() ?? session.Last<ConnectionReset>();
        if (port is { } p2 && TlsPorts.Contains(p2) && silent is not null && !session.Has<PreBannerLine>() && session.Reached <= Phase.VersionExchange)
        {
            return new Answer(
                $"nothing was sent and the connection was dropped, which is how a TLS server (HTTPS, IMAPS, RDP) on port {p2}, its usual service, " +
                "reacts to an SSH greeting", false, [silent, .. Closing(session)]);
        }

        return null;
    }

    /// <summary>The protocol a line belongs to, or <see langword="null"/> for text an SSH server may send before its banner.</summary>
    private static string? Protocol(string text)
    {
        var t = text.Trim().Trim('\'');
        if (t.StartsWith("HTTP/", StringComparison.OrdinalIgnoreCase) || t.StartsWith('<') || t.Contains("<html", StringComparison.OrdinalIgnoreCase) ||
            t.StartsWith("Content-", StringComparison.OrdinalIgnoreCase) || t.Contains("400 Bad Request", StringComparison.OrdinalIgnoreCase) ||
            t.StartsWith("GET ", StringComparison.Ordinal) || t.StartsWith("Server: ", StringComparison.OrdinalIgnoreCase))
        {
            return "a web (HTTP) server";
        }

        if (t.StartsWith("220 ", StringComparison.Ordinal) || t.StartsWith("220-", StringComparison.Ordinal))
        {
            return t.Contains("FTP", StringComparison.OrdinalIgnoreCase) ? "an FTP server" : "a mail (SMTP) or FTP server";
        }

        if (t.StartsWith("+OK", StringComparison.Ordinal) || t.StartsWith("* OK", StringComparison.Ordinal))
        {
            return "a mail (POP3/IMAP) server";
        }

        if (t.StartsWith("RFB ", StringComparison.Ordinal))
        {
            return "a VNC server";
        }

        if (t.StartsWith("-ERR", StringComparison.Ordinal) || t.StartsWith("-DENIED", StringComparison.Ordinal))
        {
            return "a Redis server";
        }

        return t.Any(c => char.IsControl(c) && c != '\t') || t.Contains('\uFFFD', StringComparison.Ordinal) ? "a binary protocol" : null;
    }

    private static IEnumerable<SshEvent?> Failures(SessionView session) =>
        [session.All<IdentificationFailed>().LastOrDefault(), session.Last<BannerExchangeFailed>(), .. Closing(session)];

    private static IEnumerable<SshEvent?> Closing(SessionView session) => [session.Last<ConnectionClosedByPeer>(), session.Last<ConnectionReset>()];

    /// <summary>What answered, whether it is an SSH-1 server, and the lines that show it.</summary>
    internal sealed record Answer(string What, bool Ssh1, IReadOnlyList<SshEvent?> Evidence);
}
