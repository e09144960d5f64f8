using LogLens.Findings;

namespace LogLens.Rules.Negotiation;

/// <summary><c>hostkey-algorithm-mismatch</c>: the server has no host key of a type the client accepts.</summary>
internal sealed class HostKeyAlgorithmMismatchRule() : Rule(new(RuleIds.HostKeyAlgorithmMismatch, "hostkey-algorithm-mismatch", Severity.Error, Phase.Negotiation, "No common host-key type"))
{
    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        if (context.HasCause || Algorithms.Find(session, Algorithms.HostKey) is not { } mismatch)
        {
            return null;
        }

        var theirs = mismatch.Theirs;
        var version = Algorithms.ClientVersion(session);
        var destination = Algorithms.Destination(session, mismatch);
        var rsa = theirs.Contains("ssh-rsa");
        var dssOnly = theirs.Count > 0 && theirs.All(a => a.StartsWith("ssh-dss", StringComparison.Ordinal));
        var note = rsa
            ? " (ssh-rsa signs with SHA-1, off by default since OpenSSH 8.8; servers older than OpenSSH 7.2 can sign only that way)"
            : " (ssh-dss, DSA, is off by default since OpenSSH 7.0, left out at build time from 9.8 and removed in 10.0)";
        var (message, fixes) = Algorithms.Explain(session, Algorithms.HostKey, mismatch, note);
        if (Algorithms.AllLegacy(Algorithms.HostKey, theirs) && !Algorithms.WithoutOpenSsl(session))
        {
            fixes.RemoveAll(f => f.Command?.Contains("HostKeyAlgorithms=+", StringComparison.Ordinal) == true);
            if (rsa)
            {
                var pubkey = version is { } v && v < new Version(8, 5) ? "PubkeyAcceptedKeyTypes" : "PubkeyAcceptedAlgorithms";
                fixes.Insert(0, new Fix(
                    $"One-off: accept the server's SHA-1 RSA host key (and let your RSA key sign the same way if you log in with one)",
                    $"ssh -o HostKeyAlgorithms=+ssh-rsa -o {pubkey}=+ssh-rsa {destination}"));
                fixes.Add(Fix.OnServer("On the server: add an ed25519 host key (ssh-keygen -A creates the missing ones) or upgrade to OpenSSH 7.2 or later, which signs RSA with SHA-2", "sudo ssh-keygen -A"));
            }
            else if (dssOnly)
            {
                if (version is { } v && v >= new Version(10, 0))
                {
                    message += " This client is OpenSSH 10 or later, which no longer has DSA at all: no option brings it back. Give the server another " +
                        "host key type, or use an older client for this one server.";
                }
                else
                {
                    fixes.Insert(0, new Fix("One-off: accept the server's DSA host key (not possible from OpenSSH 10.0, and often not in 9.8/9.9 builds)", $"ssh -o HostKeyAlgorithms=+ssh-dss {destination}"));
                }

                fixes.Add(Fix.OnServer("On the server: create modern host keys (ed25519, RSA) and enable them in sshd_config", "sudo ssh-keygen -A"));
            }
        }

        return Report(message, mismatch.Evidence, fixes);
    }
}
