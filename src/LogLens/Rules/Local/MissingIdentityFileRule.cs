using LogLens.Findings;

namespace LogLens.Rules.Local;

/// <summary><c>missing-identity-file</c>: an identity file that was asked for does not exist.</summary>
internal sealed class MissingIdentityFileRule() : Rule(new(RuleIds.MissingIdentityFile, "missing-identity-file", Severity.Error, Phase.Local, "An identity file that was asked for does not exist"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
