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
    IReadOnlyList<PhaseTiming> Timings);

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
}
