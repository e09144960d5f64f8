using LogLens.Findings;

namespace LogLens.Rules.Local;

/// <summary><c>key-invalid-format</c>: a private key could not be loaded.</summary>
internal sealed class KeyInvalidFormatRule() : Rule(new(RuleIds.KeyInvalidFormat, "key-invalid-format", Severity.Error, Phase.Local, "A private key could not be loaded"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
