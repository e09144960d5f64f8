namespace LogLens.Events;

/// <summary>
/// One line of an sshd log (<c>journalctl -u ssh</c>, <c>/var/log/auth.log</c>, <c>/var/log/secure</c>, <c>sshd -E FILE</c>,
/// <c>sshd -d</c>), read and typed. The envelope a log system adds (time, host, <c>sshd[PID]:</c>) is kept in the fields
/// below; <see cref="SshEvent.Message"/> is sshd's own text.
/// </summary>
public abstract record ServerEvent : SshEvent
{
    /// <summary>The program tag (<c>sshd</c>, <c>sshd-session</c>, <c>sshd-auth</c>, or another program's), when the log has one.</summary>
    public string? Program { get; internal set; }

    /// <summary>The process ID from the tag (<c>sshd[1234]:</c>), when the log has one.</summary>
    public int? Pid { get; internal set; }

    /// <summary>The host name the log system wrote, when it did.</summary>
    public string? Host { get; internal set; }

    /// <summary>Whether sshd marked the line as coming from the unprivileged pre-authentication child (<c> [preauth]</c>).</summary>
    public bool Preauth { get; internal set; }
}

/// <summary>An sshd line whose message LogLens does not know (or does not need).</summary>
public sealed record ServerMessage : ServerEvent;

/// <summary>A line of another program in the same log (systemd, PAM modules logged under their own tag, cron ...), or no log line at all.</summary>
public sealed record OtherProgramLine : ServerEvent;

/// <summary>sshd started listening (<c>Server listening on ADDRESS port PORT.</c>).</summary>
/// <param name="Address">The listening address.</param>
/// <param name="Port">The port.</param>
public sealed record ServerListening(string Address, int? Port) : ServerEvent;

/// <summary>The listener stopped (<c>Received signal 15; terminating.</c>) or reloaded (<c>Received SIGHUP; restarting.</c>).</summary>
/// <param name="Detail">The message.</param>
public sealed record ServerStopping(string Detail) : ServerEvent;

/// <summary>A connection arrived (<c>Connection from A port P on B port Q</c>, VERBOSE; before 6.6 without the local side).</summary>
/// <param name="ClientAddress">The client's address.</param>
/// <param name="ClientPort">The client's port.</param>
/// <param name="LocalAddress">The server address it reached, when logged.</param>
/// <param name="LocalPort">The server port it reached, when logged.</param>
public sealed record ConnectionFrom(string ClientAddress, int? ClientPort, string? LocalAddress, int? LocalPort) : ServerEvent;

/// <summary>The client's identification string (<c>Remote protocol version 2.0, remote software version OpenSSH_9.2p1</c>, DEBUG1).</summary>
/// <param name="Software">The client's software version.</param>
public sealed record ClientSoftware(string Software) : ServerEvent;

/// <summary>
/// The verdict on one authentication attempt: <c>Accepted publickey for USER from A port P ssh2: ED25519 SHA256:...</c>,
/// <c>Failed password for invalid user USER from ...</c>, <c>Postponed publickey for USER from ...</c>.
/// </summary>
/// <param name="Verdict"><c>Accepted</c>, <c>Failed</c>, <c>Postponed</c> or <c>Partial</c>.</param>
/// <param name="Method">The method (<c>publickey</c>, <c>password</c>, <c>keyboard-interactive/pam</c>, <c>none</c> ...).</param>
/// <param name="User">The user name the client asked for.</param>
/// <param name="InvalidUser">Whether sshd knows no such account (<c>for invalid user USER</c>).</param>
/// <param name="ClientAddress">The client's address.</param>
/// <param name="ClientPort">The client's port.</param>
/// <param name="KeyType">The key type (<c>ED25519</c>, <c>RSA</c>, <c>ED25519-CERT</c>), for publickey.</param>
/// <param name="Fingerprint">The key's fingerprint (<c>SHA256:...</c>), for publickey.</param>
public sealed record AuthAttempt(
    string Verdict, string Method, string User, bool InvalidUser, string ClientAddress, int? ClientPort, string? KeyType, string? Fingerprint) : ServerEvent
{
    /// <summary>Whether the attempt logged the user in.</summary>
    public bool Accepted => Verdict == "Accepted";

    /// <summary>Whether the attempt failed.</summary>
    public bool Failed => Verdict == "Failed";
}

/// <summary>StrictModes refused a file (<c>Authentication refused: bad ownership or modes for file PATH</c>, or <c>directory</c>).</summary>
/// <param name="Kind"><c>file</c> or <c>directory</c>.</param>
/// <param name="Path">The file or directory with the wrong owner or modes.</param>
public sealed record AuthRefusedModes(string Kind, string Path) : ServerEvent;

