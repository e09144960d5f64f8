using LogLens.Events;

namespace LogLens.Parsing;

/// <summary>
/// Learns the prefix that a program or a paste put in front of every line of ssh's output when no rule of <see cref="LineUnwrapper"/>
/// knows it: Docker BuildKit's <c>#12 0.345 </c>, docker compose's <c>tunnel-1  | </c>, Packer's <c>    amazon-ebs: </c>, Jenkins'
/// timestamps <c>10:22:33  </c>, pdsh's <c>web1: </c>, a Markdown list's <c>* </c>. Some lines show where ssh's own text starts, and what
/// stands in front of it there is the paste's:
/// <list type="bullet">
/// <item>a debug line (<c>debugN: </c>); two of them must show a prefix of the same shape (digit runs and runs of blanks may differ);</item>
/// <item>ssh's first line (<c>OpenSSH_9.6p1, ...</c>), sure on its own;</item>
/// <item>in the first lines of a log whose debug lines (if any) carry no prefix, a line that is no message of ssh's but holds one after its
/// first words (<c>#12 0.512 Host key verification failed.</c> from <c>docker build</c>, where ssh ran without <c>-v</c>), sure on its own.</item>
/// </list>
/// Each later line that starts with a learned shape has it taken off, also the lines that do not say <c>debug</c> (<c>Host key verification
/// failed.</c>, <c>Permission denied ...</c>), which hold most causes. Lines must come in order; a debug line is left to
/// <see cref="LineUnwrapper"/>, which finds its level itself. The evidence of a finding still quotes the line as it was pasted.
/// </summary>
internal sealed class PastePrefix
{
    /// <summary>The longest prefix learned: a program's tag and a time, not a sentence.</summary>
    internal const int MaxLength = 80;

    /// <summary>How many shapes are kept (a paste of several programs' output, or several hosts).</summary>
    private const int MaxShapes = 4;

    /// <summary>What stands for a run of digits in a shape.</summary>
    private const char Digits = '0';

    /// <summary>What stands for a run of blanks in a shape.</summary>
    private const char Blanks = ' ';

    /// <summary>
    /// How many first lines of a log may show a prefix by a message of ssh's after it (see <see cref="MessageAt"/>): a log without debug
    /// lines is short, and the search parses a line once for each word of its start.
    /// </summary>
    private const int MessageLines = 64;

    /// <summary>How many words at a line's start may be a prefix in front of a message of ssh's.</summary>
    private const int MessageWords = 6;

    private static readonly string[] Levels = ["debug1: ", "debug2: ", "debug3: "];

    /// <summary>The shapes learned, most recently first.</summary>
    private readonly List<string> shapes = [];

    /// <summary>A shape seen once.</summary>
    private string? pending;

    /// <summary>Whether ssh's lines showed without a prefix (a line starts with <c>debug</c>): then no line is parsed to find one.</summary>
    private bool bare;

    /// <summary>How many lines were read.</summary>
    private int lines;

    /// <summary>How many characters of <paramref name="text"/> are the paste's prefix, in front of ssh's text; 0 when none is known.</summary>
    /// <param name="text">The next line.</param>
    /// <returns>The prefix's length.</returns>
    public int Of(string text)
    {
        lines++;
        if (text.Length == 0 || text.StartsWith("debug", StringComparison.Ordinal))
        {
            // ssh's own line, as most are
            bare |= text.Length > 0;
            return 0;
        }

        var window = text.AsSpan(0, Math.Min(text.Length, MaxLength + 8));
        if (DebugLevelAt(window) is > 0 and var level)
        {
            Learn(window[..level], sure: false);
            return 0;
        }

        if (VersionAt(window) is > 0 and var version)
        {
            // ssh's first line is sure enough on its own
            Learn(window[..version], sure: true);
            return version;
        }

        foreach (var shape in shapes)
        {
            if (Match(shape, text) is > 0 and var length)
            {
                return length;
            }
        }

        return !bare && lines <= MessageLines ? MessageAt(text) : 0;
    }

    /// <summary>Whether a line has shown a prefix (even once).</summary>
    public bool Seen => shapes.Count > 0 || pending is not null;

    /// <summary>
    /// The length of the prefix of a line read before the first line that showed one (<see cref="Seen"/>): the shapes seen, even once,
    /// without learning from the line.
    /// </summary>
    /// <param name="text">A line read before.</param>
    /// <returns>The prefix's length, or 0.</returns>
    public int Before(string text)
    {
        if (text.StartsWith("debug", StringComparison.Ordinal) || DebugLevelAt(text.AsSpan(0, Math.Min(text.Length, MaxLength + 8))) > 0)
        {
            // a debug line is left to the unwrapper, as in Of
            return 0;
        }

        foreach (var shape in shapes)
        {
            if (Match(shape, text) is > 0 and var length)
            {
                return length;
            }
        }

        return pending is null ? 0 : Match(pending, text);
    }

