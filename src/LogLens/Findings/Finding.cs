namespace LogLens.Findings;

/// <summary>How much a finding matters.</summary>
public enum Severity
{
    /// <summary>The connection failed because of this.</summary>
    Error,

    /// <summary>Worth fixing, but not what stopped the connection.</summary>
    Warning,

    /// <summary>For information (e.g. the connection succeeded).</summary>
    Info,
}

/// <summary>The phases of an ssh connection, in order, plus the local setup before it and the overall outcome.</summary>
public enum Phase
{
    /// <summary>The client's own setup: configuration files, keys, agent.</summary>
    Local,

    /// <summary>Resolving the host name.</summary>
    Resolve,

    /// <summary>Opening the TCP connection (or starting the proxy).</summary>
    Connect,

    /// <summary>Exchanging identification strings (banners).</summary>
    VersionExchange,

    /// <summary>Negotiating algorithms and running the key exchange.</summary>
    Negotiation,

    /// <summary>Checking the server's host key against known_hosts.</summary>
    HostKey,

    /// <summary>Authenticating the user.</summary>
    Authentication,

    /// <summary>The session after login: channels, commands, forwards.</summary>
    Session,

    /// <summary>The outcome as a whole.</summary>
    Outcome,

    /// <summary>sshd's own start, before it takes any connection (server logs only; outside the order of the others).</summary>
    Startup,
}

/// <summary>How a connection ended, as far as the log tells.</summary>
public enum Outcome
{
    /// <summary>The connection and authentication succeeded.</summary>
    Succeeded,

    /// <summary>The connection failed, and a finding says why.</summary>
    Failed,

    /// <summary>The log stops before anything decisive.</summary>
    Inconclusive,
}

/// <summary>How sure a finding is: whether the log states it, or only points to it.</summary>
public enum Confidence
{
    /// <summary>The log shows how the session ended and the finding explains it (e.g. "Host key verification failed." after a prompt ssh could not show).</summary>
    Certain,

    /// <summary>
    /// The log stops before ssh said how it ended (a cut paste, a hang): the finding is the most likely reading of where it
    /// stopped, and the message says what to capture to be sure.
    /// </summary>
    Likely,

    /// <summary>One more explanation worth checking, when the log cannot tell it apart from the likelier one.</summary>
    Possible,
}

/// <summary>Which log a line of evidence comes from.</summary>
public enum EvidenceSource
{
    /// <summary>The ssh client's output.</summary>
    Client,

    /// <summary>sshd's log on the server.</summary>
    Server,
}

/// <summary>A log line that proves a finding.</summary>
/// <param name="Line">The 1-based line number in the input (in the server's log for <see cref="EvidenceSource.Server"/>).</param>
/// <param name="Text">The line's text.</param>
public sealed record Evidence(int Line, string Text)
{
    /// <summary>The log the line comes from.</summary>
    public EvidenceSource Source { get; init; }
}

/// <summary>Where a fix is applied.</summary>
public enum FixLocation
{
    /// <summary>A command to run on the machine that ran ssh.</summary>
    Client,

    /// <summary>A command to run on the server (usually as root).</summary>
    Server,

    /// <summary>A line to put in a configuration file (<see cref="Fix.File"/>: <c>~/.ssh/config</c>, <c>/etc/ssh/sshd_config</c> ...).</summary>
    Config,
}

/// <summary>One way to fix what a finding describes.</summary>
/// <param name="Description">What to do, in words.</param>
/// <param name="Command">The command to run (or the configuration line), with the log's own values, or <see langword="null"/> when there is none.</param>
public sealed record Fix(string Description, string? Command = null)
{
    /// <summary>Where the command runs, or which kind of file the line goes into.</summary>
    public FixLocation Where { get; init; } = FixLocation.Client;

    /// <summary>For a <see cref="FixLocation.Config"/> fix: the file the line belongs in; otherwise <see langword="null"/>.</summary>
    public string? File { get; init; }

    /// <summary>Whether the command holds a placeholder (<c>HOST</c>, <c>USER</c>, <c>KEY</c> ...) the user must replace: the log did not show the value.</summary>
    public bool HasPlaceholder => Command is not null && Placeholders.In(Command);

