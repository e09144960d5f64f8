using LogLens.Findings;

namespace LogLens.Rules.Sessions;

/// <summary><c>forward-target-refused</c>: a forwarded connection's target refused it.</summary>
internal sealed class ForwardTargetRefusedRule() : Rule(new(RuleIds.ForwardTargetRefused, "forward-target-refused", Severity.Error, Phase.Session, "A forwarded connection's target refused it"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
