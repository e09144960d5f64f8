using LogLens.Events;
using Sprache;

namespace LogLens.Parsing.Grammar;

/// <summary>
/// The captured values of a message template, in order: either strings (from the Sprache parser) or ranges of the
/// message (from the span matcher), so that a value is turned into a string only when the event keeps it.
/// </summary>
internal readonly ref struct Fields
{
    private readonly string[]? values;
    private readonly ReadOnlySpan<char> text;
    private readonly ReadOnlySpan<Range> ranges;

    public Fields(string[] values)
    {
        this.values = values;
    }

    public Fields(ReadOnlySpan<char> text, ReadOnlySpan<Range> ranges)
    {
        this.text = text;
        this.ranges = ranges;
    }

    public string this[int index] => values is not null ? values[index] : Strings.Of(text[ranges[index]]);

    /// <summary>The value as a whole number, or <see langword="null"/> when it is not one (e.g. redacted).</summary>
    public int? Int(int index) =>
        (values is not null ? int.TryParse(values[index], out var n) : int.TryParse(text[ranges[index]], out n)) ? n : null;

    /// <summary>The value, or <see langword="null"/> when it is empty.</summary>
    public string? OrNull(int index) => (values is not null ? values[index].Length : Span(index).Length) == 0 ? null : this[index];

    private ReadOnlySpan<char> Span(int index) => text[ranges[index]];
}

/// <summary>Builds a template's event from its captured values.</summary>
internal delegate T EventFactory<out T>(Fields fields)
    where T : SshEvent;

/// <summary>The fast form of a rule: the event for a message, or <see langword="null"/> when the rule does not match it.</summary>
internal delegate SshEvent? SpanParser(ReadOnlySpan<char> message);

/// <summary>Whether a rule matches a message, without building its event.</summary>
internal delegate bool SpanMatcher(ReadOnlySpan<char> message);

/// <summary>
/// One kind of ssh message: a Sprache parser from the message text to a typed event (the definition), a span
/// matcher with the same meaning that the dispatcher runs (tests prove both agree), and what the dispatcher needs
/// to try it only on lines that can match (its first word, a literal it contains, or the function prefix it requires).
/// </summary>
internal sealed class MessageRule
{
    /// <summary>The most holes a template may have.</summary>
    public const int MaxHoles = 8;

    /// <summary>The definition, built on first use: the span matcher does the work, so most processes never build it.</summary>
    private readonly Lazy<Parser<SshEvent>> parser;

    private MessageRule(Lazy<Parser<SshEvent>> parser, SpanParser fast, string? key, string? anchor, string[]? functions, string description,
        Type? produces = null, SpanMatcher? matches = null)
    {
        this.parser = parser;
        Fast = fast;
        Produces = produces;
        Matches = matches;
        Key = key;
        Anchor = anchor;
        Functions = functions;
        Description = description;
    }

    /// <summary>
    /// The Sprache parser from the message text to the event: the rule's definition. A template's is built when first asked
    /// for (the tests that compare both forms ask): building every template's parser took three quarters of the instructions
    /// of a run over a typical log.
    /// </summary>
    public Parser<SshEvent> Parser => parser.Value;

    /// <summary>Whether <see cref="Parser"/> has been built (a test proves the span form never needs it).</summary>
    internal bool HasBuiltParser => parser.IsValueCreated;

    /// <summary>The span matcher the dispatcher runs; it returns what <see cref="Parser"/> returns, without allocating per character.</summary>
    public SpanParser Fast { get; }

    /// <summary>The exact type of the event the rule builds, when it is always the same (a template whose builder makes one sealed type).</summary>
    public Type? Produces { get; }

    /// <summary>Whether the rule matches a message, without building the event (templates); <see langword="null"/> for hand-written rules.</summary>
    public SpanMatcher? Matches { get; }

    /// <summary>The message's first word (up to a space or colon), when the rule has a fixed one.</summary>
    public string? Key { get; }

    /// <summary>A literal every matching message contains, for rules without a fixed first word.</summary>
    public string? Anchor { get; }

    /// <summary>The function prefixes the line must carry, or <see langword="null"/> for any (or none).</summary>
    public string[]? Functions { get; }

    /// <summary>The template, or the key/anchor of a hand-written rule (for test names).</summary>
    public string Description { get; }

    /// <inheritdoc/>
    public override string ToString() => Description;

    /// <summary>
    /// A rule from a template such as <c>Connecting to {host} [{address}] port {port}.</c>: literal text must
    /// match exactly; a hole takes the text up to the first occurrence of the literal after it (the last
    /// literal is matched at the end of the message, a final hole takes the rest).
    /// </summary>
    public static MessageRule Template<T>(string template, EventFactory<T> build, params string[] functions)
        where T : SshEvent =>
        Template(template, build, typeof(T).IsSealed ? typeof(T) : null, functions);

