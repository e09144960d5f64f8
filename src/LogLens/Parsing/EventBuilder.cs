using LogLens.Events;

namespace LogLens.Parsing;

/// <summary>A line passed over without its event (see <see cref="EventBuilder.Push(RawLine, out SkippedLine?)"/>): its number and its session.</summary>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Session">The session its event would have had.</param>
/// <param name="ParentSession">That session's parent, for a hop.</param>
internal readonly record struct SkippedLine(int Line, int Session, int? ParentSession);

/// <summary>A line read ahead of the builder's state (see <see cref="EventBuilder.Prepare"/>).</summary>
/// <param name="Line">The line.</param>
/// <param name="Event">Its event, stamped with the line's facts; <see langword="null"/> when it may be passed over, or when it is a line of escaped line breaks.</param>
/// <param name="Skipped">The type its event would have had, when it may be passed over.</param>
/// <param name="HasLevel">Whether it has a debug level (for a line that may be passed over).</param>
internal readonly record struct PreparedLine(RawLine Line, SshEvent? Event, Type? Skipped, bool HasLevel)
{
    /// <summary>Whether the line carries escaped line breaks: not prepared, read with <see cref="EventBuilder.PushEscaped"/>.</summary>
    public bool Escaped => Event is null && Skipped is null;
}

/// <summary>
/// From physical lines to events: unwrap, parse, stamp the line facts, assign the session. Each event waits
/// one line before it is released, because a terminal may have wrapped it: when the next line is not ssh output
/// on its own but completes the held line into a message LogLens knows, the two are read as one (the first line
/// gets the joined message, the second a <see cref="WrappedContinuation"/>).
/// </summary>
internal sealed class EventBuilder(TimeProvider? clock)
{
    /// <summary>The narrowest usual terminal width: lines wrap at this many columns or more.</summary>
    private const int NarrowestWidth = 80;

    private readonly SessionTracker sessions = new();
    private SshEvent? held;

    /// <summary>
    /// The longest line so far: a terminal that wrapped the paste made no line longer than its width, and a paste
    /// that was not wrapped soon shows a long line (a key exchange proposal), which keeps ordinary lines from being joined.
    /// </summary>
    private int widest = NarrowestWidth;

    /// <summary>Reads a line that carries one ssh line (see <see cref="LineUnwrapper.HasEscapedLines(string)"/>); returns the event now released, if any.</summary>
    public SshEvent? Push(RawLine line) => Hold(Parse(EventParser.Parse(LineUnwrapper.Strip(line), line.Plain), line), line);

    /// <summary>Holds the line's event (<paramref name="e"/>, stamped with the line's facts); returns the event now released, if any.</summary>
    private SshEvent? Hold(SshEvent e, RawLine line)
    {
        widest = Math.Max(widest, line.Text.Length);
        if (held is null)
        {
            held = e;
            return null;
        }

        if (TryJoin(held, e, widest) is { } joined)
        {
            held = Stamped(new WrappedContinuation(joined.Line), e);
            return Finish(joined);
        }

        var ready = Finish(held);
        held = e;
        return ready;
    }

    /// <summary>
    /// The event types a consumer does not need as events (<see langword="null"/>: every line becomes one): <see cref="Push(RawLine, out SkippedLine?)"/>
    /// passes over a line that makes one of them, without building it.
    /// </summary>
    public Type[]? Skippable { get; init; }

    /// <summary>
    /// Reads a line like <see cref="Push(RawLine)"/>, but passes over it when its event would be of a <see cref="Skippable"/>
    /// type and would change nothing else: then the line only gets its session, as its event would have (<paramref name="skipped"/>),
    /// and the returned event (the held one, released) comes before it. A line is always read when it has a time (arrival or
    /// written: a consumer times the lines) or its session had one, when it is cut, or when it is long enough that the next
    /// line might complete it (see <see cref="TryJoin"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The line carries escaped line breaks (read it with <see cref="PushEscaped"/>).</exception>
    public SshEvent? Push(RawLine line, out SkippedLine? skipped) => Push(Prepare(line, widest), out skipped);

    /// <summary>
    /// The widest line up to <paramref name="line"/>, given the widest before it: what the builder's own measure becomes after reading
    /// it (a line of escaped line breaks does not count), so that lines can be prepared ahead (<see cref="Prepare"/>).
    /// </summary>
    public static int WidestAfter(int widestBefore, RawLine line) =>
        LineUnwrapper.HasEscapedLines(line) ? widestBefore : Math.Max(widestBefore, line.Text.Length);

    /// <summary>The widest line read so far, as <see cref="WidestAfter"/> measures it: what <see cref="Prepare"/> needs for the next line.</summary>
    public int Widest => widest;

