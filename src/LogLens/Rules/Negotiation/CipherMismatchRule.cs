using LogLens.Findings;

namespace LogLens.Rules.Negotiation;

/// <summary><c>cipher-mismatch</c>: no common cipher.</summary>
internal sealed class CipherMismatchRule() : Rule(new(RuleIds.CipherMismatch, "cipher-mismatch", Severity.Error, Phase.Negotiation, "No common cipher"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
