using LogLens.Findings;

namespace LogLens.Rules.Authentication;

/// <summary><c>account-expired</c>: the account or its password has expired.</summary>
internal sealed class AccountExpiredRule() : Rule(new(RuleIds.AccountExpired, "account-expired", Severity.Error, Phase.Authentication, "The account or its password has expired"))
{
    public override Finding? Evaluate(RuleContext context) => null;
}
