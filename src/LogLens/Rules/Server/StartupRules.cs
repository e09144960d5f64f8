using System.Globalization;
using LogLens.Analysis;
using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Server;

/// <summary>
/// <c>sshd-config-error</c>: sshd did not start, because of a bad line in its configuration, or because it could not listen on any
/// address its <c>Port</c> and <c>ListenAddress</c> lines name.
/// </summary>
internal sealed class SshdConfigErrorRule() : ServerRule(new(RuleIds.SshdConfigError, "sshd-config-error", Severity.Error, Phase.Startup, "sshd did not start: a bad line in its configuration"))
{
    public override Finding? Evaluate(ServerRuleContext context)
    {
        var errors = context.Connection.All<ServerConfigError>().ToList();
        if (errors.Count == 0)
        {
            return CannotListen(context.Connection);
        }

        var bad = errors.FirstOrDefault(e => e.LineNumber is not null) ?? errors[0];
        var where = bad.LineNumber is { } n ? $"{bad.File} line {n}" : bad.File;
        MessageText message =
            $"sshd read its configuration and stopped at {where}: {bad.Problem}. A server whose sshd does not start refuses every connection " +
            $"(the client sees 'Connection refused'), and a running sshd that was told to reload keeps its old configuration only until it restarts. " +
            $"'sshd -t' checks the file without starting anything and names every bad line.";
        var fixes = new List<Fix>
        {
            Fix.OnServer("List every bad line (exit status 0 when the file is good)", "sshd -t"),
            Fix.OnServer(bad.LineNumber is { } line ? $"Fix or remove line {line} of {bad.File}, then start sshd" : $"Fix {bad.File}, then start sshd",
                bad.LineNumber is { } l ? $"sed -n '{l}p' {Shell(bad.File)}" : null),
            Restart("Start sshd again once 'sshd -t' is silent"),
        };
        return Report(message, errors.Cast<SshEvent>().Take(4), fixes);
    }

    /// <summary>
    /// sshd gave up because it could not listen anywhere (<c>Cannot bind any address.</c>). One address failing while another listens is
    /// not a failure (an IPv6 <c>::</c> that an IPv4 socket already covers is common), so only the giving up counts.
    /// </summary>
    private Finding? CannotListen(ServerConnection connection)
    {
        var failures = connection.All<ServerCannotListen>().ToList();
        var end = failures.FindLastIndex(f => f.GaveUp);
        if (end < 0)
        {
            return null;
        }

        // the addresses it tried since it last listened (an earlier start's lines are not this one's)
        var tries = failures.Take(end).Where(f => !f.GaveUp && f.Line > LastListening(connection, failures[end].Line)).ToList();
        var first = tries.FirstOrDefault();
        var port = first?.Port is { } p ? p.ToString(CultureInfo.InvariantCulture) : "PORT";
        var where = first is null ? "any address" : string.Join(", ", tries.Select(t => $"{t.Address} port {t.Port}").Distinct());
        var reason = first?.Reason ?? string.Empty;
        var fixes = new List<Fix>();
        MessageText message;
        string title;
        if (reason.Contains("already in use", StringComparison.OrdinalIgnoreCase))
        {
            title = $"sshd did not start: port {port} is already taken";
            message = $"sshd could not listen on {where} ({reason}) and exited: another program already listens there (or, rarely, a connection still holds it as its own port). " +
                $"Often it is another sshd: one started by hand beside the service, or systemd's ssh.socket (Ubuntu 22.10 and later), which holds port 22 " +
                $"for ssh.service. Clients then reach that other program, or get 'Connection refused' where it does not listen.";
            fixes.Add(Fix.OnServer($"See which program holds port {port}", $"ss -ltnp 'sport = :{port}'"));
            fixes.Add(Restart("Stop that program, or give sshd another Port or ListenAddress; then check and start sshd"));
        }
        else if (reason.Contains("assign requested address", StringComparison.OrdinalIgnoreCase))
        {
            title = "sshd did not start: its ListenAddress is not an address of this machine";
            message = $"sshd could not listen on {where} ({reason}) and exited: no network interface has that address. Either the ListenAddress line " +
                $"names an old or mistyped address, or sshd started before the network brought the address up. Clients get 'Connection refused'.";
            fixes.Add(Fix.OnServer("Compare the addresses sshd reads with those this machine has", "sshd -T | grep -i '^listenaddress'; ip -brief address"));
            fixes.Add(Restart($"Correct or remove the ListenAddress line in {SshdConfig} (none means every address), then start sshd"));
        }
        else if (reason.Contains("Permission denied", StringComparison.OrdinalIgnoreCase))
        {
            title = $"sshd did not start: it may not listen on port {port}";
            message = $"sshd could not listen on {where} ({reason}) and exited. On SELinux systems (RHEL, Fedora, CentOS) sshd may only listen on ports " +
                $"labelled ssh_port_t, and a new Port needs that label; elsewhere, only root may listen on a port below 1024. Clients get 'Connection refused'.";
            fixes.Add(Fix.OnServer($"On SELinux, allow sshd on port {port}", $"semanage port -a -t ssh_port_t -p tcp {port}"));
            fixes.Add(Restart("Start sshd again (as root)"));
        }
        else
        {
            title = "sshd did not start: it could not listen on any address";
            message = $"sshd could not listen on {where}{(reason.Length > 0 ? $" ({reason})" : string.Empty)} and exited, so clients get 'Connection refused'. " +
                $"The Port and ListenAddress lines of {SshdConfig} say where it listens.";
            fixes.Add(Fix.OnServer("See the Port and ListenAddress values sshd reads", "sshd -T | grep -Ei '^(port|listenaddress) '"));
            fixes.Add(Restart("Correct them, then start sshd"));
        }

        return Report(message, tries.Take(3).Append(failures[end]), fixes, title: title);
    }

