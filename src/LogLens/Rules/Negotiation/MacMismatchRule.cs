using LogLens.Findings;

namespace LogLens.Rules.Negotiation;

/// <summary><c>mac-mismatch</c>: no common mac.</summary>
internal sealed class MacMismatchRule() : Rule(new(RuleIds.MacMismatch, "mac-mismatch", Severity.Error, Phase.Negotiation, "No common MAC"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
