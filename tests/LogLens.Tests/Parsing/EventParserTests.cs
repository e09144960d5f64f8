using LogLens.Events;
using static LogLens.Tests.Support.EventAssertions;

namespace LogLens.Tests.Parsing;

public class EventParserTests
{
    [Test]
    public void ReadsTheLevelAndTheFunctionPrefix()
    {
        var e = ParseLine("debug3: record_hostkey: found key type ED25519 in file /root/.ssh/known_hosts:1");
        e.Level.Should().Be(DebugLevel.Debug3);
        e.Function.Should().Be("record_hostkey");
        e.Message.Should().Be("found key type ED25519 in file /root/.ssh/known_hosts:1");
    }

    [Test]
    public void TreatsAnUnknownDebugLineAsUnknownMessage()
    {
        var e = ParseLine("debug2: frobnicate_widgets: 42 widgets frobnicated");
        e.Should().BeOfType<UnknownMessage>();
        e.Function.Should().Be("frobnicate_widgets");
        e.Level.Should().Be(DebugLevel.Debug2);
    }

    [Test]
    public void TreatsAFunctionShapedLineWithoutLevelAsUnknownMessage()
    {
        ParseLine("frob_widget_count: something odd").Should().BeOfType<UnknownMessage>();
    }

    [TestCase("Welcome to Ubuntu 22.04.3 LTS")]
    [TestCase("   ")]
    [TestCase("$ ls -la")]
    [TestCase("Last login: Mon Jan  3 04:12:06 2022 from 10.0.0.2")]
    [TestCase("\u0000\u0001binary\uFFFD")]
    public void TreatsOtherProgramsOutputAsText(string line)
    {
        ParseLine(line).Should().BeOfType<Text>();
    }

    [Test]
    public void TreatsALineWithANulAsText()
    {
        ParseLine("/etc/ssh/ssh_config line 3: \0 Bad configuration option: x").Should().BeOfType<Text>();
    }

    [Test]
    public void FindsNoSshOutputInABinaryFile()
    {
        if (!File.Exists("/bin/ls"))
        {
            Assert.Ignore("no /bin/ls here");
        }

        using var binary = File.OpenRead("/bin/ls");
        SshLog.Analyze(binary, "/bin/ls").Main.Should().BeNull();
    }

    [Test]
    public void DoesNotTakeAMessageWordForAFunctionPrefix()
    {
        var e = ParseLine("debug1: kex: algorithm: curve25519-sha256");
        e.Function.Should().BeNull();
        e.Should().BeOfType<KexChosen>();
    }

    [Test]
    public void YieldsExactlyOneEventPerLine()
    {
        var text = string.Join("\n", Enumerable.Range(0, 500).Select(i => i % 3 == 0 ? "debug1: Connection established." : $"noise {i}"));
        var events = SshLog.Parse(text).ToList();
        events.Should().HaveCount(500);
        events.Select(e => e.Line).Should().Equal(Enumerable.Range(1, 500));
    }
}
