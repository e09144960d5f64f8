using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using LogLens.Events;
using LogLens.Parsing;

namespace LogLens.Benchmarks;

/// <summary>
/// Counts the objects allocated per line, which the MemoryDiagnoser cannot (it reports bytes). For every corpus source
/// line it measures, with <see cref="GC.GetAllocatedBytesForCurrentThread"/>, the bytes the line reader allocates and the
/// bytes that building its event allocates, and compares them with the exact sizes of the line's string and of one event
/// of the type it produced. A line whose bytes equal those two sizes allocated exactly those two objects: any third
/// object would add at least 24 bytes. Run with <c>--allocations</c>.
/// </summary>
internal static class AllocationCount
{
    private static readonly HashSet<Type> TraceTypes =
    [
        typeof(PacketTrace), typeof(ChannelStep), typeof(KexStep), typeof(KnownHostsLookup), typeof(AuthStep), typeof(ConnectStep), typeof(ServerRequest),
    ];

    public static string Run(string path)
    {
        var text = File.ReadAllText(path);
        var sizes = new Dictionary<Type, long>();
        var rows = new Dictionary<string, Row>(StringComparer.Ordinal);

        // Warm up: JIT, tiering, the string pool and lazy statics.
        for (var pass = 0; pass < 3; pass++)
        {
            Measure(text, sizes, rows: null);
        }

        Measure(text, sizes, rows);
        var culture = CultureInfo.InvariantCulture;
        var table = new StringBuilder();
        table.AppendLine("| Lines | Lines | Line reader B/line (= string size?) | Event build B/line | Event object B/line | Lines with 2 allocations (string + event) | Allocations per line (avg, >=) |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, row) in rows.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            table.AppendLine(culture, $"| {name} | {row.Lines:N0} | {row.ReaderBytes / (double)row.Lines:F1} ({(row.ReaderBytes == row.StringBytes ? "yes" : "no")}) | {row.BuildBytes / (double)row.Lines:F1} | {row.EventBytes / (double)row.Lines:F1} | {row.Exact:N0} ({100.0 * row.Exact / row.Lines:F1}%) | {row.MinAllocations / (double)row.Lines:F2} |");
        }

        return table.ToString();
    }

    private static void Measure(string text, Dictionary<Type, long> sizes, Dictionary<string, Row>? rows)
    {
        var reader = new LineReader(new StringReader(text));
        var builder = new EventBuilder(clock: null);
        while (true)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            if (!reader.TryRead(out var line))
            {
                break;
            }

            var read = GC.GetAllocatedBytesForCurrentThread() - before;
            before = GC.GetAllocatedBytesForCurrentThread();
            builder.Push(line);
            var e = builder.Release();
            var built = GC.GetAllocatedBytesForCurrentThread() - before;
            if (e is null || rows is null)
            {
                continue;
            }

            var eventSize = SizeOf(e.GetType(), sizes);
            var stringSize = StringSize(line.Text.Length);
            var name = e is Text or UnknownMessage ? "no grammar rule (Text, UnknownMessage)"
                : TraceTypes.Contains(e.GetType()) ? "trace lines the analyzer drops"
                : "other matched lines";
            ref var row = ref CollectionsMarshal.GetValueRefOrAddDefault(rows, name, out _);
            row.Lines++;
            row.ReaderBytes += read;
            row.StringBytes += stringSize;
            row.BuildBytes += built;
            row.EventBytes += eventSize;
            var extra = built - eventSize;

            row.Exact += read == stringSize && extra == 0 ? 1 : 0;

            // A lower bound: the string (none for an empty line), a reader buffer that grew, the event, anything else.
            row.MinAllocations += (read > 0 ? 1 : 0) + (read > stringSize ? 1 : 0) + 1 + (extra > 0 ? 1 : 0);
        }
    }

    private static long SizeOf(Type type, Dictionary<Type, long> sizes)
    {
        if (!sizes.TryGetValue(type, out var size))
        {
            // The first calls may allocate caches of their own: keep the smallest of a few.
            size = long.MaxValue;
            for (var i = 0; i < 4; i++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                _ = RuntimeHelpers.GetUninitializedObject(type);
                size = Math.Min(size, GC.GetAllocatedBytesForCurrentThread() - before);
            }

            sizes[type] = size;
        }

        return size;
    }

    /// <summary>A string's size on 64-bit .NET: header and method table (16), length (4), the characters and a terminator, rounded up to 8.</summary>
    private static long StringSize(int length) => length == 0 ? 0 : (20 + (2L * (length + 1)) + 7) & ~7L;

    private struct Row
    {
        public long Lines;
        public long ReaderBytes;
        public long StringBytes;
        public long BuildBytes;
        public long EventBytes;
        public long Exact;
        public long MinAllocations;
    }
}
