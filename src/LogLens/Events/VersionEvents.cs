namespace LogLens.Events;

/// <summary>The identification string ssh sends (<c>Local version string SSH-2.0-OpenSSH_9.2p1</c>).</summary>
/// <param name="Version">The string.</param>
public sealed record LocalVersion(string Version) : SshEvent;

/// <summary>The server's identification (<c>Remote protocol version 2.0, remote software version OpenSSH_8.9p1</c>).</summary>
/// <param name="Protocol">The protocol version (<c>2.0</c>, <c>1.99</c>).</param>
/// <param name="Software">The server software.</param>
public sealed record RemoteVersion(string Protocol, string Software) : SshEvent;

/// <summary>ssh matched the server software to its compatibility table (<c>compat_banner: match: X pat Y compat 0x...</c>, <c>no match: X</c>).</summary>
/// <param name="Software">The server software.</param>
/// <param name="Pattern">The pattern that matched, or <see langword="null"/> for no match.</param>
public sealed record CompatMatch(string Software, string? Pattern) : SshEvent;

/// <summary>ssh picks the protocol (<c>Enabling compatibility mode for protocol 2.0</c>).</summary>
/// <param name="Protocol">The protocol version.</param>
public sealed record ProtocolCompatibility(string Protocol) : SshEvent;

/// <summary>
/// The identification exchange failed before the server's banner arrived
/// (<c>kex_exchange_identification: read: Connection reset by peer</c>,
/// <c>ssh_exchange_identification: Connection closed by remote host</c>, <c>No banner received</c>).
/// </summary>
/// <param name="Detail">What ssh said after the function prefix.</param>
public sealed record IdentificationFailed(string Detail) : SshEvent;

/// <summary>A line the server sent before its SSH banner (<c>kex_exchange_identification: banner line 0: HTTP/1.1 400 Bad Request</c>).</summary>
/// <param name="Number">The line's index.</param>
/// <param name="Text">The text the server sent.</param>
public sealed record PreBannerLine(int? Number, string Text) : SshEvent;

/// <summary>The peer's identification is not SSH (<c>Bad remote protocol version identification</c>, <c>Protocol major versions differ</c>, <c>invalid format</c>).</summary>
/// <param name="Detail">What ssh said.</param>
public sealed record BadIdentification(string Detail) : SshEvent;

/// <summary>No banner arrived in time (<c>Connection timed out during banner exchange</c>, <c>banner exchange: Connection to HOST port N: REASON</c>).</summary>
/// <param name="Host">The server, when named.</param>
/// <param name="Port">The port, when named.</param>
/// <param name="Reason">The reason.</param>
public sealed record BannerExchangeFailed(string? Host, int? Port, string Reason) : SshEvent;

/// <summary>ssh names the target and login (<c>Authenticating to HOST:PORT as 'USER'</c>).</summary>
/// <param name="Host">The host.</param>
/// <param name="Port">The port.</param>
/// <param name="User">The remote user.</param>
public sealed record AuthenticatingTo(string Host, int? Port, string User) : SshEvent;
