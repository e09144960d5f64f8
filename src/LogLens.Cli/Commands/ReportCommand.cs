using System.CommandLine;
using LogLens.Rendering;
using LogLens.Analysis;
using LogLens.Cli.Live;
using LogLens.Events;
using LogLens.Findings;
using LogLens.Parsing;
using LogLens.Rules;

namespace LogLens.Cli.Commands;

/// <summary>How the report is shown.</summary>
internal sealed record ReportOptions(string Format, string Color, Severity MinSeverity, IReadOnlySet<string> Exclude, bool Quiet, bool Tee)
{
    /// <summary>sshd's log to join each client report with (<c>--server FILE</c>), or null.</summary>
    public string? Server { get; init; }

    public static ReportOptions Default { get; } = new("text", "never", Severity.Info, new HashSet<string>(), false, false);
}

/// <summary><c>loglens [FILE...]</c>: the diagnosis of each input, as text, JSON or SARIF.</summary>
internal static class ReportCommand
{
    /// <summary>What loglens says when it reads standard input from a terminal.</summary>
    internal const string TerminalHint = "loglens: reading ssh's output from standard input (Ctrl-D to end); try: ssh -vvv host 2>&1 | loglens, or loglens --help";

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
        exclude.CompletionSources.Add(RuleIds());
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing; only the exit code tells the outcome." };
        var tee = new Option<bool>("--tee") { Description = "Echo the input to stderr as it arrives (live mode: see ssh's output while LogLens listens)." };
        var server = new Option<string>("--server")
        {
            Description = "sshd's log of the same attempt (journalctl, auth.log, secure, sshd -E): joined with the client's log, its more precise cause comes first.",
            HelpName = "SSHD_LOG",
        };
        root.Arguments.Add(files);
        root.Options.Add(format);
        root.Options.Add(color);
        root.Options.Add(severity);
        root.Options.Add(exclude);
        root.Options.Add(quiet);
        root.Options.Add(tee);
        root.Options.Add(server);
        root.SetAction(result =>
        {
            if (ParseExclude(result.GetValue(exclude), result.InvocationConfiguration.Error) is not { } excluded)
            {
                return ExitCodes.UsageOrInput;
            }

            var options = new ReportOptions(
                result.GetValue(format) ?? "text",
                result.GetValue(color) ?? "auto",
                SeverityOf(result.GetValue(severity)) ?? Severity.Info,
                excluded,
                result.GetValue(quiet),
                result.GetValue(tee)) { Server = result.GetValue(server) };
            var output = result.InvocationConfiguration.Output;
            var inputs = Input.From(result.GetValue(files));
            if (!options.Quiet && inputs.Any(i => i.IsStdin) && LoglensCommand.StandardInputIsTerminal())
            {
                // Typed at a prompt, bare `loglens` would otherwise wait without a word; it still reads what is typed or pasted.
                result.InvocationConfiguration.Error.WriteLine(TerminalHint);
            }

            return Run(inputs, options, output, result.InvocationConfiguration.Error, LoglensCommand.StandardInput);
        });
    }

    internal static int Run(IReadOnlyList<Input> inputs, ReportOptions options, TextWriter output, TextWriter error, Func<Stream> stdin)
    {
        var reports = new List<(Report Report, string? Note)>();
        var exit = ExitCodes.Success;
        var errors = inputs.Any(i => i.IsStdin) ? TextWriter.Synchronized(error) : error;
        Report? server = null;
        if (options.Server is { } serverPath)
        {
            server = ReadServer(serverPath, options, error);
            if (server is null)
            {
                return ExitCodes.UsageOrInput;
            }
        }

        using var jsonOut = options.Format == "json" && !options.Quiet ? new ReportJsonWriter(output, asArray: inputs.Count > 1) : null;
        // A joined report is known only once both logs are read: it is written whole, not session by session.
        var json = server is null ? jsonOut : null;
        foreach (var input in inputs)
        {
            if (input.LooksLikeOption)
            {
                error.WriteLine($"loglens: unknown option '{input.Name}' (see loglens --help)");
                return ExitCodes.UsageOrInput;
            }

            // Standard input is not ours to close, and after a signal its reading thread may still be blocked in it.
            var stream = input.Open(input.IsStdin ? stdin() : Stream.Null, out var problem);
            using var owned = input.IsStdin ? null : stream;
            if (stream is null)
            {
                error.WriteLine(problem);
                exit = ExitCodes.UsageOrInput;
                continue;
            }

            try
            {
                if (input.IsStdin)
                {
                    // Standard input is read live: each line is stamped as it arrives, so phases get durations; a silence
                    // in a network phase is announced on stderr; a signal or the end of input gives the report of what arrived.
                    using var interrupts = LoglensCommand.Live.Listen();
                    var live = LiveReport.Read(SshLog.OpenText(stream), input.Name, options, errors, options.Tee ? LiveReport.EchoTo(errors) : null, json, interrupts);
                    Note(live.Note, options, output, errors);
                    live = server is null ? live : live with { Report = Joined(live.Report, server, options, jsonOut) };
                    reports.Add((live.Report, live.Note));
                    exit = Worse(exit, ExitCodeOf(live.Report, live.Interrupted));
                    continue;
                }

                using var reader = SshLog.OpenText(stream);
                var report = Analyze(reader, input.Name, options, error, live: false, json, clock: null);
                report = server is null ? report : Joined(report, server, options, jsonOut);
                reports.Add((report, null));
                exit = Worse(exit, ExitCodeOf(report));
            }
            catch (IOException e)
            {
                error.WriteLine($"loglens: {input.Name}: read error: {e.Message}");
                exit = ExitCodes.UsageOrInput;
            }
        }

        return jsonOut is null ? Print(reports, options, output, exit) : exit;
    }

    /// <summary>Reads the <c>--server</c> log whole; null (and a one-line error) when it cannot be read.</summary>
    private static Report? ReadServer(string path, ReportOptions options, TextWriter error)
    {
        var input = new Input(path);
        using var stream = input.Open(Stream.Null, out var problem);
        if (stream is null || input.IsStdin)
        {
            error.WriteLine(stream is null ? problem : "loglens: --server needs a file (standard input carries the client's log)");
            return null;
        }

        try
        {
            using var reader = SshLog.OpenText(stream);
            var report = SshdLog.Analyze(reader, path);
            if (report.Main is null && !options.Quiet)
            {
                error.WriteLine($"loglens: {path}: no sshd lines found");
            }

            return report;
        }
        catch (IOException e)
        {
            error.WriteLine($"loglens: {path}: read error: {e.Message}");
            return null;
        }
    }

    /// <summary>The client's report joined with sshd's, filtered as asked, and written to JSON when that is the output.</summary>
    private static Report Joined(Report client, Report server, ReportOptions options, ReportJsonWriter? json)
    {
        var report = Filter(SshLog.Join(client, server), options);
        if (json is not null)
        {
            json.Write(report);
        }

        return report;
    }

    /// <summary>Prints a live read's report (and what ssh was waiting for) unless JSON already streamed it; returns the exit code.</summary>
    internal static int PrintLive(LiveResult live, ReportOptions options, TextWriter output, TextWriter error, bool streamed)
    {
        Note(live.Note, options, output, error);
        var exit = ExitCodeOf(live.Report, live.Interrupted);
        return streamed ? exit : Print([(live.Report, live.Note)], options, output, exit);
    }

    /// <summary>
    /// Analyses one input; with a JSON writer, its sessions are written as they are diagnosed, not kept. With a clock each
    /// line is stamped with its arrival time. <c>--tee</c> echoes here only an input not read live (live input echoes as lines arrive).
    /// </summary>
    internal static Report Analyze(TextReader reader, string name, ReportOptions options, TextWriter error, bool live, ReportJsonWriter? json, TimeProvider? clock)
    {
        // sshd's log is told from ssh's output by its start (a live input by its first line: it must not wait for more).
        var (kind, text) = live ? LogSniffer.SniffFirstLine(reader) : LogSniffer.Sniff(reader);
        if (kind == LogKind.Server)
        {
            return AnalyzeServer(text, name, options, error, json);
        }

        reader = text;
        var echo = options.Tee && !live ? error : null;
        Action<SessionReport>? onSession = json is null ? null : session => json.Session(session with { Findings = Keep(session.Findings, options) });
        if (json is not null)
        {
            // Read live, each session is shown as soon as it is known; a file's go out in blocks.
            json.EachSessionAtOnce = live;
            json.Begin(name);
        }

        Report report;
        if (clock is null && echo is null)
        {
            // Nothing needs every event: the lines the analysis reads only for their number are passed over.
            report = SshLog.AnalyzeClient(reader, name, onSession);
        }
        else
        {
            var events = Tee(clock is not null ? SshLog.ReadEvents(reader, clock) : SshLog.ReadEvents(reader), echo);
            report = onSession is null ? SshLog.Analyze(events, name) : SshLog.Analyze(events, name, onSession);
        }
        if (report.Main is null && !options.Quiet)
        {
            error.WriteLine($"loglens: {name}: no ssh output found");
        }

        report = Filter(report, options);
        json?.End(report);
        return report;
    }

    /// <summary>Analyses sshd's log; its records are written to JSON when all are known (noise is told apart at the end).</summary>
    private static Report AnalyzeServer(TextReader reader, string name, ReportOptions options, TextWriter error, ReportJsonWriter? json)
    {
        var report = Filter(SshdLog.Analyze(Tee(SshdLog.ReadEvents(reader), options.Tee ? error : null), name), options);
        if (report.Main is null && !options.Quiet)
        {
            error.WriteLine($"loglens: {name}: no sshd lines found");
        }

        if (json is not null)
        {
            json.Write(report);
        }

        return report;
    }

    /// <summary>What ssh was waiting for when the input ended: on stderr when stdout carries JSON or SARIF, else with the report.</summary>
    private static void Note(string? note, ReportOptions options, TextWriter output, TextWriter error)
    {
        if (note is not null && !options.Quiet && options.Format != "text")
        {
            error.WriteLine(note);
        }
    }

    private static int Print(List<(Report Report, string? Note)> reports, ReportOptions options, TextWriter output, int exit)
    {
        if (options.Quiet || reports.Count == 0)
        {
            return exit;
        }

        if (options.Format == "sarif")
        {
            ReportWriter.WriteSarif(reports.Select(r => r.Report), output);
        }
        else
        {
            var writer = new ReportTextWriter(output, UseColor(options.Color, output));
            foreach (var (report, note) in reports)
            {
                if (note is not null)
                {
                    output.WriteLine(note);
                }

                writer.Write(report);
            }
        }

        output.Flush();
        return exit;
    }

    /// <summary>The exit code of a report; a signal before ssh reached a verdict makes it "interrupted".</summary>
    internal static int ExitCodeOf(Report report, bool interrupted = false) => report.Outcome switch
    {
        Outcome.Succeeded => ExitCodes.Success,
        Outcome.Failed => ExitCodes.Failure,
        _ when interrupted => ExitCodes.Interrupted,
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

    /// <summary>The findings <c>--exclude</c> names (each by ID and slug), or null and one line on stderr for a name no finding has.</summary>
    internal static HashSet<string>? ParseExclude(IEnumerable<string>? values, TextWriter error)
    {
        var exclude = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (RuleCatalog.Find(name) is not { } rule)
            {
                error.WriteLine($"loglens: --exclude: no finding '{name}' (loglens rules lists them)");
                return null;
            }

            exclude.Add(rule.Id);
            exclude.Add(rule.Slug);
        }

        return exclude;
    }

    /// <summary>Every finding's ID, for completion.</summary>
    internal static string[] RuleIds() => [.. RuleCatalog.Every.Select(r => r.Id).Order(StringComparer.Ordinal)];

    /// <summary>The severity a <c>--severity</c> value names, or null for an unknown one.</summary>
    internal static Severity? SeverityOf(string? value) => value switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        "info" or null => Severity.Info,
        _ => null,
    };

    private static bool UseColor(string mode, TextWriter output) => mode switch
    {
        "always" => true,
        "never" => false,
        _ => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected &&
             string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) &&
             Environment.GetEnvironmentVariable("TERM") != "dumb",
    };

    /// <summary>Unreadable input beats a failure, which beats an interrupted input, then an inconclusive one, then success.</summary>
    private static int Worse(int a, int b)
    {
        static int Rank(int code) => code switch
        {
            ExitCodes.UsageOrInput => 4,
            ExitCodes.Failure => 3,
            ExitCodes.Interrupted => 2,
            ExitCodes.Inconclusive => 1,
            _ => 0,
        };

        return Rank(a) >= Rank(b) ? a : b;
    }
}
