using LogLens.Findings;

namespace LogLens.Rules.Negotiation;

/// <summary><c>hostkey-algorithm-mismatch</c>: no common host-key type.</summary>
internal sealed class HostKeyAlgorithmMismatchRule() : Rule(new(RuleIds.HostKeyAlgorithmMismatch, "hostkey-algorithm-mismatch", Severity.Error, Phase.Negotiation, "No common host-key type"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
