using LogLens.Cli;

// One line on stderr and a documented exit code for anything unexpected: never a stack trace.
try
{
    return LoglensCommand.Run(args);
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
