using LogLens.Findings;

namespace LogLens.Rules.HostKeys;

/// <summary><c>host-key-verification-failed</c>: host key verification failed.</summary>
internal sealed class HostKeyVerificationFailedRule() : Rule(new(RuleIds.HostKeyVerificationFailed, "host-key-verification-failed", Severity.Error, Phase.HostKey, "Host key verification failed"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
