using System.Reflection;
using System.Text.RegularExpressions;

namespace LogLens.Redaction;

/// <summary>
/// ssh's own vocabulary, which redaction never rewrites: algorithm names (ciphers, MACs, key exchanges, host key and
/// signature algorithms, certificate types), key types, option names, function names and the literal words of every
/// OpenSSH message, from <c>ssh-names.txt</c> (made by <c>make-ssh-names.sh</c>), and software versions by their shape.
/// </summary>
internal static partial class SshNames
{
    private static readonly HashSet<string> Names = Load();

    /// <summary>The domains of the <c>name@domain</c> algorithm names (RFC 4251 section 6), e.g. <c>openssh.com</c>.</summary>
    private static readonly HashSet<string> AlgorithmDomains = new(
        Names.Where(n => n.Contains('@', StringComparison.Ordinal)).Select(n => n[(n.IndexOf('@', StringComparison.Ordinal) + 1)..]),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the token is a word of ssh's vocabulary, an algorithm name or a software version, and so is not personal.</summary>
    /// <param name="token">A whole token of a line (no spaces, commas or quotes).</param>
    public static bool Contains(string token)
    {
        token = token.TrimEnd('.', ':');
        if (token.Length == 0 || Names.Contains(token) || SoftwareVersion().IsMatch(token))
        {
            return true;
        }

        // Local algorithm names are name@domain, where the domain is one that names algorithms (openssh.com, libssh.org, ...).
        var at = token.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && AlgorithmDomains.Contains(token[(at + 1)..]) && AlgorithmName().IsMatch(token[..at]);
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(SshNames).Assembly.GetManifestResourceStream("LogLens.Redaction.ssh-names.txt")
            ?? throw new InvalidOperationException("ssh-names.txt is not embedded in the library.");
        using var reader = new StreamReader(stream);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                names.Add(line);
            }
        }

        return names;
    }

    [GeneratedRegex(@"^(?:SSH-[12]\.[0-9]+-\S*|OpenSSH_\S+|OpenSSL|LibreSSL|dropbear_\S+)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 2000)]
    private static partial Regex SoftwareVersion();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9.+_-]*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex AlgorithmName();
}
