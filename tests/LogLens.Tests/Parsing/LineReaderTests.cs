using LogLens.Parsing;

namespace LogLens.Tests.Parsing;

public class LineReaderTests
{
    private static List<RawLine> Read(string text, int max = LineReader.MaxLineLength) =>
        [.. new LineReader(new StringReader(text), max).ReadAll()];

    [TestCase("a\nb\nc", new[] { "a", "b", "c" })]
    [TestCase("a\r\nb\r\nc\r\n", new[] { "a", "b", "c" })]
    [TestCase("a\rb\rc", new[] { "a", "b", "c" })]
    [TestCase("a\r\n\r\nb\n", new[] { "a", "", "b" })]
    [TestCase("a\n\rb", new[] { "a", "", "b" })]
    [TestCase("", new string[0])]
    [TestCase("\n", new[] { "" })]
    public void SplitsOnEveryKindOfLineBreak(string text, string[] expected)
    {
        Read(text).Select(l => l.Text).Should().Equal(expected);
    }

    [Test]
    public void NumbersLinesFromOne()
    {
        Read("x\ny\nz").Select(l => l.Number).Should().Equal(1, 2, 3);
    }

    [Test]
    public void CutsLongLinesAndMarksThemTruncated()
    {
        var lines = Read(new string('a', 100) + "\nshort", max: 10);
        lines[0].Text.Should().Be(new string('a', 10));
        lines[0].Truncated.Should().BeTrue();
        lines[1].Should().Be(new RawLine(2, "short", Truncated: false, Plain: true));
    }

    [Test]
    public void KeepsAtMostTheLimitOfAVeryLongLineWithoutHoldingTheRest()
    {
        var huge = new string('x', 5_000_000);
        var lines = Read(huge + "\r\nend");
        lines.Should().HaveCount(2);
        lines[0].Text.Length.Should().Be(LineReader.MaxLineLength);
        lines[1].Text.Should().Be("end");
    }

    [Test]
    public void MarksALinePlainOnlyWhenItHoldsNeitherANulNorABackslash()
    {
        var lines = Read("debug1: plain\nC:\\Users\\me\r\nbin\0ary\nmsg: a\\r\\nb\rlast");
        lines.Select(l => (l.Text, l.Plain)).Should().Equal(
            ("debug1: plain", true), ("C:\\Users\\me", false), ("bin\0ary", false), ("msg: a\\r\\nb", false), ("last", true));
    }

    [Test]
    public void MarksALineThatCrossesTheBufferPlainFromItsWholeText()
    {
        // A line that crosses the end of the reader's buffer (80 K characters) is put together piece by piece and judged once
        // whole, or once cut: what was cut off is no part of its event.
        var first = new string('x', 60_000) + "\n";
        var odd = "\\" + new string('a', 50_000) + "\n";
        var cutOff = new string('c', 70_000) + "\0" + "\n";
        var lines = Read(first + odd + cutOff);
        lines.Select(l => (l.Plain, l.Truncated)).Should().Equal((true, false), (false, false), (true, true));
    }

    [Test]
    public void DecodesInvalidUtf8LenientlyFromAStream()
    {
        var bytes = new byte[] { (byte)'o', (byte)'k', 0xC3, 0x28, (byte)'\n', 0xFF, 0xFE, 0x00, (byte)'z' };
        using var reader = LineReader.OpenStream(new MemoryStream(bytes));
        var lines = new LineReader(reader).ReadAll().ToList();
        lines.Should().HaveCount(2);
        lines[0].Text.Should().StartWith("ok").And.Contain("\uFFFD");
    }

    [Test]
    public void HonoursAUtf16ByteOrderMark()
    {
        var bytes = new System.Text.UnicodeEncoding(false, true).GetPreamble()
            .Concat(System.Text.Encoding.Unicode.GetBytes("debug1: Connection established.\r\n")).ToArray();
        using var reader = LineReader.OpenStream(new MemoryStream(bytes));
        new LineReader(reader).ReadAll().Single().Text.Should().Be("debug1: Connection established.");
    }
}
