using LogLens.Findings;

namespace LogLens.Rules.Negotiation;

/// <summary><c>cipher-mismatch</c>: client and server share no cipher.</summary>
internal sealed class CipherMismatchRule() : Rule(new(RuleIds.CipherMismatch, "cipher-mismatch", Severity.Error, Phase.Negotiation, "No common cipher"))
{
    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        if (context.HasCause || Algorithms.Find(session, Algorithms.Cipher) is not { } mismatch)
        {
            return null;
        }

        var (message, fixes) = Algorithms.Explain(session, Algorithms.Cipher, mismatch, " (the CBC, 3DES and arcfour ciphers were removed from the default list years ago)");
        return Report(message, mismatch.Evidence, fixes);
    }
}
