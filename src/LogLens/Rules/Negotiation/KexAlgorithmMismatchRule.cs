using LogLens.Findings;

namespace LogLens.Rules.Negotiation;

/// <summary><c>kex-algorithm-mismatch</c>: no common key-exchange algorithm.</summary>
internal sealed class KexAlgorithmMismatchRule() : Rule(new(RuleIds.KexAlgorithmMismatch, "kex-algorithm-mismatch", Severity.Error, Phase.Negotiation, "No common key-exchange algorithm"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
