using LogLens.Events;
using LogLens.Parsing;

namespace LogLens.Tests.Parsing;

public class PastePrefixTests
{
    /// <summary>Each line's prefix length, as a <see cref="LineReader"/> gives them.</summary>
    private static int[] Prefixes(params string[] lines) =>
        [.. new LineReader(new StringReader(string.Join("\n", lines))).ReadAll().Select(l => l.Prefix)];

    private static List<SshEvent> Events(params string[] lines) => [.. SshLog.ReadEvents(new StringReader(string.Join("\n", lines)))];

    [TestCase("#12 0.345 ", "#0 0.0 ")]
    [TestCase("tunnel-1  | ", "tunnel-0 | ")]
    [TestCase("10:22:33\t ", "0:0:0 ")]
    [TestCase("* ", "* ")]
    public void AShapeKeepsTheLettersAndMakesEachRunOfDigitsOrBlanksOne(string prefix, string shape)
    {
        PastePrefix.ShapeOf(prefix).Should().Be(shape);
    }

    [TestCase("#0 0.0 ", "#9 12.5 Host", 8)]
    [TestCase("#0 0.0 ", "#9 12.5Host", 0)]
    [TestCase("tunnel-0 | ", "tunnel-12    | x", 15)]
    [TestCase("* ", "- x", 0)]
    public void AShapeMatchesTheStartOfALine(string shape, string line, int length)
    {
        PastePrefix.Match(shape, line).Should().Be(length);
    }

    [Test]
    public void TwoDebugLinesWithThePrefixTeachIt()
    {
        Prefixes(
                "#12 0.001 debug1: Reading configuration data /etc/ssh/ssh_config",
                "#12 0.002 debug1: Connecting to github.com [140.82.121.4] port 22.",
                "#12 0.510 Host key verification failed.")
            .Should().Equal(0, 0, 10);
    }

    [Test]
    public void OneDebugLineIsNotEnoughForTheLinesAfterIt()
    {
        Prefixes("web1: debug1: Connecting to h port 22.", "web1: uptime 12 days")
            .Should().Equal(0, 0);
    }

    [Test]
    public void SshsFirstLineTeachesItAtOnceAndLosesItsPrefix()
    {
        Prefixes("tunnel-1  | OpenSSH_9.2p1 Debian-2+deb12u3, OpenSSL 3.0.11 19 Sep 2023", "tunnel-1  | Bad owner or permissions on /root/.ssh/config")
            .Should().Equal(12, 12);
    }

    [Test]
    public void LinesBeforeTheFirstThatShowsThePrefixLoseItToo()
    {
        // ssh warns about a missing -i file before it prints its version
        Prefixes(
                "* Warning: Identity file /home/me/.ssh/id_deploy not accessible: No such file or directory.",
                "* OpenSSH_9.6p1 Ubuntu-3ubuntu13.5, OpenSSL 3.0.13 30 Jan 2024",
                "* debug1: Reading configuration data /etc/ssh/ssh_config")
            .Should().Equal(2, 2, 0);
    }

    [Test]
    public void WithoutDebugLinesAMessageOfSshsAfterThePrefixShowsIt()
    {
        // docker build without -v: BuildKit's '#12' even reads as ssh's channel listing
        var events = Events("#12 0.512 Host key verification failed.", "#12 0.513 fatal: Could not read from remote repository.");

        events[0].Should().BeOfType<HostKeyVerificationFailed>();
        events[1].Should().BeOfType<Text>().Which.Program.Should().Be("git");
    }

    [Test]
    public void ALogWithoutAPrefixLearnsNone()
    {
        Prefixes(
                "OpenSSH_9.6p1 Ubuntu-3ubuntu13.5, OpenSSL 3.0.13 30 Jan 2024",
                "debug1: Reading configuration data /etc/ssh/ssh_config",
                "Please type 'yes', 'no' or the fingerprint: Host key verification failed.",
                "me@host: Permission denied (publickey).")
            .Should().Equal(0, 0, 0, 0);
    }

    [Test]
    public void TheLinesOfALogWithoutAPrefixAreNotHeldBack()
    {
        // a debug line at the start of a line settles it: each line is read when its successor is not needed
        var reader = new LineReader(new StringReader("OpenSSH_9.6p1, OpenSSL 3.0.13\ndebug1: a\ndebug1: b\n"));
        reader.TryRead(out var first).Should().BeTrue();
        first.Number.Should().Be(1);
    }

    [Test]
    public void AProgramsOwnLinesWithoutSshsTextKeepTheirPrefix()
    {
        Prefixes(
                "#12 [4/5] RUN git clone git@github.com:me/repo.git",
                "#12 0.001 debug1: Reading configuration data /etc/ssh/ssh_config",
                "#12 0.002 debug1: Connecting to github.com [140.82.121.4] port 22.",
                "#12 ERROR: process did not complete successfully: exit code: 128")
            .Should().Equal(0, 0, 0, 0);
    }

    [Test]
    public void TheEvidenceKeepsTheLineAsItWasPasted()
    {
        var report = SshLog.Analyze(string.Join("\n",
            "#12 0.001 debug1: Reading configuration data /etc/ssh/ssh_config",
            "#12 0.002 debug1: Connecting to github.com [140.82.121.4] port 22.",
            "#12 0.510 Host key verification failed."));

        report.Findings[0].Evidence.Select(e => e.Text).Should().Contain("#12 0.510 Host key verification failed.");
    }
}
