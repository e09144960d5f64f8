using LogLens.Findings;

namespace LogLens.Rules.Local;

/// <summary><c>config-error</c>: the ssh configuration has an error.</summary>
internal sealed class ConfigErrorRule() : Rule(new(RuleIds.ConfigError, "config-error", Severity.Error, Phase.Local, "The ssh configuration has an error"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
