namespace LogLens.Events;

/// <summary>The debug level an ssh line was printed at (<c>debug1:</c> to <c>debug3:</c>).</summary>
public enum DebugLevel
{
    /// <summary>Printed with <c>-v</c> and up.</summary>
    Debug1 = 1,

    /// <summary>Printed with <c>-vv</c> and up.</summary>
    Debug2 = 2,

    /// <summary>Printed with <c>-vvv</c>.</summary>
    Debug3 = 3,
}

/// <summary>
/// One line of ssh output, read and typed. Every input line yields exactly one event; derived
/// records carry the fields of the message they stand for.
/// </summary>
public abstract record SshEvent
{
    private int messageStart;

    /// <summary>The 1-based number of the input line this event was read from.</summary>
    public int Line { get; internal set; }

    /// <summary>The input line exactly as read (without its line break).</summary>
    public string Raw { get; internal set; } = string.Empty;

    /// <summary>The debug level, or <see langword="null"/> for lines printed without one (verbose, info, error, fatal, or not from ssh).</summary>
    public DebugLevel? Level { get; internal set; }

    /// <summary>The function-name prefix (e.g. <c>load_hostkeys</c>), or <see langword="null"/> when the line has none.</summary>
    public string? Function { get; internal set; }

    /// <summary>The index of the ssh invocation (session) this line belongs to, from 0.</summary>
    public int Session { get; internal set; }

    /// <summary>For a ProxyJump/ProxyCommand hop, the session that started it; otherwise <see langword="null"/>.</summary>
    public int? ParentSession { get; internal set; }

    /// <summary>Whether the input line was longer than the reader's limit and was cut.</summary>
    public bool Truncated { get; internal set; }

    /// <summary>The time the line arrived, when the reader was given a clock (live mode).</summary>
    public DateTimeOffset? Timestamp { get; internal set; }

    /// <summary>The line without the wrappers a paste adds (quoting, VS Code or timestamp prefixes, a glued prompt).</summary>
    public string Content { get; private set; } = string.Empty;

    /// <summary>The message text: the content after the level and the function prefix.</summary>
    public string Message => messageStart == 0 ? Content : Content[messageStart..];

    internal void SetContent(string content, int start)
    {
        Content = content;
        messageStart = start;
    }
}

/// <summary>A line shaped like ssh output (a debug level or a function prefix) whose message LogLens does not know.</summary>
public sealed record UnknownMessage : SshEvent;

/// <summary>A line that is not ssh output: remote shell output, other programs' lines, blank lines.</summary>
public sealed record Text : SshEvent;
