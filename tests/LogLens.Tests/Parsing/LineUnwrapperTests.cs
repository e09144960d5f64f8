using LogLens.Events;
using LogLens.Parsing;

namespace LogLens.Tests.Parsing;

public class LineUnwrapperTests
{
    [TestCase("debug1: Connection established.")]
    [TestCase("   debug1: Connection established.")]
    [TestCase("\tdebug1: Connection established.")]
    [TestCase("> debug1: Connection established.")]
    [TestCase("> > debug1: Connection established.")]
    [TestCase(">debug1: Connection established.")]
    [TestCase("[16:25:29.721] stderr> debug1: Connection established.")]
    [TestCase("[2024-05-04 10:22:33] debug1: Connection established.")]
    [TestCase("2024-05-04T10:22:33.1234567Z debug1: Connection established.")]
    [TestCase("user@box:~$ debug1: Connection established.")]
    [TestCase("[user@test ~]$ exitdebug1: Connection established.")]
    [TestCase("`debug1: Connection established.`")]
    [TestCase("ssh : debug1: Connection established.", TestName = "Windows PowerShell's error record")]
    [TestCase("\u001b[33mdebug1: Connection established.\u001b[0m", TestName = "a terminal's colours")]
    [TestCase("     12\tdebug1: Connection established.", TestName = "cat -n's line number")]
    [TestCase("12: debug1: Connection established.", TestName = "a line number and a colon")]
    [TestCase("12 | debug1: Connection established.", TestName = "a line number and a bar")]
    [TestCase("[code]debug1: Connection established.", TestName = "a forum's code tag")]
    [TestCase("[CODE=text]debug1: Connection established.[/CODE]", TestName = "a forum's code tag with its language, and its end")]
    [TestCase("[quote=\"alice\"]debug1: Connection established.", TestName = "a forum's quote tag")]
    [TestCase("debug1: Connection established.[/code]", TestName = "a forum's closing tag")]
    [TestCase("Dec  3 10:22:00 debug1: Connection established.", TestName = "moreutils' ts")]
    [TestCase("Dec 03 10:22:00 laptop ssh[4242]: debug1: Connection established.", TestName = "ssh -y in the system log")]
    [TestCase("2024-05-04 10:22:33,123 - debug1: Connection established.", TestName = "Python's logging")]
    [TestCase("debug1: Connection established.\t  ")]
    [TestCase("  12 => string 'debug1: Connection established.' (length=31)")]
    [TestCase("    [12] => debug1: Connection established.")]
    public void TakesOffWhatAPasteWrapsAroundTheLine(string raw)
    {
        LineUnwrapper.Strip(raw).Should().Be("debug1: Connection established.");
    }

    // ssh wrote while the shell showed its prompt, or the paste kept the prompt: the line after it is ssh's own
    [TestCase("user@laptop:~$ Unable to negotiate with 10.0.0.5 port 22: no matching cipher found.", TestName = "bash (Debian, Ubuntu)")]
    [TestCase("root@web1:/etc/ssh# Unable to negotiate with 10.0.0.5 port 22: no matching cipher found.", TestName = "bash as root")]
    [TestCase("[alice@centos6 ~]$ Unable to negotiate with 10.0.0.5 port 22: no matching cipher found.", TestName = "RHEL bash")]
    [TestCase("alice@MacBook-Pro ~ % Unable to negotiate with 10.0.0.5 port 22: no matching cipher found.", TestName = "macOS zsh")]
    [TestCase("MacBook-Pro:~ alice$ Unable to negotiate with 10.0.0.5 port 22: no matching cipher found.", TestName = "old macOS bash")]
    [TestCase("(base) alice@box:~/src$ Unable to negotiate with 10.0.0.5 port 22: no matching cipher found.", TestName = "conda prefix")]
    [TestCase("$ Unable to negotiate with 10.0.0.5 port 22: no matching cipher found.", TestName = "bare (Git Bash's second line)")]
    [TestCase("PS C:\\Users\\alice> Unable to negotiate with 10.0.0.5 port 22: no matching cipher found.", TestName = "PowerShell")]
    [TestCase("C:\\Users\\alice>Unable to negotiate with 10.0.0.5 port 22: no matching cipher found.", TestName = "cmd")]
    public void TakesOffAShellPromptGluedInFront(string raw)
    {
        LineUnwrapper.Strip(raw).Should().Be("Unable to negotiate with 10.0.0.5 port 22: no matching cipher found.");
    }

