using LogLens.Findings;

namespace LogLens.Rules.Authentication;

/// <summary><c>key-rejected</c>: the server refused every key offered.</summary>
internal sealed class KeyRejectedRule() : Rule(new(RuleIds.KeyRejected, "key-rejected", Severity.Error, Phase.Authentication, "The server refused every key offered"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
