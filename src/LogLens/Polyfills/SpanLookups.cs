#if !NET9_0_OR_GREATER
using System.Diagnostics.CodeAnalysis;

namespace LogLens.Polyfills;

// .NET 8 stand-ins for the span lookups of .NET 9 (Dictionary, ConcurrentDictionary and HashSet's
// GetAlternateLookup<ReadOnlySpan<char>>()). Same methods and answers; each lookup copies the span to a string
// first, so the net8.0 build allocates where the net10.0 build does not. Only the net8.0 build compiles this file.

/// <summary>Looks up a string-keyed dictionary by a span of characters (.NET 8: through a copy of the span).</summary>
internal readonly struct SpanKeyedLookup<TValue>(IReadOnlyDictionary<string, TValue> dictionary)
{
    /// <summary>The value of the key equal to <paramref name="key"/>, if the dictionary has one.</summary>
    public bool TryGetValue(ReadOnlySpan<char> key, [MaybeNullWhen(false)] out TValue value) =>
        dictionary.TryGetValue(key.ToString(), out value);
}

/// <summary>Looks up a set of strings by a span of characters (.NET 8: through a copy of the span).</summary>
internal readonly struct SpanSetLookup(IReadOnlySet<string> set)
{
    /// <summary>Whether the set holds a string equal to <paramref name="item"/>.</summary>
    public bool Contains(ReadOnlySpan<char> item) => set.Contains(item.ToString());
}
#endif
