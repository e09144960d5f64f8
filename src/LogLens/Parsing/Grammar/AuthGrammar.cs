using LogLens.Events;
using Sprache;
using static LogLens.Parsing.Grammar.MessageRule;

namespace LogLens.Parsing.Grammar;

/// <summary>User authentication: methods, keys offered and accepted, the verdicts, and prompts.</summary>
internal static class AuthGrammar
{
    private static readonly string[] StepFunctions =
    [
        "sign_and_send_pubkey", "send_pubkey_test", "userauth_pubkey", "userauth_kbdint", "userauth_passwd", "userauth_gssapi",
        "input_userauth_info_req", "input_userauth_pk_ok", "input_userauth_failure", "input_userauth_success", "input_userauth_banner",
        "input_userauth_error", "input_gssapi_response", "userauth_none", "service_accept", "ssh_userauth2", "userauth",
        "authmethod_get", "try_identity", "identity_sign", "input_userauth_passwd_changereq", "userauth_hostbased", "read_passphrase",
    ];

    private static readonly string[] AccountTexts =
    [
        "Your account has expired; please contact your system administrator",
        "Your account has expired; please contact your system administrator.",
        "Your account has expired",
        "WARNING: Your password has expired.",
        "Your password has expired.",
        "You are required to change your password immediately (administrator enforced)",
        "You are required to change your password immediately (administrator enforced).",
        "You are required to change your password immediately (root enforced).",
        "You are required to change your password immediately (password aged).",
        "Your account has expired. Please contact your system administrator.",
        "Your account is disabled. Please contact your system administrator.",
        "You are required to change your password immediately (root enforced)",
        "You are required to change your password immediately (password aged)",
        "You must change your password now and login again!",
        "Password change required but no TTY available.",
        "Your password will expire in {days} days.",
        "Account locked due to {detail}",
    ];

    private static readonly string[] GssapiTexts =
    [
        "Unspecified GSS failure.  Minor code may provide more information",
        "No Kerberos credentials available{detail}",
        "Server not found in Kerberos database",
        "Cannot find KDC for realm {realm}",
        "Cannot determine realm for numeric host address",
        "An invalid name was supplied",
        "Miscellaneous failure{detail}",
        "Delegating credentials",
        "Server GSSAPI Error:",
    ];

    /// <summary>The description after <c>Offering public key:</c> and friends: path, type, fingerprint, flags.</summary>
    private static readonly Parser<KeyDescription> Description =
        Parse.AnyChar.Many().Text().Select(KeyDescription.Parse);

