using LogLens.Events;
using Sprache;

namespace LogLens.Parsing.Grammar;

/// <summary>The captured values of a message template, in order.</summary>
internal readonly struct Fields(string[] values)
{
    public string this[int index] => values[index];

    /// <summary>The value as a whole number, or <see langword="null"/> when it is not one (e.g. redacted).</summary>
    public int? Int(int index) => int.TryParse(values[index], out var n) ? n : null;

    /// <summary>The value, or <see langword="null"/> when it is empty.</summary>
    public string? OrNull(int index) => values[index].Length == 0 ? null : values[index];
}

/// <summary>
/// One kind of ssh message: a Sprache parser from the message text to a typed event, and what the
/// dispatcher needs to try it only on lines that can match (its first word, a literal it contains, or
/// the function prefix it requires).
/// </summary>
internal sealed class MessageRule
{
    private MessageRule(Parser<SshEvent> parser, string? key, string? anchor, string[]? functions)
    {
        Parser = parser;
        Key = key;
        Anchor = anchor;
        Functions = functions;
    }

    /// <summary>The parser from the message text to the event.</summary>
    public Parser<SshEvent> Parser { get; }

    /// <summary>The message's first word (up to a space or colon), when the rule has a fixed one.</summary>
    public string? Key { get; }

    /// <summary>A literal every matching message contains, for rules without a fixed first word.</summary>
    public string? Anchor { get; }

    /// <summary>The function prefixes the line must carry, or <see langword="null"/> for any (or none).</summary>
    public string[]? Functions { get; }

    /// <summary>
    /// A rule from a template such as <c>Connecting to {host} [{address}] port {port}.</c>: literal text must
    /// match exactly; a hole takes the text up to the first occurrence of the literal after it (the last
    /// literal is matched at the end of the message, a final hole takes the rest).
    /// </summary>
    public static MessageRule Template(string template, Func<Fields, SshEvent> build, params string[] functions)
    {
        var segments = Split(template);
        var parser = Compile(segments).Select(values => build(new Fields(values)));
        var first = segments[0];
        string? key = null;
        string? anchor = null;
        if (functions.Length > 0)
        {
            // Indexed by function name only.
        }
        else if (first.IsHole)
        {
            anchor = segments.Where(s => !s.IsHole).MaxBy(s => s.Text.Length).Text;
        }
        else
        {
            var end = first.Text.AsSpan().IndexOfAny(' ', ':');
            if (end > 0 || (end < 0 && segments.Count == 1))
            {
                key = end > 0 ? first.Text[..end] : first.Text;
            }
            else
            {
                anchor = first.Text;
            }
        }

        return new MessageRule(parser, key, anchor, functions.Length == 0 ? null : functions);
    }

    /// <summary>A rule from a hand-written parser, tried on messages whose first word is <paramref name="key"/>.</summary>
    public static MessageRule Keyed(string key, Parser<SshEvent> parser) => new(parser, key, null, null);

    /// <summary>A rule from a hand-written parser, tried on messages that contain <paramref name="anchor"/>.</summary>
    public static MessageRule Anchored(string anchor, Parser<SshEvent> parser) => new(parser, null, anchor, null);

    private static List<Segment> Split(string template)
    {
        var segments = new List<Segment>();
        var at = 0;
        while (at < template.Length)
        {
            var open = template.IndexOf('{', at);
            if (open < 0)
            {
                segments.Add(new Segment(template[at..], false));
                break;
            }

            if (open > at)
            {
                segments.Add(new Segment(template[at..open], false));
            }

            var close = template.IndexOf('}', open);
            if (segments.Count > 0 && segments[^1].IsHole)
            {
                throw new ArgumentException($"Two holes in a row in '{template}'.", nameof(template));
            }

            segments.Add(new Segment(template[(open + 1)..close], true));
            at = close + 1;
        }

        return segments;
    }

    private static Parser<string[]> Compile(List<Segment> segments)
    {
        var parts = new Parser<string>[segments.Count];
        var holes = 0;
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (!segment.IsHole)
            {
                var literal = Parse.String(segment.Text).Text();
                if (i == segments.Count - 2 && segments[i + 1].IsHole && segment.Text.EndsWith(' '))
                {
                    // Lines are trimmed, so "languages ctos: " with an empty value arrives as "languages ctos:".
                    literal = literal.Or(Parse.String(segment.Text.TrimEnd()).Text().End());
                }

                parts[i] = literal;
                continue;
            }

            holes++;
            if (i == segments.Count - 1)
            {
                parts[i] = Parse.AnyChar.Many().Text();
            }
            else
            {
                var next = Parse.String(segments[i + 1].Text);
                var stop = i + 1 == segments.Count - 1 ? next.End() : next;
                parts[i] = Parse.AnyChar.Except(stop).Many().Text().Named(segment.Text);
            }
        }

        var holeCount = holes;
        return input =>
        {
            var values = new string[holeCount];
            var rest = input;
            var h = 0;
            for (var i = 0; i < parts.Length; i++)
            {
                var result = parts[i](rest);
                if (!result.WasSuccessful)
                {
                    return Result.Failure<string[]>(result.Remainder, result.Message, result.Expectations);
                }

                if (segments[i].IsHole)
                {
                    values[h++] = result.Value;
                }

                rest = result.Remainder;
            }

            return rest.AtEnd
                ? Result.Success(values, rest)
                : Result.Failure<string[]>(rest, "text after the message", ["end of message"]);
        };
    }

    private readonly record struct Segment(string Text, bool IsHole);
}
