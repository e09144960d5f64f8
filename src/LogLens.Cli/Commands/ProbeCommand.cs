using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using LogLens.Cli.Live;

namespace LogLens.Cli.Commands;

/// <summary>
/// <c>loglens probe [ssh options] [user@]host</c>: runs the real <c>ssh -vvv</c> with BatchMode, a connect
/// timeout and the remote command <c>exit</c>, reads its output as it arrives, and reports. loglens's own
/// options (<c>--format</c>, <c>--tee</c>, ...) may be mixed in; everything else goes to ssh unchanged.
/// </summary>
internal static class ProbeCommand
{
    internal static readonly HashSet<string> OwnOptionsWithValue = new(StringComparer.Ordinal) { "--format", "--color", "--severity", "--exclude", "--ssh", "--timeout" };
    internal static readonly HashSet<string> OwnFlags = new(StringComparer.Ordinal) { "--tee", "--quiet", "-q" };

    public static Command Create()
    {
        var command = PassThroughCommand.Create(
            "probe",
            "Run ssh -vvv against a host (BatchMode, a connect timeout, the command 'exit'), and diagnose what it prints. Its options may be mixed with ssh's; everything else goes to ssh.",
            "ssh options and the destination, as you would give them to ssh (e.g. -p 2222 -i ~/.ssh/id_ed25519 user@host).",
            Run);

        PassThroughCommand.AddOwnOptions(
            command,
            new Option<string>("--timeout") { Description = "ssh's ConnectTimeout, in whole seconds (default 10).", HelpName = "SECONDS" },
            new Option<bool>("--quiet", "-q") { Description = "Print no report (ssh is not made quiet); only the exit code tells the outcome." });
        return command;
    }

    internal static int Run(IReadOnlyList<string> tokens, TextWriter output, TextWriter error)
    {
        var own = new Dictionary<string, string>(StringComparer.Ordinal);
        var sshArgs = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var eq = token.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 && token.StartsWith("--", StringComparison.Ordinal) ? token[..eq] : token;
            if (OwnOptionsWithValue.Contains(name))
            {
                if (eq < 0 && i + 1 >= tokens.Count)
                {
                    error.WriteLine($"loglens: {name} needs a value (see loglens probe --help)");
                    return ExitCodes.UsageOrInput;
                }

                PassThroughCommand.Set(own, name, eq > 0 ? token[(eq + 1)..] : tokens[++i]);
            }
            else if (OwnFlags.Contains(token))
            {
                // -q is loglens's --quiet: ssh stays verbose, or there would be nothing to diagnose.
                own[token == "-q" ? "--quiet" : token] = "true";
            }
            else
            {
                sshArgs.Add(token);
            }
        }

        var timeout = 10;
        if (own.TryGetValue("--timeout", out var t) && !(int.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out timeout) && timeout > 0))
        {
            error.WriteLine($"loglens: --timeout needs a whole number of seconds above 0, not '{t}' (see loglens probe --help)");
            return ExitCodes.UsageOrInput;
        }

        if (PassThroughCommand.Options(own, error) is not { } options)
        {
            return ExitCodes.UsageOrInput;
        }

        if (!sshArgs.Any(a => !a.StartsWith('-')))
        {
            error.WriteLine("loglens: probe needs a destination, e.g. loglens probe user@host");
            return ExitCodes.UsageOrInput;
        }

        var start = new ProcessStartInfo(own.GetValueOrDefault("--ssh", "ssh"))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["-vvv", "-o", "BatchMode=yes", "-o", $"ConnectTimeout={timeout}", .. sshArgs, "exit"])
        {
            start.ArgumentList.Add(arg);
        }

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

        using (ssh)
        {
            ssh.StandardInput.Close();
            var log = new BlockingLines();
            ssh.ErrorDataReceived += (_, e) => log.Add(e.Data);
            ssh.OutputDataReceived += (_, e) => log.Add(e.Data);
            ssh.BeginErrorReadLine();
            ssh.BeginOutputReadLine();
            _ = ssh.WaitForExitAsync().ContinueWith(_ => log.Complete(), TaskScheduler.Default);

            // Read live: silences in network phases are announced, and a signal reports what arrived (and ends ssh).
            using var interrupts = LoglensCommand.Live.Listen();
            using var json = options.Format == "json" && !options.Quiet ? new Rendering.ReportJsonWriter(output, asArray: false) : null;
            var errors = TextWriter.Synchronized(error);
            var live = LiveReport.Read(log.Reader, "probe: ssh " + string.Join(' ', sshArgs), options, errors, options.Tee ? LiveReport.EchoTo(errors) : null, json, interrupts);
            if (live.Interrupted && !ssh.HasExited)
            {
                ssh.Kill();
            }

            return ReportCommand.PrintLive(live, options, output, errors, streamed: json is not null);
        }
    }

    /// <summary>Lines from ssh's two output streams, handed to a reader in the order they arrive.</summary>
    private sealed class BlockingLines
    {
        private readonly System.Collections.Concurrent.BlockingCollection<string> lines = [];
        private int open = 2;

        public TextReader Reader => new LinesReader(lines);

        public void Add(string? line)
        {
            if (line is null)
            {
                if (Interlocked.Decrement(ref open) == 0)
                {
                    lines.CompleteAdding();
                }

                return;
            }

            if (!lines.IsAddingCompleted)
            {
                lines.Add(line);
            }
        }

        public void Complete()
        {
            // Both streams end with a null line; this is the fallback if the process exits without them.
            Thread.Sleep(200);
            if (!lines.IsAddingCompleted)
            {
                lines.CompleteAdding();
            }
        }
    }

    private sealed class LinesReader(System.Collections.Concurrent.BlockingCollection<string> lines) : TextReader
    {
        private string? current;
        private int position;

        public override int Read()
        {
            while (current is null || position > current.Length)
            {
                if (!lines.TryTake(out current, Timeout.Infinite))
                {
                    return -1;
                }

                position = 0;
            }

            return position == current.Length ? Advance('\n') : current[position++];
        }

        public override int Read(char[] buffer, int index, int count)
        {
            var n = 0;
            while (n < count)
            {
                var c = n == 0 ? Read() : (current is not null && position <= current.Length ? Read() : -1);
                if (c < 0)
                {
                    break;
                }

                buffer[index + n++] = (char)c;
            }

            return n;
        }

        private int Advance(char c)
        {
            position++;
            return c;
        }
    }
}
