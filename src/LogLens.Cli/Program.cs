using System.Text;
using LogLens.Cli;

// Redirected output: the console's own writer hands every 256 characters to the system, so a report of 500 MB of JSON
// took two million writes. Each write call still reaches the output at once (AutoFlush), in one piece. The commands get
// this writer itself (Console.Out wraps it): the JSON report, in UTF-8, then goes to its stream as bytes.
StreamWriter? output = null;
if (Console.IsOutputRedirected)
{
    var encoding = Console.OutputEncoding.CodePage == Encoding.UTF8.CodePage ? new UTF8Encoding(false) : Console.OutputEncoding;
    output = new StreamWriter(Console.OpenStandardOutput(), encoding, 64 * 1024) { AutoFlush = true };
    Console.SetOut(output);
}

// One line on stderr and a documented exit code for anything unexpected: never a stack trace.
try
{
    return LoglensCommand.Run(args, output);
}
catch (IOException e)
{
    Console.Error.WriteLine($"loglens: cannot read the input: {e.Message}");
    return ExitCodes.UsageOrInput;
}
catch (UnauthorizedAccessException e)
{
    Console.Error.WriteLine($"loglens: permission denied: {e.Message}");
    return ExitCodes.UsageOrInput;
}
#pragma warning disable CA1031 // the last line of defence: report, don't crash
catch (Exception e)
#pragma warning restore CA1031
{
    Console.Error.WriteLine($"loglens: internal error ({e.GetType().Name}): {e.Message}");
    return ExitCodes.UsageOrInput;
}
