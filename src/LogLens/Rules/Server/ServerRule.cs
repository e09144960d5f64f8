using LogLens.Analysis;
using LogLens.Findings;

namespace LogLens.Rules.Server;

/// <summary>What a server rule sees: one record of sshd's log, and the findings of the rules that ran before it.</summary>
internal sealed class ServerRuleContext(ServerConnection connection, IReadOnlyList<Finding> earlier)
{
    public ServerConnection Connection { get; } = connection;

    public IReadOnlyList<Finding> Earlier { get; } = earlier;

    /// <summary>Whether an earlier rule already reported an error (a root cause).</summary>
    public bool HasCause => Earlier.Any(f => f.Severity == Severity.Error);
}

/// <summary>One server finding's rule: looks at one record of sshd's log and reports at most one finding.</summary>
internal abstract class ServerRule(RuleDescriptor descriptor) : FindingRule(descriptor)
{
    public abstract Finding? Evaluate(ServerRuleContext context);

    /// <summary>"for USER from ADDRESS": who the record is about, in words.</summary>
    protected static string Who(ServerConnection c)
    {
        var user = c.User is { Length: > 0 } u ? $"'{u}'" : "the user";
        return c.ClientAddress is { } a ? $"{user} from {a}" : user;
    }

    /// <summary>The user for a command, or the placeholder.</summary>
    protected static string UserOf(ServerConnection c) => c.User is { Length: > 0 } u ? Shell(u) : "USER";

    /// <summary>Where sshd's configuration lives, for config fixes.</summary>
    protected const string SshdConfig = "/etc/ssh/sshd_config";

    /// <summary>Checks the configuration, then starts sshd again (for an sshd that is not running, which a reload cannot reach).</summary>
    protected static Fix Restart(string description) => Fix.OnServer(description, "sshd -t && systemctl restart ssh");

    /// <summary>Checks the configuration, then reloads sshd (Debian/Ubuntu name the unit <c>ssh</c>, RHEL/Fedora <c>sshd</c>).</summary>
    protected static Fix Reload() =>
        Fix.OnServer("Check the configuration, then reload sshd (the unit is 'ssh' on Debian/Ubuntu, 'sshd' on RHEL/Fedora)", "sshd -t && systemctl reload ssh");
}
