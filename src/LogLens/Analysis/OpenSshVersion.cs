using System.Globalization;
using LogLens.Parsing;

namespace LogLens.Analysis;

/// <summary>Reads the OpenSSH release from a version text (<c>OpenSSH_9.2p1 Debian-2</c>, <c>OpenSSH_for_Windows_8.1p1</c>, <c>SSH-2.0-OpenSSH_7.4</c>).</summary>
internal static class OpenSshVersion
{
    private const string Marker = "OpenSSH_";

    public static Version? Parse(string? text)
    {
        var at = text?.IndexOf(Marker, StringComparison.Ordinal) ?? -1;
        if (text is null || at < 0)
        {
            return null;
        }

        var rest = text.AsSpan(at + Marker.Length);
        if (rest.StartsWith("for_Windows_", StringComparison.Ordinal))
        {
            rest = rest["for_Windows_".Length..];
        }

        var dot = rest.IndexOf('.');
        if (dot <= 0 || !int.TryParse(rest[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var major))
        {
            return null;
        }

        var minorText = rest[(dot + 1)..];
        var digits = minorText.IndexOfAnyExceptInRange('0', '9');
        minorText = digits < 0 ? minorText : minorText[..digits];
        return int.TryParse(minorText, NumberStyles.None, CultureInfo.InvariantCulture, out var minor) ? new Version(major, minor) : null;
    }

    /// <summary>The software part of an identification string: <c>SSH-2.0-OpenSSH_9.2p1 Debian-2</c> gives <c>OpenSSH_9.2p1 Debian-2</c>; other text is returned as it is.</summary>
    public static string Software(string text) =>
        text.StartsWith("SSH-", StringComparison.Ordinal) && text.IndexOf('-', 4) is var dash and > 0 ? Strings.Of(text.AsSpan(dash + 1)) : text;

    /// <summary>The release as a number for comparisons such as <c>&gt;= 8.8</c> (OpenSSH minor versions stay below 10).</summary>
    public static double? Number(string? text) => Parse(text) is { } v ? v.Major + (v.Minor / 10.0) : null;
}
