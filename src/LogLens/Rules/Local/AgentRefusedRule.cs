using LogLens.Findings;

namespace LogLens.Rules.Local;

/// <summary><c>agent-refused</c>: the agent refused or failed to sign.</summary>
internal sealed class AgentRefusedRule() : Rule(new(RuleIds.AgentRefused, "agent-refused", Severity.Error, Phase.Local, "The agent refused or failed to sign"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
