using System.Collections.Concurrent;
using System.Text;

namespace LogLens.Cli.Live;

/// <summary>
/// Live input as a reader that can be interrupted: a background thread reads the source (a pipe, ssh's stderr) in chunks,
/// tells the <see cref="LiveWatch"/> when each line arrives, echoes lines as they come (for <c>--tee</c>, or ssh's own
/// messages in <c>loglens ssh</c>), and hands the chunks on. When the interrupt token fires (SIGINT, SIGTERM, SIGHUP) the
/// reader ends at once, as if the input had ended, so what arrived is analysed and reported. The <c>end</c> token ends
/// it the same way without calling it an interrupt: ssh exited while a child of it (a ControlPersist master started
/// with -v) still holds its stderr open. Each chunk keeps the time it arrived: <see cref="Arrivals"/> tells the analysis
/// that time for the lines it reads, not the time it gets to them (on a busy machine the analysis may lag behind the input).
/// </summary>
internal sealed class LiveInput : TextReader
{
    private const int ChunkSize = 16 * 1024;

    /// <summary>The longest part of a line echoed; the analysis still reads it whole (LineReader cuts it).</summary>
    private const int LineCap = 64 * 1024;

    private readonly TextReader source;
    private readonly LiveWatch watch;
    private readonly Action<string>? echo;
    private readonly CancellationToken interrupt;
    private readonly CancellationToken stop;
    private readonly BlockingCollection<(string Text, DateTimeOffset Arrived)> chunks = new(boundedCapacity: 64);
    private readonly TimeProvider clock;
    private readonly StringBuilder line = new();
    private IOException? failure;
    private string? chunk;
    private DateTimeOffset? arrived;
    private int position;
    private bool afterCarriageReturn;
    private bool stopped;

    public LiveInput(TextReader source, LiveWatch watch, Action<string>? echo, TimeProvider clock, CancellationToken interrupt, CancellationToken end = default)
    {
        this.clock = clock;
        Arrivals = new ArrivalClock(this, clock);
        stop = end.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(interrupt, end).Token : interrupt;
        this.source = source;
        this.watch = watch;
        this.echo = echo;
        this.interrupt = interrupt;
        new Thread(Pump) { IsBackground = true, Name = "loglens live input" }.Start();
    }

    /// <summary>
    /// A clock that reads the arrival time of the text last read from this reader (the clock's time before any): the
    /// arrival times for the events of the lines read.
    /// </summary>
    public TimeProvider Arrivals { get; }

    /// <summary>Whether the input ended because of an interrupt rather than its end.</summary>
    public bool Interrupted { get; private set; }

    /// <summary>Whether the source itself ended (its reading thread is done with it, so it may be closed).</summary>
    public bool SourceEnded => chunks.IsAddingCompleted;

    public override int Read(char[] buffer, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        while (chunk is null || position == chunk.Length)
        {
            // What already arrived is read first, also after a signal: the report covers every line ssh printed.
            if (!chunks.TryTake(out var next))
            {
                if (Interrupted || stopped)
                {
                    chunk = null;
                    return 0;
                }

                try
                {
                    if (!chunks.TryTake(out next, Timeout.Infinite, stop))
                    {
                        chunk = null;
                        return failure is null ? 0 : throw failure;
                    }
                }
                catch (OperationCanceledException)
                {
                    Interrupted = interrupt.IsCancellationRequested;
                    stopped = true;
                    chunk = null;
                    continue;
                }
            }

            (chunk, arrived) = next;
            position = 0;
        }

        var n = Math.Min(count, chunk.Length - position);
        chunk.CopyTo(position, buffer, index, n);
        position += n;
        return n;
    }

    public override int Read()
    {
        var one = new char[1];
        return Read(one, 0, 1) == 1 ? one[0] : -1;
    }

    public override int Peek() => -1;

    private void Pump()
    {
        var buffer = new char[ChunkSize];
        try
        {
            int n;
            while ((n = source.Read(buffer, 0, buffer.Length)) > 0)
            {
                var text = new string(buffer, 0, n);
                var time = clock.GetUtcNow();
                watch.ObserveText(text);
                if (echo is not null)
                {
                    Lines(text);
                }

                chunks.Add((text, time), stop);
            }

            if (line.Length > 0)
            {
                Completed();
            }
        }
        catch (OperationCanceledException)
        {
            // Interrupted: the reader has already ended.
        }
        catch (IOException e)
        {
            failure = e;
        }
        catch (ObjectDisposedException)
        {
            // The source was closed under us at exit.
        }
        finally
        {
            chunks.CompleteAdding();
        }
    }

    /// <summary>Splits a chunk into lines the way the line reader does (<c>\n</c>, <c>\r\n</c>, a lone <c>\r</c>).</summary>
    private void Lines(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c == '\n' && afterCarriageReturn)
            {
                afterCarriageReturn = false;
                continue;
            }

            afterCarriageReturn = c == '\r';
            if (c is '\n' or '\r')
            {
                Completed();
            }
            else if (line.Length < LineCap)
            {
                line.Append(c);
            }
        }
    }

    private void Completed()
    {
        var text = line.ToString();
        line.Clear();
        echo?.Invoke(text);
    }

    /// <summary>The time the text being read arrived; everything else from the clock it was given.</summary>
    private sealed class ArrivalClock(LiveInput input, TimeProvider clock) : TimeProvider
    {
        public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

        public override long TimestampFrequency => clock.TimestampFrequency;

        public override DateTimeOffset GetUtcNow() => input.arrived ?? clock.GetUtcNow();

        public override long GetTimestamp() => clock.GetTimestamp();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            clock.CreateTimer(callback, state, dueTime, period);
    }
}
