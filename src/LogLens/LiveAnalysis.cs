using LogLens.Analysis;
using LogLens.Events;
using LogLens.Findings;
using LogLens.Parsing;

namespace LogLens;

/// <summary>
/// Analyses ssh's output while ssh runs, for a progress display: push each line as it arrives; <see cref="PhaseChanged"/> fires as
/// soon as a line shows ssh entered a phase; <see cref="Phase"/>, <see cref="WaitingFor"/> and <see cref="LastLineAt"/> say where ssh
/// is and what it waits for. <see cref="Finish()"/> gives the report when the output ended; <see cref="Finish(DateTimeOffset)"/> when
/// it was stopped at a given time (ssh killed at a timeout), with <see cref="Report.Stopped"/> saying where ssh stood. Lines are read
/// as ssh writes them: a live stream is never wrapped by a terminal, so wrapped lines are not joined (read pastes with
/// <see cref="SshLog.Analyze(string, string)"/>). Memory stays flat (see <see cref="LogAnalyzer"/>). Not thread-safe: push from one
/// thread, or lock around it.
/// </summary>
public sealed class LiveAnalysis
{
    private readonly string source;
    private readonly EventBuilder builder;
    private readonly PastePrefix prefixes = new();
    private readonly LogAnalyzer analyzer = new();
    private readonly Dictionary<int, Phase> reached = [];
    private Wait waiting = Wait.Nothing;
    private int currentTop = -1;
    private bool finished;

    /// <summary>An analysis of one live input.</summary>
    /// <param name="source">The input's name, for the report.</param>
    /// <param name="clock">Stamps each line with its arrival (phase durations, silences); <see cref="TimeProvider.System"/> when null.</param>
    public LiveAnalysis(string source = "-", TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        this.source = source;
        Clock = clock ?? TimeProvider.System;
        builder = new EventBuilder(Clock);
    }

    /// <summary>Fires, on the pushing thread, when a line shows a session entered a phase further than any before.</summary>
    public event EventHandler<PhaseChangedEventArgs>? PhaseChanged;

    /// <summary>The clock that stamps the lines.</summary>
    public TimeProvider Clock { get; }

    /// <summary>The furthest phase the latest session has entered (<see cref="Findings.Phase.Local"/> before any).</summary>
    public Phase Phase { get; private set; } = Phase.Local;

    /// <summary>The number of lines read.</summary>
    public int Lines { get; private set; }

    /// <summary>The latest event read, or <see langword="null"/> before the first line.</summary>
    public SshEvent? LastEvent { get; private set; }

    /// <summary>When the latest line arrived.</summary>
    public DateTimeOffset? LastLineAt => LastEvent?.Timestamp;

    /// <summary>What ssh waits for after its latest line (the server's banner, your password, ...), or <see langword="null"/> when nothing the log shows.</summary>
    public string? WaitingFor => waiting.Kind == WaitKind.None ? null : waiting.What;

    /// <summary>Whether ssh waits for the person at the terminal (a prompt, the interactive session) rather than for the network.</summary>
    public bool WaitingForUser => waiting.Kind == WaitKind.User;

    /// <summary>Reads the next line of ssh's output (its line end may be left on; text holding several lines is read line by line).</summary>
    /// <param name="line">The line.</param>
    /// <returns>The line's events (one per line; a line holding escaped line breaks gives one per part).</returns>
    /// <exception cref="InvalidOperationException">The analysis is finished.</exception>
    public IReadOnlyList<SshEvent> Push(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (finished)
        {
            throw new InvalidOperationException("the live analysis is finished");
        }

        var events = new List<SshEvent>(1);
        var parts = line.Split('\n');
        foreach (var part in parts.Length > 1 && parts[^1].Length == 0 ? parts[..^1] : parts)
        {
            Lines++;
            var text = part.EndsWith('\r') ? part[..^1] : part;
            var truncated = text.Length > LineReader.MaxLineLength;
            var kept = truncated ? text[..LineReader.MaxLineLength] : text;
            var raw = new RawLine(Lines, kept, truncated, Prefix: prefixes.Of(kept));
            if (LineUnwrapper.HasEscapedLines(raw.Text))
            {
                events.AddRange(builder.PushEscaped(raw));
            }
            else
            {
                // Released at once: ssh's own output is never wrapped, and the caller wants the phase now, not a line later.
                builder.Push(raw);
                events.Add(builder.Release()!);
            }
        }

        foreach (var e in events)
        {
            Observe(e);
        }

        return events;
    }

    /// <summary>The output ended (ssh exited): the report.</summary>
    /// <returns>The report.</returns>
    public Report Finish()
    {
        finished = true;
        return analyzer.Complete(source);
    }

    /// <summary>
    /// The output was stopped at <paramref name="stoppedAt"/> before it ended on its own (ssh killed at a timeout, or interrupted):
    /// the report, with <see cref="Report.Stopped"/> saying which phase ssh was in and what it had been waiting for, for how long.
    /// </summary>
    /// <param name="stoppedAt">When it was stopped.</param>
    /// <returns>The report.</returns>
    public Report Finish(DateTimeOffset stoppedAt)
    {
        var silence = LastLineAt is { } last && stoppedAt >= last ? stoppedAt - last : (TimeSpan?)null;
        var stop = new StopInfo(stoppedAt, Phase, Lines, silence, WaitingFor, WaitingForUser);
        return Finish() with { Stopped = stop };
    }

    private void Observe(SshEvent e)
    {
        analyzer.Add(e);
        LastEvent = e;
        waiting = Waits.After(e) ?? waiting;
        if (e.ParentSession is null && e.Session > currentTop)
        {
            // Only the current session and its hops are watched: memory stays flat over any number of sessions.
            reached.Clear();
            currentTop = e.Session;
        }

        var before = reached.GetValueOrDefault(e.Session, Phase.Local);
        if (!reached.ContainsKey(e.Session) && e is not Text)
        {
            // A new session (a retry, a ProxyJump hop) starts from the beginning.
            Phase = reached[e.Session] = Phase.Local;
        }

        if (PhaseTracker.Entered(e) is { } phase && phase > before)
        {
            Phase = reached[e.Session] = phase;
            PhaseChanged?.Invoke(this, new PhaseChangedEventArgs(before, phase, e));
        }
    }
}
