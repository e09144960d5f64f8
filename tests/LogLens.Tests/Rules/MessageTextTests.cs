using System.Globalization;
using LogLens.Findings;
using LogLens.Tests.Support;

namespace LogLens.Tests.Rules;

/// <summary>
/// A finding's explanation is kept as its pieces and joined when read (<see cref="MessageText"/>): it must read exactly as the
/// string it stands for, compare like it, and keep the rules' sentences shared, so that a report of many sessions stays small.
/// </summary>
public class MessageTextTests
{
    [Test]
    public void AnInterpolatedTextReadsAsTheStringWouldAndKeepsItsLiteralsShared()
    {
        var host = string.Concat("exam", "ple.org");
        var port = 2222;
        MessageText text = $"ssh could not reach {host} port {port}: " + $"{(port == 22 ? "the default" : "another")} port.";

        text.ToString().Should().Be("ssh could not reach example.org port 2222: another port.");
        text.OwnLength.Should().Be(host.Length + 4, "only the host and the formatted port are copies of the log's values");
    }

    [Test]
    public void JoiningAppendsAndEmptyPiecesVanish()
    {
        MessageText text = "first.";
        text += $" {string.Empty}second";
        text += string.Empty;
        text += " third.";

        text.ToString().Should().Be("first. second third.");
        default(MessageText).ToString().Should().BeEmpty();
        (default(MessageText) + "alone").ToString().Should().Be("alone");
    }

    [Test]
    public void AWholeTextIsItsOwnStringAndCanStillGrow()
    {
        var whole = string.Concat("whole ", "text");
        MessageText text = whole;

        text.ToString().Should().BeSameAs(whole, "a text known whole keeps its string, not a copy nor an array of one piece");
        text.OwnLength.Should().Be(whole.Length);
        (text + $" and {whole}").ToString().Should().Be("whole text and whole text");
    }

    [Test]
    public void ValuesAreFormattedAtOnceInTheInvariantCulture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            // A culture that writes a decimal comma, as German does (this suite runs in globalization-invariant mode).
            var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            CultureInfo.CurrentCulture = comma;
            var seconds = 1.5;
            var list = new List<string> { "a" };
            MessageText text = $"waited {seconds} s, {seconds:F2} s, {list.Count} item";
            list.Add("b");

            text.ToString().Should().Be("waited 1.5 s, 1.50 s, 1 item");
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Test]
    public void TextsAreEqualWhenTheyReadTheSame()
    {
        var value = string.Concat("b", "c");
        MessageText pieces = $"a{value}d";
        MessageText whole = "abcd";

        pieces.Should().Be(whole);
        (pieces == whole).Should().BeTrue();
        pieces.GetHashCode().Should().Be(whole.GetHashCode());
        (pieces != "abce").Should().BeTrue();
    }

    [Test]
    public void AFindingMadeOfPiecesEqualsTheSameFindingMadeOfAString()
    {
        var host = string.Concat("h", "ost");
        var pieces = new Finding("LL1002", "connection-refused", Severity.Error, Phase.Connect, "Refused", $"refused by {host}.", [], []);
        var whole = new Finding("LL1002", "connection-refused", Severity.Error, Phase.Connect, "Refused", "refused by host.", [], []);

        pieces.Message.Should().Be("refused by host.");
        pieces.Should().Be(whole);
        pieces.GetHashCode().Should().Be(whole.GetHashCode());
        (pieces with { Message = "other" }).Message.Should().Be("other");
        pieces.ToString().Should().Contain("Message = refused by host.");
    }

    /// <summary>
    /// The guard for the rules: over every lab log, most of the explanations' characters are the rules' shared sentences. A rule
    /// that builds its message as a string (a <c>var message</c>, a plain literal in a chain of <c>+</c>) copies it whole into
    /// every finding, and the share of copies grows (over 10 MB of lab logs: over 90 % when every message was a string, 20 % in pieces).
    /// </summary>
    [Test]
    public void TheLabFindingsKeepMostOfTheirExplanationsShared()
    {
        long own = 0, all = 0;
        foreach (var scenario in Repo.LabScenarios())
        {
            foreach (var session in SshLog.Analyze(File.ReadAllText(scenario.ClientLog), "lab").Sessions)
            {
                foreach (var finding in session.Findings)
                {
                    own += finding.MessageText.OwnLength;
                    all += finding.Message.Length;
                }
            }
        }

        all.Should().BePositive();
        ((double)own / all).Should().BeLessThan(0.3, $"{own} of {all} characters are copies");
    }
}
