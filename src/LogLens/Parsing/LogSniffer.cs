namespace LogLens.Parsing;

/// <summary>
/// Tells an sshd log from ssh's own output by the first 64 KiB of it, without reading further: lines only sshd writes
/// (a <c>sshd[PID]:</c> tag, <c>Accepted publickey for</c>, <c>Connection from ... on ...</c>, <c>[preauth]</c> ...) against
/// lines only the client writes (<c>Authenticating to</c>, <c>Offering public key</c>, <c>Permission denied (</c> ...). Lines both
/// print alike (<c>Unable to negotiate with ...</c>, <c>Received disconnect from ...</c>, <c>line N: Bad configuration option</c>) count for
/// neither, so a lone one is the client's.
/// </summary>
internal static class LogSniffer
{
    /// <summary>How much of the input decides.</summary>
    public const int SampleLength = 64 * 1024;

    private static readonly string[] ServerMarkers =
    [
        "sshd[", "sshd-session[", "sshd-auth[", "[preauth]", "Server listening on ", "Accepted publickey for ", "Accepted password for ",
        "Accepted keyboard-interactive", "Failed publickey for ", "Failed password for ", "Failed none for ", "Postponed publickey for ",
        "Invalid user ", "Authentication refused: ", " not allowed because ", "ROOT LOGIN REFUSED", "Starting session: ", "pam_unix(sshd:",
        "Disconnected from user ", "Disconnected from authenticating user ", "Connection closed by authenticating user ",
        "past MaxStartups", "Timeout before authentication", "Unable to load host key", "no hostkeys available", "sshd version OpenSSH",
        "userauth-request for user", "sshd_config", "Did not receive identification string", "maximum authentication attempts exceeded",
        "Received signal 15; terminating.", "bad ownership or modes for chroot directory", "Cannot bind any address.", "Bind to port ",
    ];

    private static readonly string[] ClientMarkers =
    [
        "Reading configuration data", "Authenticating to ", "Offering public key", "Offering RSA public key", "Next authentication method",
        "Authentications that can continue", "Server host key: ", "Local version string", "Connecting to ",
        "Permission denied (", "ssh: connect to host", "Host key verification failed", "identity file ", "Trying private key",
        "Authenticated to ", "Entering interactive session", "Connection established.", "SSH2_MSG_KEXINIT sent",
    ];

    /// <summary>Whose log a sample is: the server's when more of its lines carry sshd's marks than the client's.</summary>
    /// <param name="sample">The start of the input.</param>
    /// <returns>The kind; <see cref="LogKind.Client"/> when nothing tells.</returns>
    public static LogKind Detect(ReadOnlySpan<char> sample)
    {
        var server = 0;
        var client = 0;
        foreach (var range in sample.Split('\n'))
        {
            var line = sample[range];
            if (Any(line, ClientMarkers))
            {
                client++;
            }
            else if (Any(line, ServerMarkers))
            {
                server++;
            }
        }

        return server > client ? LogKind.Server : LogKind.Client;
    }

    /// <summary>Reads the start of an input to tell its kind, and gives a reader that still yields the whole input.</summary>
    /// <param name="reader">The input.</param>
    /// <returns>The kind and a reader from the first character.</returns>
    public static (LogKind Kind, TextReader Reader) Sniff(TextReader reader)
    {
        var buffer = new char[SampleLength];
        var length = 0;
        while (length < buffer.Length && reader.Read(buffer, length, buffer.Length - length) is var read and > 0)
        {
            length += read;
        }

        var kind = Detect(buffer.AsSpan(0, length));
        return (kind, new ReplayReader(new string(buffer, 0, length), reader));
    }

    /// <summary>
    /// Tells the kind of a live input by its first line, without waiting for more (a live ssh prints slowly): sshd's log shows itself
    /// at once (a <c>sshd[PID]:</c> tag, journalctl's <c>-- ... --</c> note, one of sshd's own lines).
    /// </summary>
    /// <param name="reader">The input.</param>
    /// <returns>The kind and a reader from the first character.</returns>
    public static (LogKind Kind, TextReader Reader) SniffFirstLine(TextReader reader)
    {
        if (reader.ReadLine() is not { } first)
        {
            return (LogKind.Client, reader);
        }

        var journalNote = first.StartsWith("-- ", StringComparison.Ordinal) && first.TrimEnd().EndsWith(" --", StringComparison.Ordinal);
        var kind = journalNote ? LogKind.Server : Detect(first);
        return (kind, new ReplayReader(first + "\n", reader));
    }

    private static bool Any(ReadOnlySpan<char> line, string[] markers)
    {
        foreach (var marker in markers)
        {
            if (line.Contains(marker, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The sample read for the decision, then the rest of the input.</summary>
    private sealed class ReplayReader(string head, TextReader rest) : TextReader
    {
        private int at;

        public override int Peek() => at < head.Length ? head[at] : rest.Peek();

        public override int Read() => at < head.Length ? head[at++] : rest.Read();

        public override int Read(char[] buffer, int index, int count)
        {
            if (at < head.Length)
            {
                var n = Math.Min(count, head.Length - at);
                head.CopyTo(at, buffer, index, n);
                at += n;
                return n;
            }

            return rest.Read(buffer, index, count);
        }

        public override int Read(Span<char> buffer)
        {
            if (at < head.Length)
            {
                var n = Math.Min(buffer.Length, head.Length - at);
                head.AsSpan(at, n).CopyTo(buffer);
                at += n;
                return n;
            }

            return rest.Read(buffer);
        }
    }
}
