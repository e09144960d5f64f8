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

    /// <summary>How many recent lines are kept to tell what ssh waits for: enough to reach back over trace lines.</summary>
    private const int Recent = 64;

    /// <summary>The longest part of a line kept: ssh's lines that tell a wait are short.</summary>
    private const int LineCap = 4096;

    private readonly TimeProvider clock;
    private readonly TextWriter? notices;
    private readonly Lock gate = new();
    private readonly Queue<string> recent = new();
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
    public void Observe(string line)
    {
        lock (gate)
        {
            recent.Enqueue(line.Length > LineCap ? line[..LineCap] : line);
            if (recent.Count > Recent)
            {
                recent.Dequeue();
            }

            lines++;
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
            if (lines == 0 || silent < nextNotice || Current().Kind != WaitKind.Network)
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
            var wait = lines == 0 ? Wait.Nothing : Current();
            if (wait.Kind == WaitKind.None || (!interrupted && silent < TimeSpan.FromSeconds(1)))
            {
                return interrupted && lines == 0 ? "loglens: interrupted before ssh printed anything." : null;
            }

            var seconds = Seconds(silent);
            var how = interrupted ? "interrupted" : "ssh's output ended";
            return wait.Kind == WaitKind.User
                ? $"loglens: {how} while ssh had been waiting {seconds} s for {wait.What}: a wait for you, not for the network."
                : $"loglens: {how}: ssh has been waiting {seconds} s for {wait.What}.";
        }
    }

    /// <summary>What ssh waits for after the lines seen so far (parsed only when asked: a silence is rare, lines are many).</summary>
    private Wait Current() => current ??= Waits.Last(SshLog.Parse(string.Join('\n', recent)));

    private static string Seconds(TimeSpan span) =>
        span.TotalSeconds.ToString(span.TotalSeconds < 10 ? "0.#" : "0", CultureInfo.InvariantCulture);
}
