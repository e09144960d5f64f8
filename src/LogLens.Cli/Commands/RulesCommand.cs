using System.CommandLine;
using LogLens.Rendering;
using LogLens.Rules;

namespace LogLens.Cli.Commands;

/// <summary><c>loglens rules</c>: every finding LogLens can report.</summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var command = new Command("rules", "List every finding (the client's and sshd's log's): ID, slug, severity, phase and title.");
        command.SetAction(result => Run(result.InvocationConfiguration.Output));
        return command;
    }

    internal static int Run(TextWriter output)
    {
        foreach (var rule in RuleCatalog.Every.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            output.WriteLine($"{rule.Id}  {rule.Slug,-30} {Names.Of(rule.Severity),-8} {Names.Of(rule.Phase),-17} {rule.Title}");
        }

        return ExitCodes.Success;
    }
}
