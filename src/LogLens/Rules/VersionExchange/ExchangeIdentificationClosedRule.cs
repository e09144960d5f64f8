using LogLens.Findings;

namespace LogLens.Rules.VersionExchange;

/// <summary><c>exchange-identification-closed</c>: the server closed the connection before its banner.</summary>
internal sealed class ExchangeIdentificationClosedRule() : Rule(new(RuleIds.ExchangeIdentificationClosed, "exchange-identification-closed", Severity.Error, Phase.VersionExchange, "The server closed the connection before its banner"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
