using LogLens.Findings;

namespace LogLens.Rules.Authentication;

/// <summary><c>certificate-invalid</c>: the user certificate was refused.</summary>
internal sealed class CertificateInvalidRule() : Rule(new(RuleIds.CertificateInvalid, "certificate-invalid", Severity.Error, Phase.Authentication, "The user certificate was refused"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
