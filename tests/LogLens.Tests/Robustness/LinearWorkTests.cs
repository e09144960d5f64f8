using System.Globalization;
using System.Text;
using LogLens.Analysis;

namespace LogLens.Tests.Robustness;

/// <summary>
/// Never hang: the work to read and diagnose grows linearly with the input. Each case runs the same hostile shape at
/// 1x and 8x its size and counts the work, never the time: the bytes allocated on the test thread (the grammar, the
/// unwrapper, the redactor and the rules allocate as they go: Sprache one object per character it reads and per
/// alternative it tries) and the events the rules read (<see cref="WorkMeter"/>). Both counts are the same on any
/// machine under any load, so the bound is tight: 8x the input may cost at most 10x the work (quadratic work is 64x).
/// </summary>
[Category("Robustness")]
[NonParallelizable]
public class LinearWorkTests
{
    private const int Scale = 8;
    private const double Bound = Scale * 1.25;

    /// <summary>Events the rules may read per input line, on average over the fixture logs and in the worst log.</summary>
    private const double AverageReadsPerLine = 8;
    private const double MostReadsPerLine = 20;

    /// <summary>Shapes of one long line, built to a given length (the line reader keeps up to 64 Ki characters).</summary>
    private static IEnumerable<TestCaseData> LongLines()
    {
        static TestCaseData Case(string name, string head, string unit, string tail = "", int length = 4_000) =>
            new TestCaseData(head, unit, tail, length).SetArgDisplayNames(name);
        yield return Case("repeated debug prefixes", string.Empty, "debug1: ", "Connection established.");
        yield return Case("repeated forum quoting", string.Empty, "> ", "debug1: Connecting to h [1.2.3.4] port 22.");
        yield return Case("repeated VS Code prefixes", string.Empty, "[12:34:56.789] stderr> ", "debug1: Connection established.");
        yield return Case("repeated shell prompts", string.Empty, "user@host:~$ ", "debug1: Connection established.");
        yield return Case("repeated backticks", string.Empty, "`", "debug1: Connection established.");
        yield return Case("escaped line ends (Ansible)", "\"msg\": \"", "debug1: Authentications that can continue: publickey\\r\\n", "\"", 2_000);
        yield return Case("template holes never closed", "debug1: Connecting to ", "h [", string.Empty, 2_000);
        yield return Case("disconnect message", "Received disconnect from 1.2.3.4 port 22:2: ", "Too many authentication failures port 22:", string.Empty);
        yield return Case("connect error", "ssh: connect to host ", "h port 22: ", "Connection refused");
        yield return Case("auth methods list", "debug1: Authentications that can continue: ", "publickey,", "password");
        yield return Case("key description", "debug1: Offering public key: ", "/home/u/.ssh/id_rsa RSA SHA256:abcdefghijklmnop ", "explicit", 1_000);
        yield return Case("kex proposal", "debug2: KEX algorithms: ", "curve25519-sha256,", "ext-info-c");
        yield return Case("banner", "debug1: kex_exchange_identification: banner line 0: ", "SSH-2.0- HTTP/1.1 ", string.Empty);
        yield return Case("boxed warning", "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@", "@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @", string.Empty);
        yield return Case("user names and hosts (redaction)", "debug1: Authenticating to ", "a@b.c d@e.f 1.2.3.4 ::1 /home/x ", "as 'u'", 2_000);
    }

    [TestCaseSource(nameof(LongLines))]
    public void ALongLineTakesWorkLinearInItsLength(string head, string unit, string tail, int length)
    {
        string Log(int length)
        {
            var line = new StringBuilder(head);
            while (line.Length + unit.Length + tail.Length < length)
            {
                line.Append(unit);
            }

            line.Append(tail).Append('\n');
            return string.Concat(Enumerable.Repeat(line.ToString(), 16));
        }

        ShouldBeLinear(Log(length), Log(length * Scale), Analyze);
    }

    [Test]
    public void ManySessionsTakeWorkLinearInTheirNumber()
    {
        var one = File.ReadAllText(Support.Repo.Path("tests", "fixtures", "lab", "key-not-authorized", "client.log"));
        ShouldBeLinear(Repeat(one, 5), Repeat(one, 5 * Scale), Analyze);
    }

    [TestCase("debug1: Connection established.\n")]
    [TestCase("debug1: Connecting to h [1.2.3.4] port 22.\n")]
    public void ManyRepeatedConnectionLinesInOneSessionTakeWorkLinearInTheirNumber(string line) =>
        ShouldBeLinear(Repeat(line, 1_000), Repeat(line, 1_000 * Scale), Analyze);

    [Test]
    public void ManyDistinctHostsTakeWorkLinearInTheirNumber() =>
        ShouldBeLinear(DistinctHosts(300), DistinctHosts(300 * Scale), Analyze);

