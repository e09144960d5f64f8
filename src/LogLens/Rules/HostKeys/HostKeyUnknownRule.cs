using LogLens.Findings;

namespace LogLens.Rules.HostKeys;

/// <summary><c>host-key-unknown</c>: the host key is unknown and ssh may not ask.</summary>
internal sealed class HostKeyUnknownRule() : Rule(new(RuleIds.HostKeyUnknown, "host-key-unknown", Severity.Error, Phase.HostKey, "The host key is unknown and ssh may not ask"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
