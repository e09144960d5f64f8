using System.CommandLine;
using LogLens.Analysis;
using LogLens.Cli.Output;
using LogLens.Findings;

namespace LogLens.Cli.Commands;

/// <summary><c>loglens [FILE...]</c>: the diagnosis of each input, as text or JSON.</summary>
internal static class ReportCommand
{
    public static void Configure(RootCommand root)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Log files to analyse; '-' or none reads standard input.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format: text or json.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        root.Arguments.Add(files);
        root.Options.Add(format);
        root.SetAction(result => Run(
            Input.From(result.GetValue(files)),
            result.GetValue(format) ?? "text",
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error,
            Console.OpenStandardInput));
    }

    internal static int Run(IReadOnlyList<Input> inputs, string format, TextWriter output, TextWriter error, Func<Stream> stdin)
    {
        var reports = new List<Report>();
        var exit = ExitCodes.Success;
        foreach (var input in inputs)
        {
            using var stream = input.Open(input.IsStdin ? stdin() : Stream.Null, out var problem);
            if (stream is null)
            {
                error.WriteLine(problem);
                exit = ExitCodes.UsageOrInput;
                continue;
            }

            var report = SshLog.Analyze(stream, input.Name);
            if (report.Main is null)
            {
                error.WriteLine($"loglens: {input.Name}: no ssh output found");
            }

            reports.Add(report);
            exit = Worse(exit, ExitCodeOf(report));
        }

        if (format == "json")
        {
            if (reports.Count > 0)
            {
                ReportJsonWriter.Write(output, reports, asArray: inputs.Count > 1);
            }
        }
        else
        {
            var writer = new ReportTextWriter(output, color: false);
            foreach (var report in reports)
            {
                writer.Write(report);
            }
        }

        output.Flush();
        return exit;
    }

    internal static int ExitCodeOf(Report report) => report.Outcome switch
    {
        Outcome.Succeeded => ExitCodes.Success,
        Outcome.Failed => ExitCodes.Failure,
        _ => ExitCodes.Inconclusive,
    };

    /// <summary>Unreadable input beats a failure, which beats an inconclusive input, which beats success.</summary>
    private static int Worse(int a, int b)
    {
        static int Rank(int code) => code switch
        {
            ExitCodes.UsageOrInput => 3,
            ExitCodes.Failure => 2,
            ExitCodes.Inconclusive => 1,
            _ => 0,
        };

        return Rank(a) >= Rank(b) ? a : b;
    }
}
