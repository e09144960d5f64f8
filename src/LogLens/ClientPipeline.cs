using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using LogLens.Analysis;
using LogLens.Parsing;

namespace LogLens;

/// <summary>
/// The report path over ssh's output, in two halves: lines to events to closed sessions (the grammar and the
/// <see cref="SessionCollector"/>), and sessions to reports (the rules, then the caller's callback: <see cref="LogAnalyzer.Conclude"/>).
/// A log longer than its first <see cref="InlineLines"/> lines has its first half run on a second thread while the caller's
/// thread runs the second. The first half is the heavier, so the caller's thread, whenever no session waits for it, also parses
/// lines that the reading thread has read ahead but not reached (<see cref="Batch"/>). The closed sessions go through a bounded
/// queue (memory stays flat), in order; the lines are built and collected in order on the reading thread, and the rules and
/// callbacks stay on the caller's thread, so the report is the same.
/// </summary>
internal static class ClientPipeline
{
    /// <summary>How many lines are read on the caller's thread before a second thread takes over (a short log never starts one).</summary>
    internal const int InlineLines = 1024;

    /// <summary>How many closed groups of sessions the reading half may be ahead of the rules.</summary>
    private const int GroupsAhead = 16;

    /// <summary>How many batches of lines the reading half reads ahead of the line it builds (see <see cref="Batch"/>).</summary>
    private const int BatchesAhead = 3;

    /// <summary>Analyzes ssh's output (see <see cref="SshLog.AnalyzeClient"/>); the caller then completes the analyzer.</summary>
    /// <param name="reader">ssh's output; it is not closed.</param>
    /// <param name="analyzer">The analyzer that receives the events.</param>
    /// <param name="skip">Whether lines no rule needs may be passed over without their events.</param>
    /// <param name="readAhead">Whether a long log may be read on a second thread.</param>
    public static void Run(TextReader reader, LogAnalyzer analyzer, bool skip, bool readAhead)
    {
        var source = new EventSource(reader, skip);
        if (!source.Pump(analyzer.Sessions, InlineLines))
        {
            return;
        }

        if (readAhead && Environment.ProcessorCount > 1)
        {
            RunAhead(source, analyzer);
            return;
        }

        source.Pump(analyzer.Sessions, int.MaxValue);
    }

