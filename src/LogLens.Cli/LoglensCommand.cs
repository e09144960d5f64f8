using System.CommandLine;
using LogLens.Cli.Commands;

namespace LogLens.Cli;

/// <summary>The root command: <c>loglens [FILE...]</c> and its subcommands.</summary>
internal static class LoglensCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("loglens: reads ssh -v/-vv/-vvv output and tells why the connection failed, where, and how to fix it.");
        root.Subcommands.Add(EventsCommand.Create());
        root.Subcommands.Add(RulesCommand.Create());
        root.Subcommands.Add(ExplainCommand.Create());
        root.Subcommands.Add(RedactCommand.Create());
        root.Subcommands.Add(ProbeCommand.Create());
        ReportCommand.Configure(root);
        return root;
    }
}
