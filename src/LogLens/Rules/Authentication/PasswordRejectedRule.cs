using LogLens.Findings;

namespace LogLens.Rules.Authentication;

/// <summary><c>password-rejected</c>: the password was refused.</summary>
internal sealed class PasswordRejectedRule() : Rule(new(RuleIds.PasswordRejected, "password-rejected", Severity.Error, Phase.Authentication, "The password was refused"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
