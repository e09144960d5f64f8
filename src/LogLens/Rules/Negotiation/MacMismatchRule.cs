using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Negotiation;

/// <summary><c>mac-mismatch</c>: client and server share no message authentication code.</summary>
internal sealed class MacMismatchRule() : Rule(new(RuleIds.MacMismatch, "mac-mismatch", Severity.Error, Phase.Negotiation, "No common MAC"))
{
    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        if (context.HasCause || Algorithms.Find(session, Algorithms.Mac) is not { } mismatch)
        {
            return null;
        }

        var (message, fixes) = Algorithms.Explain(session, Algorithms.Mac, mismatch, " (hmac-md5, hmac-sha1-96 and hmac-ripemd160 are no longer enabled by default)");
        var cipher = session.Last<KexCipherChosen>()?.Cipher;
        message += $" A MAC is only negotiated for ciphers without built-in integrity (CBC and CTR modes): with an AEAD cipher such as " +
            $"chacha20-poly1305@openssh.com or aes256-gcm@openssh.com no MAC is needed at all" +
            $"{(cipher is null ? "." : $", and this connection was about to use {cipher}.")}";
        fixes.Add(new Fix("Or use an AEAD cipher, which needs no MAC (if the server offers it)", $"ssh -c chacha20-poly1305@openssh.com {Algorithms.Destination(session, mismatch)}"));
        return Report(message, mismatch.Evidence, fixes);
    }
}
