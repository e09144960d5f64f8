using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace LogLens.Tests.Robustness;

/// <summary>
/// Never crash, never hang: random bytes and mutated lab logs (FsCheck), and the classic monsters (a 100 MB line,
/// a million empty lines, NUL, invalid UTF-8, mixed line ends) all give one event per line and a report.
/// </summary>
[Category("Robustness")]
public class HostileInputTests
{
    private static readonly string[] SshTokens =
    [
        "debug1: ", "debug2: ", "debug3: ", "\n", "\r\n", "\r", "\\r\\n", "> ", "[12:34:56.789] stderr> ", "OpenSSH_9.2p1",
        "SSH-2.0-", "Connecting to ", " [", "] port ", "22.", "Connection established.", "Connection refused",
        "kex_exchange_identification: ", "banner line 0: ", "Received disconnect from ", "Authentications that can continue: ",
        "publickey,password", "Offering public key: ", "SHA256:", "Authenticated to ", "Permission denied (publickey).",
        "Host key verification failed.", "Unable to negotiate with ", "channel 0: ", "identity file ", " type -1",
        "Authenticating to ", "Local version string ", "Remote protocol version ", "ssh: connect to host ", "\u001b[2J", "\0",
    ];

    private static Config Quick(int tests) => Config.QuickThrowOnFailure.WithMaxTest(tests).WithQuietOnSuccess(true);

    /// <summary>Bytes biased towards what breaks line readers and parsers: line ends, NUL, invalid UTF-8, ssh words.</summary>
    private static Gen<byte[]> HostileBytes()
    {
        var chunk = Gen.Frequency(
            (4, ArbMap.Default.GeneratorFor<byte>().ArrayOf()),
            (3, Gen.Elements<byte[]>([(byte)'\n'], [(byte)'\r'], [0], [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xE2, 0x82], [0xEF, 0xBB, 0xBF], [0x1B])),
            (5, Gen.Elements(SshTokens).Select(Encoding.UTF8.GetBytes)));
        return chunk.ArrayOf().Select(chunks => chunks.SelectMany(c => c).ToArray());
    }

    [Test]
    public void RandomBytesGiveOneEventPerLineAndAReport() =>
        Prop.ForAll(HostileBytes().ToArbitrary(), input => { Hostile.ShouldSurvive(input); }).Check(Quick(400));

    [Test]
    public void MutatedLabLogsGiveOneEventPerLineAndAReport()
    {
        var mutated =
            from fixture in Gen.Elements(Hostile.Fixtures.ToArray())
            from mutations in Mutation.Any().ArrayOf().Select(m => m.Take(6).ToArray())
            select new MutatedLog(fixture.Name, mutations, mutations.Aggregate(fixture.Bytes, (bytes, m) => m.Apply(bytes)));
        Prop.ForAll(mutated.ToArbitrary(), log => { Hostile.ShouldSurvive(log.Bytes); }).Check(Quick(250));
    }

    [Test]
    public void LabLogsCutAtAnyByteGiveOneEventPerLineAndAReport()
    {
        var cut =
            from fixture in Gen.Elements(Hostile.Fixtures.ToArray())
            from at in Gen.Choose(0, fixture.Bytes.Length)
            select new MutatedLog(fixture.Name, [new Mutation($"cut at byte {at}", b => b[..Math.Min(at, b.Length)])], fixture.Bytes[..at]);
        Prop.ForAll(cut.ToArbitrary(), log => { Hostile.ShouldSurvive(log.Bytes); }).Check(Quick(200));
    }

    [Test]
    public void TheSmallestLabLogsCutAtEveryByteGiveOneEventPerLineAndAReport()
    {
        foreach (var (_, bytes) in Hostile.Fixtures.OrderBy(f => f.Bytes.Length).Take(3))
        {
            for (var at = 0; at <= bytes.Length; at++)
            {
                Hostile.ShouldSurvive(bytes[..at]);
            }
        }
    }

