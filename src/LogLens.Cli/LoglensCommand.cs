using System.CommandLine;
using LogLens.Cli.Commands;

namespace LogLens.Cli;

/// <summary>The root command: <c>loglens [FILE...]</c> and its subcommands.</summary>
internal static class LoglensCommand
{
    /// <summary>Opens standard input (replaced by tests).</summary>
    internal static Func<Stream> StandardInput { get; set; } = Console.OpenStandardInput;

    /// <summary>The clock and signals live mode uses (replaced by tests).</summary>
    internal static Live.LiveSettings Live { get; set; } = Cli.Live.LiveSettings.Default;

    /// <summary>Parses and runs a command line; a usage error is one line on stderr and exit code 3.</summary>
    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var result = Create().Parse(args);
        var asksForHelp = args.Any(a => a is "-h" or "--help" or "-?" or "--version");
        if (result.Errors.Count > 0 && !asksForHelp)
        {
            var message = string.Join(' ', result.Errors[0].Message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            error.WriteLine($"loglens: {message} (see loglens --help)");
            return ExitCodes.UsageOrInput;
        }

        return result.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }

    public static RootCommand Create()
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
        ReportCommand.Configure(root);
        return root;
    }
}
