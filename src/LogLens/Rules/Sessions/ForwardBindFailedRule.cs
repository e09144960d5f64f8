using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Sessions;

/// <summary><c>forward-bind-failed</c>: a local (-L) or dynamic (-D) forward could not listen on its port.</summary>
internal sealed class ForwardBindFailedRule() : Rule(new(RuleIds.ForwardBindFailed, "forward-bind-failed", Severity.Error, Phase.Session, "A forwarded port could not be bound locally"))
{
    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        if (context.HasCause)
        {
            return null;
        }

        var binds = session.All<BindFailed>().ToList();
        var listen = session.Last<ForwardListenFailed>();
        var request = session.All<ForwardRequestFailed>().LastOrDefault(r => r.Kind is "local" or "dynamic");
        if (binds.Count == 0 && listen is null && request is null)
        {
            return null;
        }

        var inUse = binds.FirstOrDefault(b => b.Reason.Contains("in use", StringComparison.OrdinalIgnoreCase));
        var bind = inUse ?? binds.FirstOrDefault();
        var port = listen?.Port ?? PortOf(bind?.Address) ?? "PORT";
        var fatal = listen is not null || request is not null || inUse is not null;
        var severity = fatal ? Severity.Error : Severity.Warning;
        string why;
        if (inUse is not null || bind is null)
        {
            why = $"Another program already listens on local port {port}: often an earlier ssh with the same -L still running in the background (ssh -f, ControlMaster/ControlPersist, a VS Code or IDE tunnel), " +
                "or the service itself runs locally on that port (a local database or web server).";
        }
        else if (bind.Reason.Contains("Cannot assign requested address", StringComparison.OrdinalIgnoreCase))
        {
            why = $"The address to listen on ({bind.Address}) does not exist on this machine; with 'localhost' this is usually IPv6 (::1) being unavailable, which is harmless when the IPv4 listener worked. " +
                "Name the address explicitly (-L 127.0.0.1:PORT:...) or use -4.";
        }
        else if (bind.Reason.Contains("Permission denied", StringComparison.OrdinalIgnoreCase) || bind.Reason.Contains("access permissions", StringComparison.OrdinalIgnoreCase))
        {
            why = $"Ports below 1024 need root (or CAP_NET_BIND_SERVICE) on Linux and macOS, and on Windows a port reserved by Hyper-V/WSL (netsh int ipv4 show excludedportrange protocol=tcp) cannot be used.";
        }
        else
        {
            why = $"The operating system refused the socket ({bind.Reason}).";
        }

        MessageText message = $"ssh could not open the local end of a port forward on port {port}, so connections to it will not reach the server. {why}" +
            $"{(request is not null ? " ssh reports that the local forwarding could not be set up." : string.Empty)}" +
            $" The SSH connection and login are fine; only the forward failed.";
        return Report(
            message,
            [.. binds, listen, request],
            [
                new Fix($"See which program holds local port {port}", $"ss -tlnp 'sport = :{port}'"),
                new Fix("Or, on macOS or without ss", $"lsof -nP -iTCP:{port} -sTCP:LISTEN"),
                new Fix("If it is an old ssh tunnel, stop it (by its PID from the output above)", "kill PID"),
                new Fix("Or forward from another free local port", $"ssh -L 127.0.0.1:OTHER_PORT:{ForwardTarget(session) ?? "TARGET_HOST:TARGET_PORT"} {Destination(session)}"),
            ],
            severity);
    }

    /// <summary>The forward's target as ssh named it (<c>Local connections to A:P forwarded to remote address H:P</c>).</summary>
    private static string? ForwardTarget(Analysis.SessionView session)
    {
        const string Marker = "forwarded to remote address ";
        var detail = session.All<ForwardEstablished>().Select(f => f.Detail).LastOrDefault(d => d.Contains(Marker, StringComparison.Ordinal));
        return detail is null ? null : detail[(detail.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..].Trim().TrimEnd('.');
    }

    private static string? PortOf(string? address)
    {
        if (address is null)
        {
            return null;
        }

        var colon = address.LastIndexOf(':');
        return colon >= 0 && colon < address.Length - 1 ? address[(colon + 1)..] : null;
    }
}
