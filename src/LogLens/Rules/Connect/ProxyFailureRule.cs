using LogLens.Findings;

namespace LogLens.Rules.Connect;

/// <summary><c>proxy-failure</c>: the proxyjump/proxycommand hop failed.</summary>
internal sealed class ProxyFailureRule() : Rule(new(RuleIds.ProxyFailure, "proxy-failure", Severity.Error, Phase.Connect, "The ProxyJump/ProxyCommand hop failed"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
