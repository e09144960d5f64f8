namespace LogLens.Events;

/// <summary>A known-hosts file does not exist or cannot be read (<c>load_hostkeys: fopen PATH: No such file or directory</c>).</summary>
/// <param name="Path">The file.</param>
/// <param name="Reason">The error.</param>
public sealed record KnownHostsFileMissing(string Path, string Reason) : SshEvent;

/// <summary>A known-hosts lookup step (<c>record_hostkey: found key type ED25519 in file F:3</c>, <c>loaded 1 keys from HOST</c>).</summary>
/// <param name="Detail">The step as ssh printed it.</param>
public sealed record KnownHostsLookup(string Detail) : SshEvent;

/// <summary>
/// No key of another type is known for the host (<c>no key of type 2 for host NAME</c>): ssh lists the other types only on
/// its way to asking about a host it does not know.
/// </summary>
/// <param name="KeyType">The key type number.</param>
/// <param name="Host">The host.</param>
public sealed record HostKeyTypeNotKnown(int? KeyType, string Host) : SshEvent;

/// <summary>The server's key matches known_hosts (<c>Host 'HOST' is known and matches the ED25519 host key.</c>).</summary>
/// <param name="Host">The host as looked up.</param>
/// <param name="KeyType">The key type.</param>
public sealed record HostKeyKnown(string Host, string KeyType) : SshEvent;

/// <summary>A known-hosts file ssh reads (<c>hostkeys_find_by_key_hostfile: trying user hostfile "FILE"</c>, 8.5+ at -vvv): the one <c>UserKnownHostsFile</c> names.</summary>
/// <param name="Path">The file.</param>
/// <param name="User">Whether it is the user's file (UserKnownHostsFile) rather than the system's (GlobalKnownHostsFile).</param>
public sealed record KnownHostsFileRead(string Path, bool User) : SshEvent;

/// <summary>Where ssh found a key (<c>Found key in FILE:LINE</c>).</summary>
/// <param name="File">The known-hosts file.</param>
/// <param name="FileLine">The line in it.</param>
public sealed record HostKeyFound(string File, int? FileLine) : SshEvent;

/// <summary>The first line of one of ssh's boxed warnings (<c>@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @</c>, <c>UNPROTECTED PRIVATE KEY FILE!</c>).</summary>
/// <param name="Title">The warning's title.</param>
public sealed record WarningBanner(string Title) : SshEvent;

/// <summary>A border line of one of ssh's boxed warnings (<c>@@@@@@@@...</c>).</summary>
public sealed record WarningBorder : SshEvent;

/// <summary>Explanatory text in the changed-host-key warning (<c>IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!</c> and the lines after it).</summary>
/// <param name="Text">The line.</param>
public sealed record HostKeyWarningText(string Text) : SshEvent;

/// <summary>A fingerprint line in a host-key message (<c>The fingerprint for the ED25519 key sent by the remote host is</c> / <c>SHA256:...</c>, <c>ED25519 key fingerprint is SHA256:...</c>).</summary>
/// <param name="KeyType">The key type, when named.</param>
/// <param name="Fingerprint">The fingerprint, when on this line.</param>
public sealed record HostKeyFingerprint(string? KeyType, string? Fingerprint) : SshEvent;

/// <summary>The stale known-hosts entry (<c>Offending ECDSA key in FILE:LINE</c>, <c>Offending key for IP in FILE:LINE</c>).</summary>
/// <param name="KeyType">The type of the stored key, when named.</param>
/// <param name="File">The known-hosts file.</param>
/// <param name="FileLine">The line to remove.</param>
public sealed record OffendingKey(string? KeyType, string File, int? FileLine) : SshEvent;

/// <summary>ssh's advice on removing a stale entry (<c>ssh-keygen -f 'FILE' -R 'HOST'</c>, <c>Add correct host key in FILE</c>).</summary>
/// <param name="Text">The advice.</param>
public sealed record KnownHostsHint(string Text) : SshEvent;

/// <summary>The host key changed and strict checking stops ssh (<c>ED25519 host key for HOST has changed and you have requested strict checking.</c>).</summary>
/// <param name="KeyType">The key type, when named.</param>
/// <param name="Host">The host as looked up (e.g. <c>[127.0.0.1]:2222</c>).</param>
public sealed record HostKeyChanged(string? KeyType, string Host) : SshEvent;

/// <summary>No key is known for the host and ssh may not ask (<c>No ED25519 host key is known for HOST and you have requested strict checking.</c>).</summary>
/// <param name="KeyType">The key type.</param>
/// <param name="Host">The host as looked up.</param>
public sealed record HostKeyUnknownStrict(string KeyType, string Host) : SshEvent;

/// <summary>ssh asks (or would ask) to trust a new host (<c>The authenticity of host 'HOST (ADDR)' can't be established.</c>).</summary>
/// <param name="Host">The host.</param>
/// <param name="Address">The address, or a note such as <c>&lt;no hostip for proxy command&gt;</c>.</param>
public sealed record HostAuthenticityUnknown(string Host, string Address) : SshEvent;

/// <summary>The trust-on-first-use question and its answer (<c>Are you sure you want to continue connecting (yes/no/[fingerprint])? yes</c>).</summary>
/// <param name="Answer">The answer typed, if it is in the log.</param>
public sealed record HostKeyPrompt(string? Answer) : SshEvent;

/// <summary>The verdict: ssh will not talk to this host (<c>Host key verification failed.</c>).</summary>
public sealed record HostKeyVerificationFailed : SshEvent;

/// <summary>A host key was added to known_hosts (<c>Warning: Permanently added 'HOST' (ED25519) to the list of known hosts.</c>).</summary>
/// <param name="Host">The host.</param>
/// <param name="KeyType">The key type.</param>
public sealed record HostKeyAdded(string Host, string KeyType) : SshEvent;

/// <summary>The host key differs from the one stored for the IP address (<c>Warning: the ECDSA host key for 'H' differs from the key for the IP address 'A'</c>).</summary>
/// <param name="Detail">The warning.</param>
public sealed record HostKeyIpMismatch(string Detail) : SshEvent;

/// <summary>UpdateHostKeys learned or recorded keys after login (<c>Learned new hostkey: RSA SHA256:...</c>, <c>client_input_hostkeys: ...</c>).</summary>
/// <param name="Detail">The step.</param>
public sealed record HostKeyUpdate(string Detail) : SshEvent;
