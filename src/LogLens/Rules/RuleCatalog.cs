using LogLens.Rules.Authentication;
using LogLens.Rules.Connect;
using LogLens.Rules.HostKeys;
using LogLens.Rules.Local;
using LogLens.Rules.Negotiation;
using LogLens.Rules.Outcomes;
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

    /// <summary>The descriptor of every rule, in root-cause order.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } = [.. Rules.Select(r => r.Descriptor)];

    /// <summary>Finds a rule by ID (<c>LL1002</c>) or slug (<c>connection-refused</c>), ignoring case.</summary>
    /// <param name="idOrSlug">The ID or slug.</param>
    /// <returns>The descriptor, or <see langword="null"/>.</returns>
    public static RuleDescriptor? Find(string idOrSlug) =>
        All.FirstOrDefault(d => string.Equals(d.Id, idOrSlug, StringComparison.OrdinalIgnoreCase) ||
                                string.Equals(d.Slug, idOrSlug, StringComparison.OrdinalIgnoreCase));
}