    [Test]
    public void RedactingManyDistinctUsersAndHostsTakesWorkLinearInTheirNumber() =>
        ShouldBeLinear(DistinctHosts(300), DistinctHosts(300 * Scale), text => SshLog.Redact(() => new StringReader(text), TextWriter.Null));

    /// <summary>
    /// The rules read each event a bounded number of times, however many rules ask about its type: a session's view indexes
    /// its events by type once, so <c>First/Last/Has/All&lt;T&gt;</c> are lookups and shared facts are read once. Before the
    /// index every type the rules asked for cost a pass over the session (36 events read per line on average over the fixture logs, 67 in the worst; now 4.9 and 11).
    /// </summary>
    [Test]
    public void TheRulesReadEachEventABoundedNumberOfTimes()
    {
        var logs = Directory.EnumerateFiles(Support.Repo.Path("tests", "fixtures"), "client.log", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Support.Repo.Path("samples", "logs"), "*.log"))
            .Order(StringComparer.Ordinal)
            .ToList();
        long lines = 0;
        long visits = 0;
        var worst = (Ratio: 0.0, Log: string.Empty);
        WorkMeter.Enabled = true;
        try
        {
            foreach (var log in logs)
            {
                var text = File.ReadAllText(log);
                var count = Math.Max(1, text.Count(c => c == '\n'));
                WorkMeter.Reset();
                Analyze(text);
                lines += count;
                visits += WorkMeter.Visits;
                var ratio = WorkMeter.Visits / (double)count;
                worst = ratio > worst.Ratio ? (ratio, log) : worst;
            }
        }
        finally
        {
            WorkMeter.Enabled = false;
        }

        var average = visits / (double)lines;
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{logs.Count} logs, {lines:N0} lines: {average:F2} events read per line on average; at most {worst.Ratio:F2} ({worst.Log})"));
        average.Should().BeLessThanOrEqualTo(AverageReadsPerLine, "the rules should read an event a few times, not once per type they ask about");
        worst.Ratio.Should().BeLessThanOrEqualTo(MostReadsPerLine, $"{worst.Log} made the rules read each line {worst.Ratio:F2} times");
    }

    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times));

    private static string DistinctHosts(int count)
    {
        var log = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            log.Append("OpenSSH_9.2p1 Debian-2+deb12u10, OpenSSL 3.0.22 25 Aug 2026\n")
                .Append("debug1: Connecting to host").Append(n).Append(".example.net [10.").Append(i / 250 % 250).Append('.').Append(i % 250).Append(".7] port 22.\n")
                .Append("debug1: Connection established.\n")
                .Append("debug1: Authenticating to host").Append(n).Append(".example.net:22 as 'user").Append(n).Append("'\n")
                .Append("user").Append(n).Append("@host").Append(n).Append(".example.net: Permission denied (publickey).\n");
        }

        return log.ToString();
    }

    /// <summary>
    /// <see cref="SshLog.Analyze(string)"/> on this thread alone: a long log is otherwise read on a second thread, whose
    /// allocations and reads the per-thread counts would miss.
    /// </summary>
    private static void Analyze(string text) => SshLog.Analyze(new StringReader(text), "-", readAhead: false);

    private static void ShouldBeLinear(string small, string large, Action<string> work)
    {
        var one = Work.Of(() => work(small));
        var many = Work.Of(() => work(large));
        var bytes = many.Bytes / (double)Math.Max(one.Bytes, 1);
        var visits = many.Visits / (double)Math.Max(one.Visits, 1);
        TestContext.Out.WriteLine(
            $"{small.Length} chars: {one}; {large.Length} chars: {many}; ratios {bytes:F2} (bytes), {visits:F2} (events read) (linear {Scale}, quadratic {Scale * Scale})");
        bytes.Should().BeLessThanOrEqualTo(Bound, $"{Scale}x the input allocated {bytes:F2}x the bytes ({one.Bytes:N0} -> {many.Bytes:N0}): the work is not linear");
        visits.Should().BeLessThanOrEqualTo(Bound, $"{Scale}x the input made the rules read {visits:F2}x the events ({one.Visits:N0} -> {many.Visits:N0}): the work is not linear");
    }

    /// <summary>The work of one run: bytes allocated on this thread and events the rules read.</summary>
    private readonly record struct Work(long Bytes, long Visits)
    {
        /// <summary>Counts the least work of a few runs after a warm-up (JIT, lazy parsers and caches allocate once).</summary>
        public static Work Of(Action action)
        {
            WorkMeter.Enabled = true;
            action();
            var least = new Work(long.MaxValue, long.MaxValue);
            for (var i = 0; i < 3; i++)
            {
                WorkMeter.Reset();
                var before = GC.GetAllocatedBytesForCurrentThread();
                action();
                var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
                least = new Work(Math.Min(least.Bytes, bytes), Math.Min(least.Visits, WorkMeter.Visits));
            }

            return least;
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Bytes:N0} bytes, {Visits:N0} events read");
    }
}