    private static IEnumerable<TestCaseData> Monsters()
    {
        static TestCaseData Case(string name, byte[] bytes) => new TestCaseData(bytes).SetArgDisplayNames(name);
        yield return Case("empty", []);
        yield return Case("only NUL bytes", new byte[4096]);
        yield return Case("NUL inside an ssh line", Encoding.UTF8.GetBytes("debug1: Connecting to h\0st [1.2.3.4] port 22.\0\ndebug1: Connection\0 established.\n"));
        yield return Case("lone continuation bytes", [0x80, 0x81, 0xBF, (byte)'\n', 0x80]);
        yield return Case("overlong and surrogate UTF-8", [0xC0, 0xAF, 0xE0, 0x80, 0xAF, 0xED, 0xA0, 0x80, 0xED, 0xBF, 0xBF, 0xF4, 0x90, 0x80, 0x80, (byte)'\n']);
        yield return Case("a multibyte character cut at the end", [.. Encoding.UTF8.GetBytes("debug1: Authenticating to h:22 as 'j"), 0xC3]);
        yield return Case("a UTF-16 LE BOM then odd bytes", [0xFF, 0xFE, (byte)'d', 0, (byte)'\n', 0, 0xD8]);
        yield return Case("a UTF-16 BE BOM", [0xFE, 0xFF, 0, (byte)'a', 0, (byte)'\r']);
        yield return Case("a UTF-32 LE BOM", [0xFF, 0xFE, 0, 0, (byte)'a', 0, 0, 0]);
        yield return Case("a UTF-8 BOM on every line", Encoding.UTF8.GetBytes("\uFEFFdebug1: Connecting to h [1.2.3.4] port 22.\n\uFEFFdebug1: Connection established.\n"));
        yield return Case("only line ends, mixed", Encoding.ASCII.GetBytes("\r\n\r\r\n\n\r\r\r\n\n"));
        yield return Case("mixed line ends in a real log", Encoding.UTF8.GetBytes(string.Join(string.Empty,
            File.ReadAllText(Support.Repo.Path("tests", "fixtures", "lab", "key-not-authorized", "client.log")).Split('\n').Select((l, i) => l + (i % 3) switch { 0 => "\r\n", 1 => "\r", _ => "\n" }))));
        yield return Case("escaped line ends only", Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("\\r\\n", 1000))));
        yield return Case("control characters everywhere", [.. Enumerable.Range(0, 0x20).Select(b => (byte)b), .. Enumerable.Range(0x7F, 0x21).Select(b => (byte)b)]);
    }

    [TestCaseSource(nameof(Monsters))]
    public void MonstersGiveOneEventPerLineAndAReport(byte[] input) => Hostile.ShouldSurvive(input);

    [Test]
    public void AHundredMegabyteLineIsCutAndReadInFlatMemory()
    {
        const long size = 100L * 1024 * 1024;
        var tail = Encoding.ASCII.GetBytes("\ndebug1: Connection established.\n");
        Stream Open() => new RepeatingStream(Encoding.ASCII.GetBytes("debug1: Connecting to h [1.2.3.4] port 22. "), size, tail);

        var events = SshLog.ReadEvents(Open()).ToList();
        events.Select(e => e.Line).Should().Equal(1, 2);
        events[0].Truncated.Should().BeTrue();
        events[0].Raw.Length.Should().BeLessThanOrEqualTo(64 * 1024);
        Hostile.ReportShouldBeWhole(SshLog.Analyze(Open(), "huge"));
    }

    [Test]
    public void AMillionEmptyLinesWithMixedLineEndsGiveAMillionEvents()
    {
        // 10^6 lines ended by \n, \r\n and a bare \r in turn, streamed: one pass that checks the numbering and diagnoses.
        const int lines = 1_000_002;
        var previous = 0;
        IEnumerable<Events.SshEvent> Checked(IEnumerable<Events.SshEvent> events)
        {
            foreach (var e in events)
            {
                e.Line.Should().BeOneOf(previous, previous + 1);
                previous = e.Line;
                yield return e;
            }
        }

        var report = SshLog.Analyze(Checked(SshLog.ReadEvents(new RepeatingStream("\r\n\n\r"u8.ToArray(), lines / 3 * 4))), "empty lines");
        previous.Should().Be(lines);
        Hostile.ReportShouldBeWhole(report);
    }
}

