using System.CommandLine;
using LogLens.Rendering;
using LogLens.Analysis;
using LogLens.Cli.Output;
using LogLens.Events;
using LogLens.Findings;
using LogLens.Rules;

namespace LogLens.Cli.Commands;

/// <summary>How the report is shown.</summary>
internal sealed record ReportOptions(string Format, string Color, Severity MinSeverity, IReadOnlySet<string> Exclude, bool Quiet, bool Tee)
{
    public static ReportOptions Default { get; } = new("text", "never", Severity.Info, new HashSet<string>(), false, false);
}

/// <summary><c>loglens [FILE...]</c>: the diagnosis of each input, as text, JSON or SARIF.</summary>
internal static class ReportCommand
{
    public static void Configure(RootCommand root)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Log files to analyse; '-' or none reads standard input (e.g. ssh -vvv host 2>&1 | loglens).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format") { Description = "Output format: text, json or sarif.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var color = new Option<string>("--color") { Description = "Colour the text report: auto (only on a terminal, not with NO_COLOR), always or never.", DefaultValueFactory = _ => "auto" };
        color.AcceptOnlyFromAmong("auto", "always", "never");
        var severity = new Option<string>("--severity") { Description = "The least severe findings shown: error, warning or info.", DefaultValueFactory = _ => "info" };
        severity.AcceptOnlyFromAmong("error", "warning", "info");
        var exclude = new Option<string[]>("--exclude") { Description = "Findings to leave out, by ID or slug (comma-separated or repeated).", Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = false };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing; only the exit code tells the outcome." };
        var tee = new Option<bool>("--tee") { Description = "Echo the input to stderr as it arrives (live mode: see ssh's output while LogLens listens)." };
        root.Arguments.Add(files);
        root.Options.Add(format);
        root.Options.Add(color);
        root.Options.Add(severity);
        root.Options.Add(exclude);
        root.Options.Add(quiet);
        root.Options.Add(tee);
        root.SetAction(result =>
        {
            var options = new ReportOptions(
                result.GetValue(format) ?? "text",
                result.GetValue(color) ?? "auto",
                (result.GetValue(severity) ?? "info") switch { "error" => Severity.Error, "warning" => Severity.Warning, _ => Severity.Info },
                ParseExclude(result.GetValue(exclude)),
                result.GetValue(quiet),
                result.GetValue(tee));
            var output = result.InvocationConfiguration.Output;
            return Run(Input.From(result.GetValue(files)), options, output, result.InvocationConfiguration.Error, LoglensCommand.StandardInput);
        });
    }

    internal static int Run(IReadOnlyList<Input> inputs, ReportOptions options, TextWriter output, TextWriter error, Func<Stream> stdin)
    {
        var reports = new List<Report>();
        var exit = ExitCodes.Success;
        using var json = options.Format == "json" && !options.Quiet ? new ReportJsonWriter(output, asArray: inputs.Count > 1) : null;
        foreach (var input in inputs)
        {
            if (input.LooksLikeOption)
            {
                error.WriteLine($"loglens: unknown option '{input.Name}' (see loglens --help)");
                return ExitCodes.UsageOrInput;
            }

            using var stream = input.Open(input.IsStdin ? stdin() : Stream.Null, out var problem);
            if (stream is null)
            {
                error.WriteLine(problem);
                exit = ExitCodes.UsageOrInput;
                continue;
            }

            try
            {
                // Standard input is read live: each line is stamped as it arrives, so phases get durations.
                using var reader = SshLog.OpenText(stream);
                var report = Analyze(reader, input.Name, options, error, live: input.IsStdin, json);
                reports.Add(report);
                exit = Worse(exit, ExitCodeOf(report));
            }
            catch (IOException e)
            {
                error.WriteLine($"loglens: {input.Name}: read error: {e.Message}");
                exit = ExitCodes.UsageOrInput;
            }
        }

        return json is null ? Print(reports, options, output, exit) : exit;
    }

    /// <summary>Analyses a log as it arrives (e.g. from ssh run by <c>loglens probe</c>) and prints its report.</summary>
    internal static int RunLive(TextReader reader, string source, ReportOptions options, TextWriter output, TextWriter error)
    {
        using var json = options.Format == "json" && !options.Quiet ? new ReportJsonWriter(output, asArray: false) : null;
        var report = Analyze(reader, source, options, error, live: true, json);
        return json is null ? Print([report], options, output, ExitCodeOf(report)) : ExitCodeOf(report);
    }

    /// <summary>Analyses one input; with a JSON writer, its sessions are written as they are diagnosed, not kept.</summary>
    private static Report Analyze(TextReader reader, string name, ReportOptions options, TextWriter error, bool live, ReportJsonWriter? json)
    {
        var events = Tee(live ? SshLog.ReadEvents(reader, TimeProvider.System) : SshLog.ReadEvents(reader), options.Tee ? error : null);
        json?.Begin(name);
        var report = json is null
            ? SshLog.Analyze(events, name)
            : SshLog.Analyze(events, name, session => json.Session(session with { Findings = Keep(session.Findings, options) }));
        if (report.Main is null && !options.Quiet)
        {
            error.WriteLine($"loglens: {name}: no ssh output found");
        }

        report = Filter(report, options);
        json?.End(report);
        return report;
    }

    private static int Print(List<Report> reports, ReportOptions options, TextWriter output, int exit)
    {
        if (options.Quiet || reports.Count == 0)
        {
            return exit;
        }

        if (options.Format == "sarif")
        {
            SarifWriter.Write(output, reports);
        }
        else
        {
            var writer = new ReportTextWriter(output, UseColor(options.Color, output));
            foreach (var report in reports)
            {
                writer.Write(report);
            }
        }

        output.Flush();
        return exit;
    }

    internal static int ExitCodeOf(Report report) => report.Outcome switch
    {
        Outcome.Succeeded => ExitCodes.Success,
        Outcome.Failed => ExitCodes.Failure,
        _ => ExitCodes.Inconclusive,
    };

    /// <summary>Passes the events on; with <paramref name="tee"/>, echoes every line to it as it arrives.</summary>
    private static IEnumerable<SshEvent> Tee(IEnumerable<SshEvent> events, TextWriter? tee)
    {
        var last = 0;
        foreach (var e in events)
        {
            if (tee is not null && e.Line != last)
            {
                tee.WriteLine(TerminalText.Escape(e.Raw));
                tee.Flush();
                last = e.Line;
            }

            yield return e;
        }
    }

    private static Report Filter(Report report, ReportOptions options) =>
        options.MinSeverity == Severity.Info && options.Exclude.Count == 0
            ? report
            : report with
            {
                Findings = Keep(report.Findings, options),
                Sessions = [.. report.Sessions.Select(s => s with { Findings = Keep(s.Findings, options) })],
                Main = report.Main is { } main ? main with { Findings = Keep(main.Findings, options) } : null,
            };

    private static IReadOnlyList<Finding> Keep(IReadOnlyList<Finding> findings, ReportOptions options) =>
        options.MinSeverity == Severity.Info && options.Exclude.Count == 0
            ? findings
            : [.. findings.Where(f => f.Severity <= options.MinSeverity && !options.Exclude.Contains(f.Id) && !options.Exclude.Contains(f.Slug))];

    private static HashSet<string> ParseExclude(string[]? values) =>
        new(
            (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(v => RuleCatalog.Find(v) is { } rule ? [rule.Id, rule.Slug] : new[] { v })
                .SelectMany(v => v),
            StringComparer.OrdinalIgnoreCase);

    private static bool UseColor(string mode, TextWriter output) => mode switch
    {
        "always" => true,
        "never" => false,
        _ => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected &&
             string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) &&
             Environment.GetEnvironmentVariable("TERM") != "dumb",
    };

    /// <summary>Unreadable input beats a failure, which beats an inconclusive input, which beats success.</summary>
    private static int Worse(int a, int b)
    {
        static int Rank(int code) => code switch
        {
            ExitCodes.UsageOrInput => 3,
            ExitCodes.Failure => 2,
            ExitCodes.Inconclusive => 1,
            _ => 0,
        };

        return Rank(a) >= Rank(b) ? a : b;
    }
}
