using LogLens.Findings;

namespace LogLens.Rules.Connect;

/// <summary><c>connection-timeout</c>: the connection attempt timed out.</summary>
internal sealed class ConnectionTimeoutRule() : Rule(new(RuleIds.ConnectionTimeout, "connection-timeout", Severity.Error, Phase.Connect, "The connection attempt timed out"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
