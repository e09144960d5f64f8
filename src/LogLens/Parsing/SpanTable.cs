using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.InteropServices;

namespace LogLens.Parsing;

/// <summary>
/// A hash of a span of characters that costs the same whatever its length: its length and its first and last four characters.
/// Enough to tell apart the words a log repeats (function names, first words, key types); stable from run to run.
/// </summary>
internal static class SpanHash
{
    public static uint Of(ReadOnlySpan<char> text)
    {
        ulong head = 0;
        ulong tail = 0;
        if (text.Length >= 4)
        {
            var bytes = MemoryMarshal.AsBytes(text);
            head = MemoryMarshal.Read<ulong>(bytes);
            tail = MemoryMarshal.Read<ulong>(bytes[^8..]);
        }
        else
        {
            foreach (var c in text)
            {
                head = (head << 16) | c;
            }
        }

        var hash = (head * 0x9E3779B97F4A7C15UL) ^ (tail * 0xC2B2AE3D27D4EB4FUL) ^ (ulong)text.Length;
        hash ^= hash >> 31;
        hash *= 0xBF58476D1CE4E5B9UL;
        return (uint)(hash ^ (hash >> 32));
    }
}

/// <summary>
/// A fixed table from strings to values, looked up by a span of characters with no string made: open addressing over
/// <see cref="SpanHash"/>, at most a quarter full, so a lookup is a hash and about one comparison. The same on every
/// target framework.
/// </summary>
/// <typeparam name="TValue">The values.</typeparam>
internal sealed class SpanTable<TValue>
{
    private readonly string?[] keys;
    private readonly TValue[] values;
    private readonly int mask;

    /// <summary>A table of the given keys and values.</summary>
    /// <param name="entries">The keys (distinct) and their values.</param>
    public SpanTable(IEnumerable<KeyValuePair<string, TValue>> entries)
    {
        var all = entries.ToList();
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, all.Count * 4));
        keys = new string?[size];
        values = new TValue[size];
        mask = size - 1;
        foreach (var (key, value) in all)
        {
            var at = (int)SpanHash.Of(key) & mask;
            while (keys[at] is { } taken)
            {
                if (taken == key)
                {
                    throw new ArgumentException($"The key '{key}' is given twice.", nameof(entries));
                }

                at = (at + 1) & mask;
            }

            keys[at] = key;
            values[at] = value;
        }

        Count = all.Count;
    }

    /// <summary>How many keys the table holds.</summary>
    public int Count { get; }

    /// <summary>The value of the key equal to <paramref name="key"/>, if the table has one.</summary>
    public bool TryGetValue(ReadOnlySpan<char> key, [MaybeNullWhen(false)] out TValue value)
    {
        var at = (int)SpanHash.Of(key) & mask;
        while (keys[at] is { } candidate)
        {
            if (key.SequenceEqual(candidate))
            {
                value = values[at];
                return true;
            }

            at = (at + 1) & mask;
        }

        value = default;
        return false;
    }
}
