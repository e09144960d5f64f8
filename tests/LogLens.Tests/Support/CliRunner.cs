using LogLens.Cli;

namespace LogLens.Tests.Support;

/// <summary>Runs the loglens command line in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = LoglensCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public static string TempFile(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"loglens-test-{Guid.NewGuid():N}.log");
        File.WriteAllText(path, content);
        return path;
    }
}