    public static readonly MessageRule[] Rules =
    [
        Template("Authentications that can continue: {methods}", f => new AuthMethodsCanContinue(f[0])),
        Template("Next authentication method: {method}", f => new NextAuthMethod(f[0])),
        Keyed("Will", from lead in Parse.String("Will attempt key: ") from key in Description
                      select (SshEvent)new WillAttemptKey(key.Path, key.KeyType, key.Fingerprint, key.Flags),
              m => After(m, "Will attempt key: ") is { } key ? new WillAttemptKey(key.Path, key.KeyType, key.Fingerprint, key.Flags) : null),
        Template("Offering {type} public key: {path}", f => new OfferingKey(f[1], f[0], null, string.Empty)),
        Keyed("Offering", from lead in Parse.String("Offering public key: ") from key in Description
                          select (SshEvent)new OfferingKey(key.Path, key.KeyType, key.Fingerprint, key.Flags),
              m => After(m, "Offering public key: ") is { } key ? new OfferingKey(key.Path, key.KeyType, key.Fingerprint, key.Flags) : null),
        Template("Server accepts key: pkalg {algorithm} blen {length}", f => new ServerAcceptsKey(string.Empty, f[0], null, string.Empty)),
        Keyed("Server", from lead in Parse.String("Server accepts key: ") from key in Description
                        select (SshEvent)new ServerAcceptsKey(key.Path, key.KeyType, key.Fingerprint, key.Flags),
              m => After(m, "Server accepts key: ") is { } key ? new ServerAcceptsKey(key.Path, key.KeyType, key.Fingerprint, key.Flags) : null),
        Template("Trying private key: {path}", f => new TryingPrivateKey(f[0])),
        Template("no mutual signature algorithm", _ => new NoMutualSignature(), "send_pubkey_test", "sign_and_send_pubkey"),
        Template("no mutual signature supported", _ => new NoMutualSignature(), "sign_and_send_pubkey", "send_pubkey_test"),
        Template("{detail}", f => new AuthStep(f[0]), StepFunctions),
        Template("Authentication succeeded ({method}).", f => new AuthSucceeded(f[0])),
        Template("Authenticated to {host} ([{address}]:{port}) using \"{method}\".", f => new AuthenticatedTo(f[0], f[1], f.Int(2), f[3])),
        Template("Authenticated to {host} ([{address}]:{port}).", f => new AuthenticatedTo(f[0], f[1], f.Int(2), null)),
        Template("Authenticated to {host} (via proxy) using \"{method}\".", f => new AuthenticatedTo(f[0], null, null, f[1])),
        Template("Authenticated to {host} (via proxy).", f => new AuthenticatedTo(f[0], null, null, null)),

        // The same line with its address and port cut or redacted by the user ("Authenticated to [REDACTED]").
        Template("Authenticated to {host}", f => new AuthenticatedTo(f[0], null, null, null)),
        Template("Authenticated with partial success.", _ => new PartialSuccess()),
        Template("{user}@{host}: Permission denied ({methods}).", f => new PermissionDenied(f[0], f[1], f[2])),
        Template("Permission denied ({methods}).", f => new PermissionDenied(null, null, f[0])),
        Template("Permission denied, please try again.", _ => new PasswordRetry()),
        Template("No more authentication methods to try.", _ => new NoMoreAuthMethods()),
        Template("we sent a {method} packet, wait for reply", f => new AuthStep($"we sent a {f[0]} packet, wait for reply")),
        Template("we did not send a packet, disable method", _ => new AuthStep("we did not send a packet, disable method")),
        Template("start over, passed a different list {methods}", f => new AuthStep("start over, passed a different list " + f[0])),
        Template("preferred {methods}", f => new AuthStep("preferred " + f[0])),
        Template("authmethod_lookup {method}", f => new AuthStep("authmethod_lookup " + f[0])),
        Template("remaining preferred: {methods}", f => new AuthStep("remaining preferred: " + f[0])),
        Template("authmethod_is_enabled {method}", f => new AuthStep("authmethod_is_enabled " + f[0])),
        Template("userauth_kbdint", _ => new AuthStep("userauth_kbdint")),
        Template("send_pubkey_test", _ => new AuthStep("send_pubkey_test")),
        Template("{user}@{host}'s password:", f => new PasswordPrompt($"{f[0]}@{f[1]}'s password:")),
        Template("({user}@{host}) Password:", f => new PasswordPrompt($"({f[0]}@{f[1]}) Password:")),
        Template("Password:", _ => new PasswordPrompt("Password:")),
        Template("Password for {who}:", f => new PasswordPrompt($"Password for {f[0]}:")),
        Template("Enter passphrase for key '{path}':", f => new PassphrasePrompt(f[0])),
        Template("Enter passphrase for key '{path}': {typed}", f => new PassphrasePrompt(f[0])),
        Template("Enter passphrase for {path}:", f => new PassphrasePrompt(f[0])),
        .. GssapiTexts.Select(text => Template(text, f => new GssapiMessage(text))),
        .. AccountTexts.Select(text => Template(text, f => new AccountNotice(text))),
    ];

    /// <summary>The span form of <c>lead</c> followed by <see cref="Description"/>.</summary>
    private static KeyDescription? After(ReadOnlySpan<char> message, string lead) =>
        message.StartsWith(lead, StringComparison.Ordinal) ? KeyDescription.Parse(message[lead.Length..].ToString()) : null;
}

/// <summary>
/// A key as ssh describes it in <c>Will attempt key:</c>, <c>Offering public key:</c> and <c>Server accepts key:</c>:
/// <c>PATH TYPE FINGERPRINT [explicit] [token] [agent]</c> (7.9+), <c>TYPE FINGERPRINT PATH</c> (7.6 to 7.8), or a bare path.
/// </summary>
internal readonly record struct KeyDescription(string Path, string? KeyType, string? Fingerprint, string Flags)
{
    private static readonly HashSet<string> FlagWords = new(StringComparer.Ordinal) { "explicit", "agent", "token", "authenticator", "cert" };

    public static KeyDescription Parse(string text)
    {
        var words = text.Split(' ');
        var end = words.Length;
        var flags = new List<string>();
        while (end > 1 && FlagWords.Contains(words[end - 1]))
        {
            flags.Insert(0, words[end - 1]);
            end--;
        }

        while (end > 1 && words[end - 1].Length == 0)
        {
            end--;
        }

        var flagText = string.Join(' ', flags);
        if (end >= 3 && IsFingerprint(words[end - 1]))
        {
            return new KeyDescription(string.Join(' ', words[..(end - 2)]), words[end - 2], words[end - 1], flagText);
        }

        if (end >= 3 && IsFingerprint(words[1]) && IsKeyTypeWord(words[0]))
        {
            return new KeyDescription(string.Join(' ', words[2..end]), words[0], words[1], flagText);
        }

        return new KeyDescription(string.Join(' ', words[..end]).TrimEnd(), null, null, flagText);
    }

    private static bool IsFingerprint(string word) =>
        word.StartsWith("SHA256:", StringComparison.Ordinal) || word.StartsWith("MD5:", StringComparison.Ordinal);

    private static bool IsKeyTypeWord(string word) => word.Length > 0 && word.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-');
}
