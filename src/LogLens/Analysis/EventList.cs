using System.Collections;
using System.Runtime.CompilerServices;
using LogLens.Events;

namespace LogLens.Analysis;

/// <summary>
/// A session's events as the rules see them: a read-only list that tells <see cref="WorkMeter"/> of every event read,
/// so that a test can count the work of an analysis instead of timing it. A list (not only an enumerable) so that
/// LINQ keeps its indexed shortcuts (<c>LastOrDefault</c> reads from the end).
/// </summary>
internal sealed class EventList(List<SshEvent> events) : IList<SshEvent>, IReadOnlyList<SshEvent>
{
    public int Count => events.Count;

    public bool IsReadOnly => true;

    public SshEvent this[int index]
    {
        get
        {
            WorkMeter.Visit();
            return events[index];
        }

        set => throw new NotSupportedException();
    }

    public IEnumerator<SshEvent> GetEnumerator()
    {
        foreach (var e in events)
        {
            WorkMeter.Visit();
            yield return e;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public int IndexOf(SshEvent item)
    {
        WorkMeter.Visit(events.Count);
        return events.IndexOf(item);
    }

    public bool Contains(SshEvent item) => IndexOf(item) >= 0;

    public void CopyTo(SshEvent[] array, int arrayIndex)
    {
        WorkMeter.Visit(events.Count);
        events.CopyTo(array, arrayIndex);
    }

    public void Add(SshEvent item) => throw new NotSupportedException();

    public void Clear() => throw new NotSupportedException();

    public void Insert(int index, SshEvent item) => throw new NotSupportedException();

    public bool Remove(SshEvent item) => throw new NotSupportedException();

    public void RemoveAt(int index) => throw new NotSupportedException();
}

/// <summary>
/// Counts, per thread, the events the rules read (through <see cref="SessionView.Events"/>): a measure of the analysis
/// work that does not depend on the machine's speed or load. Off unless a test switches it on.
/// </summary>
internal static class WorkMeter
{
    [ThreadStatic]
    private static long visits;

    /// <summary>Whether events read are counted (a test switches it on; counting is per thread).</summary>
    public static bool Enabled { get; set; }

    /// <summary>The events read on this thread since <see cref="Reset"/>.</summary>
    public static long Visits => visits;

    /// <summary>Starts this thread's count again from zero.</summary>
    public static void Reset() => visits = 0;

    /// <summary>Counts events read.</summary>
    /// <param name="count">How many.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Visit(int count = 1)
    {
        if (Enabled)
        {
            visits += count;
        }
    }
}
