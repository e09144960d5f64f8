using LogLens.Events;
using static LogLens.Parsing.Grammar.MessageRule;

namespace LogLens.Parsing.Grammar;

/// <summary>The exchange of identification strings (banners) right after TCP connects.</summary>
internal static class VersionGrammar
{
    private static readonly string[] IdentificationFunctions = ["kex_exchange_identification", "ssh_exchange_identification"];

    public static readonly MessageRule[] Rules =
    [
        Template("banner line {n}: {text}", f => new PreBannerLine(f.Int(0), f[1]), IdentificationFunctions),
        Template("banner line {n}:", f => new PreBannerLine(f.Int(0), string.Empty), IdentificationFunctions),
        Template("{detail}", f => new IdentificationFailed(f[0]), IdentificationFunctions),
        Template("Local version string {version}", f => new LocalVersion(f[0])),
        Template("Remote protocol version {protocol}, remote software version {software}", f => new RemoteVersion(f[0], f[1])),
        Template("match: {software} pat {pattern} compat {flags}", f => new CompatMatch(f[0], f[1])),
        Template("match: {software} pat {pattern}", f => new CompatMatch(f[0], f[1])),
        Template("no match: {software}", f => new CompatMatch(f[0], null)),
        Template("Enabling compatibility mode for protocol {protocol}", f => new ProtocolCompatibility(f[0])),
        Template("Bad remote protocol version identification: {detail}", f => new BadIdentification("Bad remote protocol version identification: " + f[0])),
        Template("Protocol major versions differ: {detail}", f => new BadIdentification("Protocol major versions differ: " + f[0])),
        Template("Protocol major versions differ for {detail}", f => new BadIdentification("Protocol major versions differ for " + f[0])),
        Template("Connection timed out during banner exchange", _ => new BannerExchangeFailed(null, null, "Connection timed out")),
        Template("banner exchange: Connection to {host} port {port}: {reason}", f => new BannerExchangeFailed(f[0], f.Int(1), f[2])),
        Template("Authenticating to {target} as '{user}'", f => Authenticating(f[0], f[1])),
    ];

    private static AuthenticatingTo Authenticating(string target, string user)
    {
        var colon = target.LastIndexOf(':');
        return colon < 0
            ? new AuthenticatingTo(target, null, user)
            : new AuthenticatingTo(target[..colon], int.TryParse(target.AsSpan(colon + 1), out var port) ? port : null, user);
    }
}
