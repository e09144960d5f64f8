using LogLens.Tests.Support;

namespace LogLens.Tests.Cli;

/// <summary>
/// Text a remote server chooses (its banner, its disconnect message) reaches the reader's terminal only as visible
/// text: escape sequences, BEL and a bare carriage return are rendered like <c>\x1b</c>, never sent.
/// </summary>
[Category("Robustness")]
public class TerminalSafetyTests
{
    private const string Title = "\u001b]0;owned\u0007";
    private const string Clear = "\u001b[2J";

    private static IEnumerable<TestCaseData> Logs()
    {
        yield return new TestCaseData(
            "OpenSSH_9.2p1 Debian-2+deb12u10, OpenSSL 3.0.22 25 Aug 2026\n" +
            "debug1: Connecting to h [10.0.0.1] port 22.\n" +
            "debug1: Connection established.\n" +
            "debug1: Local version string SSH-2.0-OpenSSH_9.2p1\n" +
            $"debug1: kex_exchange_identification: banner line 0: {Title}HTTP/1.1 400{Clear}\rall good\n" +
            $"kex_exchange_identification: Connection closed by remote host\n").SetArgDisplayNames("banner");
        yield return new TestCaseData(
            "OpenSSH_9.2p1 Debian-2+deb12u10, OpenSSL 3.0.22 25 Aug 2026\n" +
            "debug1: Connecting to h [10.0.0.1] port 22.\n" +
            "debug1: Connection established.\n" +
            "debug1: Authenticating to h:22 as 'me'\n" +
            $"Received disconnect from 10.0.0.1 port 22:2: {Title}go away{Clear}\rall good\n" +
            "Disconnected from 10.0.0.1 port 22\n").SetArgDisplayNames("disconnect message");
    }

    private static void ShouldShowNoControlCharacters(string output, bool showsTheMessage = true)
    {
        output.Should().NotContain("\u001b").And.NotContain("\u0007");
        output.Replace("\r\n", "\n", StringComparison.Ordinal).Should().NotContain("\r", "a bare carriage return would overwrite the line on a terminal");
        output.Where(c => char.IsControl(c) && c is not '\n' and not '\t' and not '\r').Should().BeEmpty();
        if (showsTheMessage)
        {
            output.Should().Contain("\\x1b]0;owned\\x07").And.Contain("\\x1b[2J");
        }
    }

    [TestCaseSource(nameof(Logs))]
    public void TheTextReportShowsControlCharactersVisibly(string log)
    {
        var file = CliRunner.TempFile(log);
        var (_, output, _) = CliRunner.Run("--format", "text", "--color", "never", file);
        // The report quotes the server's text only when it is evidence; whatever it quotes is escaped.
        ShouldShowNoControlCharacters(output, showsTheMessage: output.Contains("owned", StringComparison.Ordinal));
    }

    [TestCaseSource(nameof(Logs))]
    public void TheTextEventsShowControlCharactersVisibly(string log)
    {
        var file = CliRunner.TempFile(log);
        var (_, output, _) = CliRunner.Run("events", "--format", "text", file);
        ShouldShowNoControlCharacters(output);
    }

    [TestCaseSource(nameof(Logs))]
    public void ColouredTextAddsOnlyItsOwnColourCodes(string log)
    {
        var file = CliRunner.TempFile(log);
        var (_, output, _) = CliRunner.Run("--format", "text", "--color", "always", file);
        // LogLens' own SGR colour codes (ESC [ n m) are allowed; nothing else starting with ESC is.
        var withoutColours = System.Text.RegularExpressions.Regex.Replace(output, "\u001b\\[[0-9;]*m", string.Empty, System.Text.RegularExpressions.RegexOptions.NonBacktracking);
        ShouldShowNoControlCharacters(withoutColours, showsTheMessage: output.Contains("owned", StringComparison.Ordinal));
    }
}
