using System.CommandLine;
using LogLens.Events;
using LogLens.Parsing;
using LogLens.Rendering;

namespace LogLens.Cli.Commands;

/// <summary><c>loglens events [FILE...] [--format jsonl|text]</c>: the typed event of every input line.</summary>
internal static class EventsCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Log files to read; '-' or none reads standard input.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format: jsonl (one JSON object per line) or text.",
            DefaultValueFactory = _ => "jsonl",
        };
        format.AcceptOnlyFromAmong("jsonl", "text");

        var command = new Command("events", "Print the typed event of every input line (one JSON object per line, or text).")
        {
            files, format,
        };
        command.SetAction(result => Run(
            Input.From(result.GetValue(files)),
            result.GetValue(format) ?? "jsonl",
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error,
            LoglensCommand.StandardInput));
        return command;
    }

    internal static int Run(IReadOnlyList<Input> inputs, string format, TextWriter output, TextWriter error, Func<Stream> stdin)
    {
        var exit = ExitCodes.Success;
        Action<SshEvent, TextWriter> write = format == "text" ? EventWriter.WriteText : EventWriter.WriteJson;
        foreach (var input in inputs)
        {
            using var stream = input.Open(input.IsStdin ? stdin() : Stream.Null, out var problem);
            if (stream is null)
            {
                error.WriteLine(problem);
                exit = ExitCodes.UsageOrInput;
                continue;
            }

            try
            {
                // sshd's log gets sshd's events (told by its start, or by its first line on standard input, which may be live).
                var text = SshLog.OpenText(stream);
                var (kind, reader) = input.IsStdin ? LogSniffer.SniffFirstLine(text) : LogSniffer.Sniff(text);
                foreach (var e in kind == LogKind.Server ? SshdLog.ReadEvents(reader) : SshLog.ReadEvents(reader))
                {
                    write(e, output);
                }
            }
            catch (IOException e)
            {
                error.WriteLine($"loglens: {input.Name}: read error: {e.Message}");
                exit = ExitCodes.UsageOrInput;
            }
        }

        output.Flush();
        return exit;
    }
}
