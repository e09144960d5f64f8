using System.CommandLine;

namespace LogLens.Cli.Commands;

/// <summary><c>loglens redact [FILE]</c>: the log with personal values replaced by stable placeholders, safe to post.</summary>
internal static class RedactCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE")
        {
            Description = "The log to redact; '-' or none reads standard input.",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => "-",
        };
        var command = new Command("redact", "Write the log with user names, host names, IP addresses, key fingerprints and home directory users replaced by stable placeholders (user-1, host-1, 203.0.113.1), so it can be posted safely; algorithm names, options, versions and ports stay, so it diagnoses the same.")
        {
            file,
        };
        command.SetAction(result => Run(new Input(result.GetValue(file) ?? "-"), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, LoglensCommand.StandardInput));
        return command;
    }

    internal static int Run(Input input, TextWriter output, TextWriter error, Func<Stream> stdin)
    {
        string? spool = null;
        try
        {
            var path = input.Name;
            if (input.IsStdin)
            {
                // Redaction reads the log twice; keep standard input in a private temporary file.
                spool = Path.Combine(Path.GetTempPath(), $"loglens-redact-{Guid.NewGuid():N}.log");
                using (var source = stdin())
                using (var target = new FileStream(spool, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.None))
                {
                    source.CopyTo(target);
                }

                path = spool;
            }

            using (var probe = new Input(path).Open(Stream.Null, out var problem))
            {
                if (probe is null)
                {
                    error.WriteLine(problem);
                    return ExitCodes.UsageOrInput;
                }
            }

            SshLog.Redact(() => new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite), new System.Text.UTF8Encoding(false, false)), output);
            output.Flush();
            return ExitCodes.Success;
        }
        finally
        {
            if (spool is not null)
            {
                File.Delete(spool);
            }
        }
    }
}
