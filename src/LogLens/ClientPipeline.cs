using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using LogLens.Analysis;
using LogLens.Events;
using LogLens.Parsing;

namespace LogLens;

/// <summary>
/// The report path over ssh's output: reads the lines into batches of what the analyzer needs (the events, and the lines
/// passed over without one) and hands each batch to the analyzer. A log longer than one batch is read ahead on a second
/// thread while the caller's thread analyzes: the two halves of the work cost about the same, so a large log takes about
/// half the time on a machine with two cores. The batches go through a bounded queue (memory stays flat), and the analyzer
/// still sees everything in order on the caller's thread (the session callbacks run there), so the report is the same.
/// </summary>
internal static class ClientPipeline
{
    /// <summary>How many items a batch holds before it is handed on (a log shorter than this never starts a thread).</summary>
    internal const int BatchSize = 256;

    /// <summary>How many full batches the reader may be ahead of the analyzer.</summary>
    private const int BatchesAhead = 4;

    /// <summary>Analyzes ssh's output (see <see cref="SshLog.AnalyzeClient"/>).</summary>
    /// <param name="reader">ssh's output; it is not closed.</param>
    /// <param name="analyzer">The analyzer that receives the events.</param>
    /// <param name="skip">Whether lines no rule needs may be passed over without their events.</param>
    /// <param name="readAhead">Whether a log longer than one batch may be read on a second thread.</param>
    public static void Run(TextReader reader, LogAnalyzer analyzer, bool skip, bool readAhead)
    {
        var source = new BatchReader(reader, skip);
        var batch = new Batch();
        var more = source.Fill(batch);
        batch.ApplyTo(analyzer);
        if (!more)
        {
            return;
        }

        if (readAhead && Environment.ProcessorCount > 1)
        {
            RunAhead(source, analyzer);
            return;
        }

        do
        {
            more = source.Fill(batch);
            batch.ApplyTo(analyzer);
        }
        while (more);
    }

    /// <summary>Reads the rest of the log on a second thread while this one analyzes it.</summary>
    private static void RunAhead(BatchReader source, LogAnalyzer analyzer)
    {
        using var full = new BlockingCollection<Batch>(BatchesAhead);
        using var free = new BlockingCollection<Batch>();
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                bool more;
                do
                {
                    var batch = free.TryTake(out var reused) ? reused : new Batch();
                    more = source.Fill(batch);
                    full.Add(batch, stop.Token);
                }
                while (more);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The analyzer stopped (it failed): nothing more to read.
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                full.CompleteAdding();
            }
        })
        {
            IsBackground = true,
            Name = "LogLens read-ahead",
        };

        thread.Start();
        try
        {
            foreach (var batch in full.GetConsumingEnumerable())
            {
                batch.ApplyTo(analyzer);
                free.Add(batch);
            }
        }
        finally
        {
            stop.Cancel();
            thread.Join();
        }

        failure?.Throw();
    }

    /// <summary>One line's worth for the analyzer: an event, or a line passed over without one.</summary>
    private readonly record struct Item(SshEvent? Event, SkippedLine Skipped);

    /// <summary>Items in order, reused from batch to batch.</summary>
    private sealed class Batch
    {
        private readonly List<Item> items = new(BatchSize + 16);

        public bool IsFull => items.Count >= BatchSize;

        public void Add(SshEvent e) => items.Add(new Item(e, default));

        public void Add(SkippedLine line) => items.Add(new Item(null, line));

        /// <summary>Gives the items to the analyzer in order and empties the batch.</summary>
        public void ApplyTo(LogAnalyzer analyzer)
        {
            foreach (var item in items)
            {
                if (item.Event is { } e)
                {
                    analyzer.Add(e);
                }
                else
                {
                    analyzer.Skip(item.Skipped.Line, item.Skipped.Session, item.Skipped.ParentSession);
                }
            }

            items.Clear();
        }
    }

    /// <summary>The reading half: lines to events (or to lines passed over), a batch at a time.</summary>
    private sealed class BatchReader(TextReader reader, bool skip)
    {
        private readonly LineReader lines = new(reader);
        private readonly EventBuilder builder = new(clock: null) { Skippable = skip ? [.. LogAnalyzer.ReadForLineOnly] : null };

        /// <summary>Fills the batch; returns whether the log goes on after it.</summary>
        public bool Fill(Batch batch)
        {
            while (!batch.IsFull)
            {
                if (!lines.TryRead(out var line))
                {
                    if (builder.Release() is { } last)
                    {
                        batch.Add(last);
                    }

                    return false;
                }

                if (LineUnwrapper.HasEscapedLines(line.Text))
                {
                    foreach (var e in builder.PushEscaped(line))
                    {
                        batch.Add(e);
                    }

                    continue;
                }

                if (builder.Push(line, out var skipped) is { } one)
                {
                    batch.Add(one);
                }

                if (skipped is { } passed)
                {
                    batch.Add(passed);
                }
            }

            return true;
        }
    }
}
