using System.Reflection;
using LogLens.Events;
using LogLens.Parsing;
using LogLens.Parsing.Grammar;
using LogLens.Tests.Support;

namespace LogLens.Tests.Parsing.Grammar;

/// <summary>
/// The span forms the parser runs (<see cref="EnvelopeGrammar.Scan"/>, <see cref="MessageRule.Fast"/>) mean what the
/// Sprache definitions mean: the same envelope and the same event for every fixture line and every grammar test case.
/// </summary>
public class FastPathTests
{
    private static readonly Lazy<string[]> FixtureLines = new(ReadFixtureLines);
    private static readonly Lazy<string[]> CaseLines = new(ReadCaseLines);

    [Test]
    public void ATemplateMatchesAndBuildsItsEventWithoutBuildingItsDefinition()
    {
        // Building every template's Sprache parser was three quarters of a short run's work: the hot path must not need it.
        var rule = MessageRule.Template("Connecting to {host} [{address}] port {port}.", f => new Connecting(f[0], f[1], f.Int(2)));

        rule.Fast("Connecting to example.org [192.0.2.7] port 22.").Should().Be(new Connecting("example.org", "192.0.2.7", 22));
        rule.Matches!("Connecting to example.org [192.0.2.7] port 22.").Should().BeTrue();
        rule.HasBuiltParser.Should().BeFalse();

        MessageTable.TryDefinition(rule, "Connecting to example.org [192.0.2.7] port 22.").Should().Be(new Connecting("example.org", "192.0.2.7", 22));
        rule.HasBuiltParser.Should().BeTrue();
    }

    [Test]
    public void ReadsTheSameEnvelopeAsTheGrammarOnEveryFixtureLine()
    {
        foreach (var line in FixtureLines.Value.Concat(CaseLines.Value))
        {
            EnvelopeGrammar.Scan(line).Should().Be(EnvelopeGrammar.Read(line), "for the line '{0}'", line);
        }
    }

    [Test]
    public void ReadsTheSameEnvelopeAsTheGrammarOnEdgeCases()
    {
        string[] lines =
        [
            "", "d", "debug", "debug1", "debug1:", "debug1: ", "debug4: x", "debug1:x_y: z", "debug2: main:", "debug2: main: ",
            "debug3: a_b:c", "debug1: A_B: x", "debug1: _: x", "debug1: a_b :x", "main: x", "xmalloc: out of memory",
            "ssh_connect_direct", "debug1: ünïcode_fn: x", "debug1: a_b:", "debug1:  a_b: x", "debug3: fn_1: ", "_x_: y",
        ];
        foreach (var line in lines)
        {
            EnvelopeGrammar.Scan(line).Should().Be(EnvelopeGrammar.Read(line), "for the line '{0}'", line);
        }
    }

    [Test]
    public void EveryCandidateRuleMatchesLikeItsDefinitionOnEveryFixtureLine() => CompareRules(FixtureLines.Value);

    [Test]
    public void EveryCandidateRuleMatchesLikeItsDefinitionOnGrammarCasesAndTheirPrefixes() =>
        CompareRules(CaseLines.Value.SelectMany(line => Enumerable.Range(0, line.Length + 1).Select(n => line[..n])).Distinct());

    [Test]
    public void EveryRuleMatchesLikeItsDefinitionOnEveryGrammarCase()
    {
        var rules = AllRules();
        foreach (var line in CaseLines.Value)
        {
            var message = line[EnvelopeGrammar.Read(line).MessageStart..];
            foreach (var rule in rules)
            {
                Same(rule, message);
            }
        }
    }

    [Test]
    public void ParsesEveryFixtureLineAndGrammarCaseToTheSameEvent()
    {
        foreach (var line in FixtureLines.Value.Concat(CaseLines.Value))
        {
            var fast = EventParser.Parse(line);
            var defined = EventParser.ParseWithDefinitions(line);
            fast.Should().Be(defined, "for the line '{0}'", line);
            fast.Message.Should().Be(defined.Message);
        }
    }

    private static void CompareRules(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            var envelope = EnvelopeGrammar.Read(line);
            var message = line[envelope.MessageStart..];
            foreach (var rule in MessageTable.Default.Candidates(message, envelope.Function))
            {
                Same(rule, message);
            }

            if (envelope.Function is not null)
            {
                var whole = envelope.Level is null ? line : line[Math.Min(line.Length, line.Length > 7 && line[7] == ' ' ? 8 : 7)..];
                foreach (var rule in MessageTable.Default.Candidates(whole, null))
                {
                    Same(rule, whole);
                }
            }
        }
    }

    private static void Same(MessageRule rule, string message)
    {
        var defined = MessageTable.TryDefinition(rule, message);
        var fast = rule.Fast(message);
        fast.Should().Be(defined, "rule '{0}' on the message '{1}'", rule, message);
    }

    private static List<MessageRule> AllRules() =>
    [
        .. ConfigGrammar.Rules, .. ConnectGrammar.Rules, .. VersionGrammar.Rules, .. KexGrammar.Rules,
        .. HostKeyGrammar.Rules, .. KeyGrammar.Rules, .. AuthGrammar.Rules, .. SessionGrammar.Rules,
    ];

    private static string[] ReadFixtureLines()
    {
        var files = new[] { Repo.Path("tests", "fixtures"), Repo.Path("samples") }
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.log", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal);
        var lines = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            using var reader = new StreamReader(file);
            var lineReader = new LineReader(reader);
            while (lineReader.TryRead(out var raw))
            {
                if (LineUnwrapper.HasEscapedLines(raw.Text))
                {
                    lines.UnionWith(LineUnwrapper.SplitEscaped(raw.Text));
                }
                else
                {
                    lines.Add(LineUnwrapper.Strip(raw.Text));
                }
            }
        }

        lines.Count.Should().BeGreaterThan(1000, "the fixtures hold thousands of lines");
        return [.. lines.Order(StringComparer.Ordinal)];
    }

    /// <summary>The first argument of every <c>[TestCaseSource]</c> of the grammar tests: the lines they read.</summary>
    private static string[] ReadCaseLines()
    {
        var lines = new HashSet<string>(StringComparer.Ordinal);
        var sources = typeof(FastPathTests).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(FastPathTests).Namespace && t != typeof(FastPathTests))
            .SelectMany(t => t.GetMethods(BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.GetParameters().Length == 0 && typeof(IEnumerable<TestCaseData>).IsAssignableFrom(m.ReturnType));
        foreach (var source in sources)
        {
            foreach (var data in (IEnumerable<TestCaseData>)source.Invoke(null, null)!)
            {
                if (data.Arguments is [string line, ..])
                {
                    foreach (var part in LineUnwrapper.HasEscapedLines(line) ? LineUnwrapper.SplitEscaped(line) : [LineUnwrapper.Strip(line)])
                    {
                        lines.Add(part);
                    }
                }
            }
        }

        lines.Count.Should().BeGreaterThan(100, "the grammar tests hold hundreds of lines");
        return [.. lines.Order(StringComparer.Ordinal)];
    }
}