    /// <summary>A command to run on the server.</summary>
    /// <param name="description">What to do.</param>
    /// <param name="command">The command.</param>
    /// <returns>The fix.</returns>
    public static Fix OnServer(string description, string? command = null) => new(description, command) { Where = FixLocation.Server };

    /// <summary>A line for a configuration file.</summary>
    /// <param name="description">What to do.</param>
    /// <param name="file">The file (<c>/etc/ssh/sshd_config</c>, <c>~/.ssh/config</c>).</param>
    /// <param name="line">The line.</param>
    /// <returns>The fix.</returns>
    public static Fix InConfig(string description, string file, string line) => new(description, line) { Where = FixLocation.Config, File = file };
}

/// <summary>The words that stand for a value the log did not show, in a fix's command.</summary>
public static class Placeholders
{
    /// <summary>Every placeholder a rule may put in a command.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "HOST", "USER", "PORT", "KEY", "FILE", "PATH_TO_KEY", "TARGET", "TARGET_HOST", "TARGET_PORT", "JUMP_HOST", "LOCAL_PORT",
        "OTHER_PORT", "REMOTE_PORT", "YOUR_IP", "IP_ADDRESS", "IFACE", "CA_KEY", "PID", "PROGRAM", "KEYFILE", "SERVER",
    };

    /// <summary>Whether a command holds a placeholder: one of <see cref="All"/> as a whole word.</summary>
    /// <param name="command">The command.</param>
    /// <returns><see langword="true"/> when the user must fill something in.</returns>
    public static bool In(string command)
    {
        var start = -1;
        for (var i = 0; i <= command.Length; i++)
        {
            var word = i < command.Length && (char.IsAsciiLetterUpper(command[i]) || command[i] == '_' || (start >= 0 && char.IsAsciiDigit(command[i])));
            if (word && start < 0)
            {
                start = i > 0 && (char.IsAsciiLetterOrDigit(command[i - 1]) || command[i - 1] is '$' or '-') ? -2 : i;
            }
            else if (!word && start != -1)
            {
                if (start >= 0 && (i == command.Length || !char.IsAsciiLetterLower(command[i])) && All.Contains(command[start..i]))
                {
                    return true;
                }

                start = -1;
            }
        }

        return false;
    }
}

/// <summary>
/// A diagnosis: what went wrong (or right), in the user's terms, with the lines that prove it and the
/// commands that fix it. Plain data: rendering belongs to the writers.
/// </summary>
/// <param name="Id">The stable rule ID (e.g. <c>LL1002</c>).</param>
/// <param name="Slug">The stable slug (e.g. <c>connection-refused</c>).</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="Phase">The phase it belongs to.</param>
/// <param name="Title">A one-line title.</param>
/// <param name="Message">The explanation, with the log's own values.</param>
/// <param name="Evidence">The log lines that prove it.</param>
/// <param name="Fixes">Concrete fixes, most likely first.</param>
public sealed record Finding(
    string Id,
    string Slug,
    Severity Severity,
    Phase Phase,
    string Title,
    string Message,
    IReadOnlyList<Evidence> Evidence,
    IReadOnlyList<Fix> Fixes)
{
    // The explanation as its pieces, joined when read (see MessageText): as one string it was a third of a kept report.
    private readonly MessageText message = new(Message);

    /// <summary>A rule's finding, its explanation joined only when read.</summary>
    internal Finding(string id, string slug, Severity severity, Phase phase, string title, MessageText message, IReadOnlyList<Evidence> evidence, IReadOnlyList<Fix> fixes)
        : this(id, slug, severity, phase, title, string.Empty, evidence, fixes) => this.message = message;

    /// <summary>The explanation as it is kept: in pieces (see <see cref="MessageText"/>).</summary>
    internal MessageText MessageText => message;

    /// <summary>The explanation, with the log's own values.</summary>
    public string Message
    {
        get => message.ToString();
        init => message = new(value);
    }

    /// <summary>How sure the finding is; <see cref="Confidence.Certain"/> unless the log stops before ssh said how it ended.</summary>
    public Confidence Confidence { get; init; }

    /// <summary>The rule's help page, relative to the repository root.</summary>
    public string Help => $"docs/rules/{Id}.md";

    /// <summary>The rule's help page on the web, a stable URL (see <see cref="Rules.RuleDescriptor.HelpPage"/> for its text).</summary>
    public Uri HelpUri => Rules.HelpPages.Uri(Id);
}
