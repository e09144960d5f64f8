using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Sessions;

/// <summary><c>forward-target-refused</c>: a forwarded connection reached the far end of the tunnel, and its target refused it.</summary>
internal sealed class ForwardTargetRefusedRule() : Rule(new(RuleIds.ForwardTargetRefused, "forward-target-refused", Severity.Error, Phase.Session, "A forwarded connection's target refused it"))
{
    private const string Marker = "forwarding to ";

    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        if (context.HasCause)
        {
            return null;
        }

        var failed = session.All<ChannelOpenFailed>().Where(c => c.Reason.Contains("connect failed", StringComparison.OrdinalIgnoreCase)).ToList();
        var local = session.All<ForwardTargetFailed>().ToList();
        var stdio = session.All<ChannelOpened>().Where(c => c.Name.Contains("stdio", StringComparison.Ordinal)).Select(c => c.Channel).ToHashSet();
        failed.RemoveAll(f => stdio.Contains(f.Channel));
        if ((failed.Count == 0 && local.Count == 0) || session.All<ForwardRequestFailed>().Any(r => r.Kind == "stdio"))
        {
            return null;
        }

        var first = (SshEvent?)failed.FirstOrDefault() ?? local[0];
        var connection = session.All<ForwardConnection>().LastOrDefault(f => f.Line < first.Line);
        var target = local.FirstOrDefault()?.Target ?? TargetOf(connection) ?? "the forward's target";
        var reason = failed.FirstOrDefault()?.Reason ?? local[0].Reason;
        MessageText message;
        if (failed.Count > 0)
        {
            message = $"A connection came in on a forwarded port{(connection is null ? string.Empty : $" ({connection.Detail.TrimEnd('.')})")}, ssh passed it through the tunnel, " +
                $"and the server then tried to connect to {target} and failed: {reason.Replace("connect failed: ", string.Empty, StringComparison.OrdinalIgnoreCase)}. " +
                $"The target host and port are resolved on the server, not on your machine: 'localhost' in -L PORT:localhost:TARGET_PORT means the server itself. " +
                $"So nothing listens on that port as seen from the server (the service is stopped, listens on another port or address, e.g. only inside a container, " +
                $"or a firewall on the target refuses the server). The SSH login and the tunnel itself are fine; ssh even exits 0.";
        }
        else
        {
            message = $"A connection came in on the server's end of a remote forward (-R), and ssh, on your machine, could not connect to its target {target} ({reason}). " +
                $"The target of -R is resolved and connected on the client side: nothing listens there on your machine (the local service is stopped, " +
                $"listens on another port or address such as ::1 versus 127.0.0.1). The SSH login and the tunnel itself are fine.";
        }

        var where = failed.Count > 0 ? "On the server, check" : "Check, on your machine,";
        var port = PortOf(target);
        return Report(
            message,
            [connection, .. failed, .. local],
            [
                new Fix($"{where} that something listens on the target port", port is null ? "ss -tlnp" : $"ss -tlnp 'sport = :{port}'") { Where = failed.Count > 0 ? FixLocation.Server : FixLocation.Client },
                Forward(failed.Count > 0, connection, target, session),
            ]);
    }

    private static string? TargetOf(ForwardConnection? connection)
    {
        if (connection is null)
        {
            return null;
        }

        var at = connection.Detail.IndexOf(Marker, StringComparison.Ordinal);
        return at < 0 ? null : connection.Detail[(at + Marker.Length)..].Replace(" requested.", string.Empty, StringComparison.Ordinal).Trim();
    }

    /// <summary>The forward again, with the log's ports and target, once the service listens (or with the port it really uses).</summary>
    private static Fix Forward(bool local, ForwardConnection? connection, string target, Analysis.SessionView session)
    {
        var words = target.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var targetHost = words.Length >= 3 && words[^2] == "port" ? words[^3] : "TARGET_HOST";
        var targetPort = PortOf(target) ?? "TARGET_PORT";
        const string Prefix = "Connection to port ";
        var listen = connection is not null && connection.Detail.StartsWith(Prefix, StringComparison.Ordinal)
            ? connection.Detail[Prefix.Length..].Split(' ')[0]
            : null;
        var option = local ? "-L" : "-R";
        return new Fix(
            $"Start the service on {targetHost} port {targetPort} (as {(local ? "the server" : "your machine")} sees it), or change the forward's target to the port it really listens on; then forward again",
            $"ssh {option} {listen ?? "LOCAL_PORT"}:{targetHost}:{targetPort} {Destination(session)}");
    }

    private static string? PortOf(string target)
    {
        var words = target.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 3 && words[^2] == "port" && int.TryParse(words[^1], out _) ? words[^1] : null;
    }
}
