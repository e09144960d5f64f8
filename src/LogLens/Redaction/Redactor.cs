using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LogLens.Events;

namespace LogLens.Redaction;

/// <summary>
/// Replaces personal values in an ssh log with stable placeholders, so the log can be posted safely and still
/// diagnoses the same: user names (<c>user-1</c>), host names (<c>host-1</c>, <c>host-2.local</c>), IPv4 and IPv6
/// addresses (<c>203.0.113.1</c>, <c>2001:db8::1</c>; a private or link-local address gets one of its own kind, e.g.
/// <c>192.168.0.1</c>), key fingerprints, the user part of home directories and Windows SIDs. The same value always
/// gets the same placeholder. Loopback addresses, <c>localhost</c>, public git services (<c>github.com</c>), ports and
/// ssh's own vocabulary (algorithm names, key types, option names, versions, function names, message words) stay as
/// they are.
/// </summary>
/// <remarks>
/// Use it in two passes: <see cref="Learn"/> every event of the log (the grammar names users and hosts), then
/// <see cref="Redact"/> every line. Values are also found by pattern on every line (addresses, fingerprints,
/// home paths), so a value the grammar never named is still replaced.
/// </remarks>
public sealed partial class Redactor
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private static readonly HashSet<string> Keep = new(StringComparer.OrdinalIgnoreCase)
    {
        "localhost", "127.0.0.1", "::1", "0.0.0.0", "::", "root", "UNKNOWN", "*", "none", "ssh", "git", "HOST", "remote host",

        // Public git services: not personal, and the diagnosis names their key settings pages.
        "github.com", "ssh.github.com", "gitlab.com", "altssh.gitlab.com", "bitbucket.org", "altssh.bitbucket.org", "ssh.dev.azure.com", "vs-ssh.visualstudio.com",
    };

    private readonly Dictionary<string, string> users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> addresses = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> fingerprints = new(StringComparer.Ordinal);
    private readonly HashSet<string> issued = new(StringComparer.OrdinalIgnoreCase);
    private Regex? named;

    /// <summary>Learns the users and hosts an event names.</summary>
    /// <param name="e">An event of the log.</param>
    public void Learn(SshEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        switch (e)
        {
            case AuthenticatingTo a:
                AddHost(a.Host);
                AddUser(a.User);
                break;
            case Connecting c:
                AddHost(c.Host);
                break;
            case ConnectFailed c:
                AddHost(c.Host);
                break;
            case ResolveFailed r:
                AddHost(r.Host);
                break;
            case Resolving r:
                AddHost(r.Host);
                break;
            case AuthenticatedTo a:
                AddHost(a.Host);
                break;
            case PermissionDenied p:
                AddUser(p.User);
                AddHost(p.Host);
                break;
            case HostKeyChanged h:
                AddHost(h.Host);
                break;
            case HostKeyUnknownStrict h:
                AddHost(h.Host);
                break;
            case HostKeyKnown h:
                AddHost(h.Host);
                break;
            case HostKeyAdded h:
                AddHost(h.Host);
                break;
            case HostAuthenticityUnknown h:
                AddHost(h.Host);
                break;
            case ConnectionClosed c:
                AddHost(c.Host);
                break;
            case ConfigApplyingOptions o:
                foreach (var pattern in o.Pattern.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
                {
                    AddHost(pattern);
                }

                break;
            case PasswordPrompt p when UserAtHost().Match(p.Prompt) is { Success: true } m:
                AddUser(m.Groups[1].Value);
                AddHost(m.Groups[2].Value);
                break;
        }

        foreach (Match m in UserAtHost().Matches(e.Content))
        {
            if (SshNames.Contains(m.Value))
            {
                continue;
            }

            AddUser(m.Groups[1].Value);
            AddHost(m.Groups[2].Value);
        }

        foreach (Match m in LoginOption().Matches(e.Content))
        {
            AddUser(m.Groups[1].Value);
        }

        foreach (Match m in HomePath().Matches(e.Content))
        {
            AddUser(m.Groups[2].Value);
        }
    }

    /// <summary>Returns the line with every personal value replaced.</summary>
    /// <param name="line">A line of the log.</param>
    /// <returns>The redacted line.</returns>
    public string Redact(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = NamedValues() is { } names
            ? names.Replace(line, m => InsideSshName(line, m) ? m.Value : hosts.TryGetValue(m.Value, out var host) ? host : users.TryGetValue(m.Value, out var user) ? user : m.Value)
            : line;
        text = Sid().Replace(text, "S-1-5-21-REDACTED");
        text = Fingerprint().Replace(text, m => Placeholder(fingerprints, m.Value, n => $"{m.Groups[1].Value}redacted{n}"));
        text = HexFingerprint().Replace(text, m => Placeholder(fingerprints, m.Value, n => $"00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:{n % 100:00}"));
        text = HomePath().Replace(text, m => m.Groups[1].Value + UserPlaceholder(m.Groups[2].Value));
        text = Ipv4().Replace(text, m => Keep.Contains(m.Value) || issued.Contains(m.Value) ? m.Value : AddressPlaceholder(m.Value));
        text = Ipv6().Replace(text, m => Keep.Contains(m.Value) || issued.Contains(m.Value) || !m.Value.Contains(':', StringComparison.Ordinal) ? m.Value : AddressPlaceholder(m.Value));
        return text;
    }

    /// <summary>Whether the match is part of a word of ssh's vocabulary (e.g. a user "libssh" in <c>curve25519-sha256@libssh.org</c>).</summary>
    private static bool InsideSshName(string line, Match m)
    {
        var start = m.Index;
        var end = m.Index + m.Length;
        while (start > 0 && IsNameChar(line[start - 1]))
        {
            start--;
        }

        while (end < line.Length && IsNameChar(line[end]))
        {
            end++;
        }

        return SshNames.Contains(line[start..end]);
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '@' or '.' or '_' or '-' or '+';

    /// <summary>A documentation address for a public one, or one of the same kind for a private, link-local or shared one (the diagnosis depends on it).</summary>
    private string AddressPlaceholder(string value)
    {
        var placeholder = Placeholder(addresses, value, n =>
        {
            if (!System.Net.IPAddress.TryParse(value, out var ip))
            {
                return value.Contains(':', StringComparison.Ordinal) ? $"2001:db8::{n:x}" : $"203.0.113.{((n - 1) % 254) + 1}";
            }

            var b = ip.GetAddressBytes();
            var last = ((n - 1) % 254) + 1;
            if (ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                return ip.IsIPv6LinkLocal ? $"fe80::{n:x}" : (b[0] & 0xFE) == 0xFC ? $"fd00::{n:x}" : $"2001:db8::{n:x}";
            }

            return b switch
            {
                [10, ..] => $"10.0.0.{last}",
                [172, >= 16 and < 32, ..] => $"172.16.0.{last}",
                [192, 168, ..] => $"192.168.0.{last}",
                [169, 254, ..] => $"169.254.0.{last}",
                [100, >= 64 and < 128, ..] => $"100.64.0.{last}",
                _ => $"203.0.113.{last}",
            };
        });
        issued.Add(placeholder);
        return placeholder;
    }

    private Regex? NamedValues()
    {
        if (named is not null || (users.Count == 0 && hosts.Count == 0))
        {
            return named;
        }

        var values = users.Keys.Concat(hosts.Keys).Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(v => v.Length).Select(Regex.Escape);
        named = new Regex($@"(?<![A-Za-z0-9_.-])(?:{string.Join('|', values)})(?![A-Za-z0-9_-])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout);
        return named;
    }

    private void AddUser(string? user)
    {
        if (user is { Length: > 1 } && !Keep.Contains(user) && !users.ContainsKey(user) && !SshNames.Contains(user))
        {
            users[user] = $"user-{users.Count + 1}";
            issued.Add(users[user]);
            named = null;
        }
    }

    private void AddHost(string? host)
    {
        if (host is null)
        {
            return;
        }

        host = host.Trim().Trim('[', ']');
        var colon = host.LastIndexOf("]:", StringComparison.Ordinal);
        if (colon > 0)
        {
            host = host[..colon];
        }

        if (System.Net.IPAddress.TryParse(host, out var address))
        {
            // An address named by the grammar: replaced wherever it stands, even with ":port" glued on (IPv6).
            if (!System.Net.IPAddress.IsLoopback(address) && !Keep.Contains(host) && !hosts.ContainsKey(host))
            {
                hosts[host] = AddressPlaceholder(host);
                named = null;
            }

            return;
        }

        if (host.Length < 2 || Keep.Contains(host) || host.Contains('*', StringComparison.Ordinal) || host.Contains('?', StringComparison.Ordinal) ||
            host.Contains(':', StringComparison.Ordinal) || host.Contains(' ', StringComparison.Ordinal) || host.StartsWith('!') || SshNames.Contains(host))
        {
            return;
        }

        if (!hosts.ContainsKey(host))
        {
            // ".local" (mDNS) is kept: it tells the diagnosis the host is on the local network.
            hosts[host] = host.EndsWith(".local", StringComparison.OrdinalIgnoreCase) ? $"host-{hosts.Count + 1}.local" : $"host-{hosts.Count + 1}";
            named = null;
        }
    }

    private string UserPlaceholder(string user)
    {
        if (issued.Contains(user))
        {
            // Already replaced by the names pass: "/home/alice" is "/home/user-1" by now.
            return user;
        }

        AddUser(user);
        return users.TryGetValue(user, out var placeholder) ? placeholder : user;
    }

    private static string Placeholder(Dictionary<string, string> map, string value, Func<int, string> make)
    {
        if (!map.TryGetValue(value, out var placeholder))
        {
            map[value] = placeholder = make(map.Count + 1);
        }

        return placeholder;
    }

    [GeneratedRegex(@"\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Ipv4();

    [GeneratedRegex(@"(?<![0-9A-Za-z:])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}:){1,7}:|(?:[0-9A-Fa-f]{1,4}:){1,6}:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,5}|::(?:[0-9A-Fa-f]{1,4}:){0,5}[0-9A-Fa-f]{1,4})(?![0-9A-Za-z:])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Ipv6();

    [GeneratedRegex(@"\b(SHA256:|MD5:)[A-Za-z0-9+/=:]{16,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Fingerprint();

    [GeneratedRegex(@"\b(?:[0-9a-f]{2}:){15}[0-9a-f]{2}\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex HexFingerprint();

    [GeneratedRegex(@"(/home/|/Users/|/export/home/|[A-Za-z]:[\\/]+Users[\\/]+)([^/\\\s'"":]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 2000)]
    private static partial Regex HomePath();

    [GeneratedRegex(@"(?:^|\s)-l\s*([A-Za-z_][A-Za-z0-9_.-]{0,31})(?=\s|$)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex LoginOption();

    [GeneratedRegex(@"S-1-5-21-[0-9-]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Sid();

    [GeneratedRegex(@"(?<![A-Za-z0-9_.@-])([A-Za-z_][A-Za-z0-9_.-]{0,31})@([A-Za-z0-9][A-Za-z0-9_.-]*[A-Za-z0-9])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex UserAtHost();
}
