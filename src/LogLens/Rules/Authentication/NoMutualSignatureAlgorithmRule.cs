using LogLens.Findings;

namespace LogLens.Rules.Authentication;

/// <summary><c>no-mutual-signature-algorithm</c>: no signature algorithm in common for the key.</summary>
internal sealed class NoMutualSignatureAlgorithmRule() : Rule(new(RuleIds.NoMutualSignatureAlgorithm, "no-mutual-signature-algorithm", Severity.Error, Phase.Authentication, "No signature algorithm in common for the key"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