/// <summary>A named change to a log's bytes (the name is what FsCheck prints for a failing case).</summary>
internal sealed record Mutation(string Name, Func<byte[], byte[]> Apply)
{
    public override string ToString() => Name;

    public static Gen<Mutation> Any() => Gen.OneOf(
        from at in Gen.Choose(0, int.MaxValue) from bit in Gen.Choose(0, 7)
        select new Mutation($"flip bit {bit} at {at}", b => Flip(b, at, bit)),
        from at in Gen.Choose(0, int.MaxValue)
        select new Mutation($"cut at {at}", b => b.Length == 0 ? b : b[..(at % (b.Length + 1))]),
        from seed in Gen.Choose(0, int.MaxValue)
        select new Mutation($"shuffle lines (seed {seed})", b => Shuffle(b, seed)),
        from at in Gen.Choose(0, int.MaxValue) from times in Gen.Choose(1, 50)
        select new Mutation($"duplicate a line {times} times", b => Lines(b, lines => lines.Count == 0 ? lines : [.. lines[..(at % lines.Count)], .. Enumerable.Repeat(lines[at % lines.Count], times), .. lines[(at % lines.Count)..]])),
        from at in Gen.Choose(0, int.MaxValue) from bytes in Gen.Elements<byte[]>([0], [0, 0, 0], [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x1B, (byte)'[', (byte)'2', (byte)'J'], [(byte)'\r'])
        select new Mutation($"insert {Convert.ToHexString(bytes)} at {at}", b => Insert(b, at, bytes)),
        from seed in Gen.Choose(0, int.MaxValue)
        select new Mutation($"mix line ends (seed {seed})", b => MixLineEnds(b, seed)));

    private static byte[] Flip(byte[] b, int at, int bit)
    {
        if (b.Length == 0)
        {
            return b;
        }

        var copy = (byte[])b.Clone();
        copy[at % copy.Length] ^= (byte)(1 << bit);
        return copy;
    }

    private static byte[] Insert(byte[] b, int at, byte[] bytes)
    {
        var i = at % (b.Length + 1);
        return [.. b[..i], .. bytes, .. b[i..]];
    }

    private static byte[] Shuffle(byte[] b, int seed)
    {
        var random = new Random(seed);
        return Lines(b, lines => [.. lines.OrderBy(_ => random.Next())]);
    }

    private static byte[] Lines(byte[] b, Func<List<byte[]>, List<byte[]>> change)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < b.Length; i++)
        {
            if (b[i] == '\n')
            {
                lines.Add(b[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < b.Length)
        {
            lines.Add([.. b[start..], (byte)'\n']);
        }

        return [.. change(lines).SelectMany(l => l)];
    }

    private static byte[] MixLineEnds(byte[] b, int seed)
    {
        var random = new Random(seed);
        var output = new List<byte>(b.Length + (b.Length / 8));
        foreach (var c in b)
        {
            if (c == '\n')
            {
                switch (random.Next(3))
                {
                    case 0: output.Add((byte)'\n'); break;
                    case 1: output.Add((byte)'\r'); output.Add((byte)'\n'); break;
                    default: output.Add((byte)'\r'); break;
                }
            }
            else
            {
                output.Add(c);
            }
        }

        return [.. output];
    }
}

/// <summary>A lab log after mutations (printed by FsCheck when a case fails: fixture and mutations, not the bytes).</summary>
internal sealed record MutatedLog(string Fixture, Mutation[] Mutations, byte[] Bytes)
{
    public override string ToString() => $"{Fixture} after [{string.Join(", ", Mutations.Select(m => m.Name))}]";
}
