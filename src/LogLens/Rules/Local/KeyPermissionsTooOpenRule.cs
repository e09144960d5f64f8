using LogLens.Findings;

namespace LogLens.Rules.Local;

/// <summary><c>key-permissions-too-open</c>: a private key is readable by others, so ssh ignored it.</summary>
internal sealed class KeyPermissionsTooOpenRule() : Rule(new(RuleIds.KeyPermissionsTooOpen, "key-permissions-too-open", Severity.Error, Phase.Local, "A private key is readable by others, so ssh ignored it"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
