using LogLens.Findings;

namespace LogLens.Rules.Connect;

/// <summary><c>connection-refused</c>: the connection was refused.</summary>
internal sealed class ConnectionRefusedRule() : Rule(new(RuleIds.ConnectionRefused, "connection-refused", Severity.Error, Phase.Connect, "The connection was refused"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
