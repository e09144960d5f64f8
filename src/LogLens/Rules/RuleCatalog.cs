using LogLens.Rules.Authentication;
using LogLens.Rules.Connect;
using LogLens.Rules.HostKeys;
using LogLens.Rules.Local;
using LogLens.Rules.Negotiation;
using LogLens.Rules.Outcomes;
using LogLens.Rules.Server;
using LogLens.Rules.Sessions;
using LogLens.Rules.VersionExchange;

namespace LogLens.Rules;

/// <summary>Every rule, in root-cause order: a rule earlier in the list explains the failures of the ones after it.</summary>
public static class RuleCatalog
{
    internal static IReadOnlyList<Rule> Rules { get; } =
    [
        new ConfigErrorRule(),
        new ConfigPermissionsRule(),
        new DnsResolutionRule(),
        new HostKeyChangedRule(),
        new ProxyFailureRule(),
        new ConnectionRefusedRule(),
        new ConnectionTimeoutRule(),
        new NoRouteRule(),
        new ExchangeIdentificationResetRule(),
        new ExchangeIdentificationClosedRule(),
        new NotSshServerRule(),
        new BannerTimeoutRule(),
        new KexAlgorithmMismatchRule(),
        new HostKeyAlgorithmMismatchRule(),
        new CipherMismatchRule(),
        new MacMismatchRule(),
        new KexStalledRule(),
        new HostKeyUnknownRule(),
        new HostKeyVerificationFailedRule(),
        new KeyPermissionsTooOpenRule(),
        new KeyInvalidFormatRule(),
        new MissingIdentityFileRule(),
        new EncryptedKeyNoPassphraseRule(),
        new AgentRefusedRule(),
        new KeyTypeDisabledRule(),
        new TooManyAuthFailuresRule(),
        new NoMutualSignatureAlgorithmRule(),
        new CertificateInvalidRule(),
        new AccountExpiredRule(),
        new PasswordRejectedRule(),
        new PasswordOnlyRule(),
        new KeyRejectedRule(),
        new ForwardBindFailedRule(),
        new ForwardingRefusedRule(),
        new ForwardTargetRefusedRule(),
        new AuthSucceededThenClosedRule(),
        new SuccessRule(),
        new SlowStepRule(),
    ];

    /// <summary>
    /// The rules for sshd's log, in root-cause order: sshd's startup, then a connection from its first line to its last. Where a
    /// finding means the same as a client's, it has the client's ID and slug.
    /// </summary>
    internal static IReadOnlyList<ServerRule> ServerRules { get; } =
    [
        new SshdConfigErrorRule(),
        new HostKeyLoadFailedRule(),
        new MaxStartupsRule(),
        new ServerNegotiationRule(RuleIds.KexAlgorithmMismatch, "kex-algorithm-mismatch", "key exchange method", "KexAlgorithms", "No key exchange algorithm in common"),
        new ServerNegotiationRule(RuleIds.HostKeyAlgorithmMismatch, "hostkey-algorithm-mismatch", "host key type", "HostKeyAlgorithms", "No host key algorithm in common"),
        new ServerNegotiationRule(RuleIds.CipherMismatch, "cipher-mismatch", "cipher", "Ciphers", "No cipher in common"),
        new ServerNegotiationRule(RuleIds.MacMismatch, "mac-mismatch", "MAC", "MACs", "No MAC algorithm in common"),
        // sshd logs a user it refused (AllowUsers, a missing shell) as an "invalid user" from then on: the refusal comes first.
        new ShellMissingRule(),
        new UserNotAllowedRule(),
        new InvalidUserRule(),
        new RootLoginRefusedRule(),
        new ServerAccountExpiredRule(),
        new ServerCertificateInvalidRule(),
        new AuthorizedKeysPermissionsRule(),
        new PubkeyAlgorithmRefusedRule(),
        new ServerTooManyAuthFailuresRule(),
        new LoginGraceTimeoutRule(),
        new KeyAcceptedNotSignedRule(),
        new ServerPasswordRejectedRule(),
        new KeyNotAuthorizedRule(),
        new ChrootPermissionsRule(),
        new ForcedCommandRule(),
        new ServerForwardingRefusedRule(),
        new ServerForwardTargetRefusedRule(),
        new ServerSuccessRule(),
    ];

    /// <summary>The descriptor of every client rule, in root-cause order.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } = [.. Rules.Select(r => r.Descriptor)];

    /// <summary>The descriptor of every rule for sshd's log, in root-cause order (shared meanings keep the client's ID and slug).</summary>
    public static IReadOnlyList<RuleDescriptor> Server { get; } = [.. ServerRules.Select(r => r.Descriptor)];

    /// <summary>The rules only sshd's log can prove (the server rules whose ID no client rule has).</summary>
    public static IReadOnlyList<RuleDescriptor> ServerOnly { get; } = [.. Server.Where(s => All.All(c => c.Id != s.Id))];

    /// <summary>Every rule's descriptor once: the client's (<see cref="All"/>), then those only sshd's log can prove (<see cref="ServerOnly"/>).</summary>
    internal static IReadOnlyList<RuleDescriptor> Every { get; } = [.. All, .. ServerOnly];

    /// <summary>Finds a rule by ID (<c>LL1002</c>) or slug (<c>connection-refused</c>), ignoring case: client rules first, then the server's.</summary>
    /// <param name="idOrSlug">The ID or slug.</param>
    /// <returns>The descriptor, or <see langword="null"/>.</returns>
    public static RuleDescriptor? Find(string idOrSlug) =>
        Every.FirstOrDefault(d => string.Equals(d.Id, idOrSlug, StringComparison.OrdinalIgnoreCase) ||
                               string.Equals(d.Slug, idOrSlug, StringComparison.OrdinalIgnoreCase));
}
