using System.Net;
using System.Net.Sockets;
using LogLens.Analysis;
using LogLens.Events;

namespace LogLens.Rules.Connect;

/// <summary>Small facts about addresses and the client's platform that the connect rules share.</summary>
internal static class Network
{
    /// <summary>Whether the text is an IPv6 address.</summary>
    public static bool IsIpv6(string? address) =>
        address is not null && IPAddress.TryParse(address.Trim('[', ']'), out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6;

    /// <summary>Whether the text is an IPv4 or IPv6 literal.</summary>
    public static bool IsAddress(string? text) => text is not null && IPAddress.TryParse(text.Trim('[', ']'), out _);

    /// <summary>Whether the address is private, link-local or loopback: reachable only from inside its own network.</summary>
    public static bool IsLocal(string? address)
    {
        if (address is null || !IPAddress.TryParse(address.Trim('[', ']'), out var ip))
        {
            return address?.EndsWith(".local", StringComparison.OrdinalIgnoreCase) == true;
        }

        if (IPAddress.IsLoopback(ip))
        {
            return true;
        }

        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var first = ip.GetAddressBytes()[0];
            return ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || (first & 0xFE) == 0xFC;
        }

        var b = ip.GetAddressBytes();
        return b[0] == 10 || (b[0] == 172 && b[1] >= 16 && b[1] < 32) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] >= 64 && b[1] < 128);
    }

    /// <summary>The platform the client runs on, guessed from its version line.</summary>
    public static Platform PlatformOf(SessionView session)
    {
        var client = session.First<ClientVersion>();
        if (client is null)
        {
            return session.Events.Any(e => e.Content.Contains(":\\", StringComparison.Ordinal) || e.Content.Contains("C:/", StringComparison.OrdinalIgnoreCase))
                ? Platform.Windows
                : Platform.Unknown;
        }

        if (client.Version.Contains("Windows", StringComparison.OrdinalIgnoreCase))
        {
            return Platform.Windows;
        }

        return client.Library.Contains("LibreSSL", StringComparison.OrdinalIgnoreCase) ? Platform.MacOs : Platform.Linux;
    }

    /// <summary><c>user@</c> for a suggested command, or nothing when the log does not name the user.</summary>
    public static string UserAt(SessionView session) => session.Target?.User is { Length: > 0 } user ? user + "@" : string.Empty;

    /// <summary><c>-p PORT </c> for a suggested command when the port is not 22.</summary>
    public static string PortOption(int? port) => port is { } p && p != 22 ? $"-p {p} " : string.Empty;
}

/// <summary>The client's operating system, as far as the log shows it.</summary>
internal enum Platform
{
    Unknown,
    Linux,
    MacOs,
    Windows,
}
