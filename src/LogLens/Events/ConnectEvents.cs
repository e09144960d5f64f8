namespace LogLens.Events;

/// <summary>ssh resolves the host name (<c>resolving "HOST" port N</c>).</summary>
/// <param name="Host">The name being resolved.</param>
/// <param name="Port">The port.</param>
public sealed record Resolving(string Host, int? Port) : SshEvent;

/// <summary>The host name could not be resolved (<c>ssh: Could not resolve hostname HOST: REASON</c>).</summary>
/// <param name="Host">The name.</param>
/// <param name="Reason">The resolver's answer (<c>Name or service not known</c>, <c>Temporary failure in name resolution</c>, ...).</param>
public sealed record ResolveFailed(string Host, string Reason) : SshEvent;

/// <summary>A TCP connection attempt starts (<c>Connecting to HOST [ADDRESS] port N.</c>).</summary>
/// <param name="Host">The host name.</param>
/// <param name="Address">The address tried.</param>
/// <param name="Port">The port.</param>
public sealed record Connecting(string Host, string Address, int? Port) : SshEvent;

/// <summary>One address failed (<c>connect to address ADDRESS port N: REASON</c>).</summary>
/// <param name="Address">The address.</param>
/// <param name="Port">The port.</param>
/// <param name="Reason">The operating system's reason (<c>Connection refused</c>, <c>Connection timed out</c>, <c>No route to host</c>).</param>
public sealed record ConnectAddressFailed(string Address, int? Port, string Reason) : SshEvent;

/// <summary>Every address failed and ssh gives up (<c>ssh: connect to host HOST port N: REASON</c>).</summary>
/// <param name="Host">The host.</param>
/// <param name="Port">The port.</param>
/// <param name="Reason">The reason for the last address.</param>
public sealed record ConnectFailed(string Host, int? Port, string Reason) : SshEvent;

/// <summary>The TCP connection is up (<c>Connection established.</c>).</summary>
public sealed record ConnectionEstablished : SshEvent;

/// <summary>A low-level connect step (<c>ssh_connect_direct</c>, <c>set_sock_tos</c>, <c>fd N setting O_NONBLOCK</c>, <c>timeout: N ms remain after connect</c>, Windows async I/O errors).</summary>
/// <param name="Detail">The step as ssh printed it.</param>
public sealed record ConnectStep(string Detail) : SshEvent;

/// <summary>A fatal error on an established connection (<c>Connection to HOST port N: REASON</c>, e.g. Broken pipe, message authentication code incorrect).</summary>
/// <param name="Host">The peer.</param>
/// <param name="Port">The port.</param>
/// <param name="Reason">The error.</param>
public sealed record ConnectionError(string Host, int? Port, string Reason) : SshEvent;

/// <summary>The peer closed the TCP connection (<c>Connection closed by HOST port N</c>, <c>Connection closed by remote host</c>).</summary>
/// <param name="Host">The peer, or <see langword="null"/> for "remote host".</param>
/// <param name="Port">The port.</param>
public sealed record ConnectionClosedByPeer(string? Host, int? Port) : SshEvent;

/// <summary>The peer reset the connection (<c>Connection reset by HOST port N</c>, <c>Read from remote host H: Connection reset by peer</c>).</summary>
/// <param name="Host">The peer.</param>
/// <param name="Port">The port.</param>
/// <param name="Reason">The error text.</param>
public sealed record ConnectionReset(string Host, int? Port, string Reason) : SshEvent;

/// <summary>Writing to or reading from the connection failed (<c>Write failed: Broken pipe</c>, <c>client_loop: send disconnect: Broken pipe</c>, before 6.8 <c>Read from socket failed: Connection reset by peer</c>).</summary>
/// <param name="Reason">The error.</param>
public sealed record ConnectionBroken(string Reason) : SshEvent;

/// <summary>The server stopped answering keep-alives (<c>Timeout, server HOST not responding.</c>).</summary>
/// <param name="Host">The server.</param>
public sealed record ServerNotResponding(string Host) : SshEvent;

/// <summary>ssh's session ends and it says so (<c>Connection to HOST closed.</c>, <c>... closed by remote host.</c>).</summary>
/// <param name="Host">The host.</param>
/// <param name="ByRemote">Whether the remote side closed it.</param>
public sealed record ConnectionClosed(string Host, bool ByRemote) : SshEvent;

/// <summary>The server sent a disconnect message (<c>Received disconnect from HOST port N:CODE: REASON</c>).</summary>
/// <param name="Host">The server.</param>
/// <param name="Port">The port.</param>
/// <param name="Code">The SSH disconnect reason code (2 protocol error, 11 by application, 14 no more auth methods...).</param>
/// <param name="Reason">The server's text (e.g. <c>Too many authentication failures</c>).</param>
public sealed record ReceivedDisconnect(string Host, int? Port, int? Code, string Reason) : SshEvent;

/// <summary>ssh reports the disconnect (<c>Disconnected from HOST port N</c>, <c>Disconnecting: REASON</c>).</summary>
/// <param name="Detail">The peer or the reason.</param>
public sealed record Disconnected(string Detail) : SshEvent;

/// <summary>ssh was killed by a signal (<c>Killed by signal 15.</c>).</summary>
/// <param name="Signal">The signal number.</param>
public sealed record KilledBySignal(int? Signal) : SshEvent;
