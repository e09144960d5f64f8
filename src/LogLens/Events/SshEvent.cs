using System.Text.Json.Serialization;

namespace LogLens.Events;

/// <summary>The debug level an ssh line was printed at (<c>debug1:</c> to <c>debug3:</c>).</summary>
public enum DebugLevel
{
    /// <summary>Printed with <c>-v</c> and up.</summary>
    [JsonStringEnumMemberName("debug1")]
    Debug1 = 1,

    /// <summary>Printed with <c>-vv</c> and up.</summary>
    [JsonStringEnumMemberName("debug2")]
    Debug2 = 2,

    /// <summary>Printed with <c>-vvv</c>.</summary>
    [JsonStringEnumMemberName("debug3")]
    Debug3 = 3,
}

/// <summary>
/// One line of ssh output, read and typed. Every input line yields exactly one event; derived
/// records carry the fields of the message they stand for.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(AccountNotice), nameof(AccountNotice))]
[JsonDerivedType(typeof(AgentStatus), nameof(AgentStatus))]
[JsonDerivedType(typeof(AuthMethodsCanContinue), nameof(AuthMethodsCanContinue))]
[JsonDerivedType(typeof(AuthStep), nameof(AuthStep))]
[JsonDerivedType(typeof(AuthSucceeded), nameof(AuthSucceeded))]
[JsonDerivedType(typeof(AuthenticatedTo), nameof(AuthenticatedTo))]
[JsonDerivedType(typeof(AuthenticatingTo), nameof(AuthenticatingTo))]
[JsonDerivedType(typeof(BadIdentification), nameof(BadIdentification))]
[JsonDerivedType(typeof(BannerExchangeFailed), nameof(BannerExchangeFailed))]
[JsonDerivedType(typeof(BindFailed), nameof(BindFailed))]
[JsonDerivedType(typeof(CertificateFile), nameof(CertificateFile))]
[JsonDerivedType(typeof(ChannelOpenFailed), nameof(ChannelOpenFailed))]
[JsonDerivedType(typeof(ChannelOpened), nameof(ChannelOpened))]
[JsonDerivedType(typeof(ChannelRequestResult), nameof(ChannelRequestResult))]
[JsonDerivedType(typeof(ChannelStep), nameof(ChannelStep))]
[JsonDerivedType(typeof(ClientNote), nameof(ClientNote))]
[JsonDerivedType(typeof(TerminalUnavailable), nameof(TerminalUnavailable))]
[JsonDerivedType(typeof(ClientVersion), nameof(ClientVersion))]
[JsonDerivedType(typeof(CompatMatch), nameof(CompatMatch))]
[JsonDerivedType(typeof(ConfigApplyingOptions), nameof(ConfigApplyingOptions))]
[JsonDerivedType(typeof(ConfigBadPermissions), nameof(ConfigBadPermissions))]
[JsonDerivedType(typeof(ConfigError), nameof(ConfigError))]
[JsonDerivedType(typeof(ConfigExpanded), nameof(ConfigExpanded))]
[JsonDerivedType(typeof(ConfigInclude), nameof(ConfigInclude))]
[JsonDerivedType(typeof(ConfigNote), nameof(ConfigNote))]
[JsonDerivedType(typeof(ConfigTerminating), nameof(ConfigTerminating))]
[JsonDerivedType(typeof(ConnectAddressFailed), nameof(ConnectAddressFailed))]
[JsonDerivedType(typeof(ConnectFailed), nameof(ConnectFailed))]
[JsonDerivedType(typeof(ConnectStep), nameof(ConnectStep))]
[JsonDerivedType(typeof(Connecting), nameof(Connecting))]
[JsonDerivedType(typeof(ConnectionBroken), nameof(ConnectionBroken))]
[JsonDerivedType(typeof(ConnectionClosed), nameof(ConnectionClosed))]
[JsonDerivedType(typeof(ConnectionClosedByPeer), nameof(ConnectionClosedByPeer))]
[JsonDerivedType(typeof(ConnectionError), nameof(ConnectionError))]
[JsonDerivedType(typeof(ConnectionEstablished), nameof(ConnectionEstablished))]
[JsonDerivedType(typeof(ConnectionReset), nameof(ConnectionReset))]
[JsonDerivedType(typeof(Disconnected), nameof(Disconnected))]
[JsonDerivedType(typeof(EnteringInteractiveSession), nameof(EnteringInteractiveSession))]
[JsonDerivedType(typeof(ExitStatus), nameof(ExitStatus))]
[JsonDerivedType(typeof(ExpectingMessage), nameof(ExpectingMessage))]
[JsonDerivedType(typeof(FileOpenFailed), nameof(FileOpenFailed))]
[JsonDerivedType(typeof(ForwardConnection), nameof(ForwardConnection))]
[JsonDerivedType(typeof(ForwardEstablished), nameof(ForwardEstablished))]
[JsonDerivedType(typeof(ForwardListenFailed), nameof(ForwardListenFailed))]
[JsonDerivedType(typeof(ForwardRequestFailed), nameof(ForwardRequestFailed))]
[JsonDerivedType(typeof(ForwardTargetFailed), nameof(ForwardTargetFailed))]
[JsonDerivedType(typeof(GssapiMessage), nameof(GssapiMessage))]
[JsonDerivedType(typeof(HostAuthenticityUnknown), nameof(HostAuthenticityUnknown))]
[JsonDerivedType(typeof(HostKeyAdded), nameof(HostKeyAdded))]
[JsonDerivedType(typeof(HostKeyChanged), nameof(HostKeyChanged))]
[JsonDerivedType(typeof(HostKeyFingerprint), nameof(HostKeyFingerprint))]
[JsonDerivedType(typeof(HostKeyFound), nameof(HostKeyFound))]
[JsonDerivedType(typeof(HostKeyIpMismatch), nameof(HostKeyIpMismatch))]
[JsonDerivedType(typeof(HostKeyKnown), nameof(HostKeyKnown))]
[JsonDerivedType(typeof(HostKeyTypeNotKnown), nameof(HostKeyTypeNotKnown))]
[JsonDerivedType(typeof(HostKeyPrompt), nameof(HostKeyPrompt))]
[JsonDerivedType(typeof(HostKeyUnknownStrict), nameof(HostKeyUnknownStrict))]
[JsonDerivedType(typeof(HostKeyUpdate), nameof(HostKeyUpdate))]
[JsonDerivedType(typeof(HostKeyVerificationFailed), nameof(HostKeyVerificationFailed))]
[JsonDerivedType(typeof(HostKeyWarningText), nameof(HostKeyWarningText))]
[JsonDerivedType(typeof(HostnameCanonicalization), nameof(HostnameCanonicalization))]
[JsonDerivedType(typeof(IdentificationFailed), nameof(IdentificationFailed))]
[JsonDerivedType(typeof(IdentityFile), nameof(IdentityFile))]
[JsonDerivedType(typeof(IdentityNotAccessible), nameof(IdentityNotAccessible))]
[JsonDerivedType(typeof(KexChosen), nameof(KexChosen))]
[JsonDerivedType(typeof(KexCipherChosen), nameof(KexCipherChosen))]
[JsonDerivedType(typeof(KexProposal), nameof(KexProposal))]
[JsonDerivedType(typeof(KexProposalStart), nameof(KexProposalStart))]
[JsonDerivedType(typeof(KexStep), nameof(KexStep))]
[JsonDerivedType(typeof(KeyLoad), nameof(KeyLoad))]
[JsonDerivedType(typeof(KeyLoadFailed), nameof(KeyLoadFailed))]
[JsonDerivedType(typeof(KeyNote), nameof(KeyNote))]
[JsonDerivedType(typeof(KeyPermissionsNotice), nameof(KeyPermissionsNotice))]
[JsonDerivedType(typeof(KeyPermissionsTooOpen), nameof(KeyPermissionsTooOpen))]
[JsonDerivedType(typeof(KeySkipped), nameof(KeySkipped))]
[JsonDerivedType(typeof(KilledBySignal), nameof(KilledBySignal))]
[JsonDerivedType(typeof(KnownHostsFileMissing), nameof(KnownHostsFileMissing))]
[JsonDerivedType(typeof(KnownHostsHint), nameof(KnownHostsHint))]
[JsonDerivedType(typeof(KnownHostsLookup), nameof(KnownHostsLookup))]
[JsonDerivedType(typeof(KnownHostsFileRead), nameof(KnownHostsFileRead))]
[JsonDerivedType(typeof(LocalVersion), nameof(LocalVersion))]
[JsonDerivedType(typeof(MultiplexStep), nameof(MultiplexStep))]
[JsonDerivedType(typeof(NegotiationFailed), nameof(NegotiationFailed))]
[JsonDerivedType(typeof(NextAuthMethod), nameof(NextAuthMethod))]
[JsonDerivedType(typeof(NoMoreAuthMethods), nameof(NoMoreAuthMethods))]
[JsonDerivedType(typeof(NoMutualSignature), nameof(NoMutualSignature))]
[JsonDerivedType(typeof(OffendingKey), nameof(OffendingKey))]
[JsonDerivedType(typeof(OfferingKey), nameof(OfferingKey))]
[JsonDerivedType(typeof(PacketTrace), nameof(PacketTrace))]
[JsonDerivedType(typeof(PartialSuccess), nameof(PartialSuccess))]
[JsonDerivedType(typeof(PassphrasePrompt), nameof(PassphrasePrompt))]
[JsonDerivedType(typeof(PasswordPrompt), nameof(PasswordPrompt))]
[JsonDerivedType(typeof(PasswordRetry), nameof(PasswordRetry))]
[JsonDerivedType(typeof(PermissionDenied), nameof(PermissionDenied))]
[JsonDerivedType(typeof(Pledge), nameof(Pledge))]
[JsonDerivedType(typeof(PostQuantumWarning), nameof(PostQuantumWarning))]
[JsonDerivedType(typeof(PreBannerLine), nameof(PreBannerLine))]
[JsonDerivedType(typeof(ProcessSpawnFailed), nameof(ProcessSpawnFailed))]
[JsonDerivedType(typeof(ProcessSpawning), nameof(ProcessSpawning))]
[JsonDerivedType(typeof(ProtocolCompatibility), nameof(ProtocolCompatibility))]
[JsonDerivedType(typeof(ProtocolMessage), nameof(ProtocolMessage))]
[JsonDerivedType(typeof(ProxyCommandExecuting), nameof(ProxyCommandExecuting))]
[JsonDerivedType(typeof(ProxyJumpCommand), nameof(ProxyJumpCommand))]
[JsonDerivedType(typeof(ReadingConfig), nameof(ReadingConfig))]
[JsonDerivedType(typeof(ReceivedDisconnect), nameof(ReceivedDisconnect))]
[JsonDerivedType(typeof(RemoteForwardFailed), nameof(RemoteForwardFailed))]
[JsonDerivedType(typeof(RemoteMessage), nameof(RemoteMessage))]
[JsonDerivedType(typeof(RemoteShellNotice), nameof(RemoteShellNotice))]
[JsonDerivedType(typeof(RemoteVersion), nameof(RemoteVersion))]
[JsonDerivedType(typeof(ResolveFailed), nameof(ResolveFailed))]
[JsonDerivedType(typeof(Resolving), nameof(Resolving))]
[JsonDerivedType(typeof(RunningOn), nameof(RunningOn))]
[JsonDerivedType(typeof(ServerAcceptsKey), nameof(ServerAcceptsKey))]
[JsonDerivedType(typeof(ServerExtension), nameof(ServerExtension))]
[JsonDerivedType(typeof(ServerHostKey), nameof(ServerHostKey))]
[JsonDerivedType(typeof(ServerNotResponding), nameof(ServerNotResponding))]
[JsonDerivedType(typeof(ServerRequest), nameof(ServerRequest))]
[JsonDerivedType(typeof(SessionRequest), nameof(SessionRequest))]
[JsonDerivedType(typeof(SigningFailed), nameof(SigningFailed))]
[JsonDerivedType(typeof(StartedWith), nameof(StartedWith))]
[JsonDerivedType(typeof(Text), nameof(Text))]
[JsonDerivedType(typeof(WrappedContinuation), nameof(WrappedContinuation))]
[JsonDerivedType(typeof(TheirOffer), nameof(TheirOffer))]
[JsonDerivedType(typeof(TransferStatistics), nameof(TransferStatistics))]
[JsonDerivedType(typeof(TryingPrivateKey), nameof(TryingPrivateKey))]
[JsonDerivedType(typeof(UnknownMessage), nameof(UnknownMessage))]
[JsonDerivedType(typeof(UsageError), nameof(UsageError))]
[JsonDerivedType(typeof(WarningBanner), nameof(WarningBanner))]
[JsonDerivedType(typeof(WarningBorder), nameof(WarningBorder))]
[JsonDerivedType(typeof(WillAttemptKey), nameof(WillAttemptKey))]
[JsonDerivedType(typeof(WindowsBadPermissions), nameof(WindowsBadPermissions))]
[JsonDerivedType(typeof(ServerMessage), nameof(ServerMessage))]
[JsonDerivedType(typeof(OtherProgramLine), nameof(OtherProgramLine))]
[JsonDerivedType(typeof(ServerListening), nameof(ServerListening))]
[JsonDerivedType(typeof(ServerStopping), nameof(ServerStopping))]
[JsonDerivedType(typeof(ConnectionFrom), nameof(ConnectionFrom))]
[JsonDerivedType(typeof(ClientSoftware), nameof(ClientSoftware))]
[JsonDerivedType(typeof(AuthAttempt), nameof(AuthAttempt))]
[JsonDerivedType(typeof(AuthorizedKeyFound), nameof(AuthorizedKeyFound))]
[JsonDerivedType(typeof(AuthRefusedModes), nameof(AuthRefusedModes))]
[JsonDerivedType(typeof(UserNotAllowed), nameof(UserNotAllowed))]
[JsonDerivedType(typeof(InvalidUser), nameof(InvalidUser))]
[JsonDerivedType(typeof(RootLoginRefused), nameof(RootLoginRefused))]
[JsonDerivedType(typeof(AlgorithmNotAccepted), nameof(AlgorithmNotAccepted))]
[JsonDerivedType(typeof(MaxStartupsDrop), nameof(MaxStartupsDrop))]
[JsonDerivedType(typeof(LoginGraceTimeout), nameof(LoginGraceTimeout))]
[JsonDerivedType(typeof(HostKeyLoadFailed), nameof(HostKeyLoadFailed))]
[JsonDerivedType(typeof(ServerConfigError), nameof(ServerConfigError))]
[JsonDerivedType(typeof(ServerCannotListen), nameof(ServerCannotListen))]
[JsonDerivedType(typeof(ChrootBadModes), nameof(ChrootBadModes))]
[JsonDerivedType(typeof(ForcedCommand), nameof(ForcedCommand))]
[JsonDerivedType(typeof(SessionStarted), nameof(SessionStarted))]
[JsonDerivedType(typeof(MaxAuthTriesExceeded), nameof(MaxAuthTriesExceeded))]
[JsonDerivedType(typeof(ServerCertificateInvalid), nameof(ServerCertificateInvalid))]
[JsonDerivedType(typeof(AccountRefused), nameof(AccountRefused))]
[JsonDerivedType(typeof(ServerNegotiationFailed), nameof(ServerNegotiationFailed))]
[JsonDerivedType(typeof(ForwardRefusedByServer), nameof(ForwardRefusedByServer))]
[JsonDerivedType(typeof(ForwardTargetUnreachable), nameof(ForwardTargetUnreachable))]
[JsonDerivedType(typeof(ServerConnectionEnded), nameof(ServerConnectionEnded))]
[JsonDerivedType(typeof(NoClientBanner), nameof(NoClientBanner))]
public abstract record SshEvent
{
    private int messageStart;

