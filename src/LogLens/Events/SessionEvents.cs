namespace LogLens.Events;

/// <summary>A channel is created (<c>channel 0: new [client-session]</c>; 9.2+ <c>channel 0: new session [client-session] (inactive timeout: 0)</c>).</summary>
/// <param name="Channel">The channel number.</param>
/// <param name="Name">The channel's name (<c>client-session</c>, <c>direct-tcpip</c>, <c>port listener</c>, <c>stdio-forward</c>).</param>
public sealed record ChannelOpened(int? Channel, string Name) : SshEvent;

/// <summary>The server refused to open a channel (<c>channel 3: open failed: administratively prohibited: open failed</c>, <c>connect failed: Connection refused</c>).</summary>
/// <param name="Channel">The channel number.</param>
/// <param name="Reason">The server's reason.</param>
public sealed record ChannelOpenFailed(int? Channel, string Reason) : SshEvent;

/// <summary>The outcome of a request on a channel (<c>shell request accepted on channel 0</c>, <c>PTY allocation request failed on channel 0</c>).</summary>
/// <param name="Request">The request (<c>shell</c>, <c>exec</c>, <c>PTY allocation</c>, <c>subsystem</c>).</param>
/// <param name="Channel">The channel.</param>
/// <param name="Accepted">Whether the server accepted it.</param>
public sealed record ChannelRequestResult(string Request, int? Channel, bool Accepted) : SshEvent;

/// <summary>Channel housekeeping with no bearing on a diagnosis (<c>channel 0: free: client-session, nchannels 1</c>, <c>channel 0: rcvd eof</c>).</summary>
/// <param name="Channel">The channel number, when there is one.</param>
/// <param name="Detail">The step.</param>
public sealed record ChannelStep(int? Channel, string Detail) : SshEvent;

/// <summary>ssh asks for something for the session (<c>Requesting no-more-sessions@openssh.com</c>, <c>Sending command: ls</c>, <c>Sending env LANG = C</c>).</summary>
/// <param name="Detail">The request.</param>
public sealed record SessionRequest(string Detail) : SshEvent;

/// <summary>The interactive session starts (<c>Entering interactive session.</c>).</summary>
public sealed record EnteringInteractiveSession : SshEvent;

/// <summary>OpenBSD pledge level (<c>pledge: filesystem</c>; also printed, as a no-op, on other systems).</summary>
/// <param name="Promises">The promise set.</param>
public sealed record Pledge(string Promises) : SshEvent;

/// <summary>A request the server sent on a channel or globally (<c>client_input_channel_req: channel 0 rtype exit-status reply 0</c>).</summary>
/// <param name="Channel">The channel, for channel requests.</param>
/// <param name="RequestType">The request type (<c>exit-status</c>, <c>eow@openssh.com</c>, <c>hostkeys-00@openssh.com</c>).</param>
public sealed record ServerRequest(int? Channel, string RequestType) : SshEvent;

/// <summary>The remote command's exit status (<c>Exit status 0</c>).</summary>
/// <param name="Code">The exit code.</param>
public sealed record ExitStatus(int? Code) : SshEvent;

/// <summary>The totals at the end of a session (<c>Transferred: sent 3512, received 3004 bytes, in 0.1 seconds</c>, <c>Bytes per second: ...</c>).</summary>
/// <param name="Detail">The line.</param>
public sealed record TransferStatistics(string Detail) : SshEvent;

/// <summary>A port forward is set up (<c>Local connections to LOCALHOST:8080 forwarded to remote address localhost:80</c>, <c>Local forwarding listening on ::1 port 8080.</c>).</summary>
/// <param name="Detail">The forward.</param>
public sealed record ForwardEstablished(string Detail) : SshEvent;

/// <summary>A local listening socket could not be bound (<c>bind [127.0.0.1]:8080: Address already in use</c>).</summary>
/// <param name="Address">The address and port, when printed.</param>
/// <param name="Reason">The error.</param>
public sealed record BindFailed(string? Address, string Reason) : SshEvent;

/// <summary>A forward's listener could not be set up (<c>channel_setup_fwd_listener_tcpip: cannot listen to port: 8080</c>).</summary>
/// <param name="Port">The port.</param>
public sealed record ForwardListenFailed(string Port) : SshEvent;

/// <summary>A forwarding request failed as a whole (<c>Could not request local forwarding.</c>).</summary>
/// <param name="Kind">Which forwarding (<c>local</c>, <c>remote</c>, <c>tunnel</c>).</param>
public sealed record ForwardRequestFailed(string Kind) : SshEvent;

/// <summary>The server refused a remote forward (<c>Warning: remote port forwarding failed for listen port 8080</c>; with ExitOnForwardFailure <c>Error: ...</c>).</summary>
/// <param name="Listen">The listen port or path.</param>
/// <param name="Fatal">Whether ssh exits because of it.</param>
public sealed record RemoteForwardFailed(string Listen, bool Fatal) : SshEvent;

/// <summary>A connection arrived on a forwarded port (<c>Connection to port 8080 forwarding to localhost port 80 requested.</c>).</summary>
/// <param name="Detail">The connection.</param>
public sealed record ForwardConnection(string Detail) : SshEvent;

/// <summary>ssh could not connect to the target of a forwarded connection (<c>connect_to 127.0.0.1 port 9: failed.</c>).</summary>
/// <param name="Target">The target host and port.</param>
/// <param name="Reason">Why.</param>
public sealed record ForwardTargetFailed(string Target, string Reason) : SshEvent;

/// <summary>A ControlMaster/multiplexing step (<c>auto-mux: Trying existing master</c>, <c>Control socket "PATH" does not exist</c>).</summary>
/// <param name="Detail">The step.</param>
public sealed record MultiplexStep(string Detail) : SshEvent;

/// <summary>A well-known message printed by the remote account's shell (<c>This account is currently not available.</c>, <c>This service allows sftp connections only.</c>).</summary>
/// <param name="Text">The message.</param>
public sealed record RemoteShellNotice(string Text) : SshEvent;
