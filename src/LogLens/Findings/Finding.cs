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

/// <summary>A log line that proves a finding.</summary>
/// <param name="Line">The 1-based line number in the input.</param>
/// <param name="Text">The line's text.</param>
public sealed record Evidence(int Line, string Text);

/// <summary>One way to fix what a finding describes.</summary>
/// <param name="Description">What to do, in words.</param>
/// <param name="Command">The command to run, with the log's own values, or <see langword="null"/> when there is none.</param>
public sealed record Fix(string Description, string? Command = null);

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
    /// <summary>How sure the finding is; <see cref="Confidence.Certain"/> unless the log stops before ssh said how it ended.</summary>
    public Confidence Confidence { get; init; }

    /// <summary>The rule's help page, relative to the repository root.</summary>
    public string Help => $"docs/rules/{Id}.md";
}
