namespace LogLens.Events;

/// <summary>
/// ssh could not open the terminal to ask something (<c>read_passphrase: can't open /dev/tty: REASON</c>), or could not run
/// the askpass program that asks instead (<c>ssh_askpass: exec(PROGRAM): REASON</c>): whether to trust an unknown host key, a
/// password, or a key's passphrase. What it wanted to ask shows in the lines around it.
/// </summary>
/// <param name="Device">The device (<c>/dev/tty</c>) or the askpass program.</param>
/// <param name="Reason">Why it could not be opened (<c>No such device or address</c>: no terminal at all).</param>
public sealed record TerminalUnavailable(string Device, string Reason) : SshEvent;

/// <summary>A key as ssh describes it when it offers or plans to use it (path, type, fingerprint, flags).</summary>
/// <param name="Path">The key's file, or the agent's comment for it.</param>
/// <param name="KeyType">The key type (<c>RSA</c>, <c>ED25519</c>, <c>ECDSA-SK</c>, <c>ED25519-CERT</c>), when printed.</param>
/// <param name="Fingerprint">The fingerprint, when printed.</param>
/// <param name="Flags">The flags ssh appended (<c>explicit</c>, <c>agent</c>, <c>token</c>), space-separated.</param>
public abstract record KeyEvent(string Path, string? KeyType, string? Fingerprint, string Flags) : SshEvent
{
    /// <summary>Whether the key was named by <c>-i</c> or <c>IdentityFile</c>.</summary>
    public bool Explicit => Flags.Contains("explicit", StringComparison.Ordinal);

    /// <summary>Whether the key lives in the agent.</summary>
    public bool FromAgent => Flags.Contains("agent", StringComparison.Ordinal);

    /// <summary>Whether the key is a certificate.</summary>
    public bool IsCertificate => KeyType?.Contains("CERT", StringComparison.OrdinalIgnoreCase) == true ||
        Path.EndsWith("-cert.pub", StringComparison.Ordinal) || Path.EndsWith("-cert", StringComparison.Ordinal);
}

/// <summary>A key ssh will try (<c>Will attempt key: PATH TYPE FP explicit</c>, OpenSSH 7.9+).</summary>
/// <inheritdoc cref="KeyEvent"/>
public sealed record WillAttemptKey(string Path, string? KeyType, string? Fingerprint, string Flags) : KeyEvent(Path, KeyType, Fingerprint, Flags);

/// <summary>ssh offers a public key to the server (<c>Offering public key: PATH RSA SHA256:... explicit</c>; before 7.6 <c>Offering RSA public key: PATH</c>).</summary>
/// <inheritdoc cref="KeyEvent"/>
public sealed record OfferingKey(string Path, string? KeyType, string? Fingerprint, string Flags) : KeyEvent(Path, KeyType, Fingerprint, Flags);

/// <summary>The server would accept this key (<c>Server accepts key: PATH TYPE FP</c>; before 7.9 <c>Server accepts key: pkalg ALG blen N</c>).</summary>
/// <inheritdoc cref="KeyEvent"/>
public sealed record ServerAcceptsKey(string Path, string? KeyType, string? Fingerprint, string Flags) : KeyEvent(Path, KeyType, Fingerprint, Flags);

/// <summary>ssh tries a private key it has no public half for (<c>Trying private key: PATH</c>).</summary>
/// <param name="Path">The key file.</param>
public sealed record TryingPrivateKey(string Path) : SshEvent;

/// <summary>The authentication methods the server still allows (<c>Authentications that can continue: publickey,password</c>).</summary>
/// <param name="Methods">The comma-separated list.</param>
public sealed record AuthMethodsCanContinue(string Methods) : SshEvent
{
    /// <summary>The methods, one by one.</summary>
    public IReadOnlyList<string> MethodList => Methods.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>ssh moves to a method (<c>Next authentication method: publickey</c>).</summary>
/// <param name="Method">The method.</param>
public sealed record NextAuthMethod(string Method) : SshEvent;

/// <summary>Client and server share no signature algorithm for a key (<c>send_pubkey_test: no mutual signature algorithm</c>).</summary>
public sealed record NoMutualSignature : SshEvent;

/// <summary>An authentication method succeeded (<c>Authentication succeeded (publickey).</c>).</summary>
/// <param name="Method">The method.</param>
public sealed record AuthSucceeded(string Method) : SshEvent;

/// <summary>The user is logged in (<c>Authenticated to HOST ([ADDR]:PORT) using "publickey".</c>).</summary>
/// <param name="Host">The host.</param>
/// <param name="Address">The address, or <see langword="null"/> through a proxy.</param>
/// <param name="Port">The port, or <see langword="null"/> through a proxy.</param>
/// <param name="Method">The method (OpenSSH 8.7+), or <see langword="null"/>.</param>
public sealed record AuthenticatedTo(string Host, string? Address, int? Port, string? Method) : SshEvent;

/// <summary>One method succeeded but the server wants another (<c>Authenticated with partial success.</c>).</summary>
public sealed record PartialSuccess : SshEvent;

/// <summary>The server refused every method ssh could use (<c>user@host: Permission denied (publickey).</c>).</summary>
/// <param name="User">The user, in 7.6+ wording.</param>
/// <param name="Host">The host, in 7.6+ wording.</param>
/// <param name="Methods">The methods the server offered.</param>
public sealed record PermissionDenied(string? User, string? Host, string Methods) : SshEvent;

/// <summary>A password was refused (<c>Permission denied, please try again.</c>).</summary>
public sealed record PasswordRetry : SshEvent;

/// <summary>ssh ran out of methods (<c>No more authentication methods to try.</c>).</summary>
public sealed record NoMoreAuthMethods : SshEvent;

/// <summary>A step inside an authentication method (<c>we sent a publickey packet, wait for reply</c>, <c>preferred ...</c>, <c>userauth_kbdint</c>).</summary>
/// <param name="Detail">The step.</param>
public sealed record AuthStep(string Detail) : SshEvent;

/// <summary>A password prompt left in the log (<c>user@host's password:</c>, <c>Password:</c>).</summary>
/// <param name="Prompt">The prompt.</param>
public sealed record PasswordPrompt(string Prompt) : SshEvent;

/// <summary>A passphrase prompt left in the log (<c>Enter passphrase for key 'PATH':</c>).</summary>
/// <param name="Path">The key.</param>
public sealed record PassphrasePrompt(string Path) : SshEvent;

/// <summary>A GSSAPI/Kerberos message (<c>Unspecified GSS failure.  Minor code may provide more information</c>, <c>No Kerberos credentials available</c>).</summary>
/// <param name="Text">The message.</param>
public sealed record GssapiMessage(string Text) : SshEvent;

/// <summary>The server says the account or its password is expired or must change (PAM texts such as <c>Your account has expired; please contact your system administrator</c>).</summary>
/// <param name="Text">The server's text.</param>
public sealed record AccountNotice(string Text) : SshEvent;
