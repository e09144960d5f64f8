using LogLens.Findings;

namespace LogLens.Rules.Connect;

/// <summary><c>no-route</c>: there is no network route to the host.</summary>
internal sealed class NoRouteRule() : Rule(new(RuleIds.NoRoute, "no-route", Severity.Error, Phase.Connect, "There is no network route to the host"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
