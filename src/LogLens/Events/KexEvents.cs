namespace LogLens.Events;

/// <summary>A named SSH protocol message sent or received (<c>SSH2_MSG_KEXINIT sent</c>, <c>SSH2_MSG_SERVICE_ACCEPT received</c>).</summary>
/// <param name="Name">The message name (e.g. <c>SSH2_MSG_NEWKEYS</c>).</param>
/// <param name="Sent">Whether the client sent it (otherwise it received it).</param>
public sealed record ProtocolMessage(string Name, bool Sent) : SshEvent;

/// <summary>ssh waits for a protocol message (<c>expecting SSH2_MSG_KEX_ECDH_REPLY</c>).</summary>
/// <param name="Name">The message awaited.</param>
public sealed record ExpectingMessage(string Name) : SshEvent;

/// <summary>A packet trace at -vvv (<c>send packet: type 20</c>, <c>receive packet: type 51</c>).</summary>
/// <param name="PacketType">The packet type number.</param>
/// <param name="Sent">Whether it was sent (otherwise received).</param>
public sealed record PacketTrace(int? PacketType, bool Sent) : SshEvent;

/// <summary>The start of one side's algorithm proposal (<c>local client KEXINIT proposal</c>, <c>peer server KEXINIT proposal</c>).</summary>
/// <param name="Server">Whether the list that follows is the server's.</param>
public sealed record KexProposalStart(bool Server) : SshEvent;

/// <summary>One list of a KEXINIT proposal (<c>KEX algorithms: a,b</c>, <c>ciphers ctos: ...</c>; before 8.x <c>kex_parse_kexinit: a,b</c> with no name).</summary>
/// <param name="Name">The list's name (<c>KEX algorithms</c>, <c>host key algorithms</c>, <c>ciphers ctos</c>, ...), or <see langword="null"/> in the old unnamed form.</param>
/// <param name="Values">The comma-separated values as printed.</param>
public sealed record KexProposal(string? Name, string Values) : SshEvent;

/// <summary>An algorithm chosen by the negotiation (<c>kex: algorithm: curve25519-sha256</c>, <c>kex: host key algorithm: ssh-ed25519</c>).</summary>
/// <param name="Kind">What was chosen (<c>algorithm</c>, <c>host key algorithm</c>).</param>
/// <param name="Value">The algorithm, or <c>(no match)</c>.</param>
public sealed record KexChosen(string Kind, string Value) : SshEvent;

/// <summary>The cipher, MAC and compression chosen for one direction (<c>kex: server-&gt;client cipher: X MAC: Y compression: Z</c>).</summary>
/// <param name="Direction"><c>server-&gt;client</c> or <c>client-&gt;server</c>.</param>
/// <param name="Cipher">The cipher.</param>
/// <param name="Mac">The MAC (<c>&lt;implicit&gt;</c> for AEAD ciphers).</param>
/// <param name="Compression">The compression.</param>
public sealed record KexCipherChosen(string Direction, string Cipher, string Mac, string Compression) : SshEvent;

/// <summary>
/// The negotiation found no common algorithm
/// (<c>Unable to negotiate with HOST port N: no matching key exchange method found. Their offer: ...</c>,
/// old <c>no matching cipher found: client ... server ...</c>).
/// </summary>
/// <param name="Host">The server, when named.</param>
/// <param name="Port">The port, when named.</param>
/// <param name="What">What failed to match (e.g. <c>no matching host key type found</c>).</param>
/// <param name="TheirOffer">The server's list, when printed.</param>
/// <param name="OurOffer">The client's list, when printed (old wording).</param>
public sealed record NegotiationFailed(string? Host, int? Port, string What, string? TheirOffer, string? OurOffer) : SshEvent;

/// <summary>The server's list printed on its own line after a failed negotiation (<c>Their offer: ssh-rsa,ssh-dss</c>).</summary>
/// <param name="Offer">The server's algorithms.</param>
public sealed record TheirOffer(string Offer) : SshEvent;

/// <summary>The server's host key (<c>Server host key: ssh-ed25519 SHA256:...</c>).</summary>
/// <param name="KeyType">The key type.</param>
/// <param name="Fingerprint">The fingerprint.</param>
public sealed record ServerHostKey(string KeyType, string Fingerprint) : SshEvent;

/// <summary>An extension the server announced (<c>kex_input_ext_info: server-sig-algs=&lt;...&gt;</c>).</summary>
/// <param name="Name">The extension.</param>
/// <param name="Value">Its value.</param>
public sealed record ServerExtension(string Name, string Value) : SshEvent;

/// <summary>A key-exchange or transport detail with no bearing on a diagnosis (rekey limits, DH group sizes, key derivation, roaming).</summary>
/// <param name="Detail">The detail as ssh printed it.</param>
public sealed record KexStep(string Detail) : SshEvent;

/// <summary>OpenSSH 10.1+ warns that the key exchange is not post-quantum (informational, not a failure).</summary>
/// <param name="Text">The warning line.</param>
public sealed record PostQuantumWarning(string Text) : SshEvent;

/// <summary>A message the server sent for display during the connection (<c>Remote: ...</c>).</summary>
/// <param name="Text">The server's text.</param>
public sealed record RemoteMessage(string Text) : SshEvent;
