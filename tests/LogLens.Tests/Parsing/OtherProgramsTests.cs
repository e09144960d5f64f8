using LogLens.Events;
using LogLens.Parsing;

namespace LogLens.Tests.Parsing;

/// <summary>The lines the programs that run ssh print themselves are told from the server's output.</summary>
public class OtherProgramsTests
{
    [TestCase("fatal: Could not read from remote repository.", "git")]
    [TestCase("Please make sure you have the correct access rights", "git")]
    [TestCase("fatal: protocol error: bad line length character: This", "git", TestName = "git's protocol error, which ssh's config error template also fits")]
    [TestCase("rsync: connection unexpectedly closed (0 bytes received so far) [sender]", "rsync")]
    [TestCase("rsync error: unexplained error (code 255) at io.c(232) [sender=3.2.7]", "rsync")]
    [TestCase("lost connection", "scp")]
    [TestCase("fatal: [web1]: UNREACHABLE! => {\"changed\": false, \"unreachable\": true}", "ansible")]
    [TestCase("web1                       : ok=0    changed=0    unreachable=1    failed=0", "ansible")]
    [TestCase("##[error]Process completed with exit code 255.", "github-actions")]
    public void NamesTheProgramOfItsOwnLines(string line, string program)
    {
        SshLog.Parse(line).Single().Should().BeOfType<Text>().Which.Program.Should().Be(program);
        EventParser.ParseWithDefinitions(line).Should().BeOfType<Text>().Which.Program.Should().Be(program);
    }

    [TestCase("Hi alice! You've successfully authenticated, but GitHub does not provide shell access.")]
    [TestCase("fatal: not a git repository (or any of the parent directories): .git")]
    [TestCase("ls: cannot access '/nope': No such file or directory")]
    public void LeavesOtherLinesToTheServer(string line) =>
        SshLog.Parse(line).Single().Should().BeOfType<Text>().Which.Program.Should().BeNull();
}