/// <summary>
/// sshd refused the user before any method (<c>User U from A not allowed because listed in DenyUsers</c>,
/// <c>... because shell /x does not exist</c>, <c>... because account is locked</c>).
/// </summary>
/// <param name="User">The user.</param>
/// <param name="Reason">The reason, as logged after <c>because</c>.</param>
public sealed record UserNotAllowed(string User, string Reason) : ServerEvent
{
    /// <summary>Whether the reason is the user's shell (missing or not executable).</summary>
    public bool ShellProblem => Reason.StartsWith("shell ", StringComparison.Ordinal);
}

/// <summary>No such account on the server (<c>Invalid user U from A port P</c>).</summary>
/// <param name="User">The user name the client asked for.</param>
/// <param name="ClientAddress">The client's address.</param>
public sealed record InvalidUser(string User, string ClientAddress) : ServerEvent;

/// <summary>PermitRootLogin refused root (<c>ROOT LOGIN REFUSED FROM A port P</c>).</summary>
/// <param name="ClientAddress">The client's address.</param>
public sealed record RootLoginRefused(string ClientAddress) : ServerEvent;

/// <summary>
/// A key type or signature algorithm the server does not accept (<c>userauth_pubkey: signature algorithm ssh-rsa not in
/// PubkeyAcceptedAlgorithms</c>; <c>key type ... not in PubkeyAcceptedKeyTypes</c> before 8.5).
/// </summary>
/// <param name="Algorithm">The key type or signature algorithm.</param>
/// <param name="Option">The option that leaves it out.</param>
public sealed record AlgorithmNotAccepted(string Algorithm, string Option) : ServerEvent;

/// <summary>A connection dropped because too many were unauthenticated (<c>drop connection #3 from [A]:P on [B]:Q past MaxStartups</c>).</summary>
/// <param name="ClientAddress">The dropped client's address.</param>
/// <param name="ClientPort">Its port.</param>
/// <param name="LocalAddress">The server address, when logged.</param>
/// <param name="LocalPort">The server port, when logged.</param>
public sealed record MaxStartupsDrop(string ClientAddress, int? ClientPort, string? LocalAddress, int? LocalPort) : ServerEvent;

/// <summary>LoginGraceTime ran out (<c>Timeout before authentication for A port P</c>; since 9.8 the listener logs it, <c>..., pid = N</c>).</summary>
/// <param name="ClientAddress">The client's address.</param>
/// <param name="ChildPid">The PID of the connection's process, when the listener names it.</param>
public sealed record LoginGraceTimeout(string ClientAddress, int? ChildPid) : ServerEvent;

/// <summary>sshd could not load a host key (<c>Unable to load host key: PATH</c>), or had none at all (<c>no hostkeys available -- exiting.</c>).</summary>
/// <param name="Path">The host key file, or <see langword="null"/> for "no hostkeys available".</param>
/// <param name="Reason">Why, when logged.</param>
public sealed record HostKeyLoadFailed(string? Path, string? Reason) : ServerEvent;

/// <summary>A bad line in sshd's configuration (<c>/etc/ssh/sshd_config: line 12: Bad configuration option: Foo</c>), or sshd giving up over them.</summary>
/// <param name="File">The configuration file.</param>
/// <param name="LineNumber">The line, when named.</param>
/// <param name="Problem">What is wrong with it.</param>
public sealed record ServerConfigError(string File, int? LineNumber, string Problem) : ServerEvent;

/// <summary>
/// sshd could not listen on an address (<c>Bind to port 22 on 0.0.0.0 failed: Address already in use.</c>), or on any, and exited
/// (<c>Cannot bind any address.</c>: <see cref="Address"/>, <see cref="Port"/> and <see cref="Reason"/> are <see langword="null"/>).
/// </summary>
/// <param name="Address">The address it tried, when named.</param>
/// <param name="Port">The port it tried, when named.</param>
/// <param name="Reason">The system's reason (<c>Address already in use</c>, <c>Cannot assign requested address</c>, <c>Permission denied</c>), when named.</param>
public sealed record ServerCannotListen(string? Address, int? Port, string? Reason) : ServerEvent
{
    /// <summary>Whether this is sshd giving up (<c>Cannot bind any address.</c>) rather than one address failing.</summary>
    public bool GaveUp => Address is null;
}

/// <summary>ChrootDirectory (or a directory above it) has the wrong owner or modes (<c>bad ownership or modes for chroot directory "/srv"</c>).</summary>
/// <param name="Path">The directory.</param>
public sealed record ChrootBadModes(string Path) : ServerEvent;

