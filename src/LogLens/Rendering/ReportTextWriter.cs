using System.Text;
using LogLens.Analysis;
using LogLens.Findings;

namespace LogLens.Rendering;

/// <summary>
/// The report for people: a headline with the outcome, a one-line phase timeline, then each finding with its
/// explanation, the lines that prove it, the fixes and the help page. Text from the log is never sent raw to
/// the terminal (control characters are shown escaped).
/// </summary>
internal sealed class ReportTextWriter(TextWriter output, bool color, int width = 100)
{
    private static readonly Phase[] Timeline =
        [Phase.Resolve, Phase.Connect, Phase.VersionExchange, Phase.Negotiation, Phase.HostKey, Phase.Authentication, Phase.Session];

    public void Write(Report report)
    {
        var main = report.Main;
        output.WriteLine(Bold($"{Safe(report.Source)}: {Headline(report)}"));
        if (main is null || report.Sessions.Count == 0)
        {
            output.WriteLine("  " + Safe(report.Summary));
            output.WriteLine();
            return;
        }

        if (main.Phase != Phase.Startup)
        {
            output.WriteLine("  " + TimelineOf(main.Outcome, main.Phase, main.Timings));
        }

        if ((report.Kind == LogKind.Server ? ServerFacts(main) : Facts(main)) is { Length: > 0 } facts)
        {
            output.WriteLine(Dim("  " + facts));
        }

        if (report.Join is { } join)
        {
            output.WriteLine(Dim("  " + Safe(JoinLine(join))));
        }

        if (report.Stopped is { } stop)
        {
            output.WriteLine("  " + Safe(StopLine(stop)));
        }

        output.WriteLine();
        if (main.Findings.Count == 0)
        {
            WrapInto(main.Summary, "  ");
            output.WriteLine();
        }

        foreach (var finding in main.Findings)
        {
            WriteFinding(finding, joined: report.Join is not null);
        }

        var others = report.Sessions.Where(s => s != main && s.Connection?.Noise != true).ToList();
        var noise = report.Sessions.Count(s => s != main && s.Connection?.Noise == true);
        if (others.Count > 0 || noise > 0)
        {
            output.WriteLine(Bold(report.Kind == LogKind.Server ? "Other records in this sshd log:" : "Other ssh sessions in this input:"));
            foreach (var session in others)
            {
                var kind = session.Parent is { } parent ? $"hop of session {parent}"
                    : report.Kind != LogKind.Server ? "session"
                    : session.Connection is { } c ? $"connection {session.Index}{(c.ClientAddress is { } a ? $" from {a}{(c.ClientPort is { } p ? $" port {p}" : string.Empty)}" : string.Empty)}"
                    : "sshd itself";
                var cause = session.Findings.Count > 0 && session.Findings[0] is { } first ? $"{first.Id} {first.Slug}" : session.Summary;
                output.WriteLine($"  {kind} {session.Index} (lines {session.FirstLine}-{session.LastLine}): {Names.Of(session.Outcome)} at {Names.Of(session.Phase)}: {Safe(cause)}");
            }

            if (noise > 0)
            {
                output.WriteLine(Dim($"  {noise} more set apart as scanner or brute-force noise (see --format json)"));
            }

            output.WriteLine();
        }
    }

    private static string Headline(Report report) => (report.Kind, report.Outcome) switch
    {
        (LogKind.Server, Outcome.Succeeded) => "sshd log: the login was accepted",
        (LogKind.Server, Outcome.Failed) when report.Phase == Phase.Startup => "sshd log: sshd failed to start",
        (LogKind.Server, Outcome.Failed) => $"sshd log: the connection failed at {Names.Of(report.Phase)}",
        (LogKind.Server, _) => "sshd log: inconclusive",
        (_, Outcome.Succeeded) => "ssh connected and logged in",
        (_, Outcome.Failed) => $"ssh failed at {Names.Of(report.Phase)}",
        _ => "inconclusive",
    };

    /// <summary>"stopped at 12:00:05 UTC in authentication, after line 42: ssh had been waiting 30 s for ...".</summary>
    private static string StopLine(StopInfo stop)
    {
        var text = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"stopped at {stop.At.UtcDateTime:HH:mm:ss} UTC in {Names.Of(stop.Phase)}, after line {stop.Line}");
        if (stop.WaitingFor is null)
        {
            return text;
        }

