#if !NET9_0_OR_GREATER
// .NET 8 stand-in for MemoryExtensions.Split(ReadOnlySpan<char>, char) (.NET 9+), so that code written for .NET 10
// compiles unchanged for net8.0. Only the net8.0 build compiles this file.

namespace LogLens.Polyfills;

/// <summary>Span methods that .NET 8 lacks.</summary>
internal static class SpanExtensions
{
    /// <summary>The ranges of the parts of <paramref name="source"/> between <paramref name="separator"/>s, as .NET 9's <c>Split</c>.</summary>
    public static SpanSplitEnumerator Split(this ReadOnlySpan<char> source, char separator) => new(source, separator);
}

/// <summary>Enumerates the ranges of the parts of a span between separators; empty parts included.</summary>
internal ref struct SpanSplitEnumerator
{
    private readonly ReadOnlySpan<char> source;
    private readonly char separator;
    private int start;
    private bool done;

    /// <summary>Starts before the first part of <paramref name="source"/>.</summary>
    public SpanSplitEnumerator(ReadOnlySpan<char> source, char separator)
    {
        this.source = source;
        this.separator = separator;
    }

    /// <summary>The range of the current part.</summary>
    public Range Current { get; private set; }

    /// <summary>This enumerator, for <c>foreach</c>.</summary>
    public readonly SpanSplitEnumerator GetEnumerator() => this;

    /// <summary>Moves to the next part; false after the last one.</summary>
    public bool MoveNext()
    {
        if (done)
        {
            return false;
        }

        var next = source[start..].IndexOf(separator);
        if (next < 0)
        {
            Current = start..source.Length;
            done = true;
        }
        else
        {
            Current = start..(start + next);
            start += next + 1;
        }

        return true;
    }
}
#endif
