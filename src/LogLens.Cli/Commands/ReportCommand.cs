using System.CommandLine;

namespace LogLens.Cli.Commands;

/// <summary><c>loglens [FILE...]</c>: the report for each input.</summary>
internal static class ReportCommand
{
    public static void Configure(RootCommand root)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Log files to analyse; '-' or none reads standard input.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        root.Arguments.Add(files);
        root.SetAction(result => EventsCommand.Run(
            Input.From(result.GetValue(files)), "text",
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, Console.OpenStandardInput));
    }
}
