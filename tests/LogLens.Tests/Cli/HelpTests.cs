using LogLens.Cli;
using LogLens.Cli.Commands;
using LogLens.Tests.Support;

namespace LogLens.Tests.Cli;

/// <summary>The help loglens gives: each command's own, <c>loglens help</c>, and the hint when it waits at a terminal.</summary>
[NonParallelizable]
public class HelpTests
{
    private static IEnumerable<string> Subcommands() => LoglensCommand.Create().Subcommands.Select(c => c.Name);

    [TestCaseSource(nameof(Subcommands))]
    public void ShowsOnlyASubcommandsOwnArgumentsInItsHelp(string command)
    {
        var (exit, output, _) = CliRunner.Run(command, "--help");
        exit.Should().Be(0);
        output.Should().MatchRegex($@"Usage:\s+\S+ {command}\b", because: "the usage names the program, then the command");
        output.Should().NotContain("<FILE>...] " + command, because: "the root's FILE argument is not the subcommand's");
        output.Should().NotContain("Log files to analyse", because: "the root's FILE argument is not listed");
        output.Should().NotContain("--server", because: "the root's report options are not the subcommand's");
    }

    [Test]
    public void ShowsRulesUsageWithoutFile()
    {
        var (_, output, _) = CliRunner.Run("rules", "--help");
        output.Should().MatchRegex(@"Usage:\s+\S+ rules \[options\]\s").And.NotContain("FILE");
    }

    [Test]
    public void KeepsTheRootsFileArgumentInItsOwnHelp()
    {
        var (_, output, _) = CliRunner.Run("--help");
        output.Should().Contain("<FILE>").And.Contain("--server");
    }

    [Test]
    public void PrintsTheHelpForLoglensHelp()
    {
        var (exit, output, error) = CliRunner.Run("help");
        exit.Should().Be(0);
        error.Should().BeEmpty(because: "help is not a file to read");
        output.Should().Be(CliRunner.Run("--help").Out);
    }

    [Test]
    public void PrintsACommandsHelpForLoglensHelpCommand()
    {
        var (exit, output, _) = CliRunner.Run("help", "probe");
        exit.Should().Be(0);
        output.Should().Be(CliRunner.Run("probe", "--help").Out);
    }

    [Test]
    public void DescribesTheHelpCommandWhenAskedForItsHelp()
    {
        var (exit, output, _) = CliRunner.Run("help", "--help");
        exit.Should().Be(0);
        output.Should().Contain("<COMMAND>").And.NotContain("--server");
    }

    [Test]
    public void SaysWhenThereIsNoSuchCommandToHelpWith()
    {
        var (exit, _, error) = CliRunner.Run("help", "nosuch");
        exit.Should().Be(ExitCodes.UsageOrInput);
        error.Trim().Should().Be("loglens: no command 'nosuch' (see loglens --help)");
    }

    [Test]
    public void HintsWhatItWaitsForWhenStandardInputIsATerminal()
    {
        using var stdin = new StdinScope(string.Empty, terminal: true);
        var (_, _, error) = CliRunner.Run();
        error.Split('\n')[0].TrimEnd().Should().Be(ReportCommand.TerminalHint);
        ReportCommand.TerminalHint.Should().Contain("Ctrl-D").And.Contain("ssh -vvv host 2>&1 | loglens").And.Contain("loglens --help");
    }

    [Test]
    public void StillReadsWhatIsTypedAfterTheHint()
    {
        var log = File.ReadAllText(Repo.Path("samples", "logs", "refused-ipv4.log"));
        using var stdin = new StdinScope(log, terminal: true);
        var (exit, output, _) = CliRunner.Run();
        exit.Should().Be(ExitCodes.Failure);
        output.Should().StartWith("-: ssh failed at connect");
    }

    [Test]
    public void GivesNoHintForAPipeOrWhenQuiet()
    {
        using (new StdinScope(string.Empty))
        {
            CliRunner.Run().Err.Should().NotContain("Ctrl-D");
        }

        using (new StdinScope(string.Empty, terminal: true))
        {
            CliRunner.Run("--quiet").Err.Should().BeEmpty();
        }
    }
}
