using LogLens.Findings;

namespace LogLens.Rules.HostKeys;

/// <summary><c>host-key-changed</c>: the server's host key has changed.</summary>
internal sealed class HostKeyChangedRule() : Rule(new(RuleIds.HostKeyChanged, "host-key-changed", Severity.Error, Phase.HostKey, "The server's host key has changed"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
