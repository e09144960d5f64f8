using System.Globalization;
using System.Text;
using LogLens.Tests.Support;

namespace LogLens.Tests.Robustness;

/// <summary>
/// Metamorphic stability: what a paste does to a log (line ends, indentation, quoting, an editor's prefix, other
/// programs' output around it, redaction) does not change its diagnosis: the root cause's slug and the outcome.
/// </summary>
[Category("Robustness")]
public class MetamorphicTests
{
    private static readonly string[] Before =
    [
        "me@laptop:~/src$ git clone git@example.org:team/service.git",
        "Cloning into 'service'...",
        "me@laptop:~/src$ rsync -av --progress ./build/ deploy@example.org:/srv/app/",
        "sending incremental file list",
        "PLAY [webservers] **************************************************************",
        "TASK [Gathering Facts] *********************************************************",
        "$ ssh -vvv example.org",
    ];

    private static readonly string[] After =
    [
        "fatal: Could not read from remote repository.",
        string.Empty,
        "Please make sure you have the correct access rights",
        "and the repository exists.",
        "rsync error: unexplained error (code 255) at io.c(232) [sender=3.2.7]",
        "PLAY RECAP *********************************************************************",
        "web1                       : ok=0    changed=0    unreachable=1    failed=0",
        "me@laptop:~/src$ ",
    ];

    private static IEnumerable<LabScenario> Scenarios() => Repo.LabScenarios();

    /// <summary>The scenarios, with the known failure marked (see OtherProgramsOutputAroundTheLogKeepsTheDiagnosis).</summary>
    private static IEnumerable<TestCaseData> ScenariosWithOutputAfter() => Repo.LabScenarios().Select(s =>
    {
        return new TestCaseData(s).SetArgDisplayNames(s.Name);
    });

    private static string[] Lines(string log) => log.TrimEnd('\n').Split('\n');

    private static string EachLine(string log, Func<string, int, string> change) =>
        string.Join('\n', Lines(log).Select(change)) + "\n";

    private static void ShouldDiagnoseAlike(LabScenario scenario, Func<string, string> transform)
    {
        var original = File.ReadAllText(scenario.ClientLog);
        var expected = SshLog.Analyze(original, scenario.Name);
        var actual = SshLog.Analyze(transform(original), scenario.Name);
        var because = $"{scenario.Name}: was [{string.Join(", ", expected.Findings.Select(f => f.Slug))}], now [{string.Join(", ", actual.Findings.Select(f => f.Slug))}]";
        actual.Outcome.Should().Be(expected.Outcome, because);
        // Times a transformation adds (VS Code's stamps) may add a side note (slow-step, a warning); the diagnosis is what must stay.
        actual.Findings.Where(f => f.Severity != Findings.Severity.Warning).Select(f => f.Slug).FirstOrDefault().Should()
            .Be(expected.Findings.Where(f => f.Severity != Findings.Severity.Warning).Select(f => f.Slug).FirstOrDefault(), because);
    }

    [TestCaseSource(nameof(Scenarios))]
    public void WindowsLineEndsKeepTheDiagnosis(LabScenario scenario) =>
        ShouldDiagnoseAlike(scenario, log => log.Replace("\n", "\r\n", StringComparison.Ordinal));

    [TestCaseSource(nameof(Scenarios))]
    public void IndentingEveryLineKeepsTheDiagnosis(LabScenario scenario) =>
        ShouldDiagnoseAlike(scenario, log => EachLine(log, (line, _) => "    " + line));

    [TestCaseSource(nameof(Scenarios))]
    public void ForumQuotingEveryLineKeepsTheDiagnosis(LabScenario scenario) =>
        ShouldDiagnoseAlike(scenario, log => EachLine(log, (line, _) => "> " + line));

    [TestCaseSource(nameof(Scenarios))]
    public void VsCodeStderrPrefixOnEveryLineKeepsTheDiagnosis(LabScenario scenario) =>
        ShouldDiagnoseAlike(scenario, log => EachLine(log, (line, i) =>
            string.Create(CultureInfo.InvariantCulture, $"[{10 + (i / 3600 % 10):00}:{i / 60 % 60:00}:{i % 60:00}.{i * 7 % 1000:000}] stderr> {line}")));

    [TestCaseSource(nameof(Scenarios))]
    public void ATerminalsColoursKeepTheDiagnosis(LabScenario scenario) =>
        ShouldDiagnoseAlike(scenario, log => EachLine(log, (line, i) => i % 3 == 0 ? $"\u001b[1;3{i % 8}m{line}\u001b[0m" : line));

