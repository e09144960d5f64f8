using System.CommandLine;
using System.CommandLine.Help;
using LogLens.Cli;
using LogLens.Cli.Commands;
using LogLens.Tests.Support;

namespace LogLens.Tests.Cli;

/// <summary>
/// <c>loglens probe</c> and <c>loglens ssh</c> take ssh's arguments, so they read their own options themselves: their help
/// lists exactly the options they read, and says nothing of the parser's "additional arguments".
/// </summary>
public class PassThroughHelpTests
{
    private static IEnumerable<TestCaseData> Commands()
    {
        yield return new TestCaseData("probe", ProbeCommand.OwnOptionsWithValue, ProbeCommand.OwnFlags).SetArgDisplayNames("probe");
        yield return new TestCaseData("ssh", SshCommand.OwnOptionsWithValue, SshCommand.OwnFlags).SetArgDisplayNames("ssh");
    }

    [TestCaseSource(nameof(Commands))]
    public void HelpListsExactlyTheOptionsTheCommandReads(string name, HashSet<string> withValue, HashSet<string> flags)
    {
        var command = LoglensCommand.Create(report: false).Subcommands.Single(c => c.Name == name);
        var declared = command.Options.Where(o => o is not HelpOption and not VersionOption).ToList();
        declared.Where(o => o.ValueType != typeof(bool)).SelectMany(o => o.Aliases.Prepend(o.Name)).Should().BeEquivalentTo(withValue);
        declared.Where(o => o.ValueType == typeof(bool)).SelectMany(o => o.Aliases.Prepend(o.Name)).Should().BeEquivalentTo(flags);
    }

    [TestCase("probe")]
    [TestCase("ssh")]
    public void HelpSaysNothingOfAdditionalArguments(string name)
    {
        var (exit, output, _) = CliRunner.Run(name, "--help");
        exit.Should().Be(0);
        output.Should().Contain($" {name} [<SSH-ARGS>...] [options]\n").And.Contain("--format <text|json|sarif>").And.Contain("--tee")
            .And.NotContain("Additional Arguments").And.NotContain("additional arguments");
        CliRunner.Run("help", name).Out.Should().Be(output);
    }
}
