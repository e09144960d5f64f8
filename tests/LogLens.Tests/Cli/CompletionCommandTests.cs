using System.Diagnostics;
using LogLens.Cli;
using LogLens.Tests.Support;

namespace LogLens.Tests.Cli;

/// <summary><c>loglens completion SHELL</c>: a script that names every command, option and fixed value.</summary>
public class CompletionCommandTests
{
    private static readonly string[] Shells = ["bash", "zsh", "fish", "pwsh"];

    [TestCaseSource(nameof(Shells))]
    public void NamesEverySubcommandAndOption(string shell)
    {
        var (exit, script, error) = CliRunner.Run("completion", shell);
        exit.Should().Be(0, error);
        var root = LoglensCommand.Create();
        foreach (var command in root.Subcommands)
        {
            script.Should().Contain(command.Name);
            foreach (var option in command.Options.Where(o => o.Name != "--help"))
            {
                script.Should().Contain(shell == "fish" ? $"-l {option.Name[2..]}" : option.Name, because: $"{command.Name} has {option.Name}");
            }
        }

        foreach (var option in root.Options.Where(o => o.Name.StartsWith("--", StringComparison.Ordinal)))
        {
            script.Should().Contain(shell == "fish" ? $"-l {option.Name[2..]}" : option.Name);
        }
    }

    [TestCaseSource(nameof(Shells))]
    public void OffersTheFixedValuesOfOptionsAndArguments(string shell)
    {
        var script = CliRunner.Run("completion", shell).Out;
        script.Should().Contain(shell == "pwsh" ? "'json', 'sarif', 'text'" : "json sarif text", because: "--format's values");
        script.Should().Contain("jsonl", because: "events --format's values");
        script.Should().Contain("auto").And.Contain("warning").And.Contain("LL5001", because: "explain's IDs");
    }

    [Test]
    public void WritesABashScriptBashAccepts()
    {
        var bash = new[] { "/bin/bash", "/usr/bin/bash" }.FirstOrDefault(File.Exists);
        if (bash is null)
        {
            Assert.Ignore("no bash here");
        }

        var path = CliRunner.TempFile(CliRunner.Run("completion", "bash").Out);
        try
        {
            using var check = Process.Start(new ProcessStartInfo(bash, ["-n", path]) { RedirectStandardError = true })!;
            var error = check.StandardError.ReadToEnd();
            check.WaitForExit();
            check.ExitCode.Should().Be(0, error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void CompletesInBash()
    {
        var bash = new[] { "/bin/bash", "/usr/bin/bash" }.FirstOrDefault(File.Exists);
        if (bash is null)
        {
            Assert.Ignore("no bash here");
        }

        var path = CliRunner.TempFile(CliRunner.Run("completion", "bash").Out);
        try
        {
            // What bash offers after `loglens --format ` and after `loglens pro`.
            var test = $"source '{path}'; COMP_WORDS=(loglens --format ''); COMP_CWORD=2; _loglens; echo \"${{COMPREPLY[*]}}\"; COMP_WORDS=(loglens pro); COMP_CWORD=1; _loglens; echo \"${{COMPREPLY[*]}}\"";
            using var run = Process.Start(new ProcessStartInfo(bash, ["-c", test]) { RedirectStandardOutput = true, WorkingDirectory = Path.GetTempPath() })!;
            var lines = run.StandardOutput.ReadToEnd().Split('\n');
            run.WaitForExit();
            lines[0].Should().Be("json sarif text");
            lines[1].Split(' ').Should().Contain("probe");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void RejectsAnUnknownShell()
    {
        var (exit, _, error) = CliRunner.Run("completion", "tcsh");
        exit.Should().Be(ExitCodes.UsageOrInput);
        error.Should().Contain("tcsh");
    }
}
