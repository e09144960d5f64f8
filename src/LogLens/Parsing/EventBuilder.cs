using LogLens.Events;

namespace LogLens.Parsing;

/// <summary>From a physical line to its event(s): unwrap, parse, stamp the line facts, assign the session.</summary>
internal sealed class EventBuilder(TimeProvider? clock)
{
    private readonly SessionTracker sessions = new();

    /// <summary>The event of a line that carries one ssh line (nearly all), or <see langword="null"/> when it carries several.</summary>
    public SshEvent? TryBuildOne(RawLine line)
    {
        if (LineUnwrapper.HasEscapedLines(line.Text))
        {
            return null;
        }

        // As in Build: a time written in the line wins over the clock.
        var stamp = LineUnwrapper.TryReadTimestamp(line.Text, out var written) ? written : clock?.GetUtcNow();
        return Finish(EventParser.Parse(LineUnwrapper.Strip(line.Text)), line, stamp);
    }

    public IEnumerable<SshEvent> Build(RawLine line)
    {
        // A time written in the line (VS Code, CI logs) is the real one; the clock only knows when we read it.
        var stamp = LineUnwrapper.TryReadTimestamp(line.Text, out var written) ? written : clock?.GetUtcNow();
        if (!LineUnwrapper.HasEscapedLines(line.Text))
        {
            yield return Finish(EventParser.Parse(LineUnwrapper.Strip(line.Text)), line, stamp);
            yield break;
        }

        foreach (var part in LineUnwrapper.SplitEscaped(line.Text))
        {
            // Each part stands for itself: repeating the whole carrying line in every part's Raw would multiply it.
            yield return Finish(EventParser.Parse(part), line with { Text = part }, stamp);
        }
    }

    private SshEvent Finish(SshEvent e, RawLine line, DateTimeOffset? stamp)
    {
        e.Line = line.Number;
        e.Raw = line.Text;
        e.Truncated = line.Truncated;
        e.Timestamp = stamp;
        sessions.Assign(e);
        return e;
    }
}
