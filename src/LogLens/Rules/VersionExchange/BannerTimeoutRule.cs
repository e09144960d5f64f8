using LogLens.Findings;

namespace LogLens.Rules.VersionExchange;

/// <summary><c>banner-timeout</c>: no ssh banner arrived in time.</summary>
internal sealed class BannerTimeoutRule() : Rule(new(RuleIds.BannerTimeout, "banner-timeout", Severity.Error, Phase.VersionExchange, "No SSH banner arrived in time"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
