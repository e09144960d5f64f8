using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Server;

/// <summary><c>sshd-config-error</c>: sshd did not start, because of a bad line in its configuration.</summary>
internal sealed class SshdConfigErrorRule() : ServerRule(new(RuleIds.SshdConfigError, "sshd-config-error", Severity.Error, Phase.Startup, "sshd did not start: a bad line in its configuration"))
{
    public override Finding? Evaluate(ServerRuleContext context)
    {
        var errors = context.Connection.All<ServerConfigError>().ToList();
        if (errors.Count == 0)
        {
            return null;
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
            Fix.OnServer("Start sshd again once 'sshd -t' is silent", "sshd -t && systemctl restart ssh"),
        };
        return Report(message, errors.Cast<SshEvent>().Take(4), fixes);
    }
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

        fixes.Add(Fix.OnServer("Check the configuration and start sshd again", "sshd -t && systemctl restart ssh"));
        return Report(message, failures.Take(4), fixes);
    }
}
