using LogLens.Findings;

namespace LogLens.Rules.VersionExchange;

/// <summary><c>exchange-identification-reset</c>: the server reset the connection before its banner.</summary>
internal sealed class ExchangeIdentificationResetRule() : Rule(new(RuleIds.ExchangeIdentificationReset, "exchange-identification-reset", Severity.Error, Phase.VersionExchange, "The server reset the connection before its banner"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
