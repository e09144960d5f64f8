using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Local;

/// <summary><c>key-invalid-format</c>: a private key could not be loaded.</summary>
internal sealed class KeyInvalidFormatRule() : Rule(new(RuleIds.KeyInvalidFormat, "key-invalid-format", Severity.Error, Phase.Local, "A private key could not be loaded"))
{
    private static readonly string[] FormatReasons =
    [
        "invalid format", "error in libcrypto", "unknown or unsupported key type", "unsupported key type", "incomplete message",
        "string is too large", "unexpected bytes remain", "invalid key length", "key type does not match", "wrong key type",
        "unexpected internal error", "not a valid",
    ];

    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        var failures = session.All<KeyLoadFailed>().Where(k => IsFormat(k.Reason)).ToList();
        if (failures.Count == 0)
        {
            return null;
        }

        // "Load key PATH: REASON" is about a private key ssh wanted to use. A bare key_load_public line (7.x at -v) is about
        // a public half and is often harmless: it counts only when nothing else could be offered.
        var named = failures.Where(f => f.Path is not null).ToList();
        Severity severity;
        if (named.Count > 0)
        {
            severity = context.HasCause ? Severity.Warning : LocalFacts.KeySeverity(session);
        }
        else if (!context.HasCause && LocalFacts.AuthFailed(session) && !session.Has<OfferingKey>() && !session.Has<ServerAcceptsKey>())
        {
            severity = Severity.Error;
        }
        else
        {
            return null;
        }

        var failure = named.FirstOrDefault() ?? failures[0];
        var path = failure.Path ?? session.All<TryingPrivateKey>().LastOrDefault(t => t.Line < failure.Line)?.Path
                   ?? session.All<IdentityFile>().LastOrDefault(i => i.Line < failure.Line && i.Missing)?.Path;
        var key = path ?? "KEY";
        var (cause, fixes) = Diagnose(session, key, failure.Reason);
        var consequence = session.Authenticated
            ? "Another key or method logged you in, so this did not stop the connection."
            : LocalFacts.AuthFailed(session)
                ? "With this key unusable ssh had nothing the server accepted, so the 'Permission denied' that follows is a consequence."
                : "ssh cannot use this key; if it is the one the server knows, authentication will fail.";
        var evidence = new List<SshEvent?> { session.All<TryingPrivateKey>().LastOrDefault(t => t.Path == path && t.Line < failure.Line) };
        evidence.AddRange(failures.Take(3));
        evidence.Add(session.Last<PermissionDenied>());
        return Report(
            $"ssh could not read {(path is null ? "a key file" : "the private key " + path)} (\"{failure.Reason}\"). {cause} " +
            $"This is not a wrong passphrase (that reads 'incorrect passphrase supplied') and not a permissions problem. {consequence}",
            evidence,
            fixes,
            severity);
    }

    private static bool IsFormat(string reason) => FormatReasons.Any(r => reason.Contains(r, StringComparison.OrdinalIgnoreCase));

    private static (string Cause, List<Fix> Fixes) Diagnose(Analysis.SessionView session, string key, string reason)
    {
        var test = new Fix("Check whether the file is a usable private key: this prints its public key, or the same error", $"ssh-keygen -y -f {Shell(key)}");
        if (key.EndsWith(".ppk", StringComparison.OrdinalIgnoreCase))
        {
            var target = key[..^4];
            return ("The file is a PuTTY key (.ppk), which OpenSSH cannot read: convert it to the OpenSSH format first.",
            [
                new Fix("Convert it with PuTTYgen (Windows: Conversions > Export OpenSSH key)", $"puttygen {Shell(key)} -O private-openssh -o {Shell(target)}"),
                new Fix("Then use the converted file", $"ssh -i {Shell(target)} {Destination(session)}"),
            ]);
        }

        if (key.EndsWith(".pub", StringComparison.OrdinalIgnoreCase))
        {
            var target = key[..^4];
            return ("The file is a public key (.pub). ssh signs with the private half, so -i and IdentityFile must name the file without .pub (the public key is what goes into the server's authorized_keys).",
            [
                new Fix("Name the private key instead", $"ssh -i {Shell(target)} {Destination(session)}"),
                test,
            ]);
        }

        var libcrypto = reason.Contains("libcrypto", StringComparison.OrdinalIgnoreCase)
            ? " 'error in libcrypto' is how builds with OpenSSL 3 report a key they cannot decode: older builds said 'invalid format' for the same files."
            : string.Empty;
        return ("The file is not a private key ssh can decode. In order of likelihood: the key was damaged when it was copied or pasted " +
                "(lines cut or joined, a missing '-----END ... PRIVATE KEY-----' line), it has Windows line endings (CRLF) or lacks the final " +
                "newline (common when a key comes from a CI secret or an environment variable), it is a PuTTY .ppk or a public key, or it is a " +
                "key format this build does not support." + libcrypto,
            [
                test,
                new Fix("Remove Windows line endings (CRLF)", $"sed -i 's/\\r$//' {Shell(key)}"),
                new Fix("Make sure the file ends with a newline after the END line", $"tail -c 1 {Shell(key)} | od -c"),
                new Fix("In CI, write the secret with its line breaks intact and a final newline", $"test -n \"$SSH_PRIVATE_KEY\" && printf '%s\\n' \"$SSH_PRIVATE_KEY\" | tr -d '\\r' > {Shell(key)} && chmod 600 {Shell(key)}"),
                new Fix("If the file is a PuTTY key, convert it", $"puttygen KEY.ppk -O private-openssh -o {Shell(key)}"),
            ]);
    }
}
