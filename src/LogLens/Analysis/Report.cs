using LogLens.Findings;

namespace LogLens.Analysis;

/// <summary>The diagnosis of one ssh invocation in the log.</summary>
/// <param name="Index">The session's index in the log, from 0.</param>
/// <param name="Parent">For a ProxyJump/ProxyCommand hop, the session that started it.</param>
/// <param name="Outcome">Succeeded, failed or inconclusive.</param>
/// <param name="Phase">The furthest phase the connection entered.</param>
/// <param name="Client">The client version, when printed.</param>
/// <param name="Server">The server software, when printed.</param>
/// <param name="Target">Where the connection was going.</param>
/// <param name="Findings">The findings, root cause first.</param>
/// <param name="Summary">One sentence saying what happened (or what is missing from the log).</param>
/// <param name="FirstLine">The first input line of the session.</param>
/// <param name="LastLine">The last input line of the session.</param>
/// <param name="Timings">How long each phase took, when the lines carry times; empty otherwise.</param>
public sealed record SessionReport(
    int Index,
    int? Parent,
    Outcome Outcome,
    Phase Phase,
    string? Client,
    string? Server,
    Target? Target,
    IReadOnlyList<Finding> Findings,
    string Summary,
    int FirstLine,
    int LastLine,
    IReadOnlyList<PhaseTiming> Timings)
{
    /// <summary>Who connected to whom, as far as the log tells: what a client session and sshd's record of it have in common.</summary>
    public ConnectionInfo? Connection { get; init; }
}

/// <summary>
/// The diagnosis of a whole input: the outcome, phase and findings of its main session (the last one that
/// reached a verdict), and every session on its own.
/// </summary>
/// <param name="Source">The input's name (a path, or <c>-</c> for standard input).</param>
/// <param name="Outcome">Succeeded, failed or inconclusive.</param>
/// <param name="Phase">The furthest phase the main session entered.</param>
/// <param name="Client">The client version, when printed.</param>
/// <param name="Server">The server software, when printed.</param>
/// <param name="Target">Where the main session was going.</param>
/// <param name="Findings">The main session's findings, root cause first.</param>
/// <param name="Sessions">Every session in the input, in order.</param>
/// <param name="Summary">One sentence saying what happened (or what is missing).</param>
public sealed record Report(
    string Source,
    Outcome Outcome,
    Phase Phase,
    string? Client,
    string? Server,
    Target? Target,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<SessionReport> Sessions,
    string Summary)
{
    /// <summary>The session the top-level fields describe, or <see langword="null"/> when the input holds no ssh output.</summary>
    public SessionReport? Main { get; init; }

    /// <summary>Whose log this is: the ssh client's output, or sshd's log (detected from the lines).</summary>
    public LogKind Kind { get; init; }

    /// <summary>When the client's report was joined with sshd's log: which record of the server it was matched with, and how surely.</summary>
    public JoinInfo? Join { get; init; }

    /// <summary>
    /// Where ssh stood when its output was stopped before it ended on its own (<see cref="LiveAnalysis.Finish(DateTimeOffset)"/>), or
    /// <see langword="null"/> when the output ended, or was a whole log.
    /// </summary>
    public StopInfo? Stopped { get; init; }
}

/// <summary>
/// The facts of one connection that both ends can log, used to match a client session with sshd's record of it.
/// </summary>
/// <param name="ClientAddress">The client's address, when logged (sshd logs it; ssh does not).</param>
/// <param name="ClientPort">The client's source port, when logged (sshd logs it; ssh does not).</param>
/// <param name="ServerAddress">The server address connected to.</param>
/// <param name="ServerPort">The server port connected to.</param>
/// <param name="User">The user name asked for.</param>
/// <param name="ClientSoftware">The client's version (<c>OpenSSH_9.2p1 Debian-2+deb12u3</c>), when logged.</param>
/// <param name="Fingerprints">The fingerprints (<c>SHA256:...</c>) of the keys the client offered (client) or the server judged (server).</param>
/// <param name="Start">The time of the first line, when the log has times.</param>
/// <param name="End">The time of the last line, when the log has times.</param>
public sealed record ConnectionInfo(
    string? ClientAddress,
    int? ClientPort,
    string? ServerAddress,
    int? ServerPort,
    string? User,
    string? ClientSoftware,
    IReadOnlyList<string> Fingerprints,
    DateTimeOffset? Start,
    DateTimeOffset? End)
{
    /// <summary>For a server record: whether it is background noise (a scanner, a brute-force run) rather than a connection someone asks about.</summary>
    public bool Noise { get; init; }
}

/// <summary>How a client's session was matched with sshd's record of it.</summary>
/// <param name="ServerSource">The server log's name.</param>
/// <param name="ServerSession">The index of the matched record in the server's report, or <see langword="null"/> when none matched.</param>
/// <param name="Confidence">How sure the match is.</param>
/// <param name="MatchedOn">What both logs agree on (<c>port</c>, <c>user</c>, <c>key fingerprint</c>, <c>client version</c>, <c>time</c>).</param>
public sealed record JoinInfo(string ServerSource, int? ServerSession, Confidence Confidence, IReadOnlyList<string> MatchedOn);
