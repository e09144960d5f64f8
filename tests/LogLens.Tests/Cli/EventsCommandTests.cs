using System.Text.Json;
using LogLens.Tests.Support;

namespace LogLens.Tests.Cli;

public class EventsCommandTests
{
    private const string Log = """
        OpenSSH_9.2p1 Debian-2+deb12u6, OpenSSL 3.0.17 1 Jul 2025
        debug1: Connecting to 127.0.0.1 [127.0.0.1] port 2222.
        debug1: connect to address 127.0.0.1 port 2222: Connection refused
        ssh: connect to host 127.0.0.1 port 2222: Connection refused
        bash$ exit
        """;

    [Test]
    public void PrintsOneJsonObjectPerInputLineWithTheContractFields()
    {
        var file = CliRunner.TempFile(Log);
        var (exit, output, error) = CliRunner.Run("events", file);

        exit.Should().Be(0);
        error.Should().BeEmpty();
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(5);
        var objects = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        objects.Select(o => o.GetProperty("line").GetInt32()).Should().Equal(1, 2, 3, 4, 5);
        objects.Select(o => o.GetProperty("type").GetString()).Should()
            .Equal("ClientVersion", "Connecting", "ConnectAddressFailed", "ConnectFailed", "Text");
        objects[1].GetProperty("level").GetString().Should().Be("debug1");
        objects[0].GetProperty("level").ValueKind.Should().Be(JsonValueKind.Null);
        objects[0].GetProperty("function").ValueKind.Should().Be(JsonValueKind.Null);
        objects.Should().OnlyContain(o => o.GetProperty("session").GetInt32() == 0);
        objects[1].GetProperty("host").GetString().Should().Be("127.0.0.1");
        objects[1].GetProperty("port").GetInt32().Should().Be(2222);
        objects[2].GetProperty("reason").GetString().Should().Be("Connection refused");
    }

    [Test]
    public void PrintsReadableTextWithTheTextFormat()
    {
        var file = CliRunner.TempFile(Log);
        var (exit, output, _) = CliRunner.Run("events", "--format", "text", file);
        exit.Should().Be(0);
        output.Should().Contain("ConnectAddressFailed").And.Contain("connect to address 127.0.0.1 port 2222: Connection refused");
    }

    [Test]
    public void ReportsAMissingFileInOneLineWithExitCodeThree()
    {
        var (exit, output, error) = CliRunner.Run("events", "/nonexistent/ssh.log");
        exit.Should().Be(3);
        output.Should().BeEmpty();
        error.Trim().Should().Be("loglens: /nonexistent/ssh.log: no such file or directory");
    }

    [Test]
    public void RejectsAnUnknownFormat()
    {
        var (exit, _, error) = CliRunner.Run("events", "--format", "xml", "x.log");
        exit.Should().NotBe(0);
        error.Should().Contain("xml");
    }
}
