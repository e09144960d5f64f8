using LogLens.Findings;

namespace LogLens.Rules.Outcomes;

/// <summary><c>success</c>: connected and authenticated.</summary>
internal sealed class SuccessRule() : Rule(new(RuleIds.Success, "success", Severity.Info, Phase.Outcome, "Connected and authenticated"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