    /// <summary>
    /// The half of <see cref="Push(RawLine, out SkippedLine?)"/> that depends on the line alone and on the widest line before it
    /// (<paramref name="widestBefore"/>, see <see cref="WidestAfter"/>): its event, or the type it would have when it may be passed over.
    /// It reads no state that pushing changes, so lines can be prepared on another thread, ahead of <see cref="Push(PreparedLine, out SkippedLine?)"/>.
    /// </summary>
    public PreparedLine Prepare(RawLine line, int widestBefore)
    {
        if (LineUnwrapper.HasEscapedLines(line))
        {
            return new PreparedLine(line, null, null, false);
        }

        var width = Math.Max(widestBefore, line.Text.Length);
        var skip = Skippable is not null && clock is null && !line.Truncated && line.Text.Length < width * 3 / 4 &&
            !LineUnwrapper.TryReadTimestamp(line.Text, out _)
            ? Skippable
            : null;
        var parsed = EventParser.Parse(LineUnwrapper.Strip(line), line.Plain, skip, out var type, out var hasLevel);
        return new PreparedLine(line, parsed is null ? null : Parse(parsed, line), type, hasLevel);
    }

    /// <summary>
    /// Reads a line prepared by <see cref="Prepare"/> with the widest line before it: the same as <see cref="Push(RawLine, out SkippedLine?)"/>
    /// with the line. A line of escaped line breaks is not prepared: read it with <see cref="PushEscaped"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The line carries escaped line breaks.</exception>
    public SshEvent? Push(PreparedLine prepared, out SkippedLine? skipped)
    {
        if (prepared.Escaped)
        {
            throw new ArgumentException("A line of escaped line breaks is read with PushEscaped.", nameof(prepared));
        }

        skipped = null;
        var line = prepared.Line;
        if (prepared.Event is { } parsed)
        {
            return Hold(parsed, line);
        }

        // What Push does with such an event: it is no Text, so the held event is released as it is; and it cannot be joined
        // with the next line (it is shorter than three quarters of the widest), so it is released at once.
        var released = Release();
        if (!sessions.TryAssignSkipped(prepared.Skipped!, prepared.HasLevel, out var session, out var parent))
        {
            // The session has timed lines: the event is built after all (and held, as Push holds it).
            Push(line);
            return released;
        }

        widest = Math.Max(widest, line.Text.Length);
        skipped = new SkippedLine(line.Number, session, parent);
        return released;
    }

    /// <summary>Reads a line that carries several ssh lines as escaped line breaks: the held event, then one event per part.</summary>
    public IEnumerable<SshEvent> PushEscaped(RawLine line)
    {
        if (Release() is { } ready)
        {
            yield return ready;
        }

        foreach (var part in LineUnwrapper.SplitEscaped(line.Text))
        {
            // Each part stands for itself: repeating the whole carrying line in every part's Raw would multiply it.
            yield return Finish(Parse(EventParser.Parse(part), line with { Text = part }));
        }
    }

    /// <summary>The held event, at the end of the input.</summary>
    public SshEvent? Release()
    {
        var ready = held is null ? null : Finish(held);
        held = null;
        return ready;
    }

    /// <summary>
    /// The held line and the next read as one, when the next is plain text, the held line reaches about as far as the
    /// widest line (a terminal cuts at its width, give or take a character that quoting or editing moved), and together
    /// they make a known message: a new one (the held line alone was no message), or the same one with its last field whole
    /// (which asks the held line to reach nearer the width, since any message followed by output would otherwise grow).
    /// </summary>
    private static SshEvent? TryJoin(SshEvent first, SshEvent next, int width)
    {
        if (next is not Text || next.Content.Length == 0 || first is WrappedContinuation || first.Truncated || next.Truncated ||
            first.Raw.Length < width * 3 / 4)
        {
            return null;
        }

        // A wrap at a space leaves the space at the start of the next line, which unwrapping took off: put it back.
        var space = (next.Raw.Length > 0 && next.Raw[0] == ' ') || first.Raw.EndsWith(' ') ? " " : string.Empty;
        var joined = EventParser.Parse(first.Content + space + next.Content);
        if (joined is UnknownMessage or Text || !(EventParser.IsGeneric(first) || (joined.GetType() == first.GetType() && first.Raw.Length >= width * 9 / 10)))
        {
            return null;
        }

        joined.Line = first.Line;
        joined.Raw = first.Raw;
        joined.Truncated = false;
        joined.Timestamp = first.Timestamp;
        return joined;
    }

    private SshEvent Parse(SshEvent e, RawLine line)
    {
        e.Line = line.Number;
        e.Raw = line.Text;
        e.Truncated = line.Truncated;

        // A time written in the line (VS Code, CI logs) is the real one; the clock only knows when we read it.
        e.Timestamp = LineUnwrapper.TryReadTimestamp(line.Text, out var written) ? written : clock?.GetUtcNow();
        return e;
    }

    private static SshEvent Stamped(SshEvent e, SshEvent from)
    {
        e.Line = from.Line;
        e.Raw = from.Raw;
        e.Truncated = from.Truncated;
        e.Timestamp = from.Timestamp;
        e.SetContent(from.Content, 0);
        return e;
    }

    private SshEvent Finish(SshEvent e)
    {
        sessions.Assign(e);
        return e;
    }
}
