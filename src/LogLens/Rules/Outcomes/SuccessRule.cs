using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Outcomes;

/// <summary><c>success</c>: the connection and authentication succeeded.</summary>
internal sealed class SuccessRule() : Rule(new(RuleIds.Success, "success", Severity.Info, Phase.Outcome, "Connected and authenticated"))
{
    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        if (context.HasCause || !session.Authenticated)
        {
            return null;
        }

        var authenticated = (SshEvent?)session.Last<AuthenticatedTo>() ?? session.Last<AuthSucceeded>() ??
            (SshEvent?)session.First<EnteringInteractiveSession>() ?? session.First<ExitStatus>();
        var method = session.Last<AuthenticatedTo>()?.Method ?? session.Last<AuthSucceeded>()?.Method;
        var key = session.Last<ServerAcceptsKey>();
        var target = session.Target;
        var who = target?.User is { Length: > 0 } user ? $"{user}@{target.Host}" : target?.Host ?? "the server";
        var how = method is null ? string.Empty : $" with {method}";
        var which = key is not null && method == "publickey" && key.Path.Length > 0 ? $" (key {key.Path})" : string.Empty;
        return Report(
            $"ssh connected to {who}{how}{which} and the server accepted the login.",
            [session.Last<ServerAcceptsKey>(), authenticated],
            []);
    }
}
