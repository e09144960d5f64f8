using System.Text;
using System.Text.Json;
using LogLens.Analysis;
using LogLens.Rendering;
using LogLens.Tests.Support;

namespace LogLens.Tests.Analysis;

/// <summary>
/// <see cref="SshLog.Analyze(TextReader, string, Action{SessionReport})"/>: the fast reading of <see cref="SshLog.Analyze(TextReader, string)"/>,
/// each session's report handed on as it is known and none kept.
/// </summary>
public class StreamedReportTests
{
    [Test]
    public void HandsOnTheSessionsTheWholeReportHoldsInOrderOnTheCallersThreadAndKeepsNone()
    {
        var text = Repo.LabClientLogs();
        var whole = SshLog.Analyze(new StringReader(text), "log");
        var caller = Environment.CurrentManagedThreadId;
        var handed = new List<SessionReport>();
        var threads = new HashSet<int>();

        var streamed = SshLog.Analyze(new StringReader(text), "log", session =>
        {
            handed.Add(session);
            threads.Add(Environment.CurrentManagedThreadId);
        });

        whole.Sessions.Should().HaveCountGreaterThan(50);
        handed.Select(Json).Should().Equal(whole.Sessions.Select(Json));
        threads.Should().Equal(caller);
        streamed.Sessions.Should().BeEmpty();
        (streamed.Outcome, streamed.Phase, streamed.Main?.Index, streamed.Kind).Should().Be((whole.Outcome, whole.Phase, whole.Main?.Index, LogKind.Client));
        streamed.Findings.Select(f => f.Slug).Should().Equal(whole.Findings.Select(f => f.Slug));
    }

    [Test]
    public void ReadsAStreamAsTheReaderIsRead()
    {
        var text = Repo.LabClientLogs();
        var fromReader = new List<string>();
        var fromStream = new List<string>();

        SshLog.Analyze(new StringReader(text), "log", s => fromReader.Add(Json(s)));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        SshLog.Analyze(stream, "log", s => fromStream.Add(Json(s)));

        fromStream.Should().Equal(fromReader);
        stream.CanRead.Should().BeTrue("the stream is not closed");
    }

    [Test]
    public void HandsOnEachRecordOfAnSshdLogOnceTheLogIsRead()
    {
        var path = Repo.LabScenarios().Select(s => s.ServerLog).First(File.Exists);
        var text = File.ReadAllText(path);
        var whole = SshLog.Analyze(text, path);
        var handed = new List<SessionReport>();

        var streamed = SshLog.Analyze(new StringReader(text), path, handed.Add);

        whole.Kind.Should().Be(LogKind.Server);
        handed.Select(Json).Should().Equal(whole.Sessions.Select(Json));
        streamed.Kind.Should().Be(LogKind.Server);
        streamed.Sessions.Should().BeEmpty();
    }

    [Test]
    public void NeedsAReaderAndACallback()
    {
        var noReader = () => SshLog.Analyze((TextReader)null!, "log", _ => { });
        var noStream = () => SshLog.Analyze((Stream)null!, "log", _ => { });
        var noCallback = () => SshLog.Analyze(new StringReader("debug1: x"), "log", null!);

        noReader.Should().Throw<ArgumentNullException>();
        noStream.Should().Throw<ArgumentNullException>();
        noCallback.Should().Throw<ArgumentNullException>();
    }

    private static string Json(SessionReport session) => JsonSerializer.Serialize(session, ContractJson.Options);
}
