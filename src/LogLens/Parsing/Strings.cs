using System.Collections.Concurrent;

namespace LogLens.Parsing;

/// <summary>
/// A bounded pool of short strings that repeat from line to line (function names, key types, method names), so
/// that reading them from a line allocates only the first time. Thread-safe; once full it just allocates.
/// </summary>
internal static class Strings
{
    /// <summary>The longest string kept in the pool.</summary>
    public const int MaxPooledLength = 40;

    private const int Capacity = 4096;

    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);
    private static int count;
#if NET9_0_OR_GREATER
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Pool.GetAlternateLookup<ReadOnlySpan<char>>();
#else
    private static readonly SpanKeyedLookup<string> Lookup = new(Pool);
#endif

    /// <summary>The text as a string: the pooled instance when there is one, a new one otherwise.</summary>
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

        if (Lookup.TryGetValue(text, out var pooled))
        {
            return pooled;
        }

        var value = text.ToString();

        // ConcurrentDictionary.Count takes every lock: a counter of our own keeps a miss cheap once the pool is full.
        if (Volatile.Read(ref count) < Capacity && Pool.TryAdd(value, value))
        {
            Interlocked.Increment(ref count);
        }

        return value;
    }
}
