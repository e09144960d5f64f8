namespace LogLens.Parsing;

/// <summary>
/// A cache of short strings that repeat from line to line (function names, key types, method names), so that reading
/// them from a line allocates only the first time: one slot per hash, the latest string in it. Thread-safe without
/// locks (a slot holds a whole reference or none); memory is bounded by the slots.
/// </summary>
internal static class Strings
{
    /// <summary>The longest string kept in the cache.</summary>
    public const int MaxPooledLength = 40;

    private const int Slots = 4096;

    private static readonly string?[] Cache = new string?[Slots];

    /// <summary>The text as a string: the cached instance when there is one, a new one otherwise.</summary>
    public static string Of(ReadOnlySpan<char> text)
    {
        if (text.Length == 0)
        {
            return string.Empty;
        }

        if (text.Length > MaxPooledLength)
        {
            return text.ToString();
        }

        ref var slot = ref Cache[SpanHash.Of(text) & (Slots - 1)];
        var cached = Volatile.Read(ref slot);
        if (cached is not null && text.SequenceEqual(cached))
        {
            return cached;
        }

        var value = text.ToString();
        Volatile.Write(ref slot, value);
        return value;
    }

    /// <summary>Two pieces of text as one string, from the cache as <see cref="Of(ReadOnlySpan{char})"/> (e.g. a version after its product's name).</summary>
    public static string Of(string head, ReadOnlySpan<char> tail)
    {
        var length = head.Length + tail.Length;
        if (length > MaxPooledLength)
        {
            return string.Concat(head, tail);
        }

        Span<char> joined = stackalloc char[MaxPooledLength];
        head.CopyTo(joined);
        tail.CopyTo(joined[head.Length..]);
        return Of(joined[..length]);
    }
}
