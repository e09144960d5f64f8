using System.Text.RegularExpressions;
using LogLens.Analysis;
using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules.Local;

/// <summary>What the local-setup rules need to know about a session beyond its events: platform, version, how auth ended.</summary>
internal static partial class LocalFacts
{
    /// <summary>The names ssh tries by itself when no identity is given.</summary>
    private static readonly string[] DefaultKeyNames =
        ["id_rsa", "id_dsa", "id_ecdsa", "id_ecdsa_sk", "id_ed25519", "id_ed25519_sk", "id_xmss", "identity"];

    /// <summary>Whether the client is OpenSSH for Windows, or the paths look like Windows paths.</summary>
    public static bool IsWindows(SessionView session, string? path = null) =>
        session.Client?.Contains("Windows", StringComparison.OrdinalIgnoreCase) == true ||
        (path is not null && (WindowsDrive().IsMatch(path) || path.Contains('\\', StringComparison.Ordinal)));

    /// <summary>Whether the client is Apple's build (macOS).</summary>
    public static bool IsMac(SessionView session) =>
        session.First<ClientVersion>()?.Library.Contains("LibreSSL", StringComparison.Ordinal) == true &&
        session.Client?.Contains("Windows", StringComparison.OrdinalIgnoreCase) != true;

    /// <summary>The client's OpenSSH version as a number (e.g. 9.2), or <see langword="null"/> when the banner is not in the log.</summary>
    public static double? Version(SessionView session) => OpenSshVersion.Number(session.Client);

    /// <summary>Whether the server ended authentication with a refusal (or ssh ran out of methods).</summary>
    public static bool AuthFailed(SessionView session) =>
        !session.Authenticated && (session.Has<PermissionDenied>() || session.Has<NoMoreAuthMethods>());

    /// <summary>The severity of a local key problem: a warning when the login succeeded anyway, otherwise an error.</summary>
    public static Severity KeySeverity(SessionView session) => session.Authenticated ? Severity.Warning : Severity.Error;

    /// <summary>The identities the user named: <c>Will attempt key: PATH ... explicit</c>, and <c>-i</c> in <c>Started with:</c>.</summary>
    public static List<string> ExplicitIdentities(SessionView session)
    {
        var paths = new List<string>();
        foreach (var key in session.AllSpan<WillAttemptKey>())
        {
            if (key.Explicit && !key.FromAgent)
            {
                paths.Add(key.Path);
            }
        }

        paths.AddRange(CommandLineIdentities(session));
        return paths;
    }

    /// <summary>Whether a path names one of the keys ssh tries by default (<c>~/.ssh/id_rsa</c> and friends).</summary>
    public static bool IsDefaultKey(string path)
    {
        var name = FileName(path);
        if (name.EndsWith("-cert", StringComparison.Ordinal))
        {
            name = name[..^5];
        }

        return DefaultKeyNames.Contains(name, StringComparer.Ordinal) && (path.Contains(".ssh", StringComparison.Ordinal) || !path.Contains('/', StringComparison.Ordinal));
    }

    /// <summary>The last part of a Unix or Windows path.</summary>
    public static string FileName(string path)
    {
        var cut = path.LastIndexOfAny(['/', '\\']);
        return cut < 0 ? path : path[(cut + 1)..];
    }

    /// <summary>A Windows path as the user would type it (ssh doubles backslashes in some messages).</summary>
    public static string WindowsPath(string path) => path.Replace("\\\\", "\\", StringComparison.Ordinal).Replace('/', '\\');

    /// <summary>A path as an argument of a command: quoted as the user would type it on Windows, else for a POSIX shell.</summary>
    public static string PathArgument(string path, bool windows) => windows ? $"\"{WindowsPath(path)}\"" : FindingRule.Shell(path);

    /// <summary>Whether two paths name the same file, ignoring the slash style and doubled backslashes.</summary>
    public static bool SamePath(string? a, string? b) =>
        a is not null && b is not null &&
        string.Equals(Normalize(a), Normalize(b), StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether one of <paramref name="paths"/> names the same file as <paramref name="path"/> (see <see cref="SamePath"/>).</summary>
    public static bool AnySamePath(List<string> paths, string path)
    {
        foreach (var candidate in paths)
        {
            if (SamePath(candidate, path))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The <c>-i</c> identity files on the command line that <c>Started with:</c> shows (OpenSSH 9.8+ at -vvv).</summary>
    public static IReadOnlyList<string> CommandLineIdentities(SessionView session)
    {
        var started = session.First<StartedWith>();
        if (started is null)
        {
            return [];
        }

        return [.. IdentityOption().Matches(started.CommandLine).Select(m => m.Groups["path"].Value.Trim('"', '\''))];
    }

    /// <summary>Whether a path is on a Windows drive mounted into WSL, where chmod does nothing by default.</summary>
    public static bool OnWslDrive(string path) => path.StartsWith("/mnt/", StringComparison.Ordinal) && path.Length > 6 && path[6] == '/';

    /// <summary>The account as icacls takes it: <c>NAME (S-1-...)</c> becomes <c>*S-1-...</c>, a bare SID gets the <c>*</c>.</summary>
    public static string IcaclsAccount(string account)
    {
        var open = account.LastIndexOf("(S-", StringComparison.Ordinal);
        if (open >= 0 && account.EndsWith(')'))
        {
            return "*" + account[(open + 1)..^1];
        }

        return account.StartsWith("S-1-", StringComparison.Ordinal) ? "*" + account : account.Replace("\\\\", "\\", StringComparison.Ordinal);
    }

    private static string Normalize(string path) => path.Replace("\\\\", "/", StringComparison.Ordinal).Replace('\\', '/').TrimEnd('.');

    [GeneratedRegex(@"^[A-Za-z]:[\\/]", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WindowsDrive();


    [GeneratedRegex(@"(?:^|\s)-i\s*(?<path>""[^""]+""|'[^']+'|\S+)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IdentityOption();
}
