using System.Text;
using LogLens.Tests.Support;

namespace LogLens.Tests.Robustness;

/// <summary>No regular expression in src/ can backtrack forever on hostile text: each is NonBacktracking or has a match timeout.</summary>
[Category("Robustness")]
public class RegexSafetyTests
{
    private static readonly string[] Constructions = ["new Regex(", "Regex(", "GeneratedRegex(", "Regex.IsMatch(", "Regex.Match(", "Regex.Matches(", "Regex.Replace(", "Regex.Split(", "Regex.Count(", "Regex.EnumerateMatches("];

    private static IEnumerable<string> Sources() =>
        Directory.EnumerateFiles(Repo.Path("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin"));

    /// <summary>Every regex construction or static call in a file, with its argument list.</summary>
    internal static IEnumerable<(int Line, string Call)> RegexCalls(string code)
    {
        var at = 0;
        while ((at = code.IndexOf("Regex", at, StringComparison.Ordinal)) >= 0)
        {
            var start = at;
            at += 5;
            var before = start > 0 ? code[start - 1] : ' ';
            if (char.IsLetterOrDigit(before) && !code[..start].EndsWith("Generated", StringComparison.Ordinal))
            {
                continue;
            }

            var head = code[start..Math.Min(code.Length, start + 30)];
            var open = head.StartsWith("Regex(", StringComparison.Ordinal) ? start + 5 :
                head.StartsWith("Regex.", StringComparison.Ordinal) && Constructions.Any(c => head.StartsWith(c, StringComparison.Ordinal)) ? code.IndexOf('(', start) : -1;
            if (open < 0)
            {
                continue;
            }

            var call = ArgumentList(code, open);
            var line = code[..start].Count(c => c == '\n') + 1;
            yield return (line, code[(code[..start].EndsWith("Generated", StringComparison.Ordinal) ? start - 9 : start)..(open + call.Length)]);
        }
    }

    /// <summary>The text from an opening parenthesis to its match, skipping string and character literals.</summary>
    private static string ArgumentList(string code, int open)
    {
        var depth = 0;
        var i = open;
        while (i < code.Length)
        {
            var c = code[i];
            if (c == '"' || (c is '@' or '$' && i + 1 < code.Length && code[i + 1] is '"' or '@' or '$'))
            {
                i = SkipString(code, i);
                continue;
            }

            if (c == '\'')
            {
                i = code.IndexOf('\'', i + (code[i + 1] == '\\' ? 3 : 2)) + 1;
                continue;
            }

            if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && --depth == 0)
            {
                return code[open..(i + 1)];
            }

            i++;
        }

        return code[open..];
    }

    private static int SkipString(string code, int i)
    {
        var verbatim = false;
        while (code[i] is '@' or '$')
        {
            verbatim |= code[i] == '@';
            i++;
        }

        if (code.AsSpan(i).StartsWith("\"\"\""))
        {
            return code.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal) + 3;
        }

        i++;
        while (i < code.Length)
        {
            if (verbatim && code[i] == '"' && i + 1 < code.Length && code[i + 1] == '"')
            {
                i += 2;
                continue;
            }

            if (!verbatim && code[i] == '\\')
            {
                i += 2;
                continue;
            }

            if (code[i] == '"')
            {
                return i + 1;
            }

            i++;
        }

        return i;
    }

    private static bool IsSafe(string call) =>
        call.Contains("NonBacktracking", StringComparison.Ordinal) ||
        call.Contains("matchTimeoutMilliseconds", StringComparison.Ordinal) ||
        call.Contains("TimeSpan.From", StringComparison.Ordinal) ||
        call.Split(',').Skip(2).Any(argument => argument.Contains("Timeout", StringComparison.Ordinal));

    [Test]
    public void EveryRegexInTheSourcesIsNonBacktrackingOrHasATimeout()
    {
        var unsafeCalls = new StringBuilder();
        var found = 0;
        foreach (var file in Sources())
        {
            foreach (var (line, call) in RegexCalls(File.ReadAllText(file)))
            {
                found++;
                if (!IsSafe(call))
                {
                    unsafeCalls.Append(Path.GetRelativePath(Repo.Root, file)).Append(':').Append(line).Append(": ").AppendLine(call);
                }
            }
        }

        found.Should().BeGreaterThan(0, "the scan should see the regexes that src/ has");
        unsafeCalls.ToString().Should().BeEmpty("every regex must use RegexOptions.NonBacktracking or a match timeout");
    }

    [TestCase("new Regex(@\"(a+)+$\")", false)]
    [TestCase("new Regex(\"a(b)c\", RegexOptions.None)", false)]
    [TestCase("Regex.IsMatch(text, @\"\\bmac\\b\", RegexOptions.IgnoreCase)", false)]
    [TestCase("[GeneratedRegex(@\"^(x)\", RegexOptions.None)]", false)]
    [TestCase("new Regex(\"(a)\", RegexOptions.NonBacktracking)", true)]
    [TestCase("Regex.IsMatch(what, @\"\\bmac\\b\", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1))", true)]
    [TestCase("[GeneratedRegex(@\"^[A-Za-z]:[\\\\/]\", RegexOptions.None, matchTimeoutMilliseconds: 1000)]", true)]
    [TestCase("new Regex($@\"(?:{string.Join('|', values)})\", RegexOptions.CultureInvariant, Timeout)", true)]
    public void TheScanTellsSafeFromUnsafe(string code, bool safe)
    {
        var calls = RegexCalls(code).ToList();
        calls.Should().ContainSingle();
        IsSafe(calls[0].Call).Should().Be(safe, calls[0].Call);
    }
}
