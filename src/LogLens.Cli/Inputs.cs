namespace LogLens.Cli;

/// <summary>One input named on the command line: a file, or <c>-</c> for standard input.</summary>
internal sealed record Input(string Name)
{
    public bool IsStdin => Name == "-";

    /// <summary>Whether a name on the command line looks like a mistyped option rather than a file.</summary>
    public bool LooksLikeOption => Name.Length > 1 && Name[0] == '-' && !File.Exists(Name);

    /// <summary>The inputs from the command's file arguments; standard input when there are none.</summary>
    public static IReadOnlyList<Input> From(string[]? files) =>
        files is null || files.Length == 0 ? [new Input("-")] : [.. files.Select(f => new Input(f))];

    /// <summary>Opens the input, or explains in one line why it cannot be read.</summary>
    public Stream? Open(Stream stdin, out string? error)
    {
        error = null;
        if (IsStdin)
        {
            return stdin;
        }

        try
        {
            if (Directory.Exists(Name))
            {
                error = $"loglens: {Name}: is a directory";
                return null;
            }

            return new FileStream(Name, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024, FileOptions.SequentialScan);
        }
        catch (FileNotFoundException)
        {
            error = $"loglens: {Name}: no such file";
        }
        catch (DirectoryNotFoundException)
        {
            error = $"loglens: {Name}: no such file or directory";
        }
        catch (UnauthorizedAccessException)
        {
            error = $"loglens: {Name}: permission denied";
        }
        catch (IOException e)
        {
            error = $"loglens: {Name}: {e.Message}";
        }

        return null;
    }
}
