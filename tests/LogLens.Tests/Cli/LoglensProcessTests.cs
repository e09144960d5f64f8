using System.Diagnostics;
using LogLens.Cli;
using LogLens.Tests.Support;

namespace LogLens.Tests.Cli;

/// <summary>
/// The built loglens as its own process: a real SIGINT (sent with kill to the process this test started) reports what
/// arrived, <c>loglens ssh</c> leaves standard input and output to ssh, and redirected output is what the command wrote.
/// </summary>
[NonParallelizable]
public class LoglensProcessTests
{
    private static readonly string Loglens = Path.Combine(Path.GetDirectoryName(typeof(LoglensCommand).Assembly.Location)!, "loglens");

    [SetUp]
    public void NeedsUnix()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            Assert.Ignore("signals and the fake ssh script need Unix");
        }
    }

    [Test]
    public void ACtrlCReportsWhatArrived()
    {
        using var loglens = Start("--tee");
        var error = new SharedWriter();
        loglens.ErrorDataReceived += (_, e) => error.WriteLine(e.Data);
        loglens.BeginErrorReadLine();
        foreach (var line in File.ReadLines(Repo.Path("tests", "fixtures", "lab", "kex-stalled", "client.log")))
        {
            loglens.StandardInput.WriteLine(line);
        }

        loglens.StandardInput.Flush();
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!error.ToString().Contains("expecting SSH2_MSG_KEX_ECDH_REPLY", StringComparison.Ordinal))
        {
            DateTime.UtcNow.Should().BeBefore(until, $"loglens should echo the input; stderr:\n{error}");
            Thread.Sleep(20);
        }

        using (var kill = Process.Start("kill", ["-INT", loglens.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        var output = loglens.StandardOutput.ReadToEndAsync();
        loglens.WaitForExit(20_000).Should().BeTrue("SIGINT ends the reading, not loglens's report");
        loglens.ExitCode.Should().Be(4);
        output.Result.Should().StartWith("loglens: interrupted: ssh has been waiting").And.Contain("kex-stalled");
        loglens.StandardInput.Close();
    }

    [Test]
    public void LoglensSshLeavesStandardInputAndOutputToSsh()
    {
        var directory = Directory.CreateTempSubdirectory("loglens-ssh-").FullName;
        try
        {
            var ssh = Path.Combine(directory, "ssh");
            var log = Repo.Path("tests", "fixtures", "lab", "key-not-authorized", "client.log");
            File.WriteAllText(ssh, $"#!/bin/sh\nread answer\necho \"ssh read: $answer\"\ncat '{log}' >&2\nexit 255\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(ssh, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            using var loglens = Start("ssh", "--ssh", ssh, "me@host");
            var error = loglens.StandardError.ReadToEndAsync();
            loglens.StandardInput.WriteLine("yes");
            loglens.StandardInput.Close();
            var output = loglens.StandardOutput.ReadToEnd();
            loglens.WaitForExit(20_000).Should().BeTrue();
            output.Should().Be("ssh read: yes\n", "stdin and stdout are ssh's; the report is not mixed into them");
            loglens.ExitCode.Should().Be(255);
            error.Result.Should().Contain("key-rejected").And.NotContain("debug1: Reading configuration data", "debug lines are not echoed");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void RedirectedOutputIsWhatTheCommandWritesWithoutAByteOrderMark()
    {
        // Redirected, stdout gets a writer with a 64 KiB buffer (one write per call, not one per 256 characters).
        var log = Repo.Path("tests", "fixtures", "lab", "key-not-authorized", "client.log");
        using var loglens = Start("--format", "json", log);
        loglens.StandardInput.Close();
        using var bytes = new MemoryStream();
        loglens.StandardOutput.BaseStream.CopyTo(bytes);
        loglens.WaitForExit(20_000).Should().BeTrue();

        loglens.ExitCode.Should().Be(1);
        bytes.ToArray().Take(3).Should().NotEqual(new byte[] { 0xEF, 0xBB, 0xBF });
        System.Text.Encoding.UTF8.GetString(bytes.ToArray()).Should().Be(CliRunner.Run("--format", "json", log).Out);
    }

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo(Loglens)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        return Process.Start(start) ?? throw new InvalidOperationException("loglens did not start");
    }
}