    [TestCaseSource(nameof(Scenarios))]
    public void CopyingAPagesSourceKeepsTheDiagnosis(LabScenario scenario) =>
        ShouldDiagnoseAlike(scenario, log => log.Replace("&", "&amp;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal));

    [TestCaseSource(nameof(Scenarios))]
    public void AForumsCodeTagsKeepTheDiagnosis(LabScenario scenario) =>
        ShouldDiagnoseAlike(scenario, log => "[code]" + log.TrimEnd('\n') + "[/code]\n");

    [TestCaseSource(nameof(Scenarios))]
    public void LineNumbersKeepTheDiagnosis(LabScenario scenario) =>
        ShouldDiagnoseAlike(scenario, log => EachLine(log, (line, i) => $"{i + 1,6}\t{line}"));

    [TestCaseSource(nameof(Scenarios))]
    public void TheSystemLogsStampsKeepTheDiagnosis(LabScenario scenario) =>
        ShouldDiagnoseAlike(scenario, log => EachLine(log, (line, i) => $"Dec  3 10:{i / 60 % 60:D2}:{i % 60:D2} laptop ssh[4242]: {line}"));

    [TestCaseSource(nameof(Scenarios))]
    public void PythonsLoggingStampsKeepTheDiagnosis(LabScenario scenario) =>
        ShouldDiagnoseAlike(scenario, log => EachLine(log, (line, i) => $"2024-05-04 10:{i / 60 % 60:D2}:{i % 60:D2},123 - {line}"));

    [TestCaseSource(nameof(Scenarios))]
    public void WindowsPowerShellsErrorRecordKeepsTheDiagnosis(LabScenario scenario) =>
        // Windows PowerShell 5.1 with 'ssh -v host 2>&1 > log.txt' turns the first line of ssh's stderr into an error record
        ShouldDiagnoseAlike(scenario, log =>
        {
            var first = log.IndexOf('\n', StringComparison.Ordinal) + 1;
            return "ssh : " + log[..first] + "At line:1 char:1\n+ ssh -vvv host 2>&1 > log.txt\n+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n" +
                "    + CategoryInfo          : NotSpecified: (OpenSSH_for_Win...reSSL 3.0.2:String) [], RemoteException\n" +
                "    + FullyQualifiedErrorId : NativeCommandError\n \n" + log[first..];
        });

    [TestCaseSource(nameof(Scenarios))]
    public void CopyingFromAWebPageKeepsTheDiagnosis(LabScenario scenario) =>
        ShouldDiagnoseAlike(scenario, log => log.Replace(' ', '\u00A0')
            .Replace("'", "\u2019", StringComparison.Ordinal).Replace("\"", "\u201D", StringComparison.Ordinal));

    [TestCaseSource(nameof(Scenarios))]
    public void AShellPromptGluedInFrontOfLinesKeepsTheDiagnosis(LabScenario scenario) =>
        ShouldDiagnoseAlike(scenario, log => EachLine(log, (line, i) => i % 4 == 0 ? Prompts[i / 4 % Prompts.Length] + line : line));

    [TestCaseSource(nameof(PrefixedScenarios))]
    public void AProgramsOwnPrefixOnEveryLineKeepsTheDiagnosis(LabScenario scenario, string name) =>
        // No rule of the unwrapper knows these: the prefix is learned from the lines that show where ssh's text starts.
        ShouldDiagnoseAlike(scenario, log => EachLine(log, (line, i) => ProgramPrefixes[name](i) + line));

    private static IEnumerable<TestCaseData> PrefixedScenarios() =>
        from scenario in Repo.LabScenarios()
        from name in ProgramPrefixes.Keys
        select new TestCaseData(scenario, name).SetArgDisplayNames(scenario.ToString(), name);

    /// <summary>What programs that run ssh put in front of each line of its output, by line index.</summary>
    private static readonly Dictionary<string, Func<int, string>> ProgramPrefixes = new()
    {
        ["docker-buildkit"] = i => $"#12 {i * 0.013:0.000} ",
        ["docker-compose"] = _ => "tunnel-1  | ",
        ["packer"] = _ => "    amazon-ebs: ",
        ["jenkins-timestamper"] = i => $"10:22:{i % 60:D2}  ",
        ["pdsh"] = _ => "web1: ",
        ["kubectl-prefix"] = _ => "[pod/tunnel-5d8f/ssh] ",
        ["markdown-list"] = _ => "* ",
        ["go-test"] = _ => "    main_test.go:42: ",
    };

    /// <summary>The prompts of bash, RHEL's bash, zsh on macOS, old macOS bash, PowerShell, cmd, Git Bash's second line and root's bash.</summary>
    private static readonly string[] Prompts =
        ["me@laptop:~/src$ ", "[me@centos ~]$ ", "me@MacBook-Pro ~ % ", "MacBook-Pro:~ me$ ", "PS C:\\Users\\me> ", "C:\\Users\\me>", "$ ", "root@web1:/# "];

    [TestCaseSource(nameof(ScenariosWithOutputAfter))]
    public void OtherProgramsOutputAroundTheLogKeepsTheDiagnosis(LabScenario scenario) =>
        ShouldDiagnoseAlike(scenario, log => string.Join('\n', Before) + "\n" + log + string.Join('\n', After) + "\n");

    [TestCaseSource(nameof(Scenarios))]
    public void RedactionKeepsTheDiagnosis(LabScenario scenario) =>
        ShouldDiagnoseAlike(scenario, log =>
        {
            var redacted = new StringBuilder();
            using var output = new StringWriter(redacted);
            SshLog.Redact(() => new StringReader(log), output);
            return redacted.ToString();
        });
}
