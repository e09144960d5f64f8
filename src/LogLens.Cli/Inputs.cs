namespace LogLens.Cli;

/// <summary>One input named on the command line: a file, or <c>-</c> for standard input.</summary>
internal sealed record Input(string Name)
{
    public bool IsStdin => Name == "-";

    /// <summary>Whether <see cref="Open"/> refused the input as binary (exit 2, like any input without ssh output).</summary>
    public bool IsBinary { get; private set; }

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

            var file = new FileStream(Name, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024, FileOptions.SequentialScan);
            if (LooksBinary(file))
            {
                file.Dispose();
                error = $"loglens: {Name}: no ssh output found (a binary file)";
                IsBinary = true;
                return null;
            }

            return file;
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

    /// <summary>
    /// A NUL byte in the first 8 KiB, without a UTF-16/32 byte order mark, means a binary file (an executable,
    /// an archive): text logs have none. The stream is rewound.
    /// </summary>
    private static bool LooksBinary(FileStream file)
    {
        Span<byte> head = stackalloc byte[8192];
        var read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        file.Position = 0;
        head = head[..read];
        var unicode = head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ||
                      head.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]);
        return !unicode && head.Contains((byte)0);
    }
}
