using LogLens.Analysis;
using LogLens.Cli.Commands;
using LogLens.Rendering;

namespace LogLens.Cli.Live;

/// <summary>What a live read gave: the report, whether a signal ended it, and the line that says what ssh was waiting for.</summary>
internal sealed record LiveResult(Report Report, bool Interrupted, string? Note);

/// <summary>Reads ssh's output live (stdin from a pipe or a terminal, or ssh's stderr in <c>loglens ssh</c>) until it ends or a signal comes, and analyses it.</summary>
internal static class LiveReport
{
    /// <summary>Reads and analyses; notices about silences go to <paramref name="error"/> while it reads.</summary>
    /// <param name="source">The live text.</param>
    /// <param name="name">The input's name for the report.</param>
    /// <param name="options">How the report is shown.</param>
    /// <param name="error">stderr (already synchronized: the reader thread, the timer and the analysis all write to it).</param>
    /// <param name="echo">Gets each line as it arrives (for <c>--tee</c> or ssh's own messages), or null.</param>
    /// <param name="json">The streaming JSON writer, or null.</param>
    /// <param name="interrupts">Ends the read early.</param>
    /// <param name="end">Ends the read as if the input had ended (the program whose output it is exited).</param>
    /// <param name="input">The live input, for the caller to see whether its source ended.</param>
    public static LiveResult Read(TextReader source, string name, ReportOptions options, TextWriter error, Action<string>? echo, ReportJsonWriter? json, Interrupts interrupts,
        CancellationToken end, out LiveInput input)
    {
        var settings = LoglensCommand.Live;
        var watch = new LiveWatch(settings.Clock, options.Quiet ? null : error);
        using var timer = settings.Clock.CreateTimer(_ => watch.Check(), null, settings.Tick, settings.Tick);
        input = new LiveInput(source, watch, echo, settings.Clock, interrupts.Token, end);
        var report = ReportCommand.Analyze(input, name, options, error, live: true, json, input.Arrivals);
        // A Ctrl-C reaches ssh too: its output may end a moment before loglens sees the signal; it was still an interrupt.
        var interrupted = input.Interrupted || interrupts.Token.IsCancellationRequested;
        return new LiveResult(report, interrupted, watch.Summary(interrupted));
    }

    /// <summary>Reads and analyses until the input ends or a signal comes.</summary>
    public static LiveResult Read(TextReader source, string name, ReportOptions options, TextWriter error, Action<string>? echo, ReportJsonWriter? json, Interrupts interrupts) =>
        Read(source, name, options, error, echo, json, interrupts, CancellationToken.None, out _);

    /// <summary>
    /// Echoes a line to stderr, made safe for a terminal. With <paramref name="carriageReturn"/> a line ends in <c>\r\n</c>,
    /// as ssh ends its own: a terminal ssh put in raw mode (the interactive session) does not return the carriage itself.
    /// </summary>
    public static Action<string> EchoTo(TextWriter error, bool carriageReturn = false) => line =>
    {
        error.Write(TerminalText.Escape(line));
        error.Write(carriageReturn ? "\r\n" : "\n");
        error.Flush();
    };
}