    /// <summary>The 1-based number of the input line this event was read from.</summary>
    public int Line { get; internal set; }

    /// <summary>The input line exactly as read (without its line break).</summary>
    public string Raw { get; internal set; } = string.Empty;

    /// <summary>The debug level, or <see langword="null"/> for lines printed without one (verbose, info, error, fatal, or not from ssh).</summary>
    public DebugLevel? Level { get; internal set; }

    /// <summary>The function-name prefix (e.g. <c>load_hostkeys</c>), or <see langword="null"/> when the line has none.</summary>
    public string? Function { get; internal set; }

    /// <summary>The index of the ssh invocation (session) this line belongs to, from 0.</summary>
    public int Session { get; internal set; }

    /// <summary>For a ProxyJump/ProxyCommand hop, the session that started it; otherwise <see langword="null"/>.</summary>
    public int? ParentSession { get; internal set; }

    /// <summary>Whether the input line was longer than the reader's limit and was cut.</summary>
    public bool Truncated { get; internal set; }

    /// <summary>The time the line arrived, when the reader was given a clock (live mode).</summary>
    public DateTimeOffset? Timestamp { get; internal set; }

    /// <summary>The line without the wrappers a paste adds (quoting, VS Code or timestamp prefixes, a glued prompt).</summary>
    public string Content { get; private set; } = string.Empty;

    /// <summary>The message text: the content after the level and the function prefix.</summary>
    public string Message => messageStart == 0 ? Content : Content[messageStart..];

    internal void SetContent(string content, int start)
    {
        Content = content;
        messageStart = start;
    }
}

/// <summary>A line shaped like ssh output (a debug level or a function prefix) whose message LogLens does not know.</summary>
public sealed record UnknownMessage : SshEvent;

/// <summary>A line that is not ssh output: remote shell output, other programs' lines, blank lines.</summary>
public sealed record Text : SshEvent
{
    /// <summary>
    /// The program that ran ssh, when the line is one of its own known lines (<c>git</c>: <c>fatal: Could not read from remote repository.</c>;
    /// <c>rsync</c>, <c>scp</c>, <c>ansible</c>, <c>github-actions</c>): not the server's output. <see langword="null"/> for any other line.
    /// </summary>
    public string? Program { get; init; }
}

/// <summary>
/// The rest of a line a terminal wrapped: its text was read together with the line before, whose event carries
/// the whole message.
/// </summary>
/// <param name="ContinuesLine">The line whose message this line completes.</param>
public sealed record WrappedContinuation(int ContinuesLine) : SshEvent;
