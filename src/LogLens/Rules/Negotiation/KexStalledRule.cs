using LogLens.Findings;

namespace LogLens.Rules.Negotiation;

/// <summary><c>kex-stalled</c>: the key exchange stalled.</summary>
internal sealed class KexStalledRule() : Rule(new(RuleIds.KexStalled, "kex-stalled", Severity.Error, Phase.Negotiation, "The key exchange stalled"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
