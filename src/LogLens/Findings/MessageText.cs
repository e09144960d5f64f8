using System.Globalization;
using System.Runtime.CompilerServices;

namespace LogLens.Findings;

/// <summary>
/// A finding's explanation, kept as its pieces and joined only when it is read. The pieces are the rule's own sentences
/// (string literals, one copy shared by every finding of the rule) and the log's values (strings the analysis already
/// holds), so a kept finding holds a few references where it would hold a copy of several hundred characters: a report
/// of thousands of sessions stays small, and the garbage collector has little to copy. Rules write it as an interpolated
/// string (a chain of them joined with <c>+</c> is one), which the compiler hands to this type piece by piece; a value
/// that is not a string is formatted at once (invariant culture), so nothing is read later that could have changed.
/// </summary>
[InterpolatedStringHandler]
internal struct MessageText : IEquatable<MessageText>
{
    // A text known whole is its string (no array for it); pieces are an array, its first `count` slots used.
    private object? pieces;
    private int count;

    /// <summary>Called by the compiler for an interpolated string: room for every literal and every value.</summary>
    /// <param name="literalLength">The literals' length in all (unused: the literals are kept, not copied).</param>
    /// <param name="formattedCount">The number of values.</param>
    public MessageText(int literalLength, int formattedCount)
    {
        _ = literalLength;
        pieces = new string?[(2 * formattedCount) + 1];
    }

    /// <summary>A text known whole.</summary>
    /// <param name="text">The text.</param>
    public MessageText(string text)
    {
        pieces = text;
        count = 1;
    }

    public static implicit operator MessageText(string text) => new(text);

    public static MessageText operator +(MessageText left, MessageText right)
    {
        var joined = new string?[left.count + right.count];
        left.CopyTo(joined);
        right.CopyTo(joined.AsSpan(left.count));
        return new MessageText { pieces = joined, count = joined.Length };
    }

    public static bool operator ==(MessageText left, MessageText right) => left.Equals(right);

    public static bool operator !=(MessageText left, MessageText right) => !left.Equals(right);

    /// <summary>A literal piece.</summary>
    /// <param name="value">The literal.</param>
    public void AppendLiteral(string value) => Add(value);

    /// <summary>A string value, kept as it is.</summary>
    /// <param name="value">The value.</param>
    public void AppendFormatted(string? value) => Add(value);

    /// <summary>A value of another type, formatted now.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    public void AppendFormatted<T>(T value) => AppendFormatted(value, format: null);

    /// <summary>A value of another type with a format, formatted now.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="format">The format.</param>
    public void AppendFormatted<T>(T value, string? format) => Add(value is IFormattable formattable ? formattable.ToString(format, CultureInfo.InvariantCulture) : value?.ToString());

    /// <summary>The text, joined from its pieces (a new string at each call but when it is one piece).</summary>
    /// <returns>The text.</returns>
    public override readonly string ToString()
    {
        if (pieces is not string?[] parts)
        {
            return (string?)pieces ?? string.Empty;
        }

        if (count == 1)
        {
            return parts[0]!;
        }

        var length = 0;
        for (var i = 0; i < count; i++)
        {
            length += parts[i]!.Length;
        }

        return length == 0 ? string.Empty : string.Create(length, (parts, count), static (span, text) =>
        {
            foreach (var part in text.parts.AsSpan(0, text.count))
            {
                part.AsSpan().CopyTo(span);
                span = span[part!.Length..];
            }
        });
    }

    /// <summary>
    /// How many characters the text holds in strings of its own, not shared: every piece but the interned literals (the rules'
    /// sentences). What keeping the finding costs beyond a few references.
    /// </summary>
    internal readonly int OwnLength
    {
        get
        {
            Span<string?> parts = new string?[count];
            CopyTo(parts);
            var length = 0;
            foreach (var part in parts)
            {
                length += ReferenceEquals(string.IsInterned(part!), part) ? 0 : part!.Length;
            }

            return length;
        }
    }

    public readonly bool Equals(MessageText other) => string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

    public override readonly bool Equals(object? obj) => obj is MessageText other && Equals(other);

    public override readonly int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    private void Add(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var parts = pieces as string?[];
        if (parts is null || count == parts.Length)
        {
            // A default text or one known whole has no array yet (the compiler's constructor makes room for every piece).
            var larger = new string?[Math.Max(1, count * 2)];
            CopyTo(larger);
            pieces = parts = larger;
        }

        parts[count++] = value;
    }

    private readonly void CopyTo(Span<string?> destination)
    {
        if (pieces is string?[] parts)
        {
            parts.AsSpan(0, count).CopyTo(destination);
        }
        else if (count == 1)
        {
            destination[0] = (string?)pieces;
        }
    }
}
