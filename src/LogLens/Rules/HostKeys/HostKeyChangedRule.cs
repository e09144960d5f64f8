using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.HostKeys;

/// <summary><c>host-key-changed</c>: the server's host key differs from the one in known_hosts.</summary>
internal sealed class HostKeyChangedRule() : Rule(new(RuleIds.HostKeyChanged, "host-key-changed", Severity.Error, Phase.HostKey, "The server's host key has changed"))
{
    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        var changed = session.Last<HostKeyChanged>();
        var banner = session.All<WarningBanner>().LastOrDefault(b => b.Title.Contains("IDENTIFICATION HAS CHANGED", StringComparison.Ordinal));
        if (context.HasCause || (changed is null && banner is null))
        {
            return null;
        }

        var offending = session.All<OffendingKey>().ToList();
        var host = changed?.Host ?? session.Target?.Host ?? "HOST";
        var known = offending.FirstOrDefault(o => o.KeyType is not null) ?? offending.FirstOrDefault();
        var file = known?.File ?? "~/.ssh/known_hosts";
        var where = known is null ? "your known_hosts file" : $"{known.File}:{known.FileLine}";
        var fingerprint = session.All<HostKeyFingerprint>().LastOrDefault(f => f.Fingerprint is not null)?.Fingerprint ?? session.Last<ServerHostKey>()?.Fingerprint;
        var presented = fingerprint is null ? string.Empty : $" The server now presents {fingerprint}.";
        return Report(
            $"The key {host} presented does not match the one recorded for it in {where}, so ssh stopped before sending any credentials.{presented} " +
            $"Either the server was reinstalled, rebuilt or replaced (a new VM or container at the same address, a re-generated host key), " +
            $"or something between you and the server is impersonating it (a man-in-the-middle). Confirm the new fingerprint with the " +
            $"server's administrator or console (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub on the server) before trusting it.",
            [banner, .. offending, changed, session.Last<HostKeyVerificationFailed>()],
            [
                new Fix($"Once the new key is confirmed, remove the stale entry for {host}", $"ssh-keygen -f {Shell(file)} -R {Shell(host)}"),
                new Fix(known?.FileLine is { } line ? $"Or delete line {line} of {known.File} by hand" : "Or delete the old line from known_hosts by hand"),
                new Fix("Then connect again and check the fingerprint ssh shows", $"ssh {Destination(session)}"),
            ]);
    }
}
