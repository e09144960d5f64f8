namespace LogLens.Tests.Support;

/// <summary>Paths in the repository, found from the test assembly's location.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>The lab fixtures: the committed ones, or a fresh lab run named by LOGLENS_LAB_DIR.</summary>
    public static string LabDirectory =>
        Environment.GetEnvironmentVariable("LOGLENS_LAB_DIR") is { Length: > 0 } dir ? dir : Path("tests", "fixtures", "lab");

    public static IEnumerable<LabScenario> LabScenarios()
    {
        var manifest = System.IO.Path.Combine(LabDirectory, "manifest.tsv");
        foreach (var line in File.ReadLines(manifest).Skip(1))
        {
            var cols = line.Split('\t');
            if (cols.Length >= 5)
            {
                var also = cols.Length > 5 ? cols[5].Split(',', StringSplitOptions.RemoveEmptyEntries) : [];
                var exit = int.TryParse(cols[3], out var code) ? code : (int?)null;
                var serverSlug = cols.Length > 6 && cols[6] is { Length: > 0 } s && s != "-" ? s : null;
                yield return new LabScenario(cols[0], cols[1], cols[2], System.IO.Path.Combine(LabDirectory, cols[0], "client.log"), also, exit, serverSlug);
            }
        }
    }

    /// <summary>Every lab client log, in order, as one text: about 7,000 lines, several times what is read before a second thread starts.</summary>
    public static string LabClientLogs() =>
        string.Concat(LabScenarios().Select(s => File.ReadAllText(s.ClientLog)));

    /// <summary>The lab scenarios as test cases, each named by its scenario.</summary>
    public static IEnumerable<TestCaseData> LabScenarioCases() =>
        LabScenarios().Select(s => new TestCaseData(s).SetArgDisplayNames(s.Name));

    private static string FindRoot()
    {
        // Baked in at build time, so the tests find the repository even when built into --artifacts-path.
        var baked = typeof(Repo).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .OfType<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (baked is not null && File.Exists(System.IO.Path.Combine(baked, "LogLens.sln")))
        {
            return System.IO.Path.GetFullPath(baked);
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "LogLens.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("LogLens.sln not found above the test assembly.");
    }
}

/// <summary>One lab scenario from the manifest.</summary>
/// <remarks><paramref name="ServerSlug"/> is the server-side finding that the scenario's server.log proves (manifest column
/// <c>server_slug</c>), or null when the server log cannot tell (<c>-</c>) or there is none.</remarks>
public sealed record LabScenario(string Name, string Slug, string Verbosity, string ClientLog, IReadOnlyList<string> Also, int? Exit = null, string? ServerSlug = null)
{
    /// <summary>The scenario's sshd log (as sshd -E writes it at LogLevel VERBOSE), which may not exist.</summary>
    public string ServerLog => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(ClientLog)!, "server.log");

    /// <summary>Whether the lab killed ssh while it waited (<c>timeout</c> exits 124): ssh never said how it ended.</summary>
    public bool KilledWhileWaiting => Exit == 124;

    /// <summary>The reports of the scenario: the client's, and when it has an sshd log, sshd's and the two joined.</summary>
    public IReadOnlyList<LogLens.Analysis.Report> Reports()
    {
        var client = SshLog.Analyze(File.ReadAllText(ClientLog), ClientLog);
        if (!File.Exists(ServerLog))
        {
            return [client];
        }

        var server = SshdLog.Analyze(File.ReadAllText(ServerLog), ServerLog);
        return [client, server, SshLog.Join(client, server)];
    }

    public override string ToString() => Name;
}