    [TestCase("alice@10.0.0.5: Permission denied (publickey).", TestName = "the verdict, user@host:")]
    [TestCase("alice@10.0.0.5's password: ", TestName = "the password prompt")]
    [TestCase("C:\\Users\\alice/.ssh/config: line 3: Bad configuration option: usekeychain", TestName = "a Windows path")]
    [TestCase("file.txt                  100%   12KB  1.2MB/s   00:00", TestName = "scp's progress")]
    [TestCase("debug1: kex_exchange_identification: banner line 0: \u001b]0;owned\u0007", TestName = "a server's title sequence, to be shown")]
    [TestCase("Warning: Permanently added '[127.0.0.1]:2222' (ED25519) to the list of known hosts.", TestName = "brackets that are not a forum's")]
    public void LeavesSshsOwnLinesThatLookAlikeAsTheyAre(string raw)
    {
        LineUnwrapper.Strip(raw).Should().Be(raw.TrimEnd());
    }

    // copied from a web page, a chat or a word processor
    [TestCase("Load\u00A0key\u00A0\u201C/home/u/.ssh/id_rsa\u201D:\u00A0invalid\u00A0format", "Load key \"/home/u/.ssh/id_rsa\": invalid format", TestName = "no-break spaces, curly double quotes")]
    [TestCase("debug1:\u00A0Authentications that can continue: publickey", "debug1: Authentications that can continue: publickey", TestName = "a no-break space after the level")]
    [TestCase("Warning: Permanently added \u2018[10.0.0.5]:2222\u2019 (ED25519) to the list of known hosts.", "Warning: Permanently added '[10.0.0.5]:2222' (ED25519) to the list of known hosts.", TestName = "curly single quotes")]
    [TestCase("\u00A0\u00A0\u00A0\u00A0debug1: Connection established.", "debug1: Connection established.", TestName = "indented with no-break spaces")]
    [TestCase("Authenticated to h ([10.0.0.5]:22) using &quot;publickey&quot;.", "Authenticated to h ([10.0.0.5]:22) using \"publickey\".", TestName = "HTML's entities")]
    [TestCase("Dec  3 10:22:00 laptop ssh[4242]: ssh: connect to host h port 22: Connection refused", "ssh: connect to host h port 22: Connection refused", TestName = "ssh -y, a line without a level")]
    [TestCase("ssh : Unable to negotiate with 10.0.0.5 port 22: no matching cipher found.", "Unable to negotiate with 10.0.0.5 port 22: no matching cipher found.", TestName = "Windows PowerShell's error record, a line without a level")]
    [TestCase("ssh: connect to host h port 22: Connection refused", "ssh: connect to host h port 22: Connection refused", TestName = "ssh's own 'ssh: ', kept")]
    public void MakesTheLookalikesOfACopiedPageSshsPlainCharactersAgain(string raw, string plain)
    {
        LineUnwrapper.Strip(raw).Should().Be(plain);
    }

    [Test]
    public void LeavesOtherLettersAsTheyAre()
    {
        var line = "debug1: identity file /home/jos\u00E9/.ssh/id_ed25519 type 3";
        LineUnwrapper.Strip(line).Should().BeSameAs(line);
    }

    [Test]
    public void ReturnsTheSameStringWhenThereIsNothingToStrip()
    {
        var line = "debug1: Connection established.";
        LineUnwrapper.Strip(line).Should().BeSameAs(line);
    }

    [Test]
    public void SplitsAnsibleJsonWithEscapedLineBreaksIntoTheLinesItCarries()
    {
        var line = "    \"msg\": \"Failed to connect to the host via ssh: Offending ECDSA key in /home/u/.ssh/known_hosts:3\\r\\nHost key for 10.0.0.9 has changed and you have requested strict checking.\\r\\nHost key verification failed.\",";
        var events = SshLog.Parse(line).ToList();
        events.Select(e => e.GetType()).Should().Equal(typeof(OffendingKey), typeof(HostKeyChanged), typeof(HostKeyVerificationFailed));
        events.Should().OnlyContain(e => e.Line == 1);
    }

    [Test]
    public void SplitsPythonByteStringsWithEscapedLineBreaks()
    {
        var line = "<10.0.0.9> (255, b'', b'OpenSSH_8.2p1 Ubuntu-4, OpenSSL 1.1.1f  31 Mar 2020\\r\\ndebug1: Connecting to 10.0.0.9 [10.0.0.9] port 22.\\r\\nssh: connect to host 10.0.0.9 port 22: Connection refused\\r\\n')";
        SshLog.Parse(line).Select(e => e.GetType()).Should()
            .StartWith([typeof(ClientVersion), typeof(Connecting), typeof(ConnectFailed)]);
    }

    [Test]
    public void KeepsTheRawLineAndExposesTheUnwrappedContent()
    {
        var e = SshLog.Parse("[16:25:29.721] stderr> debug1: connect to address 192.168.64.4 port 22: No route to host").Single();
        e.Should().BeOfType<ConnectAddressFailed>();
        e.Raw.Should().StartWith("[16:25:29.721]");
        e.Content.Should().StartWith("debug1:");
        e.Message.Should().Be("connect to address 192.168.64.4 port 22: No route to host");
        e.Level.Should().Be(DebugLevel.Debug1);
    }
}
