using LogLens.Events;

namespace LogLens.Parsing;

/// <summary>From a physical line to its event(s): unwrap, parse, stamp the line facts, assign the session.</summary>
internal sealed class EventBuilder(TimeProvider? clock)
{
    private readonly SessionTracker sessions = new();

    public IEnumerable<SshEvent> Build(RawLine line)
    {
        var stamp = clock?.GetUtcNow();
        var content = LineUnwrapper.Strip(line.Text);
        if (!LineUnwrapper.HasEscapedLines(content))
        {
            yield return Finish(EventParser.Parse(content), line, stamp);
            yield break;
        }

        foreach (var part in LineUnwrapper.SplitEscaped(content))
        {
            yield return Finish(EventParser.Parse(part), line, stamp);
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
