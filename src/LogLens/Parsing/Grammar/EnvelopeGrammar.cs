using LogLens.Events;
using Sprache;

namespace LogLens.Parsing.Grammar;

/// <summary>The level and function prefix of a line, and where its message starts.</summary>
internal readonly record struct Envelope(DebugLevel? Level, string? Function, int MessageStart);

/// <summary>
/// Reads the envelope every ssh line shares: an optional <c>debug1:</c>..<c>debug3:</c> level, then an
/// optional function-name prefix (<c>load_hostkeys: </c>), hand-written before OpenSSH 8.5 and added by
/// the <c>_f</c> logging macros since.
/// </summary>
internal static class EnvelopeGrammar
{
    private static readonly Parser<DebugLevel> Level =
        (from word in Parse.String("debug")
         from digit in Parse.Chars('1', '2', '3')
         from colon in Parse.Char(':')
         from space in Parse.Char(' ').Optional()
         select (DebugLevel)(digit - '0')).Named("debug level");

    private static readonly Parser<char> IdentifierChar = Parse.LetterOrDigit.Or(Parse.Char('_'));

    private static readonly Parser<string> FunctionName =
        (from first in Parse.Letter.Or(Parse.Char('_'))
         from rest in IdentifierChar.Many().Text()
         select first + rest).Named("function name");

    private static readonly Parser<string> FunctionPrefix =
        from name in FunctionName.Where(IsFunctionName)
        from colon in Parse.Char(':')
        from separator in Parse.Char(' ').Return(true).Or(Parse.Return(true).End())
        select name;

    private static readonly Parser<Envelope> Line =
        from level in Level.Optional()
        from function in FunctionPrefix.Optional()
        select new Envelope(level.IsDefined ? level.Get() : null, function.GetOrDefault(), 0);

    /// <summary>Function names without an underscore that ssh prints as prefixes.</summary>
    private static readonly HashSet<string> PlainFunctionNames = new(StringComparer.Ordinal)
    {
        "main", "muxclient", "subprocess", "xmalloc", "xcalloc", "xasprintf", "addargs", "replacearg",
    };

    /// <summary>
    /// Reads the envelope of a line's content with the meaning of <see cref="Read"/> (a test proves they agree on every
    /// fixture line) but over a span, allocating nothing for function names seen before.
    /// </summary>
    public static Envelope Scan(ReadOnlySpan<char> content)
    {
        DebugLevel? level = null;
        var at = 0;
        if (content.Length >= 7 && content.StartsWith("debug", StringComparison.Ordinal) && content[5] is >= '1' and <= '3' && content[6] == ':')
        {
            level = (DebugLevel)(content[5] - '0');
            at = content.Length > 7 && content[7] == ' ' ? 8 : 7;
        }

        if (at < content.Length && (char.IsLetter(content[at]) || content[at] == '_'))
        {
            // The ASCII identifier characters in one vectorized search; a non-ASCII letter or digit (rare) goes on one by one.
            var ascii = content[(at + 1)..].IndexOfAnyExcept(AsciiIdentifierChars);
            var end = ascii < 0 ? content.Length : at + 1 + ascii;
            while (end < content.Length && (char.IsLetterOrDigit(content[end]) || content[end] == '_'))
            {
                end++;
            }

            if (end < content.Length && content[end] == ':' && IsFunctionName(content[at..end]))
            {
                var function = Strings.Of(content[at..end]);
                var start = end + 1 < content.Length && content[end + 1] == ' ' ? end + 2 : end + 1 == content.Length ? end + 1 : -1;
                if (start >= 0)
                {
                    return new Envelope(level, function, start);
                }
            }
        }

        return new Envelope(level, null, at);
    }

    /// <summary>Reads the envelope of a line's content; never fails (an absent level and prefix is an envelope too).</summary>
    public static Envelope Read(string content)
    {
        var result = Line.TryParse(content);
        return result.WasSuccessful
            ? result.Value with { MessageStart = result.Remainder.Position }
            : new Envelope(null, null, 0);
    }

    private static readonly SpanTable<bool> PlainFunctionNamesBySpan = new(PlainFunctionNames.Select(name => KeyValuePair.Create(name, true)));

    private static bool IsFunctionName(string name) => IsFunctionName(name.AsSpan());

    private static bool IsFunctionName(ReadOnlySpan<char> name) =>
        (name.Contains('_') && name.ContainsAny(LowerAsciiLetters)) ||
        PlainFunctionNamesBySpan.TryGetValue(name, out _);

    private static readonly System.Buffers.SearchValues<char> AsciiIdentifierChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    // ContainsAnyInRange allocated 96 bytes per call here (.NET 10.0.12); SearchValues does not.
    private static readonly System.Buffers.SearchValues<char> LowerAsciiLetters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz");
}
