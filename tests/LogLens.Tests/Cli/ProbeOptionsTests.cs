using LogLens.Cli;
using LogLens.Tests.Support;

namespace LogLens.Tests.Cli;

/// <summary><c>loglens probe</c>'s own options: shown in its help, checked before ssh runs, and kept from ssh (a fake ssh records its arguments).</summary>
[NonParallelizable]
public class ProbeOptionsTests
{
    private string directory = string.Empty;

    private string Arguments => Path.Combine(directory, "args");

    [SetUp]
    public void MakeDirectory() => directory = Directory.CreateTempSubdirectory("loglens-probe-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public void ShowsItsOptionsInItsHelp()
    {
        var (exit, output, _) = CliRunner.Run("probe", "--help");
        exit.Should().Be(0);
        foreach (var option in new[] { "--format", "--color", "--severity", "--exclude", "--timeout <SECONDS>", "--ssh <PATH>", "--tee", "-q, --quiet" })
        {
            output.Should().Contain(option);
        }
    }

    [TestCase("abc")]
    [TestCase("0")]
    [TestCase("-5")]
    [TestCase("1.5")]
    public void RejectsATimeoutThatIsNotAWholeNumberOfSeconds(string timeout)
    {
        var (exit, output, error) = CliRunner.Run("probe", $"--timeout={timeout}", "--ssh", FakeSsh(), "me@host");
        exit.Should().Be(ExitCodes.UsageOrInput);
        output.Should().BeEmpty();
        error.TrimEnd().Should().NotContain("\n").And.Contain("--timeout").And.Contain($"'{timeout}'");
        File.Exists(Arguments).Should().BeFalse(because: "ssh does not run with a wrong option");
    }

    [Test]
    public void RejectsATimeoutGivenAsTheNextArgument()
    {
        var (exit, _, error) = CliRunner.Run("probe", "--timeout", "abc", "me@host");
        exit.Should().Be(ExitCodes.UsageOrInput);
        error.Trim().Should().Be("loglens: --timeout needs a whole number of seconds above 0, not 'abc' (see loglens probe --help)");
    }

    [TestCase("probe")]
    [TestCase("ssh")]
    public void RejectsAnExcludedFindingThatDoesNotExist(string command)
    {
        var (exit, _, error) = CliRunner.Run(command, "--exclude", "LL5001,nosuch", "--ssh", FakeSsh(), "me@host");
        exit.Should().Be(ExitCodes.UsageOrInput);
        error.Trim().Should().Be("loglens: --exclude: no finding 'nosuch' (loglens rules lists them)");
    }

    [Test]
    public void RejectsAnExcludedFindingThatDoesNotExistWhenReadingAFile()
    {
        var (exit, _, error) = CliRunner.Run("--exclude", "nosuch", Repo.Path("samples", "logs", "refused-ipv4.log"));
        exit.Should().Be(ExitCodes.UsageOrInput);
        error.Trim().Should().Be("loglens: --exclude: no finding 'nosuch' (loglens rules lists them)");
    }

    [Test]
    public void KeepsQuietFromSsh()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("the fake ssh is a shell script");
        }

        var (exit, output, _) = CliRunner.Run("probe", "-q", "--ssh", FakeSsh(), "-p", "2222", "me@host");
        exit.Should().Be(ExitCodes.Failure, because: "the exit code still tells");
        output.Should().BeEmpty();
        File.ReadAllLines(Arguments).Should().Equal("-vvv", "-o", "BatchMode=yes", "-o", "ConnectTimeout=10", "-p", "2222", "me@host", "exit");
    }

    [Test]
    public void PassesTheTimeoutAndExclusionsOn()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("the fake ssh is a shell script");
        }

        var (_, output, _) = CliRunner.Run("probe", "--timeout", "3", "--format", "json", "--exclude", "banner-timeout", "--ssh", FakeSsh(), "me@host");
        File.ReadAllLines(Arguments).Should().Contain("ConnectTimeout=3");
        output.Should().NotContain("\"banner-timeout\"");
    }

    /// <summary>A script that records its arguments and writes a lab log of a banner timeout to stderr, exiting 255.</summary>
    private string FakeSsh()
    {
        var path = Path.Combine(directory, "ssh");
        var log = Repo.Path("tests", "fixtures", "lab", "banner-timeout", "client.log");
        File.WriteAllText(path, $"#!/bin/sh\nprintf '%s\\n' \"$@\" > '{Arguments}'\ncat '{log}' >&2\nexit 255\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
