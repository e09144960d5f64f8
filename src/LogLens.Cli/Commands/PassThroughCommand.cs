using System.CommandLine;
using System.CommandLine.Parsing;

namespace LogLens.Cli.Commands;

/// <summary>A subcommand whose arguments are ssh's (<c>probe</c>, <c>ssh</c>): everything after its name goes to its own parser.</summary>
internal static class PassThroughCommand
{
    /// <summary>Creates the command; <paramref name="run"/> gets the tokens after the command's name, unparsed.</summary>
    public static Command Create(string name, string description, string argumentDescription, Func<IReadOnlyList<string>, TextWriter, TextWriter, int> run)
    {
        var rest = new Argument<string[]>("SSH-ARGS")
        {
            Description = argumentDescription,
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command(name, description)
        {
            rest,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(result =>
        {
            var tokens = result.Tokens.SkipWhile(t => t.Type != TokenType.Command || t.Value != name).Skip(1).Select(t => t.Value).ToList();
            return run(tokens, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
        });
        return command;
    }

    /// <summary>The report options from loglens's own options among ssh's, or <see langword="null"/> (said on stderr) for an unknown format.</summary>
    public static ReportOptions? Options(IReadOnlyDictionary<string, string> own, TextWriter error)
    {
        var options = ReportOptions.Default with
        {
            Format = own.GetValueOrDefault("--format", "text"),
            Color = own.GetValueOrDefault("--color", "auto"),
            Quiet = own.ContainsKey("--quiet"),
            Tee = own.ContainsKey("--tee"),
        };
        if (options.Format is "text" or "json" or "sarif")
        {
            return options;
        }

        error.WriteLine($"loglens: unknown format '{options.Format}' (text, json or sarif)");
        return null;
    }
}
