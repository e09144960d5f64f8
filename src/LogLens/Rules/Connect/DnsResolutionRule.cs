using LogLens.Findings;

namespace LogLens.Rules.Connect;

/// <summary><c>dns-resolution</c>: the host name could not be resolved.</summary>
internal sealed class DnsResolutionRule() : Rule(new(RuleIds.DnsResolution, "dns-resolution", Severity.Error, Phase.Connect, "The host name could not be resolved"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
