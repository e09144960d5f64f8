using System.Runtime.InteropServices;
using System.Text.Json;
using LogLens.Cli;
using LogLens.Cli.Live;
using LogLens.Tests.Support;

namespace LogLens.Tests.Cli;

/// <summary>
/// <c>loglens ssh</c> with a fake ssh: a shell script that records its arguments, writes a lab log to stderr and
/// exits as ssh does (255 for a failure).
/// </summary>
[NonParallelizable]
public class SshCommandTests
{
    private string directory = string.Empty;

    private string Arguments => Path.Combine(directory, "args");

    [SetUp]
    public void MakeDirectory()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            Assert.Ignore("the fake ssh is a shell script");
        }

        directory = Directory.CreateTempSubdirectory("loglens-ssh-").FullName;
    }

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public void RunsSshWithVvvFirstAndTheArgumentsAsGiven()
    {
        var ssh = FakeSsh("banner-timeout", 255);
        CliRunner.Run("ssh", "--ssh", ssh, "-p", "2222", "me@host", "ls -l /tmp");
        File.ReadAllLines(Arguments).Should().Equal("-vvv", "-p", "2222", "me@host", "ls -l /tmp");
    }

    [Test]
    public void ExitsWithSshsStatusAndReportsOnStderr()
    {
        var ssh = FakeSsh("banner-timeout", 255);
        var (exit, output, error) = CliRunner.Run("ssh", "--ssh", ssh, "-p", "42217", "llab@127.0.0.1", "true");
        exit.Should().Be(255);
        output.Should().BeEmpty("stdout is ssh's");
        error.Should().Contain("LL2004 banner-timeout");
    }

    [Test]
    public void EchoesSshsOwnMessagesButNotItsDebugLines()
    {
        var ssh = FakeSsh("banner-timeout", 255);
        var (_, _, error) = CliRunner.Run("ssh", "--ssh", ssh, "--quiet", "host");
        error.Should().Be("Connection timed out during banner exchange\nConnection to 127.0.0.1 port 42217 timed out\n");
    }

    [Test]
    public void EchoesEverythingWithTee()
    {
        var ssh = FakeSsh("banner-timeout", 255);
        var (_, _, error) = CliRunner.Run("ssh", "--ssh", ssh, "--tee", "--quiet", "host");
        error.Should().Contain("debug1: Local version string SSH-2.0-OpenSSH_9.2p1").And.Contain("Connection timed out during banner exchange");
    }

    [Test]
    public void TakesLoglensOptionsOnlyBeforeSshsArguments()
    {
        var ssh = FakeSsh("success-key", 0);
        var report = Path.Combine(directory, "report.json");
        var (exit, _, _) = CliRunner.Run("ssh", "--ssh", ssh, "--format", "json", "--output", report, "--", "host", "--format", "x");
        exit.Should().Be(0);
        File.ReadAllLines(Arguments).Should().Equal("-vvv", "host", "--format", "x");
        JsonDocument.Parse(File.ReadAllText(report)).RootElement.GetProperty("outcome").GetString().Should().Be("succeeded");
    }

    [Test]
    public void EndsWhenSshExitsEvenIfAChildHoldsItsStderr()
    {
        // Like a ControlPersist master started with -v: ssh exits, a background child keeps stderr open for a while.
        var ssh = Path.Combine(directory, "ssh");
        var log = Repo.Path("tests", "fixtures", "lab", "banner-timeout", "client.log");
        File.WriteAllText(ssh, $"#!/bin/sh\ncat '{log}' >&2\nsleep 8 &\nexit 255\n");
        MakeExecutable(ssh);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (exit, _, error) = CliRunner.Run("ssh", "--ssh", ssh, "host");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(6));
        exit.Should().Be(255);
        error.Should().Contain("LL2004 banner-timeout");
    }

    [Test]
    public void FindsSshThroughTheEnvironment()
    {
        var ssh = FakeSsh("banner-timeout", 255);
        Environment.SetEnvironmentVariable("LOGLENS_SSH", ssh);
        try
        {
            CliRunner.Run("ssh", "host").Exit.Should().Be(255);
        }
        finally
        {
            Environment.SetEnvironmentVariable("LOGLENS_SSH", null);
        }
    }

    [Test]
    public void NeedsSshsArguments()
    {
        var (exit, _, error) = CliRunner.Run("ssh", "--tee");
        exit.Should().Be(3);
        error.Should().Contain("loglens ssh user@host");
    }

    [Test]
    public void SaysWhenSshCannotBeRun()
    {
        var (exit, _, error) = CliRunner.Run("ssh", "--ssh", Path.Combine(directory, "no-such-ssh"), "host");
        exit.Should().Be(3);
        error.Should().StartWith("loglens: cannot run");
    }

    [Test]
    public void ReportsWhatArrivedWhenInterrupted()
    {
        var ssh = Path.Combine(directory, "hanging-ssh");
        File.WriteAllText(ssh, $"#!/bin/sh\nhead -n 72 '{Repo.Path("tests", "fixtures", "lab", "kex-stalled", "client.log")}' >&2\nexec sleep 60\n");
        MakeExecutable(ssh);
        var previous = LoglensCommand.Live;
        var clock = new FakeClock();
        var interrupts = Interrupts.Manual();
        LoglensCommand.Live = new LiveSettings(clock, TimeSpan.FromSeconds(1), () => interrupts);
        try
        {
            using var error = new SharedWriter();
            var run = Task.Run(() => LoglensCommand.Run(["ssh", "--ssh", ssh, "--tee", "host"], TextWriter.Null, error));
            Eventually(() => error.ToString().Contains("expecting SSH2_MSG_KEX_ECDH_REPLY", StringComparison.Ordinal));
            clock.Advance(TimeSpan.FromSeconds(9));
            interrupts.Raise(PosixSignal.SIGINT);
            run.Wait(TimeSpan.FromSeconds(30)).Should().BeTrue();
            run.Result.Should().NotBe(0, "ssh was ended by a signal");
            error.ToString().Should().Contain("loglens: ssh has been waiting 5 s for the server's KEX reply")
                .And.Contain("loglens: interrupted: ssh has been waiting 9 s for the server's KEX reply")
                .And.Contain("kex-stalled");
        }
        finally
        {
            LoglensCommand.Live = previous;
            interrupts.Dispose();
        }
    }

    /// <summary>A script that records its arguments, writes the lab log to stderr and exits with <paramref name="exit"/>.</summary>
    private string FakeSsh(string scenario, int exit)
    {
        var path = Path.Combine(directory, "ssh");
        var log = Repo.Path("tests", "fixtures", "lab", scenario, "client.log");
        File.WriteAllText(path, $"#!/bin/sh\nprintf '%s\\n' \"$@\" > '{Arguments}'\ncat '{log}' >&2\nexit {exit}\n");
        MakeExecutable(path);
        return path;
    }

    private static void MakeExecutable(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static void Eventually(Func<bool> condition)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(until, "loglens should have read ssh's output by now");
            Thread.Sleep(10);
        }
    }
}
