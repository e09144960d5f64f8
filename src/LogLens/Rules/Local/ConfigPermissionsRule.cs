using LogLens.Findings;

namespace LogLens.Rules.Local;

/// <summary><c>config-permissions</c>: a config file has unsafe owner or permissions.</summary>
internal sealed class ConfigPermissionsRule() : Rule(new(RuleIds.ConfigPermissions, "config-permissions", Severity.Error, Phase.Local, "A config file has unsafe owner or permissions"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
