using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Authentication;

/// <summary><c>no-mutual-signature-algorithm</c>: the client and the server share no signature algorithm for the key.</summary>
internal sealed class NoMutualSignatureAlgorithmRule() : Rule(new(RuleIds.NoMutualSignatureAlgorithm, "no-mutual-signature-algorithm", Severity.Error, Phase.Authentication, "Client and server share no signature algorithm for the key"))
{
    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        var none = session.Last<NoMutualSignature>();
        if (context.HasCause || none is null)
        {
            return null;
        }

        // A key that failed this way but another key logged in is only worth a warning.
        var severity = session.Authenticated ? Severity.Warning : Severity.Error;
        var offers = AuthFacts.Offers(session);
        var key = offers.LastOrDefault(o => o.Offer.Line < none.Line);
        var keyType = key?.KeyType?.ToUpperInvariant();
        var sigAlgs = session.All<ServerExtension>().LastOrDefault(x => x.Name == "server-sig-algs");
        var client = session.Client;
        var server = session.Server;
        var clientVersion = AuthFacts.Version(client);
        var dsa = keyType is "DSA" or "DSS" || key?.Path.Contains("id_dsa", StringComparison.Ordinal) == true;
        var algorithm = dsa ? "ssh-dss" : "ssh-rsa";
        var option = clientVersion is { } v && v < 8.5 ? "PubkeyAcceptedKeyTypes" : "PubkeyAcceptedAlgorithms";
        var which = key is null ? "the key" : $"the key {key.Describe()}";

        string why;
        if (dsa)
        {
            why = "DSA keys (ssh-dss) are disabled by default since OpenSSH 7.0, left out of builds from 9.8 and removed in 10.0; the server accepts nothing else for this key.";
        }
        else if (sigAlgs is null || !sigAlgs.Value.Contains("rsa-sha2-", StringComparison.Ordinal))
        {
            why = "For an RSA key the client may sign with rsa-sha2-256/512 or, only if allowed, the old SHA-1 ssh-rsa. OpenSSH 8.8 and later turn ssh-rsa off by default, " +
                $"and this server {(sigAlgs is null ? "announces no server-sig-algs at all" : "does not list rsa-sha2-256/512 in server-sig-algs")}, " +
                "which means it only knows ssh-rsa: an old server (OpenSSH before 7.2, old Dropbear, network gear, embedded or Java/Go SSH libraries).";
        }
        else
        {
            why = $"The server's server-sig-algs ({sigAlgs.Value.Trim('<', '>')}) and the client's PubkeyAcceptedAlgorithms have nothing in common for this key type.";
        }

        var versions = client is null && server is null
            ? string.Empty
            : $" (client {client ?? "unknown"}, server {server ?? "unknown"})";
        MessageText message =
            $"ssh could not offer {which}: no signature algorithm is allowed by both sides{versions}, so the key was skipped without the server ever seeing it. {why} " +
            $"The key is not wrong and not refused by the server; the two programs cannot agree how to sign with it.";

        var keyFile = key is { IsFile: true } ? Shell(key.Path.EndsWith(".pub", StringComparison.Ordinal) ? key.Path[..^4] : key.Path) : null;
        var fixes = new List<Fix>
        {
            new Fix($"Stopgap: allow the old SHA-1 {algorithm} signatures for this host only", $"ssh -o {option}=+{algorithm}{(keyFile is null ? string.Empty : " -i " + keyFile)} {Destination(session)}"),
            new Fix($"Make the stopgap permanent for this host in ~/.ssh/config: Host {session.Target?.Host ?? "HOST"} / {option} +{algorithm}"),
            new Fix("Better: create an Ed25519 key and authorize it on the server (where it is too old for Ed25519, an ECDSA key)", "ssh-keygen -t ed25519"),
            new Fix("Best: upgrade the server's SSH software so it supports rsa-sha2-256/512"),
        };
        return Report(message, [key?.Offer, sigAlgs, none, session.Last<PermissionDenied>()], fixes, severity);
    }
}
