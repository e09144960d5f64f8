using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Authentication;

/// <summary><c>too-many-auth-failures</c>: the server hung up after too many failed attempts, usually keys from the agent.</summary>
internal sealed class TooManyAuthFailuresRule() : Rule(new(RuleIds.TooManyAuthFailures, "too-many-auth-failures", Severity.Error, Phase.Authentication, "The server disconnected after too many authentication attempts"))
{
    private const string TooMany = "Too many authentication failures";

    /// <summary>Whether a line ssh's grammar does not know says the server gave up.</summary>
    private static bool Says(SshEvent e) => e.Message.Contains(TooMany, StringComparison.OrdinalIgnoreCase);

    public override Finding? Evaluate(RuleContext context)
    {
        var session = context.Session;
        if (context.HasCause)
        {
            return null;
        }

        SshEvent? disconnect = session.All<ReceivedDisconnect>().LastOrDefault(d => d.Reason.Contains(TooMany, StringComparison.OrdinalIgnoreCase));
        disconnect ??= session.All<Disconnected>().LastOrDefault(d => d.Detail.Contains(TooMany, StringComparison.OrdinalIgnoreCase));
        if (disconnect is null && (session.All<UnknownMessage>().Any(Says) || session.All<Text>().Any(Says)))
        {
            // Only when the type index shows such a line: the last of either type, in the log's order.
            disconnect = session.Events.LastOrDefault(e => e is UnknownMessage or Text && Says(e));
        }

        if (disconnect is null)
        {
            return null;
        }

        var offers = AuthFacts.Offers(session);
        var fromAgent = offers.Count(o => o.Source == "agent");
        var planned = session.All<WillAttemptKey>().Where(w => w.KeyType is not null || w.FromAgent).ToList();
        var passwords = session.All<PasswordRetry>().Count();
        var user = AuthFacts.User(session);
        var count = offers.Count switch
        {
            0 => "The log does not show the keys that were offered (run ssh with -v to see them)",
            1 => "ssh offered 1 key before the server gave up",
            _ => $"ssh offered {offers.Count} keys before the server gave up",
        };
        var agent = fromAgent > 0 ? $" ({fromAgent} of them from ssh-agent)" : string.Empty;
        var pending = planned.Count > offers.Count ? $", and had {planned.Count} on its list" : string.Empty;
        MessageText message =
            $"sshd allows a limited number of authentication attempts per connection (MaxAuthTries, 6 by default) and closed the connection when they were used up. " +
            $"{count}{agent}{pending}{(offers.Count is > 0 and < 6 ? $"; giving up after only {offers.Count} means the server's MaxAuthTries is set lower than the default (failed none/GSSAPI attempts count too)" : string.Empty)}. Each key ssh offers counts as one failure unless the server accepts it, so an agent (or a ~/.ssh full of keys) " +
            $"that tries several wrong keys first uses up the attempts before the right key, or a password, gets its turn. " +
            $"It does not mean anyone is attacking you, and the right key may well be authorized: it never got offered." +
            $"{(passwords > 0 ? $" {passwords} password attempt(s) were also refused." : string.Empty)}" +
            $"{(offers.Count > 0 ? $" Keys offered: {string.Join("; ", offers.Select(o => o.Describe()))}." : string.Empty)}";

        var explicitKey = offers.FirstOrDefault(o => o.Source == "explicit" && o.IsFile)?.Path ?? planned.FirstOrDefault(w => w.Explicit)?.Path;
        var key = explicitKey is null ? "~/.ssh/KEY" : Shell(explicitKey.EndsWith(".pub", StringComparison.Ordinal) ? explicitKey[..^4] : explicitKey);
        var host = session.Target?.Host ?? "HOST";
        var fixes = new List<Fix>
        {
            new("Offer only the key that is authorized for this server", $"ssh -o IdentitiesOnly=yes -i {key} {Destination(session)}"),
            new($"Make it permanent in ~/.ssh/config: Host {host} / IdentityFile {key} / IdentitiesOnly yes{(user is null ? string.Empty : $" / User {user}")}"),
        };
        if (fromAgent > 0)
        {
            // One key at a time, named: ssh-add -D would wipe every key the agent holds, including the ones other hosts need.
            var agentKey = offers.FirstOrDefault(o => o.Source == "agent" && o.Path.Length > 0 && (o.Path.Contains('/', StringComparison.Ordinal) || o.Path.Contains('\\', StringComparison.Ordinal)))?.Path;
            fixes.Add(new Fix("See which keys the agent holds", "ssh-add -l"));
            fixes.Add(new Fix("Remove from the agent a key this server does not need (only that key; the file stays)",
                $"ssh-add -d {(agentKey is null ? "~/.ssh/KEY" : Shell(agentKey.EndsWith(".pub", StringComparison.Ordinal) ? agentKey[..^4] : agentKey))}"));
        }

        if (AuthFacts.PasswordAllowed(session) != false)
        {
            fixes.Add(new Fix("For a password login, skip the keys", $"ssh -o PubkeyAuthentication=no {Destination(session)}"));
        }

        fixes.Add(Fix.InConfig("Or, on the server, allow more attempts, then reload sshd", "/etc/ssh/sshd_config", "MaxAuthTries 10"));
        return Report(message, [AuthFacts.UserEvidence(session), .. offers.Select(o => o.Offer), disconnect], fixes);
    }
}
