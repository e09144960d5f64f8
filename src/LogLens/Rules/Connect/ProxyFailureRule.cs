using LogLens.Analysis;
using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Connect;

/// <summary><c>proxy-failure</c>: a ProxyJump or ProxyCommand hop failed, so the target was never reached.</summary>
internal sealed class ProxyFailureRule() : Rule(new(RuleIds.ProxyFailure, "proxy-failure", Severity.Error, Phase.Connect, "The ProxyJump/ProxyCommand hop failed"))
{
    private const string Unknown = "UNKNOWN";

    /// <summary>Shell errors a proxy command prints when its program cannot run.</summary>
    private static readonly string[] NotRunnable = ["command not found", ": not found", "No such file or directory", "is not recognized as an internal or external command", "Permission denied"];

    /// <summary>Whether the session reached its server through a proxy command or jump host (as far as the log shows).</summary>
    internal static bool Involved(SessionView session) =>
        session.Has<ProxyCommandExecuting>() || session.Has<ProxyJumpCommand>() || session.Hops.Count > 0 || IsFailedForwarder(session) ||
        session.All<ConnectionClosedByPeer>().Any(e => e.Host == Unknown) || session.All<BannerExchangeFailed>().Any(e => e.Host == Unknown) ||
        session.All<ConnectionReset>().Any(e => e.Host == Unknown) || session.All<ConnectionError>().Any(e => e.Host == Unknown) ||
        (session.Has<ProcessSpawnFailed>() && !session.Has<RemoteVersion>());

    /// <summary>
    /// Whether the log is the hop's own output (<c>ssh -W</c>, as ProxyJump runs it) and its stdio forward failed: then the
    /// hop's login is not the target's, and the outer ssh's lines that follow only report the proxy going away.
    /// </summary>
    private static bool IsFailedForwarder(SessionView session) =>
        session.All<ForwardRequestFailed>().Any(f => f.Kind == "stdio");

    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        // A login and a banner seen in a log cut before the hop's own banner may be the hop's: the stdio forward
        // ssh opened for the target then says so.
        var forwardedByHop = session.All<ForwardRequestFailed>().Any(f => f.Kind == "stdio") ||
            session.All<ChannelOpened>().Any(c => c.Name == "stdio-forward");
        // The target answering through the proxy (its banner, or any later phase: a version that does not print the banner
        // line still shows the key exchange or the host key check) proves the proxy worked.
        if (context.HasCause || !Involved(session) || ((session.Reached > Phase.VersionExchange || session.Authenticated) && !forwardedByHop))
        {
            return null;
        }

        var proxy = (SshEvent?)session.Last<ProxyCommandExecuting>() ?? session.Last<ProxyJumpCommand>();
        var command = session.Last<ProxyCommandExecuting>()?.Command ?? session.Last<ProxyJumpCommand>()?.Command;
        var jump = JumpCommand.Parse(command);
        var consequences = session.Events.Where(e =>
            e is IdentificationFailed or ConnectionClosedByPeer { Host: Unknown } or BannerExchangeFailed { Host: Unknown } or ConnectionReset { Host: Unknown } or ConnectionError { Host: Unknown }).ToList();
        var target = jump?.Target ?? TargetName(session);
        var user = Network.UserAt(session);

        // 1. The proxy command could not even start.
        var spawn = session.All<ProcessSpawnFailed>().ToList();
        var shellError = proxy is null ? null : session.After(proxy).OfType<Text>().FirstOrDefault(t => NotRunnable.Any(n => t.Content.Contains(n, StringComparison.OrdinalIgnoreCase)));
        if (spawn.Count > 0 || shellError is not null)
        {
            var windows = spawn.Any(s => s.Call.Contains("CreateProcess", StringComparison.OrdinalIgnoreCase)) || Network.PlatformOf(session) == Platform.Windows;
            var what = command is null ? "the proxy command" : $"the proxy command ({command})";
            MessageText message = $"ssh could not start {what}: the program it names was not found, so no connection was made at all, neither to the jump host nor to {target}.";
            var fixes = new List<Fix>();
            if (windows)
            {
                message += " OpenSSH for Windows 7.7 has a known bug with ProxyJump: it runs the jump ssh as a bare 'ssh' path without '.exe' and the " +
                    "Windows error 2 (file not found) follows. Later releases fixed it; until then give the full path in an explicit ProxyCommand.";
                var hop = jump?.HopDestination ?? "JUMP_HOST";
                fixes.Add(new Fix("Use an explicit ProxyCommand with the full path to ssh.exe instead of ProxyJump/-J", $"ssh -o ProxyCommand=\"C:\\Windows\\System32\\OpenSSH\\ssh.exe -W %h:%p {hop}\" {user}{target}"));
                fixes.Add(new Fix("Or install a current OpenSSH for Windows from github.com/PowerShell/Win32-OpenSSH (the bug is fixed after 7.7)"));
            }
            else
            {
                message += " Install the program or give its full path in ProxyCommand.";
                fixes.Add(new Fix("Check that the program in ProxyCommand exists and is on PATH", $"command -v {Shell(command?.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(w => w == "exec").FirstOrDefault() ?? "PROGRAM")}"));
            }

            fixes.Add(new Fix("See the proxy settings ssh uses for this host", $"ssh -G {Shell(jump?.TargetHost ?? TargetHost(session) ?? "HOST")} | grep -i proxy"));
            return Report(message, [proxy, .. spawn, shellError, .. consequences], fixes);
        }

