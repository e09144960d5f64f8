namespace LogLens.Events;

/// <summary>An identity ssh considered (<c>identity file PATH type N</c>); type <c>-1</c> means the file was not found.</summary>
/// <param name="Path">The identity file.</param>
/// <param name="KeyType">The key type number ssh printed (<c>-1</c> not found or not a public key, 0 RSA, 3 ED25519 ...).</param>
public sealed record IdentityFile(string Path, int? KeyType) : SshEvent
{
    /// <summary>Whether ssh found no key at this path (type -1).</summary>
    public bool Missing => KeyType == -1;
}

/// <summary>A certificate ssh considered (<c>certificate file PATH type N</c>).</summary>
/// <param name="Path">The certificate file.</param>
/// <param name="KeyType">The type number (<c>-1</c> not found).</param>
public sealed record CertificateFile(string Path, int? KeyType) : SshEvent;

/// <summary>A private or public key could not be loaded (<c>Load key "PATH": invalid format</c>, <c>Failed to load key PATH: bad permissions</c>, <c>key_load_public: invalid format</c>).</summary>
/// <param name="Path">The key file, when named.</param>
/// <param name="Reason">Why (<c>invalid format</c>, <c>error in libcrypto</c>, <c>bad permissions</c>, <c>incorrect passphrase supplied to decrypt private key</c>...).</param>
public sealed record KeyLoadFailed(string? Path, string Reason) : SshEvent;

/// <summary>A private key is readable by others (<c>Permissions 0644 for 'PATH' are too open.</c>).</summary>
/// <param name="Mode">The file mode (e.g. <c>0644</c>).</param>
/// <param name="Path">The key file.</param>
public sealed record KeyPermissionsTooOpen(string Mode, string Path) : SshEvent;

/// <summary>The explanation under the unprotected-key warning (<c>This private key will be ignored.</c>).</summary>
/// <param name="Text">The line.</param>
public sealed record KeyPermissionsNotice(string Text) : SshEvent;

/// <summary>An identity file named with <c>-i</c> or <c>IdentityFile</c> cannot be read (<c>Warning: Identity file PATH not accessible: REASON.</c>, <c>no such identity: PATH: REASON</c>; before 6.2 <c>no such identity: PATH</c> for a file that does not exist).</summary>
/// <param name="Path">The identity file.</param>
/// <param name="Reason">The error; empty in the old form, which ssh printed only for a missing file.</param>
public sealed record IdentityNotAccessible(string Path, string Reason) : SshEvent;

/// <summary>OpenSSH 10.1+ key loading (<c>loaded pubkey from PATH: ED25519 SHA256:...</c>, <c>no pubkey loaded from PATH</c>).</summary>
/// <param name="What">What was loaded (<c>pubkey</c>, <c>cert</c>).</param>
/// <param name="Path">The file.</param>
/// <param name="Loaded">Whether it loaded.</param>
public sealed record KeyLoad(string What, string Path, bool Loaded) : SshEvent;

/// <summary>A key was left out because its algorithm is not allowed (<c>Skipping ssh-dss key PATH - corresponding algorithm not in PubkeyAcceptedAlgorithms</c>).</summary>
/// <param name="KeyType">The key's algorithm.</param>
/// <param name="Path">The key.</param>
/// <param name="Reason">The reason ssh gave.</param>
public sealed record KeySkipped(string KeyType, string Path, string Reason) : SshEvent;

/// <summary>A key-handling detail with no bearing on a diagnosis (blacklist checks, RSA1 probes, old key listings).</summary>
/// <param name="Detail">The detail.</param>
public sealed record KeyNote(string Detail) : SshEvent;

/// <summary>The agent's state or an agent operation (<c>agent returned 3 keys</c>, <c>agent contains no identities</c>, <c>bound agent to hostkey</c>).</summary>
/// <param name="Detail">What ssh said.</param>
public sealed record AgentStatus(string Detail) : SshEvent;

/// <summary>A signature could not be made (<c>sign_and_send_pubkey: signing failed for ED25519 "PATH" from agent: agent refused operation</c>).</summary>
/// <param name="KeyType">The key type, when named.</param>
/// <param name="Key">The key's path or comment, when named.</param>
/// <param name="FromAgent">Whether the agent was asked to sign.</param>
/// <param name="Reason">Why (<c>agent refused operation</c>, <c>communication with agent failed</c>, ...).</param>
public sealed record SigningFailed(string? KeyType, string? Key, bool FromAgent, string Reason) : SshEvent;
