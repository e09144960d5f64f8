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

    /// <summary>
    /// Declares loglens's own options for help and completion: the report options both commands share, then
    /// <paramref name="extra"/>. The commands read them from the tokens themselves, among ssh's, and check their values.
    /// </summary>
    public static void AddOwnOptions(Command command, params Option[] extra)
    {
        var format = new Option<string>("--format") { Description = "Output format: text, json or sarif.", HelpName = "text|json|sarif" };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var color = new Option<string>("--color") { Description = "Colour the text report: auto, always or never.", HelpName = "auto|always|never" };
        color.AcceptOnlyFromAmong("auto", "always", "never");
        var severity = new Option<string>("--severity") { Description = "The least severe findings shown: error, warning or info.", HelpName = "error|warning|info" };
        severity.AcceptOnlyFromAmong("error", "warning", "info");
        var exclude = new Option<string[]>("--exclude") { Description = "Findings to leave out, by ID or slug (comma-separated or repeated).", HelpName = "ID|SLUG", AllowMultipleArgumentsPerToken = false };
        exclude.CompletionSources.Add(ReportCommand.RuleIds());
        Option[] shared =
        [
            format, color, severity, exclude,
            new Option<string>("--ssh") { Description = $"The ssh program to run (default: ssh on the PATH, or ${SshCommand.SshVariable}).", HelpName = "PATH" },
            new Option<bool>("--tee") { Description = "Echo ssh's debug output to stderr as it arrives." },
        ];
        foreach (var option in shared.Concat(extra))
        {
            command.Options.Add(option);
        }
    }

    /// <summary>
    /// A pass-through command's help without the parser's section about unmatched tokens ("Additional Arguments"): the
    /// command's own SSH-ARGS argument says where they go.
    /// </summary>
    public static string WithoutAdditionalArguments(string help)
    {
        var text = help.Replace(" [[--] <additional arguments>...]]", string.Empty, StringComparison.Ordinal);
        var at = text.IndexOf("Additional Arguments:", StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }

        var end = text.IndexOf("\n\n", at, StringComparison.Ordinal) is var blank and >= 0 ? blank + 1 : text.Length;
        return text[..at] + text[end..].TrimStart('\n');
    }

    /// <summary>The report options from loglens's own options among ssh's, or <see langword="null"/> (said on stderr) for a wrong value.</summary>
    public static ReportOptions? Options(IReadOnlyDictionary<string, string> own, TextWriter error)
    {
        var format = own.GetValueOrDefault("--format", "text");
        var color = own.GetValueOrDefault("--color", "auto");
        var severity = ReportCommand.SeverityOf(own.GetValueOrDefault("--severity"));
        if (format is not ("text" or "json" or "sarif"))
        {
            error.WriteLine($"loglens: unknown format '{format}' (text, json or sarif)");
            return null;
        }

        if (color is not ("auto" or "always" or "never"))
        {
            error.WriteLine($"loglens: unknown --color '{color}' (auto, always or never)");
            return null;
        }

        if (severity is null)
        {
            error.WriteLine($"loglens: unknown --severity '{own["--severity"]}' (error, warning or info)");
            return null;
        }

        if (ReportCommand.ParseExclude(own.TryGetValue("--exclude", out var exclude) ? [exclude] : [], error) is not { } excluded)
        {
            return null;
        }

        return ReportOptions.Default with
        {
            Format = format,
            Color = color,
            MinSeverity = severity.Value,
            Exclude = excluded,
            Quiet = own.ContainsKey("--quiet"),
            Tee = own.ContainsKey("--tee"),
        };
    }

    /// <summary>Records an option's value; a repeated <c>--exclude</c> adds to the list, any other option's last value wins.</summary>
    public static void Set(Dictionary<string, string> own, string name, string value) =>
        own[name] = name == "--exclude" && own.TryGetValue(name, out var earlier) ? $"{earlier},{value}" : value;
}
