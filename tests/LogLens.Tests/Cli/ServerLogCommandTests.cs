using System.Text.Json;
using LogLens.Tests.Support;

namespace LogLens.Tests.Cli;

/// <summary><c>loglens sshd.log</c> (recognized as sshd's log) and <c>loglens --server sshd.log ssh.log</c> (the join).</summary>
[NonParallelizable]
public class ServerLogCommandTests
{
    private static string Lab(string scenario, string file) => Repo.Path("tests", "fixtures", "lab", scenario, file);

    [Test]
    public void SaysAnSshdLogIsOneAndDiagnosesIt()
    {
        var (exit, output, error) = CliRunner.Run("--color", "never", Lab("key-strictmodes", "server.journal.log"));

        exit.Should().Be(1);
        error.Should().BeEmpty();
        output.Should().Contain("sshd log: the connection failed at authentication");
        output.Should().Contain("LL5102 authorized-keys-permissions");
        output.Should().Contain("server$ chown llab /tmp/loglens-lab/home/llab/.ssh/authorized_keys_loose && chmod 600");
    }

    [Test]
    public void QuotesWhatSshdSaidWhenItNamedNoClientAndCountsNoRecordTwice()
    {
        // sshd started by hand without its runtime directory: no connection, a message LogLens has no finding for
        var file = CliRunner.TempFile(
            "Dec  3 17:02:42 host systemd[1]: Starting ssh.service - OpenBSD Secure Shell server...\n" +
            "Dec  3 17:02:42 host sshd[812]: fatal: Missing privilege separation directory: /run/sshd\n" +
            "Dec  3 17:02:42 host systemd[1]: ssh.service: Main process exited, code=exited, status=255/EXCEPTION\n");

        var (exit, output, _) = CliRunner.Run("--color", "never", file);

        exit.Should().Be(2);
        output.Should().Contain("sshd logged 'Missing privilege separation directory: /run/sshd' and named no client")
            .And.NotContain("The connection ended before authentication", because: "nothing connected")
            .And.NotContain("set apart", because: "the only record is the one the report is about");
    }

    [Test]
    public void MarksTheServersLinesInTheJson()
    {
        var (_, output, _) = CliRunner.Run("--format", "json", Lab("key-strictmodes", "server.auth.log"));

        var report = JsonDocument.Parse(output).RootElement;
        report.GetProperty("log").GetString().Should().Be("sshd");
        var finding = report.GetProperty("findings")[0];
        finding.GetProperty("slug").GetString().Should().Be("authorized-keys-permissions");
        finding.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("source").GetString()).Should().OnlyContain(s => s == "server");
        report.GetProperty("sessions").EnumerateArray().Where(s => s.TryGetProperty("connection", out _))
            .Select(s => s.GetProperty("connection").GetProperty("clientPort").ValueKind).Should().Contain(JsonValueKind.Number);
    }

    [Test]
    public void JoinsTheClientLogWithTheServerLogAndPutsTheServersCauseFirst()
    {
        var (exit, output, _) = CliRunner.Run("--format", "json", "--server", Lab("key-strictmodes", "server.journal.log"), Lab("key-strictmodes", "client.log"));

        exit.Should().Be(1);
        var report = JsonDocument.Parse(output).RootElement;
        report.GetProperty("log").GetString().Should().Be("ssh");
        var join = report.GetProperty("join");
        join.GetProperty("confidence").GetString().Should().Be("certain");
        join.GetProperty("matchedOn").EnumerateArray().Select(m => m.GetString()).Should().Contain(["port", "user", "key fingerprint"]);
        var findings = report.GetProperty("findings").EnumerateArray().ToList();
        findings[0].GetProperty("slug").GetString().Should().Be("authorized-keys-permissions");
        findings[0].GetProperty("evidence")[0].GetProperty("source").GetString().Should().Be("server");
        findings.Select(f => f.GetProperty("slug").GetString()).Should().Contain("key-rejected", because: "the client's own finding stays, after the cause");
    }

    [Test]
    public void TellsTheJoinInTheTextReport()
    {
        var (_, output, _) = CliRunner.Run("--color", "never", "--server", Lab("shell-missing", "server.log"), Lab("shell-missing", "client.log"));

        output.Should().Contain("joined with").And.Contain("match on");
        output.Should().Contain("LL5105 shell-missing");
        output.Should().MatchRegex(@"sshd +\d+ │ User llabnosh not allowed because shell /nonexistent/shell does not exist");
    }

    [Test]
    public void ReadsAPipedSshdLogAsOne()
    {
        using var stdin = new StdinScope(File.ReadAllText(Lab("shell-missing", "server.secure.log")));
        var (exit, output, _) = CliRunner.Run("--color", "never");

        exit.Should().Be(1);
        output.Should().StartWith("-: sshd log: the connection failed at authentication");
    }

    [Test]
    public void NamesAServerLogItCannotRead()
    {
        var (exit, output, error) = CliRunner.Run("--server", "/nonexistent/sshd.log", Lab("key-strictmodes", "client.log"));

        exit.Should().Be(3);
        output.Should().BeEmpty();
        error.Trim().Should().Contain("/nonexistent/sshd.log").And.NotContain("Exception");
        error.Trim().Split('\n').Should().ContainSingle();
    }
}
