using LogLens.Findings;

namespace LogLens.Rules.Local;

/// <summary><c>key-type-disabled</c>: a key was skipped because its type is disabled.</summary>
internal sealed class KeyTypeDisabledRule() : Rule(new(RuleIds.KeyTypeDisabled, "key-type-disabled", Severity.Error, Phase.Local, "A key was skipped because its type is disabled"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