    private static int LastListening(ServerConnection connection, int before) =>
        connection.All<ServerListening>().Where(l => l.Line < before).Select(l => l.Line).DefaultIfEmpty(0).Max();
}

/// <summary><c>host-key-load-failed</c>: sshd could not load a host key (or any), so it cannot prove who it is.</summary>
internal sealed class HostKeyLoadFailedRule() : ServerRule(new(RuleIds.HostKeyLoadFailed, "host-key-load-failed", Severity.Error, Phase.Startup, "sshd could not load its host keys"))
{
    public override Finding? Evaluate(ServerRuleContext context)
    {
        var failures = context.Connection.All<HostKeyLoadFailed>().ToList();
        if (failures.Count == 0 || context.HasCause)
        {
            return null;
        }

        var none = failures.Any(f => f.Path is null);
        if (!none && context.Connection.All<ServerListening>().Any(l => l.Line > failures[^1].Line))
        {
            // It started with the keys it could load: clients that accept those connect as before.
            return null;
        }

        var files = failures.Where(f => f.Path is not null).Select(f => f.Path!).Distinct().ToList();
        var named = files.Count > 0 ? string.Join(", ", files) : "its HostKey files";
        MessageText message = none
            ? (MessageText)($"sshd could not load {named} and, with no host key at all, exited: nothing listens, so clients get 'Connection refused' " +
              $"(or, when another process holds the port, a connection closed at once). The files are missing, unreadable by root, or not a private key (corrupt, truncated, or a .pub file).")
            : $"sshd could not load {named}, and the log does not show it listening afterwards. The files are missing, unreadable by root, or not a private key " +
              $"(corrupt, truncated, or a .pub file).";
        var fixes = new List<Fix>
        {
            Fix.OnServer("Create any missing default host keys", "ssh-keygen -A"),
        };
        if (files.Count > 0)
        {
            var file = Shell(files[0]);
            fixes.Add(Fix.OnServer($"Check that {files[0]} is a readable private key (it prints the public key), and owned by root with mode 600",
                $"ssh-keygen -y -f {file} >/dev/null && chown root:root {file} && chmod 600 {file}"));
        }

        fixes.Add(Restart("Check the configuration and start sshd again"));
        return Report(message, failures.Take(4), fixes);
    }
}
