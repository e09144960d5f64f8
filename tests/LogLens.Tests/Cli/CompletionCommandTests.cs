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

    /// <summary>
    /// The real shell loads the script and completes `loglens --format `, `loglens pro` and `loglens probe --col`. zsh's
    /// completion widgets need a terminal, so its compadd and _files are stood in for by functions that print their words;
    /// fish and PowerShell complete a command line themselves (complete -C, TabExpansion2). CI installs all four shells.
    /// </summary>
    [TestCase("bash", "source '{0}'; COMP_WORDS=(loglens --format ''); COMP_CWORD=2; _loglens; echo \"${{COMPREPLY[*]}}\"; COMP_WORDS=(loglens pro); COMP_CWORD=1; _loglens; echo \"${{COMPREPLY[*]}}\"; COMP_WORDS=(loglens probe --col); COMP_CWORD=2; _loglens; echo \"${{COMPREPLY[*]}}\"")]
    [TestCase("zsh", "autoload -U compinit; compinit -u -D; source '{0}'; [[ $_comps[loglens] == _loglens ]] || exit 9; compadd() {{ shift; print -r -- \"$*\"; }}; _files() {{ :; }}; words=(loglens --format ''); CURRENT=3; PREFIX=''; _loglens; words=(loglens pro); CURRENT=2; PREFIX=pro; _loglens; words=(loglens probe --col); CURRENT=3; PREFIX=--col; _loglens")]
    [TestCase("fish", "source '{0}'; for c in 'loglens --format ' 'loglens pro' 'loglens probe --col'; complete -C $c | string split -f1 \\t | string join ' '; end")]
    [TestCase("pwsh", ". '{0}'; foreach ($c in @('loglens --format ', 'loglens pro', 'loglens probe --col')) {{ ((TabExpansion2 $c $c.Length).CompletionMatches | ForEach-Object CompletionText) -join ' ' }}")]
    public void CompletesInTheRealShell(string shell, string test)
    {
        var program = Shell(shell);
        if (program is null)
        {
            Assert.Ignore($"no {shell} here (CI installs it)");
        }

        var path = Path.Combine(Path.GetTempPath(), $"loglens-completion-{Guid.NewGuid():N}.{(shell == "pwsh" ? "ps1" : shell)}");
        File.WriteAllText(path, CliRunner.Run("completion", shell).Out);
        try
        {
            string[] args = shell switch
            {
                "zsh" => ["-f", "-c", string.Format(System.Globalization.CultureInfo.InvariantCulture, test, path)],
                "pwsh" => ["-NoProfile", "-NonInteractive", "-Command", string.Format(System.Globalization.CultureInfo.InvariantCulture, test, path)],
                _ => ["-c", string.Format(System.Globalization.CultureInfo.InvariantCulture, test, path)],
            };
            using var run = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() })!;
            var output = run.StandardOutput.ReadToEnd();
            var error = run.StandardError.ReadToEnd();
            run.WaitForExit();
            var lines = output.Split('\n');
            lines.Should().HaveCountGreaterThanOrEqualTo(3, $"{shell} printed:\n{output}{error}");
            lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Should().BeEquivalentTo(["json", "sarif", "text"], $"{shell} printed:\n{output}{error}");
            lines[1].Split(' ').Should().Contain("probe");
            lines[2].Split(' ').Should().Contain("--color");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The shell's program: a usual place, else the PATH (PowerShell comes as a dotnet tool).</summary>
    private static string? Shell(string name) =>
        new[] { "/bin", "/usr/bin", "/usr/local/bin" }.Concat((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    [Test]
    public void RejectsAnUnknownShell()
    {
        var (exit, _, error) = CliRunner.Run("completion", "tcsh");
        exit.Should().Be(ExitCodes.UsageOrInput);
        error.Should().Contain("tcsh");
    }
}
