using System.Runtime.Versioning;
using LogLens.Cli;
using LogLens.Cli.Commands;
using LogLens.Tests.Support;

namespace LogLens.Tests.Cli;

/// <summary>Bad input at the command line gets one clear line on stderr and the documented exit code, never a stack trace.</summary>
[Category("Robustness")]
public class BadInputTests
{
    private static void ShouldBeOneClearLine(string error, string mentioning)
    {
        var text = error.TrimEnd('\n', '\r');
        text.Should().NotContain("\n", "an error is one line").And.NotContain("   at ", "no stack trace").And.NotContain("Exception", "no exception names");
        text.Should().StartWith("loglens: ").And.Contain(mentioning);
    }

    [Test]
    public void AMissingFileExitsThreeWithOneLine()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"loglens-missing-{Guid.NewGuid():N}.log");
        var (exit, output, error) = CliRunner.Run(missing);
        exit.Should().Be(ExitCodes.UsageOrInput);
        ShouldBeOneClearLine(error, missing);
        error.Should().Contain("no such file");
        output.Should().BeEmpty();
    }

    [Test]
    public void ADirectoryExitsThreeWithOneLine()
    {
        var directory = Directory.CreateTempSubdirectory("loglens-dir-").FullName;
        try
        {
            foreach (var args in new[] { new[] { directory }, ["events", directory], ["redact", directory] })
            {
                var (exit, _, error) = CliRunner.Run(args);
                exit.Should().Be(ExitCodes.UsageOrInput, string.Join(' ', args));
                ShouldBeOneClearLine(error, "is a directory");
            }
        }
        finally
        {
            Directory.Delete(directory);
        }
    }

    [Test]
    [UnsupportedOSPlatform("windows")]
    public void AnUnreadableFileExitsThreeWithOneLine()
    {
        var file = CliRunner.TempFile("debug1: Connecting to h [10.0.0.1] port 22.\n");
        try
        {
            File.SetUnixFileMode(file, UnixFileMode.None);
            try
            {
                using var probe = File.OpenRead(file);
                Assert.Ignore("running as root: a chmod 000 file is still readable (see AFileThatFailsWhileBeingReadExitsThreeWithOneLine)");
            }
            catch (UnauthorizedAccessException)
            {
                // expected for a normal user: go on
            }

            var (exit, _, error) = CliRunner.Run(file);
            exit.Should().Be(ExitCodes.UsageOrInput);
            ShouldBeOneClearLine(error, "permission denied");
        }
        finally
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.Delete(file);
        }
    }

    [Test]
    public void AFileThatFailsWhileBeingReadExitsThreeWithOneLine()
    {
        // /proc/self/mem opens (even for root) but reading offset 0 fails with EIO: an unreadable input for everyone.
        // Run the real loglens process: its entry point is what stands between an I/O error and the user.
        if (!File.Exists("/proc/self/mem"))
        {
            Assert.Ignore("no /proc/self/mem here");
        }

        var (exit, output, error) = RunProcess("/proc/self/mem");
        exit.Should().Be(ExitCodes.UsageOrInput);
        ShouldBeOneClearLine(error, "/proc/self/mem");
        output.Should().BeEmpty();
    }

    private static (int Exit, string Out, string Err) RunProcess(params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(ExitCodes).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit(60_000).Should().BeTrue("loglens should not hang");
        return (process.ExitCode, output.Result, error);
    }

    [Test]
    public void ABinaryFileIsNotAnSshLog()
    {
        if (!File.Exists("/bin/ls"))
        {
            Assert.Ignore("no /bin/ls here");
        }

        var (exit, output, error) = CliRunner.Run("/bin/ls");
        exit.Should().Be(ExitCodes.Inconclusive);
        ShouldBeOneClearLine(error, "/bin/ls: no ssh output found");
        output.Should().NotContainAny("\u0000", "\u001b");
    }

    [Test]
    public void ABinaryFileNeverCrashesAndPrintsNoControlCharacters()
    {
        if (!File.Exists("/bin/ls"))
        {
            Assert.Ignore("no /bin/ls here");
        }

        foreach (var args in new[] { new[] { "/bin/ls" }, ["events", "--format", "text", "/bin/ls"] })
        {
            var (exit, output, error) = CliRunner.Run(args);
            exit.Should().BeOneOf(ExitCodes.Success, ExitCodes.Failure, ExitCodes.Inconclusive);
            error.Should().NotContain("   at ");
            output.Where(c => char.IsControl(c) && c is not '\n' and not '\t').Should().BeEmpty(string.Join(' ', args));
        }
    }

    [Test]
    public void AnEmptyFileHasNoSshOutputAndExitsTwo()
    {
        var file = CliRunner.TempFile(string.Empty);
        var (exit, _, error) = CliRunner.Run(file);
        exit.Should().Be(ExitCodes.Inconclusive);
        ShouldBeOneClearLine(error, $"{file}: no ssh output found");
    }

    [Test]
    public void StandardInputClosedAtOnceHasNoSshOutputAndExitsTwo()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = ReportCommand.Run([new Input("-")], ReportOptions.Default, output, error, () => Stream.Null);
        exit.Should().Be(ExitCodes.Inconclusive);
        ShouldBeOneClearLine(error.ToString(), "-: no ssh output found");
    }

    [Test]
    public void EventsOfStandardInputClosedAtOnceIsNothingAndExitsZero()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = EventsCommand.Run([new Input("-")], "jsonl", output, error, () => Stream.Null);
        exit.Should().Be(ExitCodes.Success);
        output.ToString().Should().BeEmpty();
        error.ToString().Should().BeEmpty();
    }

    [Test]
    public void AFileThatIsNotAnSshLogExitsTwoWithNoSshOutputFound()
    {
        var file = CliRunner.TempFile("total 8\ndrwxr-xr-x 2 me me 4096 Jan  1 00:00 .\nHello, world!\n\0\u0001\u0002\n");
        var (exit, _, error) = CliRunner.Run(file);
        exit.Should().Be(ExitCodes.Inconclusive);
        ShouldBeOneClearLine(error, $"{file}: no ssh output found");
    }

    [Test]
    public void AnUnknownOptionExitsThreeWithOneLine()
    {
        var (exit, _, error) = CliRunner.Run("--bogus");
        exit.Should().Be(ExitCodes.UsageOrInput);
        ShouldBeOneClearLine(error, "--bogus");
    }

    [Test]
    public void AnUnknownOptionValueExitsThreeWithOneLine()
    {
        var file = CliRunner.TempFile("debug1: Connecting to h [10.0.0.1] port 22.\n");
        var (exit, _, error) = CliRunner.Run("--format", "yaml", file);
        exit.Should().Be(ExitCodes.UsageOrInput);
        ShouldBeOneClearLine(error, "yaml");
    }

    [Test]
    public void EventsOutputStaysWithinAFewTimesTheInput()
    {
        var line = "\"msg\": \"" + string.Concat(Enumerable.Repeat("debug1: Authentications that can continue: publickey\\r\\n", 300)) + "\"\n";
        var file = CliRunner.TempFile(line);
        var (exit, output, _) = CliRunner.Run("events", file);
        exit.Should().Be(ExitCodes.Success);
        output.Length.Should().BeLessThan(line.Length * 20, "the JSONL of a line should not grow with the square of its length");
    }
}