    /// <summary>Where a debug level (<c>debugN: </c>) stands after a prefix, or -1.</summary>
    private static int DebugLevelAt(ReadOnlySpan<char> window)
    {
        var from = 0;
        while (from < window.Length && window[from..].IndexOf("debug", StringComparison.Ordinal) is >= 0 and var at)
        {
            at += from;
            foreach (var level in Levels)
            {
                if (window[at..].StartsWith(level, StringComparison.Ordinal))
                {
                    return at;
                }
            }

            from = at + 5;
        }

        return -1;
    }

    /// <summary>Where ssh's first line (<c>OpenSSH_9.6p1, OpenSSL ...</c>, <c>OpenSSH_for_Windows_9.5p1, ...</c>) starts after a blank, or -1.</summary>
    private static int VersionAt(ReadOnlySpan<char> window)
    {
        var at = window.IndexOf("OpenSSH_", StringComparison.Ordinal);
        if (at <= 0 || window[at - 1] is not (' ' or '\t') || at + 9 > window.Length)
        {
            return -1;
        }

        var rest = window[(at + 8)..];
        return char.IsAsciiDigit(rest[0]) || rest.StartsWith("for_Windows_", StringComparison.Ordinal) ? at : -1;
    }

    /// <summary>
    /// In a log without debug lines (ssh without <c>-v</c>, a paste of the end of the output), where a prefix ends in front of a message of
    /// ssh's own (<c>#12 0.512 Host key verification failed.</c>): the line is no message as it stands (or only one that carries any text,
    /// like BuildKit's <c>#12</c>, which reads as ssh's channel listing), and what follows one of its first words is. Returns that length (the prefix is learned), or 0.
    /// </summary>
    private int MessageAt(string text)
    {
        var whole = EventParser.Parse(text);
        if (whole is Text { Program: not null } || !EventParser.IsGeneric(whole))
        {
            return 0;
        }

        var at = 0;
        for (var word = 0; word < MessageWords; word++)
        {
            var blank = text.AsSpan(at, Math.Min(text.Length, MaxLength) - at).IndexOfAny(' ', '\t');
            if (blank < 0)
            {
                return 0;
            }

            at += blank;
            while (at < text.Length && text[at] is ' ' or '\t')
            {
                at++;
            }

            if (at < text.Length && !EventParser.IsGeneric(EventParser.Parse(text[at..])))
            {
                Learn(text.AsSpan(0, at), sure: true);
                return at;
            }
        }

        return 0;
    }

    private void Learn(ReadOnlySpan<char> prefix, bool sure)
    {
        if (prefix.IsWhiteSpace())
        {
            // indentation: the unwrapper trims it anyway
            return;
        }

        for (var i = 0; i < shapes.Count; i++)
        {
            if (Match(shapes[i], prefix) == prefix.Length)
            {
                return;
            }
        }

        var seenOnce = pending is not null && Match(pending, prefix) == prefix.Length;
        if (!sure && !seenOnce)
        {
            pending = ShapeOf(prefix);
            return;
        }

        if (shapes.Count == MaxShapes)
        {
            shapes.RemoveAt(MaxShapes - 1);
        }

        shapes.Insert(0, seenOnce ? pending! : ShapeOf(prefix));
        pending = null;
    }

    /// <summary>The prefix with each run of digits and each run of blanks made one character.</summary>
    internal static string ShapeOf(ReadOnlySpan<char> prefix)
    {
        var shape = new System.Text.StringBuilder(prefix.Length);
        foreach (var c in prefix)
        {
            var kind = char.IsAsciiDigit(c) ? Digits : c is ' ' or '\t' ? Blanks : c;
            if (kind is Digits or Blanks && shape.Length > 0 && shape[^1] == kind)
            {
                continue;
            }

            shape.Append(kind);
        }

        return shape.ToString();
    }

    /// <summary>How many characters at the start of <paramref name="text"/> have the shape, or 0 when it does not start with it.</summary>
    internal static int Match(string shape, ReadOnlySpan<char> text)
    {
        var at = 0;
        foreach (var kind in shape)
        {
            var start = at;
            switch (kind)
            {
                case Digits:
                    while (at < text.Length && char.IsAsciiDigit(text[at]))
                    {
                        at++;
                    }

                    break;
                case Blanks:
                    while (at < text.Length && text[at] is ' ' or '\t')
                    {
                        at++;
                    }

                    break;
                default:
                    if (at < text.Length && text[at] == kind)
                    {
                        at++;
                    }

                    break;
            }

            if (at == start)
            {
                return 0;
            }
        }

        return at;
    }
}
