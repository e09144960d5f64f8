using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Analysis;

/// <summary>Where ssh was when its output stopped before it ended on its own (it was killed at a timeout, or interrupted).</summary>
/// <param name="At">When the output was stopped.</param>
/// <param name="Phase">The furthest phase the last session had entered.</param>
/// <param name="Line">The last line read.</param>
/// <param name="Silence">How long ssh had printed nothing, when the lines carry times.</param>
/// <param name="WaitingFor">What ssh was waiting for after its last line (e.g. <c>the server's KEX reply (SSH2_MSG_KEX_ECDH_REPLY)</c>), or <see langword="null"/> when the log does not show it waited.</param>
/// <param name="WaitingForUser">Whether that wait was for the person at the terminal (a prompt, the session), not for the network.</param>
public sealed record StopInfo(DateTimeOffset At, Phase Phase, int Line, TimeSpan? Silence, string? WaitingFor, bool WaitingForUser);

/// <summary>ssh entered a phase: what <see cref="LiveAnalysis.PhaseChanged"/> reports.</summary>
public sealed class PhaseChangedEventArgs : EventArgs
{
    internal PhaseChangedEventArgs(Phase previous, Phase phase, SshEvent e)
    {
        Previous = previous;
        Phase = phase;
        Event = e;
    }

    /// <summary>The phase the session was in before (<see cref="Phase.Local"/>, its setup, for a session's first change).</summary>
    public Phase Previous { get; }

    /// <summary>The phase entered.</summary>
    public Phase Phase { get; }

    /// <summary>The line whose event shows it.</summary>
    public SshEvent Event { get; }

    /// <summary>The session (ssh invocation) that entered it; a ProxyJump hop has its own, with <see cref="SshEvent.ParentSession"/>.</summary>
    public int Session => Event.Session;

    /// <summary>The line number.</summary>
    public int Line => Event.Line;

    /// <summary>When the line arrived.</summary>
    public DateTimeOffset? At => Event.Timestamp;
}
