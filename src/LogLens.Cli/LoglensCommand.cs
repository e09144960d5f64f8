using System.CommandLine;
using LogLens.Cli.Commands;

namespace LogLens.Cli;

/// <summary>The root command: <c>loglens [FILE...]</c> and its subcommands.</summary>
internal static class LoglensCommand
{
    /// <summary>Opens standard input (replaced by tests).</summary>
    internal static Func<Stream> StandardInput { get; set; } = Console.OpenStandardInput;

    /// <summary>Whether standard input is a terminal, where nobody may know loglens waits for ssh's output (replaced by tests).</summary>
    internal static Func<bool> StandardInputIsTerminal { get; set; } = () => !Console.IsInputRedirected;

    /// <summary>The clock and signals live mode uses (replaced by tests).</summary>
    internal static Live.LiveSettings Live { get; set; } = Cli.Live.LiveSettings.Default;

    /// <summary>Parses and runs a command line; a usage error is one line on stderr and exit code 3.</summary>
    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        if (args is ["help", .. var topic] && !topic.Any(IsHelp))
        {
            // `loglens help [COMMAND]` is `loglens [COMMAND] --help` (a file named help is read with ./help).
            var name = topic.FirstOrDefault(t => !t.StartsWith('-'));
            if (name is not null && !Create().Subcommands.Any(c => c.Name == name))
            {
                error.WriteLine($"loglens: no command '{name}' (see loglens --help)");
                return ExitCodes.UsageOrInput;
            }

            args = name is null ? ["--help"] : [name, "--help"];
        }

        var result = Create().Parse(args);
        var asksForHelp = args.Any(a => IsHelp(a) || a == "--version");
        if (asksForHelp && result.CommandResult.Command is not RootCommand)
        {
            // A subcommand's help shows its own usage: without the root's FILE argument and options, which it does not take.
            result = Create(report: false).Parse(args);
            if (result.CommandResult.Command.Name is "probe" or "ssh")
            {
                using var help = new StringWriter();
                var status = result.Invoke(new InvocationConfiguration { Output = help, Error = error, EnableDefaultExceptionHandler = false });
                output.Write(Commands.PassThroughCommand.WithoutAdditionalArguments(help.ToString().ReplaceLineEndings("\n")).ReplaceLineEndings());
                return status;
            }
        }

        if (result.Errors.Count > 0 && !asksForHelp)
        {
            var message = string.Join(' ', result.Errors[0].Message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            error.WriteLine($"loglens: {message} (see loglens --help)");
            return ExitCodes.UsageOrInput;
        }

        return result.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }

    private static bool IsHelp(string arg) => arg is "-h" or "--help" or "-?";

    /// <summary>The command tree; without <paramref name="report"/>, the root has no <c>FILE</c> argument or report options (for subcommands' help).</summary>
    public static RootCommand Create(bool report = true)
    {
        var root = new RootCommand("""
            loglens: reads ssh -v/-vv/-vvv output and tells why the connection failed (or that it worked), at which phase,
            which lines prove it, and the command that fixes it.

            Which to use when:
              loglens ssh -p 2222 user@host              log in as with ssh (prompts and the shell work); the report comes
                                                         on stderr when ssh exits or on Ctrl-C; the exit code is ssh's
              ssh -vvv user@host 2>&1 | loglens          analyse ssh's output as it runs (from a script: nothing to type)
              ssh -vvv user@host 2>&1 | loglens --tee    ... and still see what ssh prints
              loglens probe -p 2222 user@host            test a host: ssh -vvv with BatchMode and a timeout
              loglens ssh.log                            analyse a saved log

            Live (a pipe, or loglens ssh): when ssh is silent 5 s waiting for the network, loglens says for what on
            stderr; Ctrl-C (or SIGTERM, SIGHUP) prints the report of what arrived. Waits for you are never slow steps.

            More:
              loglens --format json a.log b.log          JSON reports for tools (docs/cli.md)
              loglens redact ssh.log > safe.log          replace users, hosts, addresses before posting
              loglens explain LL5001                     what a finding means and how to fix it

            Exit codes: 0 succeeded, 1 a failure was diagnosed, 2 inconclusive or no ssh output, 3 usage error or unreadable
            input, 4 interrupted before ssh reached a verdict. loglens ssh exits with ssh's own status.
            """);
        root.Subcommands.Add(EventsCommand.Create());
        root.Subcommands.Add(RulesCommand.Create());
        root.Subcommands.Add(ExplainCommand.Create());
        root.Subcommands.Add(RedactCommand.Create());
        root.Subcommands.Add(ProbeCommand.Create());
        root.Subcommands.Add(SshCommand.Create());
        root.Subcommands.Add(CompletionCommand.Create());
        var topic = new Argument<string>("COMMAND") { HelpName = "COMMAND", Description = "The command to describe.", Arity = ArgumentArity.ZeroOrOne };
        var help = new Command("help", "Print this help, or a command's (loglens help probe is loglens probe --help).") { topic };
        help.SetAction(result => Run(["help", .. result.GetValue(topic) is { } name ? [name] : Array.Empty<string>()], result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        root.Subcommands.Add(help);
        topic.CompletionSources.Add([.. root.Subcommands.Select(c => c.Name)]);
        if (report)
        {
            ReportCommand.Configure(root);
        }

        return root;
    }
}
