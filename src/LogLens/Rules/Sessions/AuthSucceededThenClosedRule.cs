using LogLens.Findings;

namespace LogLens.Rules.Sessions;

/// <summary><c>auth-succeeded-then-closed</c>: logged in, then the server closed the session.</summary>
internal sealed class AuthSucceededThenClosedRule() : Rule(new(RuleIds.AuthSucceededThenClosed, "auth-succeeded-then-closed", Severity.Error, Phase.Session, "Logged in, then the server closed the session"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
