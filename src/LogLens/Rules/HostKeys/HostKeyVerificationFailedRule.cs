using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.HostKeys;

/// <summary><c>host-key-verification-failed</c>: ssh refused the server's host key and the log does not say why.</summary>
internal sealed class HostKeyVerificationFailedRule() : Rule(new(RuleIds.HostKeyVerificationFailed, "host-key-verification-failed", Severity.Error, Phase.HostKey, "Host key verification failed"))
{
    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        var failed = session.Last<HostKeyVerificationFailed>();
        if (context.HasCause || failed is null)
        {
            return null;
        }

        var revoked = session.All<WarningBanner>().LastOrDefault(b => b.Title.Contains("REVOKED", StringComparison.Ordinal));
        var mismatch = session.Last<HostKeyIpMismatch>();
        var host = session.Target?.Host ?? "HOST";
        var destination = Destination(session);
        if (revoked is not null)
        {
            return Report(
                $"The key {host} presented is listed as revoked (a @revoked line in known_hosts or a RevokedHostKeys file), so ssh refused it. " +
                $"Someone deliberately marked this key as compromised or retired: do not work around it; ask the server's administrator which key the server should have now.",
                [revoked, failed],
                [
                    new Fix("Find the @revoked entry for the host", $"grep -n '@revoked' ~/.ssh/known_hosts /etc/ssh/ssh_known_hosts"),
                    new Fix("After the server has a new key, connect again and check the new fingerprint", $"ssh {destination}"),
                ]);
        }

        MessageText message =
            "ssh refused the server's host key, and this log does not show why: the lines that explain it are missing (the paste starts at " +
            "the failure, or ssh ran without -v, or the explanation went to a terminal that was not captured). " +
            "It is almost always one of two things: the host is not in known_hosts and ssh could not ask (BatchMode=yes, or run from git, " +
            "an IDE, Ansible, CI or cron without a terminal), or the host's key changed since it was recorded (the server was reinstalled or " +
            "replaced, or the name now points to another machine). Less often the known_hosts file cannot be read, or the key is marked @revoked. " +
            "It is not a problem with your user key or password: ssh stopped before authentication.";
        if (mismatch is not null)
        {
            message += " The log also warns that the key stored for the IP address differs from the one for the name: one of the two known_hosts entries is stale.";
        }

        var target = session.Target;
        var port = target?.Port is { } p && p != 22 ? $"-p {p} " : string.Empty;
        var lookup = target?.Port is { } q && q != 22 ? $"'[{host}]:{q}'" : Shell(host);
        return Report(
            message,
            [mismatch, failed],
            [
                new Fix("Run ssh from a terminal with -v to see which case it is (an unknown-host question or a REMOTE HOST IDENTIFICATION HAS CHANGED warning)", $"ssh -v {destination}"),
                new Fix("See whether known_hosts has an entry for the host", $"ssh-keygen -F {lookup}"),
                new Fix("Compare with the key the server presents now (check it against the fingerprint the administrator gives you)", $"ssh-keyscan {port}{Shell(host)} | ssh-keygen -lf -"),
                new Fix("If the recorded key is stale and the new one is confirmed, remove the old entry", $"ssh-keygen -R {lookup}"),
            ]);
    }
}
