using LogLens.Findings;

namespace LogLens.Rules.Sessions;

/// <summary><c>forward-bind-failed</c>: a forwarded port could not be bound locally.</summary>
internal sealed class ForwardBindFailedRule() : Rule(new(RuleIds.ForwardBindFailed, "forward-bind-failed", Severity.Error, Phase.Session, "A forwarded port could not be bound locally"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
