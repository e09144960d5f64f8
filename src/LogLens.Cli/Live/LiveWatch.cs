using System.Globalization;
using LogLens.Analysis;

namespace LogLens.Cli.Live;

/// <summary>
/// Watches ssh's output as it arrives: when the last line came and what ssh waits for after it. When ssh is silent in a
/// network phase (connect, banner, key exchange, an answer to authentication) it says so on stderr, after 5 s and then
/// each time the silence doubles; waits for the user (prompts, the interactive session) are never announced.
/// The clock is injected, so tests move time instead of sleeping.
/// </summary>
internal sealed class LiveWatch
{
    /// <summary>How long ssh may be silent before the first notice.</summary>
    public static readonly TimeSpan FirstNotice = TimeSpan.FromSeconds(5);

    /// <summary>How much recent text is kept to tell what ssh waits for: enough to reach back over trace lines.</summary>
    private const int TailLength = 32 * 1024;

    private readonly TimeProvider clock;
    private readonly TextWriter? notices;
    private readonly Lock gate = new();
    private readonly Queue<(string Text, bool StartsLine)> tail = new();
    private int tailLength;
    private bool atLineStart = true;
    private DateTimeOffset lastArrival;
    private TimeSpan nextNotice = FirstNotice;
    private Wait? current;
    private int lines;

    /// <summary>A watch that writes its notices to <paramref name="notices"/> (none when null).</summary>
    public LiveWatch(TimeProvider clock, TextWriter? notices)
    {
        this.clock = clock;
        this.notices = notices;
        lastArrival = clock.GetUtcNow();
    }

    /// <summary>Notes that a line arrived now.</summary>
    public void Observe(string line) => ObserveText(line + "\n");

    /// <summary>
    /// Notes that text arrived now (a chunk as read: any number of lines, maybe cut mid-line). The last chunks are kept
    /// (about <see cref="TailLength"/> characters, without a copy) and parsed only when a silence asks what ssh waits for:
    /// a fast input costs a count of line ends.
    /// </summary>
    public void ObserveText(string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        var ends = text.AsSpan().Count('\n');
        lock (gate)
        {
            tail.Enqueue((text, atLineStart));
            tailLength += text.Length;
            while (tail.Count > 1 && tailLength - tail.Peek().Text.Length >= TailLength)
            {
                tailLength -= tail.Dequeue().Text.Length;
            }

            atLineStart = text[^1] is '\n' or '\r';
            lines += ends;
            lastArrival = clock.GetUtcNow();
            nextNotice = FirstNotice;
            current = null;
        }
    }

    /// <summary>Called every second or so: writes a notice when ssh has been silent long enough in a network phase, and returns it.</summary>
    public string? Check()
    {
        string notice;
        lock (gate)
        {
            var silent = clock.GetUtcNow() - lastArrival;
            if (tail.Count == 0 || silent < nextNotice || Current().Kind != WaitKind.Network)
            {
                return null;
            }

            while (nextNotice <= silent)
            {
                nextNotice += nextNotice;
            }

            notice = $"loglens: ssh has been waiting {(int)silent.TotalSeconds} s for {Current().What} since line {lines}; Ctrl-C for the report so far";
        }

        notices?.WriteLine(notice);
        notices?.Flush();
        return notice;
    }

    /// <summary>
    /// The line the report starts with when the input ended: what ssh was waiting for and how long, or
    /// <see langword="null"/> when ssh was waiting for nothing the log shows (or ended right after its last line).
    /// </summary>
    /// <param name="interrupted">Whether a signal ended the input (rather than ssh closing its output).</param>
    public string? Summary(bool interrupted)
    {
        lock (gate)
        {
            var silent = clock.GetUtcNow() - lastArrival;
            var wait = tail.Count == 0 ? Wait.Nothing : Current();
            if (wait.Kind == WaitKind.None || (!interrupted && silent < TimeSpan.FromSeconds(1)))
            {
                return interrupted && tail.Count == 0 ? "loglens: interrupted before ssh printed anything." : null;
            }

            var seconds = Seconds(silent);
            var how = interrupted ? "interrupted" : "ssh's output ended";
            return wait.Kind == WaitKind.User
                ? $"loglens: {how} while ssh had been waiting {seconds} s for {wait.What}: a wait for you, not for the network."
                : $"loglens: {how}: ssh has been waiting {seconds} s for {wait.What}.";
        }
    }

    /// <summary>What ssh waits for after the lines seen so far (parsed only when asked: a silence is rare, lines are many).</summary>
    private Wait Current()
    {
        if (current is null)
        {
            // Whole lines only: the oldest chunk kept may start in the middle of one.
            var (first, startsLine) = tail.Peek();
            var text = string.Concat(tail.Select(c => c.Text));
            var start = startsLine ? 0 : first.IndexOf('\n', StringComparison.Ordinal) + 1;
            current = Waits.Last(SshLog.Parse(start > 0 ? text[start..] : text));
        }

        return current;
    }

    private static string Seconds(TimeSpan span) =>
        span.TotalSeconds.ToString(span.TotalSeconds < 10 ? "0.#" : "0", CultureInfo.InvariantCulture);
}
