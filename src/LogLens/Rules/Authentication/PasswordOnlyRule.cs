using LogLens.Findings;

namespace LogLens.Rules.Authentication;

/// <summary><c>password-only</c>: the server allows only passwords, and ssh could not use one.</summary>
internal sealed class PasswordOnlyRule() : Rule(new(RuleIds.PasswordOnly, "password-only", Severity.Error, Phase.Authentication, "The server allows only passwords, and ssh could not use one"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