/// <summary>
/// A command the server forces (<c>Starting session: forced-command (config) 'CMD' for U from A port P id 0</c>,
/// <c>authorized_keys:1: forced command: "CMD"</c>, <c>Root login accepted for forced command.</c>).
/// </summary>
/// <param name="Command">The command, when logged.</param>
/// <param name="Source">Where it comes from (<c>config</c> for ForceCommand, <c>key-option</c> for authorized_keys <c>command=</c>), when logged.</param>
public sealed record ForcedCommand(string? Command, string? Source) : ServerEvent;

/// <summary>A session started for a logged-in user (<c>Starting session: shell on pts/0 for U from A port P id 0</c>, VERBOSE).</summary>
/// <param name="Kind">What started (<c>shell on pts/0</c>, <c>command</c>, <c>subsystem 'sftp'</c>).</param>
/// <param name="User">The user.</param>
public sealed record SessionStarted(string Kind, string User) : ServerEvent;

/// <summary>sshd gave up after MaxAuthTries (<c>maximum authentication attempts exceeded for U from A port P ssh2</c>).</summary>
/// <param name="User">The user.</param>
public sealed record MaxAuthTriesExceeded(string User) : ServerEvent;

/// <summary>
/// sshd found the offered key in an authorized_keys file (<c>Accepted key ED25519 SHA256:... found at PATH:LINE</c>, logged at
/// LogLevel VERBOSE since OpenSSH 8.2): the key is allowed; whether the client then signed with it is another line.
/// </summary>
/// <param name="KeyType">The key type (<c>ED25519</c>, <c>RSA</c>).</param>
/// <param name="Fingerprint">The key's fingerprint (<c>SHA256:...</c>).</param>
/// <param name="Location">Where it was found (<c>/home/u/.ssh/authorized_keys:1</c>).</param>
public sealed record AuthorizedKeyFound(string KeyType, string Fingerprint, string Location) : ServerEvent;

/// <summary>A certificate sshd would not accept (<c>Certificate invalid: expired</c>, <c>... name is not a listed principal</c>).</summary>
/// <param name="Reason">The reason.</param>
public sealed record ServerCertificateInvalid(string Reason) : ServerEvent;

/// <summary>The account cannot log in now (<c>Access denied for user U by PAM account configuration</c>, <c>Account U has expired</c>).</summary>
/// <param name="User">The user, when named.</param>
/// <param name="Detail">The message.</param>
public sealed record AccountRefused(string? User, string Detail) : ServerEvent;

/// <summary>No algorithm in common (<c>Unable to negotiate with A port P: no matching cipher found. Their offer: ...</c>).</summary>
/// <param name="What">What had no match: <c>key exchange method</c>, <c>host key type</c>, <c>cipher</c>, <c>MAC</c>.</param>
/// <param name="TheirOffer">The client's list.</param>
public sealed record ServerNegotiationFailed(string What, string TheirOffer) : ServerEvent;

/// <summary>A forward the server refused (<c>refused local port forward: ...</c>, <c>Received request ... but the request was denied.</c>).</summary>
/// <param name="Detail">The message.</param>
public sealed record ForwardRefusedByServer(string Detail) : ServerEvent;

/// <summary>The server could not reach a forward's target (<c>connect_to HOST port N: failed.</c>).</summary>
/// <param name="TargetHost">The target host.</param>
/// <param name="TargetPort">The target port.</param>
public sealed record ForwardTargetUnreachable(string TargetHost, int? TargetPort) : ServerEvent;

/// <summary>
/// How a connection ended on the server's side: <c>Connection closed by authenticating user U A port P</c>,
/// <c>Received disconnect from A port P:11: disconnected by user</c>, <c>Disconnected from user U A port P</c>,
/// <c>Disconnecting authenticating user U A port P: Too many authentication failures</c>, <c>Connection reset by A port P</c>.
/// </summary>
/// <param name="Detail">The message.</param>
/// <param name="Stage">How far the connection had come, from the words sshd used: <c>authenticating</c>, <c>invalid</c>, <c>user</c> (logged in) or <c>none</c>.</param>
public sealed record ServerConnectionEnded(string Detail, string Stage) : ServerEvent;

/// <summary>The client sent no SSH banner (<c>Did not receive identification string from A port P</c>, <c>banner exchange: ... invalid format</c>): a scanner, a health check, or another protocol.</summary>
/// <param name="Detail">The message.</param>
public sealed record NoClientBanner(string Detail) : ServerEvent;
