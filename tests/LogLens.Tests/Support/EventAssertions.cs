using LogLens.Events;
using LogLens.Parsing;

namespace LogLens.Tests.Support;

/// <summary>Parses single lines and compares events by their own fields (not line number or raw text).</summary>
internal static class EventAssertions
{
    public static SshEvent ParseLine(string line) => SshLog.Parse(line).Single();

    public static void ShouldParseAs(string line, SshEvent expected)
    {
        var actual = ParseLine(line);
        actual.Should().BeOfType(expected.GetType(), because: $"'{line}' should be a {expected.GetType().Name}");
        if (expected.GetType().GetProperties().All(p => p.DeclaringType == typeof(SshEvent)))
        {
            return; // a marker event: its type is all there is to check
        }

        actual.Should().BeEquivalentTo(expected, o => o
            .RespectingRuntimeTypes()
            .Excluding(m => m.DeclaringType == typeof(SshEvent)));
    }

    public static TestCaseData Case(string line, SshEvent expected) =>
        new TestCaseData(line, expected).SetArgDisplayNames(line.Length > 70 ? line[..70] : line);
}
