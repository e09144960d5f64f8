using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using LogLens.Cli.Live;

namespace LogLens.Cli.Commands;

/// <summary>
/// <c>loglens ssh [loglens options] [--] [ssh arguments]</c>: runs the real <c>ssh -vvv</c> with the terminal left to it
/// (stdin and stdout inherited, so prompts, interactive logins and the shell work) and only its stderr piped to loglens,
/// which echoes ssh's own messages (not the debug lines), announces silences in network phases, and reports when ssh
/// exits or is interrupted. The report goes to stderr (stdout is ssh's), or to <c>--output FILE</c>; the exit code is ssh's.
/// </summary>
internal static class SshCommand
{
    /// <summary>The environment variable that names the ssh program (tests point it at a fake).</summary>
    public const string SshVariable = "LOGLENS_SSH";

    internal static readonly HashSet<string> OwnOptionsWithValue = new(StringComparer.Ordinal) { "--format", "--color", "--severity", "--exclude", "--ssh", "--output" };
    internal static readonly HashSet<string> OwnFlags = new(StringComparer.Ordinal) { "--tee", "--quiet", "-q" };

    public static Command Create()
    {
        var command = PassThroughCommand.Create(
            "ssh",
            """
                Run ssh -vvv interactively and diagnose it: the terminal stays ssh's (prompts, logins, the shell work), loglens
                reads only ssh's stderr, shows ssh's own messages, says when ssh waits on the network, and prints the report on
                stderr when ssh exits or on Ctrl-C. loglens's options come first, then ssh's (or put -- between them).
                Exit code: ssh's own. Example: loglens ssh -p 2222 user@host
                """,
            "ssh's arguments as you would give them to ssh (e.g. -p 2222 user@host); -vvv is added.",
            Run);
        PassThroughCommand.AddOwnOptions(
            command,
            new Option<string>("--output") { Description = "Write the report to this file instead of stderr.", HelpName = "FILE" },
            new Option<bool>("--quiet", "-q") { Description = "Print no report; the exit code is ssh's either way." });
        return command;
    }

    /// <summary>Splits loglens's own options (which come first) from ssh's arguments, runs ssh, and reports.</summary>
    internal static int Run(IReadOnlyList<string> tokens, TextWriter output, TextWriter error)
    {
        var own = new Dictionary<string, string>(StringComparer.Ordinal);
        var at = 0;
        for (; at < tokens.Count; at++)
        {
            var token = tokens[at];
            var eq = token.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 && token.StartsWith("--", StringComparison.Ordinal) ? token[..eq] : token;
            if (token == "--")
            {
                at++;
                break;
            }

            if (OwnOptionsWithValue.Contains(name))
            {
                if (eq < 0 && at + 1 >= tokens.Count)
                {
                    error.WriteLine($"loglens: {name} needs a value (see loglens ssh --help)");
                    return ExitCodes.UsageOrInput;
                }

                PassThroughCommand.Set(own, name, eq > 0 ? token[(eq + 1)..] : tokens[++at]);
            }
            else if (OwnFlags.Contains(token))
            {
                own[token == "-q" ? "--quiet" : token] = "true";
            }
            else
            {
                break;
            }
        }

        var sshArgs = tokens.Skip(at).ToList();
        if (sshArgs.Count == 0)
        {
            error.WriteLine("loglens: ssh needs ssh's arguments, e.g. loglens ssh user@host");
            return ExitCodes.UsageOrInput;
        }

        if (PassThroughCommand.Options(own, error) is not { } options)
        {
            return ExitCodes.UsageOrInput;
        }

        var program = own.GetValueOrDefault("--ssh") ?? (Environment.GetEnvironmentVariable(SshVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : "ssh");
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var arg in (string[])["-vvv", .. sshArgs])
        {
            start.ArgumentList.Add(arg);
        }

        TextWriter? file = null;
        try
        {
            if (own.TryGetValue("--output", out var path))
            {
                try
                {
                    file = new StreamWriter(path);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    error.WriteLine($"loglens: {path}: cannot write the report: {e.Message}");
                    return ExitCodes.UsageOrInput;
                }
            }

            // stdout is ssh's (the terminal, or where the user sent the remote command's output): the report goes to stderr.
            _ = output;
            var terminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
            return Run(start, sshArgs, options, file ?? error, TextWriter.Synchronized(error), terminal);
        }
        finally
        {
            file?.Dispose();
        }
    }

    private static int Run(ProcessStartInfo start, List<string> sshArgs, ReportOptions options, TextWriter report, TextWriter error, bool terminal)
    {
        using var interrupts = LoglensCommand.Live.Listen();
        Process ssh;
        try
        {
            ssh = Process.Start(start) ?? throw new InvalidOperationException("ssh did not start");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            error.WriteLine($"loglens: cannot run {start.FileName}: {e.Message}");
            return ExitCodes.UsageOrInput;
        }

        var keep = false;
        using var exited = new CancellationTokenSource();

        // ssh's stderr normally ends when ssh does; a child it leaves behind (a ControlPersist master run with -v) may hold
        // it open, so half a second after ssh exits the input ends anyway.
        _ = ssh.WaitForExitAsync().ContinueWith(_ => exited.CancelAfter(TimeSpan.FromMilliseconds(500)), TaskScheduler.Default);
        try
        {
            var echo = LiveReport.EchoTo(error, carriageReturn: terminal);
            Action<string> show = options.Tee ? echo : line =>
            {
                if (!IsDebugOutput(line))
                {
                    echo(line);
                }
            };
            using var json = options.Format == "json" && !options.Quiet ? new Rendering.ReportJsonWriter(report, asArray: false) : null;
            var live = LiveReport.Read(ssh.StandardError, "ssh " + string.Join(' ', sshArgs), options, error, show, json, interrupts, exited.Token, out var input);
            keep = !input.SourceEnded;
            if (live.Interrupted && !ssh.WaitForExit(TimeSpan.FromSeconds(2)))
            {
                // The signal reached loglens alone (kill, a closed window): end ssh too rather than leave it behind.
                ssh.Kill();
            }

            ssh.WaitForExit();
            ReportCommand.PrintLive(live, options, report, error, streamed: json is not null);
            return ssh.ExitCode;
        }
        finally
        {
            // The reading thread may still be blocked on ssh's stderr (after a signal, or a child of ssh holds it open):
            // closing it under that thread would wait for it, so it is left to the end of the process.
            if (!keep)
            {
                ssh.Dispose();
            }
        }
    }

    /// <summary>Whether a line is output that only -v/-vv/-vvv brings: the debug lines and the version banner.</summary>
    internal static bool IsDebugOutput(string line) =>
        line.StartsWith("debug1: ", StringComparison.Ordinal) || line.StartsWith("debug2: ", StringComparison.Ordinal) ||
        line.StartsWith("debug3: ", StringComparison.Ordinal) || line.StartsWith("OpenSSH_", StringComparison.Ordinal);
}
