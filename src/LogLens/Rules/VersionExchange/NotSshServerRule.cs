using LogLens.Findings;

namespace LogLens.Rules.VersionExchange;

/// <summary><c>not-ssh-server</c>: something other than an ssh server answered.</summary>
internal sealed class NotSshServerRule() : Rule(new(RuleIds.NotSshServer, "not-ssh-server", Severity.Error, Phase.VersionExchange, "Something other than an SSH server answered"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
