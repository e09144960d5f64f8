namespace LogLens.Cli;

/// <summary>The exit codes documented in docs/cli.md.</summary>
internal static class ExitCodes
{
    /// <summary>The connection succeeded, or nothing is wrong.</summary>
    public const int Success = 0;

    /// <summary>A failure was diagnosed.</summary>
    public const int Failure = 1;

    /// <summary>No ssh session, or nothing decisive, in the input.</summary>
    public const int Inconclusive = 2;

    /// <summary>Usage error, or the input could not be read.</summary>
    public const int UsageOrInput = 3;

    /// <summary>A signal (Ctrl-C, SIGTERM, SIGHUP) ended the input before ssh reached a verdict; the report covers what arrived.</summary>
    public const int Interrupted = 4;
}