        // 2. The jump host itself failed (its own session, or its error lines in this one).
        var scopes = session.Hops.Reverse().Append(session).ToList();
        foreach (var scope in scopes)
        {
            if (HopCause(scope, session, jump, target, user) is { } cause)
            {
                return Report(cause.Message, [proxy, .. cause.Evidence, .. consequences], cause.Fixes);
            }
        }

        // 3. Nothing more specific: the proxy ended before the target's banner.
        var hopName = jump?.HopDestination ?? "the jump host";
        MessageText generic = $"ssh ran {(command is null ? "a proxy command (ProxyCommand or ProxyJump)" : $"the proxy command '{command}'")} and it ended before {target}'s SSH " +
            $"banner came through: the outer lines ('kex_exchange_identification: Connection closed by remote host', 'Connection closed by UNKNOWN " +
            $"port 65535') only say that the proxy went away. The real error is the proxy's own: the jump host could not be reached or logged in " +
            $"to, it refused to forward, or it could not reach the target. Run the hop on its own with -v to see it.";
        var genericFixes = new List<Fix>
        {
            jump is not null
                ? new Fix($"Test the jump host on its own", $"ssh -v {jump.HopCommandLine}")
                : new Fix("Run the proxy command by hand to see its error (replace %h and %p with the target host and port)", command),
            new Fix("See the proxy settings ssh uses for this host", $"ssh -G {Shell(jump?.TargetHost ?? TargetHost(session) ?? "HOST")} | grep -i proxy"),
        };
        if (jump is not null)
        {
            genericFixes.Add(new Fix($"Check that {hopName} can reach {target}", $"ssh {jump.HopCommandLine} nc -vz {jump.TargetHost} {jump.TargetPort}"));
        }

