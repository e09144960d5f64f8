using LogLens.Rules;

namespace LogLens.Tests.Rules;

/// <summary>How a value from the log goes into a fix's command: as it is when a POSIX shell reads it as one plain word, quoted otherwise.</summary>
public class ShellQuotingTests
{
    [TestCase("example.org", "example.org")]
    [TestCase("/home/me/.ssh/id_ed25519", "/home/me/.ssh/id_ed25519")]
    [TestCase("git@github.com:org/repo.git", "git@github.com:org/repo.git")]
    [TestCase("a-b_c+d=e%f,g", "a-b_c+d=e%f,g")]
    [TestCase("", "''")]
    [TestCase("[127.0.0.1]:2022", "'[127.0.0.1]:2022'")]
    [TestCase("~/.ssh/id_rsa", "'~/.ssh/id_rsa'")]
    [TestCase("C:\\Users\\me/.ssh/known_hosts", "'C:\\Users\\me/.ssh/known_hosts'")]
    [TestCase("my key", "'my key'")]
    [TestCase("it's", "'it'\\''s'")]
    [TestCase("clé", "'clé'")]
    [TestCase("$HOME", "'$HOME'")]
    public void AValueIsQuotedOnlyWhenTheShellWouldReadItOtherwise(string value, string expected)
    {
        FindingRule.Shell(value).Should().Be(expected);
    }
}