    /// <summary>
    /// Reads and collects the rest of the log on a second thread while this one diagnoses the sessions it closes and, when none
    /// waits, parses a batch of lines that the reading thread has read but not reached (<see cref="Batch"/>); the reading thread
    /// parses the batches this one did not take. It still builds and collects the lines in order, so the events and the report
    /// are the same wherever a line was parsed.
    /// </summary>
    private static void RunAhead(EventSource source, LogAnalyzer analyzer)
    {
        var sessions = analyzer.Sessions;
        var conclude = sessions.Closed;
        using var closedGroups = new BlockingCollection<IReadOnlyList<ClosedSession>>(GroupsAhead);
        var offered = new ConcurrentQueue<Batch>();
        using var arrived = new ManualResetEventSlim(false);
        using var stop = new CancellationTokenSource();
        var batches = new Batch[BatchesAhead];
        for (var i = 0; i < batches.Length; i++)
        {
            batches[i] = new Batch(source.Builder);
        }

        ExceptionDispatchInfo? failure = null;
        sessions.Closed = closed =>
        {
            closedGroups.Add(closed, stop.Token);
            arrived.Set();
        };
        var thread = new Thread(() =>
        {
            try
            {
                source.PumpAhead(sessions, batches, batch =>
                {
                    // Offered batches this thread then parsed itself stay queued until the other thread is free: a few at most.
                    if (offered.Count < BatchesAhead)
                    {
                        offered.Enqueue(batch);
                        arrived.Set();
                    }
                }, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The rules' side stopped (it failed): nothing more to read.
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                closedGroups.CompleteAdding();
                arrived.Set();
            }
        })
        {
            IsBackground = true,
            Name = "LogLens read-ahead",
        };

        thread.Start();
        try
        {
            // The sessions first; a batch of lines only when no session waits (the reading thread parses the rest itself).
            while (!closedGroups.IsCompleted)
            {
                if (closedGroups.TryTake(out var closed))
                {
                    conclude(closed);
                }
                else if (offered.TryDequeue(out var batch))
                {
                    batch.TryPrepare();
                }
                else
                {
                    arrived.Reset();
                    if (closedGroups.Count == 0 && offered.IsEmpty && !closedGroups.IsAddingCompleted)
                    {
                        arrived.Wait();
                    }
                }
            }
        }
        finally
        {
            stop.Cancel();
            thread.Join();
            sessions.Closed = conclude;
            foreach (var batch in batches)
            {
                batch.Dispose();
            }
        }

        failure?.Throw();
    }

    /// <summary>The reading half: lines to events (or to lines passed over), into a session collector.</summary>
    private sealed class EventSource(TextReader reader, bool skip)
    {
        private readonly LineReader lines = new(reader);

        public EventBuilder Builder { get; } = new(clock: null) { Skippable = skip ? [.. LogAnalyzer.ReadForLineOnly] : null };

        /// <summary>Reads up to <paramref name="count"/> lines into <paramref name="sessions"/>; returns whether the log goes on.</summary>
        public bool Pump(SessionCollector sessions, int count)
        {
            for (var read = 0; read < count; read++)
            {
                if (!lines.TryRead(out var line))
                {
                    Finish(sessions);
                    return false;
                }

                Push(Builder.Prepare(line, Builder.Widest), sessions);
            }

            return true;
        }

        /// <summary>
        /// Reads the rest of the log into <paramref name="sessions"/> in batches (<paramref name="batches"/>, used in turn): each batch
        /// is read, handed to <paramref name="offer"/> (the other thread may parse it), and once the batches before it are in, parsed
        /// here unless it already is, then built and collected.
        /// </summary>
        public void PumpAhead(SessionCollector sessions, Batch[] batches, Action<Batch> offer, CancellationToken stop)
        {
            var widest = Builder.Widest;
            var inFlight = new Queue<Batch>(batches.Length);
            var more = true;
            foreach (var batch in batches)
            {
                more = more && Fill(batch, ref widest, offer, inFlight);
            }

            while (inFlight.TryDequeue(out var batch))
            {
                if (!batch.TryPrepare())
                {
                    // The other thread is on it: parse the later batches meanwhile.
                    foreach (var later in inFlight)
                    {
                        if (batch.IsPrepared)
                        {
                            break;
                        }

                        later.TryPrepare();
                    }
                }

                batch.WaitPrepared(stop);
                for (var i = 0; i < batch.Count; i++)
                {
                    Push(batch.Prepared[i], sessions);
                }

                more = more && Fill(batch, ref widest, offer, inFlight);
            }

            Finish(sessions);
        }

        /// <summary>Reads the next lines into <paramref name="batch"/> and offers it; returns whether the log may go on.</summary>
        private bool Fill(Batch batch, ref int widest, Action<Batch> offer, Queue<Batch> inFlight)
        {
            batch.Begin();
            while (batch.Count < Batch.Length && lines.TryRead(out var line))
            {
                batch.Lines[batch.Count] = line;
                batch.WidestBefore[batch.Count++] = widest;
                widest = EventBuilder.WidestAfter(widest, line);
            }

            if (batch.Count > 0)
            {
                batch.Offer();
                inFlight.Enqueue(batch);
                offer(batch);
            }

            return batch.Count == Batch.Length;
        }

        private void Push(PreparedLine line, SessionCollector sessions)
        {
            if (line.Escaped)
            {
                foreach (var e in Builder.PushEscaped(line.Line))
                {
                    sessions.Add(e);
                }

                return;
            }

            if (Builder.Push(line, out var skipped) is { } one)
            {
                sessions.Add(one);
            }

            if (skipped is { } passed)
            {
                sessions.Skip(passed.Line, passed.Session, passed.ParentSession);
            }
        }

        private void Finish(SessionCollector sessions)
        {
            if (Builder.Release() is { } last)
            {
                sessions.Add(last);
            }
        }
    }

    /// <summary>
    /// Lines read ahead, to be parsed (<see cref="EventBuilder.Prepare"/>) by whichever thread claims them first. The reading thread
    /// fills a batch and offers it; a batch is claimed once per filling; a batch used again is not claimable while it is being filled.
    /// </summary>
    private sealed class Batch(EventBuilder builder) : IDisposable
    {
        public const int Length = 128;

        private readonly ManualResetEventSlim prepared = new(false);

        /// <summary>1 while being filled, while being parsed and once parsed; 0 when offered and not yet claimed.</summary>
        private int claimed = 1;

        private ExceptionDispatchInfo? failure;

        public RawLine[] Lines { get; } = new RawLine[Length];

        /// <summary>The widest line before each line (what <see cref="EventBuilder.Prepare"/> needs), measured as the lines were read.</summary>
        public int[] WidestBefore { get; } = new int[Length];

        public PreparedLine[] Prepared { get; } = new PreparedLine[Length];

        public int Count { get; set; }

        public bool IsPrepared => prepared.IsSet;

        /// <summary>Starts a filling (the reading thread, once the batch's previous lines are in).</summary>
        public void Begin()
        {
            Volatile.Write(ref claimed, 1);
            prepared.Reset();
            failure = null;
            Count = 0;
        }

        /// <summary>Makes the filled batch claimable.</summary>
        public void Offer() => Volatile.Write(ref claimed, 0);

        /// <summary>Parses the batch when no thread has claimed it yet; returns whether this call did.</summary>
        public bool TryPrepare()
        {
            if (Interlocked.CompareExchange(ref claimed, 1, 0) != 0)
            {
                return false;
            }

            try
            {
                for (var i = 0; i < Count; i++)
                {
                    Prepared[i] = builder.Prepare(Lines[i], WidestBefore[i]);
                }
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                prepared.Set();
            }

            return true;
        }

        /// <summary>Waits until the batch is parsed; a failure of its parsing is thrown here, on the reading thread.</summary>
        public void WaitPrepared(CancellationToken stop)
        {
            prepared.Wait(stop);
            failure?.Throw();
        }

        public void Dispose() => prepared.Dispose();
    }
}