        return Report(generic, [proxy, .. consequences], genericFixes);
    }

    private static Cause? HopCause(SessionView scope, SessionView session, JumpCommand? jump, string target, string user)
    {
        var isHop = scope != session;
        var hopHost = (isHop ? scope.Target?.Host : null) ?? jump?.HopHost ?? scope.Last<ConnectFailed>()?.Host ?? scope.Last<ResolveFailed>()?.Host ?? "the jump host";
        var hopPort = (isHop ? scope.Target?.Port : null) ?? jump?.HopPort ?? scope.Last<ConnectFailed>()?.Port ?? 22;
        var hop = hopPort == 22 ? hopHost : $"{hopHost} port {hopPort}";
        var hopDestination = jump?.HopDestination ?? (hopPort == 22 ? hopHost : $"-p {hopPort} {hopHost}");
        var test = new Fix("Test the jump host on its own", $"ssh -v {hopDestination}");
        const string Consequence = "The outer 'Connection closed' lines only follow from that: the target itself was never reached.";

        if (scope.Last<ResolveFailed>() is { } resolve)
        {
            return new Cause(
                $"The jump host name \"{resolve.Host}\" could not be resolved ({resolve.Reason}), so ssh never reached {target}. {Consequence} " +
                $"Check the spelling in -J/ProxyJump and that a Host block defines it if it is an alias.",
                [scope.Last<Resolving>(), resolve],
                [new Fix("See what the resolver says about the jump host", $"getent hosts {Shell(resolve.Host)}"), test]);
        }

        var failed = scope.Last<ConnectFailed>();
        var attempts = scope.All<ConnectAddressFailed>().ToList();
        if ((failed is not null || attempts.Count > 0) && !scope.Has<ConnectionEstablished>())
        {
            var reason = failed?.Reason ?? attempts[^1].Reason;
            var meaning = reason.Contains("refused", StringComparison.OrdinalIgnoreCase)
                ? "nothing accepts connections on that port of the jump host (wrong port in -J/ProxyJump, or its sshd is not running)"
                : ConnectionTimeoutRule.IsTimeout(reason)
                    ? "nothing answered: a firewall drops the traffic, the jump host is down, or its address is wrong or only reachable over a VPN"
                    : NoRouteRule.IsNoRoute(reason) || NoRouteRule.IsUnreachable(reason)
                        ? "the network has no path to the jump host"
                        : "the connection to the jump host failed";
            return new Cause(
                $"The first hop failed: ssh could not connect to the jump host {hop}: {reason}. That means {meaning}. {Consequence}",
                [.. attempts, failed],
                [test, new Fix($"Check the jump host and port in your -J/ProxyJump setting", $"ssh -G {Shell(jump?.TargetHost ?? TargetHost(session) ?? "HOST")} | grep -i proxyjump")]);
        }

        var changed = scope.Last<HostKeyChanged>();
        var verification = scope.Last<HostKeyVerificationFailed>();
        if (changed is not null || verification is not null)
        {
            var why = changed is not null ? "its host key changed since it was recorded in known_hosts" : "its host key could not be verified (unknown or changed)";
            return new Cause(
                $"ssh reached the jump host {hop}, but the hop's host key check failed: {why}. {Consequence}",
                [changed, scope.Last<HostKeyUnknownStrict>(), verification],
                [
                    changed is not null
                        ? new Fix("Once the jump host's new key is confirmed, remove the stale entry", $"ssh-keygen -R {Shell(hopPort == 22 ? hopHost : $"[{hopHost}]:{hopPort}")}")
                        : new Fix("Connect to the jump host once on its own to check and accept its host key", $"ssh {hopDestination}"),
                    test,
                ]);
        }

        var denied = scope.Last<PermissionDenied>();
        if (denied is not null && !scope.Authenticated)
        {
            return new Cause(
                $"ssh reached the jump host {hop}, but logging in to it failed (Permission denied ({denied.Methods})). With -J the hop is a separate " +
                $"login: it uses the keys and user of the jump host's own Host block (or your defaults), not those set for {target}. {Consequence}",
                [scope.Last<NoMoreAuthMethods>(), denied],
                [test, new Fix("Give the jump host its own user and key in ~/.ssh/config (Host JUMP_HOST / User / IdentityFile), or put them in -J user@host:port")]);
        }

        var negotiation = scope.Last<NegotiationFailed>();
        if (negotiation is not null)
        {
            return new Cause(
                $"ssh reached the jump host {hop}, but they share no algorithm: {negotiation.What}. {Consequence}",
                [negotiation],
                [test, new Fix("Enable a common algorithm for the jump host's Host block (see its 'Their offer' list)")]);
        }

        var identification = scope.Events.LastOrDefault(e => e is IdentificationFailed or BannerExchangeFailed or BadIdentification);
        if (isHop && identification is not null)
        {
            return new Cause(
                $"ssh connected to the jump host {hop}, but its server dropped the connection before the SSH banner ({identification.Message}). {Consequence}",
                [identification],
                [test, new Fix("On the jump host, check sshd's configuration and log", "sudo sshd -t && sudo journalctl -u ssh -n 50")]);
        }

        var channel = scope.All<ChannelOpenFailed>().LastOrDefault();
        var stdio = scope.All<ForwardRequestFailed>().LastOrDefault(f => f.Kind.Contains("stdio", StringComparison.OrdinalIgnoreCase)) ?? scope.All<ForwardRequestFailed>().LastOrDefault();
        if (channel is not null || stdio is not null)
        {
            var prohibited = channel?.Reason.Contains("prohibited", StringComparison.OrdinalIgnoreCase) == true;
            var reason = channel?.Reason ?? "the forwarding request failed";
            var connectReason = reason.StartsWith("connect failed:", StringComparison.OrdinalIgnoreCase) ? reason["connect failed:".Length..].Trim() : reason;
            var hopName = hopHost == "the jump host" ? "the jump host" : $"the jump host {hop}";
            if (prohibited)
            {
                return new Cause(
                    $"You logged in to {hopName}, but it refused to forward the connection to {target} ({reason}): its sshd forbids TCP forwarding " +
                    $"(AllowTcpForwarding no, DisableForwarding yes, a PermitOpen list) or your key there carries restrict/no-port-forwarding.",
                    [channel, stdio],
                    [
                        new Fix("On the jump host, allow forwarding for your user (then reload sshd)", "sudo sshd -T | grep -Ei 'allowtcpforwarding|disableforwarding|permitopen'"),
                        new Fix("Or, if you may log in on the hop, connect in two steps", $"ssh -t {hopDestination} ssh {user}{target}"),
                    ]);
            }

            return new Cause(
                $"You logged in to {hopName}, but the hop could not open a connection to {target}: {connectReason}. The hop makes that " +
                $"connection itself, so the target name is resolved and reached from the hop, not from your machine: the target's port is wrong " +
                $"or its sshd is not running, or the hop cannot reach it (firewall, another network).",
                [channel, stdio],
                [
                    jump is not null
                        ? new Fix($"From the jump host, test the target's port", $"ssh {hopDestination} nc -vz {jump.TargetHost} {jump.TargetPort}")
                        : new Fix("From the jump host, test the target's port", "nc -vz TARGET PORT"),
                    new Fix("Check the target's host and port as the hop sees them (the -p/Port of the final destination)", $"ssh -G {Shell(jump?.TargetHost ?? TargetHost(session) ?? "HOST")} | grep -Ei '^(hostname|port|proxyjump)'"),
                ]);
        }

        return null;
    }

    private static string TargetName(SessionView session)
    {
        var host = TargetHost(session) ?? "the target";
        return session.Target?.Port is { } port && port != 22 ? $"{host} port {port}" : host;
    }

    private static string? TargetHost(SessionView session) => session.First<AuthenticatingTo>()?.Host ?? session.Target?.Host;

    private sealed record Cause(MessageText Message, IReadOnlyList<SshEvent?> Evidence, IReadOnlyList<Fix> Fixes);

    /// <summary>The parts of an implicit ProxyJump command (<c>ssh -l USER -p PORT -W '[HOST]:PORT' HOP</c>).</summary>
    private sealed record JumpCommand(string HopHost, int? HopPort, string? HopUser, string TargetHost, string TargetPort)
    {
        public string Target => TargetPort == "22" ? TargetHost : $"{TargetHost} port {TargetPort}";

        public string HopDestination => (HopPort is { } p && p != 22 ? $"-p {p} " : string.Empty) + (HopUser is null ? string.Empty : HopUser + "@") + HopHost;

        public string HopCommandLine => HopDestination;

        public static JumpCommand? Parse(string? command)
        {
            if (command is null)
            {
                return null;
            }

            var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('\'', '"')).ToList();
            var ssh = words.FindIndex(w => w.EndsWith("ssh", StringComparison.OrdinalIgnoreCase) || w.EndsWith("ssh.exe", StringComparison.OrdinalIgnoreCase));
            var forward = words.IndexOf("-W");
            if (ssh < 0 || forward < 0 || forward + 1 >= words.Count)
            {
                return null;
            }

            var spec = words[forward + 1];
            var colon = spec.LastIndexOf(':');
            var targetHost = (colon > 0 ? spec[..colon] : spec).Trim('[', ']');
            var targetPort = colon > 0 ? spec[(colon + 1)..] : "22";
            string? hop = null;
            int? port = null;
            string? user = null;
            for (var i = ssh + 1; i < words.Count; i++)
            {
                var w = words[i];
                if (w is "-l" or "-p" or "-F" or "-W" or "-o" or "-i" or "-J" or "-E" or "-b" or "-c" or "-m" or "-S")
                {
                    if (i + 1 < words.Count)
                    {
                        if (w == "-l")
                        {
                            user = words[i + 1];
                        }
                        else if (w == "-p" && int.TryParse(words[i + 1], out var p))
                        {
                            port = p;
                        }
                    }

                    i++;
                    continue;
                }

                if (!w.StartsWith('-'))
                {
                    hop = w;
                }
            }

            if (hop is null)
            {
                return null;
            }

            var at = hop.LastIndexOf('@');
            if (at > 0)
            {
                user ??= hop[..at];
                hop = hop[(at + 1)..];
            }

            return new JumpCommand(hop, port, user, targetHost, targetPort);
        }
    }
}