    /// <summary>The rule of a template (see <see cref="Template{T}"/>) with its event type known, or not (<paramref name="produces"/>).</summary>
    private static MessageRule Template(string template, EventFactory<SshEvent> build, Type? produces, string[] functions)
    {
        var segments = Split(template);
        var parser = new Lazy<Parser<SshEvent>>(() => Compile(segments).Select(values => build(new Fields(values))));
        var matcher = new TemplateMatcher(segments);
        SpanParser fast = message =>
        {
            Span<Range> holes = stackalloc Range[MaxHoles];
            return matcher.TryMatch(message, holes) ? build(new Fields(message, holes)) : null;
        };
        SpanMatcher matches = message =>
        {
            Span<Range> holes = stackalloc Range[MaxHoles];
            return matcher.TryMatch(message, holes);
        };
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

        return new MessageRule(parser, fast, key, anchor, functions.Length == 0 ? null : functions, template, produces, matches);
    }

    /// <summary>A rule from a hand-written parser and its span form, tried on messages whose first word is <paramref name="key"/>.</summary>
    public static MessageRule Keyed(string key, Parser<SshEvent> parser, SpanParser fast) => new(new(parser), fast, key, null, null, "key " + key);

    /// <summary>A rule from a hand-written parser and its span form, tried on messages that contain <paramref name="anchor"/>.</summary>
    public static MessageRule Anchored(string anchor, Parser<SshEvent> parser, SpanParser fast) => new(new(parser), fast, null, anchor, null, "anchor " + anchor);

    private static List<Segment> Split(string template)
    {
        var segments = new List<Segment>();
        var at = 0;
        var holes = 0;
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
            if (++holes > MaxHoles)
            {
                throw new ArgumentException($"More than {MaxHoles} holes in '{template}'.", nameof(template));
            }

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
                if (TrimmedAtEnd(segments, i) is { } trimmed)
                {
                    // Lines are trimmed, so "languages ctos: " with an empty value arrives as "languages ctos:".
                    literal = literal.Or(Parse.String(trimmed).Text().End());
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

    /// <summary>The literal without its trailing spaces, when it may also match that way at the end (before a final hole).</summary>
    private static string? TrimmedAtEnd(List<Segment> segments, int i) =>
        i == segments.Count - 2 && segments[i + 1].IsHole && segments[i].Text.EndsWith(' ') ? segments[i].Text.TrimEnd() : null;

    private readonly record struct Segment(string Text, bool IsHole);

    /// <summary>
    /// The template run over a span with the meaning of the compiled Sprache parser: a literal matches where the
    /// matcher stands; a hole before the last literal takes everything up to that literal at the end; any other
    /// hole takes the text up to the first occurrence of the literal after it; a final hole takes the rest.
    /// </summary>
    private sealed class TemplateMatcher
    {
        private readonly string[] texts;
        private readonly bool[] isHole;
        private readonly string?[] trimmed;

        public TemplateMatcher(List<Segment> segments)
        {
            texts = [.. segments.Select(s => s.Text)];
            isHole = [.. segments.Select(s => s.IsHole)];
            trimmed = [.. segments.Select((_, i) => TrimmedAtEnd(segments, i))];
        }

        public bool TryMatch(ReadOnlySpan<char> message, Span<Range> holes)
        {
            var at = 0;
            var h = 0;
            var last = texts.Length - 1;
            for (var i = 0; i <= last; i++)
            {
                var rest = message[at..];
                if (!isHole[i])
                {
                    var literal = texts[i];
                    if (rest.StartsWith(literal.AsSpan()))
                    {
                        at += literal.Length;
                    }
                    else if (trimmed[i] is { } shorter && rest.SequenceEqual(shorter))
                    {
                        at = message.Length;
                    }
                    else
                    {
                        return false;
                    }

                    continue;
                }

                if (i == last)
                {
                    holes[h++] = new Range(at, message.Length);
                    at = message.Length;
                    continue;
                }

                var next = texts[i + 1];
                int end;
                if (i + 1 == last)
                {
                    if (!rest.EndsWith(next.AsSpan()))
                    {
                        return false;
                    }

                    end = message.Length - next.Length;
                }
                else
                {
                    var found = rest.IndexOf(next.AsSpan());
                    if (found < 0 && trimmed[i + 1] is not { Length: 0 })
                    {
                        return false;
                    }

                    // Not found: the hole takes the rest, and a literal of spaces only may still match, trimmed, at the end.
                    end = found < 0 ? message.Length : at + found;
                }

                holes[h++] = new Range(at, end);
                at = end;
            }

            return at == message.Length;
        }
    }
}