        var how = stop.Silence is { } silence ? " " + Seconds(silence) : string.Empty;
        return $"{text}: ssh had been waiting{how} for {stop.WaitingFor}" + (stop.WaitingForUser ? " (a wait for you, not for the network)" : string.Empty);
    }

    private static string JoinLine(JoinInfo join) => join.ServerSession is { } session
        ? $"joined with {join.ServerSource} (record {session}, {Names.Of(join.Confidence)} match on {string.Join(", ", join.MatchedOn)})"
        : $"{join.ServerSource}: no record of this connection found in sshd's log";

    private static string ServerFacts(SessionReport session)
    {
        if (session.Connection is not { } c)
        {
            return string.Empty;
        }

        var facts = new List<string>();
        if (c.ClientAddress is { } address)
        {
            facts.Add($"client {address}{(c.ClientPort is { } p ? $" port {p}" : string.Empty)}");
        }

        if (c.User is { } user)
        {
            facts.Add($"user {user}");
        }

        if (c.ServerPort is { } port)
        {
            facts.Add($"server port {port}");
        }

        if (c.ClientSoftware is { } software)
        {
            facts.Add(software);
        }

        return Safe(string.Join(" · ", facts));
    }

    private string TimelineOf(Outcome outcome, Phase reached, IReadOnlyList<PhaseTiming> timings)
    {
        var parts = new List<string>();
        foreach (var phase in Timeline)
        {
            string mark;
            if (phase < reached || (phase == reached && outcome == Outcome.Succeeded))
            {
                mark = Green("✓");
            }
            else if (phase == reached)
            {
                mark = outcome == Outcome.Failed ? Red("✗") : Yellow("?");
            }
            else
            {
                mark = Dim("·");
            }

            var took = timings.Where(t => t.Phase == phase).Select(t => t.Duration).DefaultIfEmpty(TimeSpan.MinValue).Max();
            parts.Add(took >= TimeSpan.Zero ? $"{Names.Of(phase)} {mark} {Dim(Seconds(took))}" : $"{Names.Of(phase)} {mark}");
        }

        return string.Join("  ", parts);
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds < 10
        ? span.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "s"
        : span.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "s";

    private static string Facts(SessionReport session)
    {
        var facts = new List<string>();
        if (session.Target is { } t)
        {
            var user = t.User is { Length: > 0 } u ? u + "@" : string.Empty;
            var port = t.Port is { } p ? $" port {p}" : string.Empty;
            var address = t.Address is { Length: > 0 } a && a != t.Host ? $" ({a})" : string.Empty;
            facts.Add($"target {user}{t.Host ?? t.Address ?? "(host not in the log)"}{address}{port}");
        }

        if (session.Client is { } client)
        {
            facts.Add($"client {client}");
        }

        if (session.Server is { } server)
        {
            facts.Add($"server {server}");
        }

        return Safe(string.Join(" · ", facts));
    }

    private void WriteFinding(Finding finding, bool joined)
    {
        var (icon, paint) = finding.Severity switch
        {
            Severity.Error => ("✗", (Func<string, string>)Red),
            Severity.Warning => ("!", Yellow),
            _ => ("✓", Green),
        };
        // A finding the log does not state outright says so before its title: "likely" or "possible".
        var hedge = finding.Confidence == Confidence.Certain ? string.Empty : Yellow(Names.Of(finding.Confidence)) + ": ";
        output.WriteLine($"{paint($"{icon} {Names.Of(finding.Severity)}")} {Bold($"{finding.Id} {finding.Slug}")}: {hedge}{Safe(finding.Title)}");
        WrapInto(finding.Message, "  ");
        if (finding.Evidence.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("  Evidence:");
            var digits = finding.Evidence.Max(e => e.Line).ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
            foreach (var evidence in finding.Evidence)
            {
                var text = evidence.Text.Length > width * 2 ? evidence.Text[..(width * 2)] + "…" : evidence.Text;
                // In a joined report sshd's lines say so: their numbers are the server log's.
                var number = evidence.Line.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(digits + 2);
                var mark = joined ? (evidence.Source == EvidenceSource.Server ? "sshd " : " ssh ") : string.Empty;
                output.WriteLine($"  {Dim(mark + number)} │ {Safe(text)}");
            }
        }

        if (finding.Fixes.Count > 0)
        {
            output.WriteLine();
            output.WriteLine(finding.Fixes.Count == 1 ? "  Fix:" : "  Fixes:");
            foreach (var fix in finding.Fixes)
            {
                WrapInto(fix.Description, "    • ", "      ");
                if (fix.Command is { } command)
                {
                    // Where it goes shows in front: a shell on this machine, a shell on the server, or a line of a file.
                    var prompt = fix.Where switch
                    {
                        FixLocation.Server => "server$ ",
                        FixLocation.Config => $"{fix.File}: ",
                        _ => "$ ",
                    };
                    output.WriteLine("      " + Cyan(Safe(prompt + command)));
                }
            }
        }

        output.WriteLine(Dim($"  Help: loglens explain {finding.Id}"));
        output.WriteLine();
    }

    private void WrapInto(string text, string first, string? rest = null)
    {
        rest ??= first;
        var line = new StringBuilder(first);
        var start = true;
        foreach (var word in Safe(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!start && line.Length + 1 + word.Length > width)
            {
                output.WriteLine(line.ToString());
                line.Clear().Append(rest);
                start = true;
            }

            if (!start)
            {
                line.Append(' ');
            }

            line.Append(word);
            start = false;
        }

        output.WriteLine(line.ToString());
    }

    private static string Safe(string text) => TerminalText.Escape(text);

    private string Paint(string code, string text) => color ? $"\u001b[{code}m{text}\u001b[0m" : text;

    private string Bold(string text) => Paint("1", text);

    private string Dim(string text) => Paint("2", text);

    private string Red(string text) => Paint("31", text);

    private string Green(string text) => Paint("32", text);

    private string Yellow(string text) => Paint("33", text);

    private string Cyan(string text) => Paint("36", text);
}
