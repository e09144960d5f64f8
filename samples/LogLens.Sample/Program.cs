using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using LogLens;
using LogLens.Events;

// Prints the root cause of an ssh log, the way a tool that references the LogLens package would.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: LogLens.Sample SSH_LOG");
    return 3;
}

using var file = File.OpenRead(args[0]);
var report = SshLog.Analyze(file, args[0]);
Console.WriteLine($"outcome: {report.Outcome.ToString().ToLowerInvariant()} at {report.Phase}");
if (report.Findings.Count > 0)
{
    var cause = report.Findings[0];
    Console.WriteLine($"root cause: {cause.Id} {cause.Slug}: {cause.Title}");
    foreach (var evidence in cause.Evidence)
    {
        Console.WriteLine($"  line {evidence.Line}: {evidence.Text}");
    }

    if (cause.Fixes.FirstOrDefault(f => f.Command is not null) is { } fix)
    {
        Console.WriteLine($"fix: {fix.Command}");
    }
}

// The events stream too: count what the grammar recognised.
var unknown = SshLog.ReadFile(args[0]).Count(e => e is UnknownMessage);
Console.WriteLine($"unrecognised ssh lines: {unknown}");

// Which of the package's builds this program loaded (lib/net8.0 or lib/net10.0), and on which runtime.
var library = typeof(SshLog).Assembly;
var builtFor = library.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkDisplayName;
var version = library.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
Console.WriteLine($"library: {library.GetName().Name} {version} built for {builtFor}, running on {RuntimeInformation.FrameworkDescription}");
return report.Outcome == LogLens.Findings.Outcome.Succeeded ? 0 : 1;
