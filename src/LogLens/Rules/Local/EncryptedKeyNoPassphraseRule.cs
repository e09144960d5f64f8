using LogLens.Findings;

namespace LogLens.Rules.Local;

/// <summary><c>encrypted-key-no-passphrase</c>: the key's passphrase could not be asked.</summary>
internal sealed class EncryptedKeyNoPassphraseRule() : Rule(new(RuleIds.EncryptedKeyNoPassphrase, "encrypted-key-no-passphrase", Severity.Error, Phase.Local, "The key's passphrase could not be asked"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
