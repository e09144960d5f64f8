using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Analysis;

/// <summary>Which phase an event shows the connection has entered.</summary>
internal static class PhaseTracker
{
    public static Phase? Entered(SshEvent e) => e switch
    {
        // The most frequent lines of a -vvv log first: the other types are tested one by one.
        KexProposal => Phase.Negotiation,
        IdentityFile or KnownHostsFileMissing or KexProposalStart or IdentityNotAccessible or ClientVersion or ReadingConfig => null,
        Resolving or ResolveFailed => Phase.Resolve,
        Connecting or ConnectAddressFailed or ConnectFailed or ProxyCommandExecuting or ProxyJumpCommand => Phase.Connect,
        ConnectionEstablished or LocalVersion or IdentificationFailed or BannerExchangeFailed or BadIdentification or PreBannerLine => Phase.VersionExchange,
        RemoteVersion or CompatMatch or KexChosen or KexCipherChosen or NegotiationFailed or TheirOffer or ExpectingMessage => Phase.Negotiation,
        ProtocolMessage { Name: "SSH2_MSG_KEXINIT" or "SSH2_MSG_KEX_DH_GEX_REQUEST" or "SSH2_MSG_KEX_DH_GEX_GROUP" or "SSH2_MSG_KEX_DH_GEX_INIT" or "SSH2_MSG_KEX_ECDH_INIT" } => Phase.Negotiation,
        ServerHostKey or HostKeyTypeNotKnown or HostKeyKnown or HostKeyChanged or HostKeyUnknownStrict or HostKeyVerificationFailed or HostAuthenticityUnknown
            or HostKeyAdded or OffendingKey or WarningBanner { Title: "REMOTE HOST IDENTIFICATION HAS CHANGED!" } => Phase.HostKey,
        ProtocolMessage { Name: "SSH2_MSG_NEWKEYS" or "SSH2_MSG_SERVICE_REQUEST" or "SSH2_MSG_SERVICE_ACCEPT" or "SSH2_MSG_EXT_INFO" } or ServerExtension => Phase.Authentication,
        AuthMethodsCanContinue or NextAuthMethod or OfferingKey or ServerAcceptsKey or TryingPrivateKey or PermissionDenied or PasswordPrompt
            or NoMutualSignature or SigningFailed or PasswordRetry or NoMoreAuthMethods or WillAttemptKey => Phase.Authentication,
        AuthenticatedTo or AuthSucceeded or ChannelOpened or EnteringInteractiveSession or ExitStatus or SessionRequest
            or ForwardEstablished or BindFailed or ForwardRequestFailed or RemoteForwardFailed or ChannelOpenFailed or RemoteShellNotice => Phase.Session,
        _ => null,
    };
}
