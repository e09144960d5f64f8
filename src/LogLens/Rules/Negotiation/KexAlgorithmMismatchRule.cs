using LogLens.Findings;

namespace LogLens.Rules.Negotiation;

/// <summary><c>kex-algorithm-mismatch</c>: client and server share no key-exchange method.</summary>
internal sealed class KexAlgorithmMismatchRule() : Rule(new(RuleIds.KexAlgorithmMismatch, "kex-algorithm-mismatch", Severity.Error, Phase.Negotiation, "No common key-exchange algorithm"))
{
    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        if (context.HasCause || Algorithms.Find(session, Algorithms.Kex) is not { } mismatch)
        {
            return null;
        }

        var theirs = mismatch.Theirs;
        var note = theirs.Contains("diffie-hellman-group1-sha1") && theirs.Count(a => !a.StartsWith("ext-info", StringComparison.Ordinal)) <= 2
            ? " (diffie-hellman-group1-sha1 is a 1024-bit group, off by default since OpenSSH 7.0; the SHA-1 methods group14-sha1 and group-exchange-sha1 were dropped from the defaults later)"
            : " (the SHA-1 based diffie-hellman methods are off by default in current OpenSSH; diffie-hellman-group1-sha1 since 7.0)";
        var (message, fixes) = Algorithms.Explain(session, Algorithms.Kex, mismatch, note);
        return Report(message, mismatch.Evidence, fixes);
    }
}
