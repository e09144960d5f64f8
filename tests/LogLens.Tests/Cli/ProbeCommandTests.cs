using System.Text.Json;
using LogLens.Tests.Support;

namespace LogLens.Tests.Cli;

/// <summary><c>loglens probe</c> against a real sshd on loopback (root and sshd needed: CI's live step).</summary>
[Category("Live")]
[NonParallelizable]
public class ProbeCommandTests
{
    private LiveSshd? sshd;

    [OneTimeSetUp]
    public void StartServer()
    {
        if (LiveSshd.Unavailable is { } reason)
        {
            Assert.Ignore($"needs a real sshd: {reason}");
        }

        sshd = LiveSshd.Start();
    }

    [OneTimeTearDown]
    public void StopServer() => sshd?.Dispose();

    [SetUp]
    public void TrustTheRealKey() => sshd!.TrustHostKey();

    [Test]
    public void DiagnosesASuccessfulLogin()
    {
        var (exit, output, _) = Probe(sshd!.ClientArgs(sshd.Key));
        exit.Should().Be(0, output);
        Slug(output).Should().Be("success");
    }

    [Test]
    public void DiagnosesARefusedConnection()
    {
        var (exit, output, _) = Probe(["-F", "/dev/null", "-p", LiveSshd.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture), "127.0.0.1"]);
        exit.Should().Be(1);
        Slug(output).Should().Be("connection-refused");
    }

    [Test]
    public void DiagnosesAChangedHostKey()
    {
        sshd!.PretendHostKeyChanged();
        var (exit, output, _) = Probe(sshd.ClientArgs(sshd.Key));
        exit.Should().Be(1);
        Slug(output).Should().Be("host-key-changed");
    }

    [Test]
    public void DiagnosesARejectedKey()
    {
        var (exit, output, _) = Probe(sshd!.ClientArgs(sshd.OtherKey));
        exit.Should().Be(1);
        Slug(output).Should().Be("key-rejected");
    }

    [Test]
    public void EchoesSshOutputWithTee()
    {
        var (_, _, error) = Probe([.. sshd!.ClientArgs(sshd.Key), "--tee"]);
        error.Should().Contain("debug1: Connecting to 127.0.0.1");
    }

    [Test]
    public void NeedsADestination()
    {
        var (exit, _, error) = CliRunner.Run("probe", "--format", "json");
        exit.Should().Be(3);
        error.Should().Contain("probe needs a destination");
    }

    private static (int Exit, string Out, string Err) Probe(string[] sshArgs) => CliRunner.Run(["probe", "--format", "json", .. sshArgs]);

    private static string? Slug(string json) => JsonDocument.Parse(json).RootElement.GetProperty("findings")[0].GetProperty("slug").GetString();
}
