using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using LogLens.Analysis;
using LogLens.Parsing;

namespace LogLens;

/// <summary>
/// The report path over ssh's output, in two halves: lines to events to closed sessions (the grammar and the
/// <see cref="SessionCollector"/>), and sessions to reports (the rules, then the caller's callback: <see cref="LogAnalyzer.Conclude"/>).
/// A log longer than its first <see cref="InlineLines"/> lines has its first half run on a second thread while the caller's
/// thread runs the second: the halves cost about the same, so a large log takes about half the time on two cores. The closed
/// sessions go through a bounded queue (memory stays flat), in order, and the rules and callbacks stay on the caller's thread,
/// so the report is the same.
/// </summary>
internal static class ClientPipeline
{
    /// <summary>How many lines are read on the caller's thread before a second thread takes over (a short log never starts one).</summary>
    internal const int InlineLines = 1024;

    /// <summary>How many closed groups of sessions the reading half may be ahead of the rules.</summary>
    private const int GroupsAhead = 16;

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

    /// <summary>Reads and collects the rest of the log on a second thread while this one diagnoses the sessions it closes.</summary>
    private static void RunAhead(EventSource source, LogAnalyzer analyzer)
    {
        var sessions = analyzer.Sessions;
        var conclude = sessions.Closed;
        using var full = new BlockingCollection<IReadOnlyList<ClosedSession>>(GroupsAhead);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        sessions.Closed = closed => full.Add(closed, stop.Token);
        var thread = new Thread(() =>
        {
            try
            {
                source.Pump(sessions, int.MaxValue);
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
            foreach (var closed in full.GetConsumingEnumerable())
            {
                conclude(closed);
            }
        }
        finally
        {
            stop.Cancel();
            thread.Join();
            sessions.Closed = conclude;
        }

        failure?.Throw();
    }

    /// <summary>The reading half: lines to events (or to lines passed over), into a session collector.</summary>
    private sealed class EventSource(TextReader reader, bool skip)
    {
        private readonly LineReader lines = new(reader);
        private readonly EventBuilder builder = new(clock: null) { Skippable = skip ? [.. LogAnalyzer.ReadForLineOnly] : null };

        /// <summary>Reads up to <paramref name="count"/> lines into <paramref name="sessions"/>; returns whether the log goes on.</summary>
        public bool Pump(SessionCollector sessions, int count)
        {
            for (var read = 0; read < count; read++)
            {
                if (!lines.TryRead(out var line))
                {
                    if (builder.Release() is { } last)
                    {
                        sessions.Add(last);
                    }

                    return false;
                }

                if (LineUnwrapper.HasEscapedLines(line))
                {
                    foreach (var e in builder.PushEscaped(line))
                    {
                        sessions.Add(e);
                    }

                    continue;
                }

                if (builder.Push(line, out var skipped) is { } one)
                {
                    sessions.Add(one);
                }

                if (skipped is { } passed)
                {
                    sessions.Skip(passed.Line, passed.Session, passed.ParentSession);
                }
            }

            return true;
        }
    }
}
