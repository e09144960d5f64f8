using LogLens.Analysis;
using LogLens.Findings;

namespace LogLens.Rendering;

/// <summary>The names the outputs use for phases, outcomes and severities (the JSON contract's spelling).</summary>
internal static class Names
{
    public static string Of(Phase phase) => phase switch
    {
        Phase.Local => "local",
        Phase.Resolve => "resolve",
        Phase.Connect => "connect",
        Phase.VersionExchange => "version-exchange",
        Phase.Negotiation => "negotiation",
        Phase.HostKey => "host-key",
        Phase.Authentication => "authentication",
        Phase.Session => "session",
        Phase.Startup => "startup",
        _ => "outcome",
    };

    public static string Of(Outcome outcome) => outcome switch
    {
        Outcome.Succeeded => "succeeded",
        Outcome.Failed => "failed",
        _ => "inconclusive",
    };

    public static string Of(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    public static string Of(FixLocation where) => where switch
    {
        FixLocation.Server => "server",
        FixLocation.Config => "config",
        _ => "client",
    };

    public static string Of(EvidenceSource source) => source == EvidenceSource.Server ? "server" : "client";

    public static string Of(LogKind kind) => kind == LogKind.Server ? "sshd" : "ssh";

    public static string Of(Confidence confidence) => confidence switch
    {
        Confidence.Certain => "certain",
        Confidence.Likely => "likely",
        _ => "possible",
    };
}
