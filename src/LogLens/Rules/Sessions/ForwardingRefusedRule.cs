using LogLens.Findings;

namespace LogLens.Rules.Sessions;

/// <summary><c>forwarding-refused</c>: the server refused a forwarding request.</summary>
internal sealed class ForwardingRefusedRule() : Rule(new(RuleIds.ForwardingRefused, "forwarding-refused", Severity.Error, Phase.Session, "The server refused a forwarding request"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
