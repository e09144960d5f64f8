using System.CommandLine;
using LogLens.Rules;

namespace LogLens.Cli.Commands;

/// <summary><c>loglens explain ID|SLUG</c>: a finding's help page, in the terminal.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var rule = new Argument<string>("ID|SLUG") { HelpName = "ID|SLUG", Description = "A finding's ID (LL1002) or slug (connection-refused)." };
        rule.CompletionSources.Add(ReportCommand.RuleIds());
        var command = new Command("explain", "Print a finding's help page: what ssh prints, what it means, how to fix it.") { rule };
        command.SetAction(result => Run(result.GetValue(rule) ?? string.Empty, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(string idOrSlug, TextWriter output, TextWriter error)
    {
        if (RuleCatalog.Find(idOrSlug) is not { } rule)
        {
            error.WriteLine($"loglens: no finding '{idOrSlug}' (loglens rules lists them)");
            return ExitCodes.UsageOrInput;
        }

        output.Write(rule.HelpPage());
        return ExitCodes.Success;
    }
}
