using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Local;

/// <summary><c>key-type-disabled</c>: a key was skipped because its type is disabled.</summary>
internal sealed class KeyTypeDisabledRule() : Rule(new(RuleIds.KeyTypeDisabled, "key-type-disabled", Severity.Error, Phase.Local, "A key was skipped because its type is disabled"))
{
    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        var skipped = session.All<KeySkipped>().Where(IsAlgorithmSkip).ToList();
        if (skipped.Count == 0)
        {
            return null;
        }

        var first = skipped[0];
        var algorithm = first.KeyType;
        var path = first.Path;
        var byServer = first.Reason.Contains("server", StringComparison.OrdinalIgnoreCase);
        var version = LocalFacts.Version(session);
        var client = session.Client ?? "this ssh";
        var option = first.Reason.Contains("KeyTypes", StringComparison.Ordinal) || version is < 8.5 ? "PubkeyAcceptedKeyTypes" : "PubkeyAcceptedAlgorithms";
        var dsa = algorithm.Contains("dss", StringComparison.OrdinalIgnoreCase) || (algorithm.Contains("dsa", StringComparison.OrdinalIgnoreCase) && !algorithm.Contains("ecdsa", StringComparison.OrdinalIgnoreCase));
        var rsa = algorithm.Contains("rsa", StringComparison.OrdinalIgnoreCase);

        MessageText why;
        if (byServer)
        {
            why = $"ssh left out the {algorithm} key {path} because the server does not support that signature algorithm (its server-sig-algs list lacks it). " +
                  $"{(rsa
                      ? "Usually the server is new and refuses SHA-1 'ssh-rsa' signatures while this key or agent can only make those, or the server is old and knows only ssh-rsa while the client refuses it. "
                      : string.Empty)}";
        }
        else if (dsa)
        {
            var removed = version is >= 10.0
                ? $" {client} has no DSA support at all (removed in 10.0): no option brings it back."
                : version is >= 9.8
                    ? $" {client} may be built without DSA (off at build time from 9.8; removed in 10.0)."
                    : " DSA support is removed entirely in OpenSSH 10.0.";
            why = $"ssh skipped the DSA key {path}: ssh-dss is not in {option}, the list of key algorithms the client will use. " +
                  $"DSA keys are limited to 1024 bits and SHA-1 and have been disabled by default since OpenSSH 7.0.{removed} ";
        }
        else if (rsa)
        {
            why = $"ssh skipped the RSA key {path} for the algorithm {algorithm}, which is not in {option}. Since OpenSSH 8.8 the SHA-1 " +
                  $"signature 'ssh-rsa' is off by default; an RSA key itself still works with rsa-sha2-256/512 signatures, so this usually means " +
                  $"{option} in a config or -o was set to a list without the rsa-sha2 algorithms, or the server is too old to offer them. ";
        }
        else
        {
            why = $"ssh skipped the {algorithm} key {path}: that algorithm is not in {option} ({first.Reason}). ";
        }

        MessageText consequence = session.Authenticated
            ? "Another key logged you in, so this did not stop the connection, but the key was never offered."
            : LocalFacts.AuthFailed(session)
                ? "The key was never offered to the server, so if it is the one in authorized_keys, the 'Permission denied' that follows is a consequence."
                : "The key will not be offered to the server.";
        var keyFile = path.EndsWith(".pub", StringComparison.Ordinal) ? path[..^4] : path;
        var newKey = "~/.ssh/id_ed25519";
        var fixes = new List<Fix>
        {
            new("Create a modern key", $"ssh-keygen -t ed25519 -f {newKey}"),
        };
        if (byServer)
        {
            fixes.Add(new Fix("Install it on the server (from a machine that can still log in, or through the old key)", $"ssh-copy-id -i {newKey}.pub {Destination(session)}"));
            if (rsa)
            {
                fixes.Add(new Fix("Or, for an old server that knows only ssh-rsa, enable SHA-1 signatures for it alone (a stopgap: SHA-1 signatures are weak)", $"ssh -o {option}=+ssh-rsa {Destination(session)}"));
            }
        }
        else if (dsa && version is >= 10.0)
        {
            fixes.Add(new Fix("Install the new key with a login that still works (password, console, another key); DSA cannot be re-enabled on this client", $"ssh-copy-id -i {newKey}.pub {Destination(session)}"));
        }
        else
        {
            var plus = dsa ? "ssh-dss" : algorithm;
            fixes.Add(new Fix($"Install it on the server, using the old key one last time with {plus} allowed for this one command", $"ssh-copy-id -i {newKey}.pub -o {option}=+{plus} -o IdentityFile={keyFile} {Destination(session)}"));
            fixes.Add(new Fix(
                $"Stopgap only: allow {plus} again for this host (the server must accept it too; {(dsa ? "DSA is gone in OpenSSH 10.0" : "SHA-1 signatures are weak")})",
                $"ssh -o {option}=+{plus} -i {Shell(keyFile)} {Destination(session)}"));
        }

        var evidence = new List<SshEvent?>();
        evidence.AddRange(skipped.Take(3));
        evidence.Add(session.Last<PermissionDenied>());
        return Report(
            why + consequence,
            evidence,
            fixes,
            session.Authenticated || context.HasCause ? Severity.Warning : Severity.Error);
    }

    private static bool IsAlgorithmSkip(KeySkipped k) =>
        k.KeyType.Length > 0 &&
        (k.Reason.Contains("PubkeyAccepted", StringComparison.Ordinal) || k.Reason.Contains("not supported by server", StringComparison.Ordinal));
}
