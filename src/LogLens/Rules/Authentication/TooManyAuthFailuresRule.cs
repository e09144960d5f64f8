using LogLens.Findings;

namespace LogLens.Rules.Authentication;

/// <summary><c>too-many-auth-failures</c>: too many authentication failures.</summary>
internal sealed class TooManyAuthFailuresRule() : Rule(new(RuleIds.TooManyAuthFailures, "too-many-auth-failures", Severity.Error, Phase.Authentication, "Too many authentication failures"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
