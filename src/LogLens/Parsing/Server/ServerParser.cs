using LogLens.Events;
using LogLens.Parsing.Grammar;

namespace LogLens.Parsing.Server;

/// <summary>
/// Turns one line of an sshd log into its typed event: the log system's envelope (<see cref="ServerEnvelopeGrammar"/>),
/// sshd's level (<c>debug1:</c>, <c>error:</c>, <c>fatal:</c>) and function prefix, a <c> [preauth]</c> suffix, then
/// the message through <see cref="ServerGrammar"/>.
/// </summary>
internal static class ServerParser
{
    private const string PreauthSuffix = " [preauth]";

    public static ServerEvent Parse(RawLine raw)
    {
        var text = raw.Text;
        var content = Unquote(text);
        var envelope = ServerEnvelopeGrammar.Read(content);
        ServerEvent e;
        var start = envelope.MessageStart;
        if (!ServerEnvelopeGrammar.IsSshd(envelope.Program) || content.Contains('\0', StringComparison.Ordinal) || IsJournalNote(content))
        {
            e = new OtherProgramLine();
        }
        else
        {
            var message = content.AsSpan(start);
            var preauth = message.EndsWith(PreauthSuffix, StringComparison.Ordinal);
            if (preauth)
            {
                message = message[..^PreauthSuffix.Length];
            }

            // sshd puts "error: " and "fatal: " before messages of those levels, in syslog and in -E files alike.
            var level = LevelWord(message);
            message = message[level..];
            var inner = EnvelopeGrammar.Scan(message);
            var found = ServerGrammar.Table.Match(message[inner.MessageStart..], inner.Function);
            if (found is null && inner.Function is not null)
            {
                var afterLevel = inner.Level is null ? 0 : EventParser.LevelLength(message);
                found = ServerGrammar.Table.Match(message[afterLevel..], null);
            }

            e = found as ServerEvent ?? new ServerMessage();
            e.Level = inner.Level;
            e.Function = inner.Function;
            e.Preauth = preauth;
            start += level;
        }

        e.Program = envelope.Program;
        e.Pid = envelope.Pid;
        e.Host = envelope.Host;
        e.Timestamp = envelope.Time;
        e.Line = raw.Number;
        e.Raw = text;
        e.Truncated = raw.Truncated;
        e.SetContent(content, Math.Min(start, content.Length));
        return e;
    }

    /// <summary>The line without what a paste adds around it: a carriage return, indentation, forum quoting (<c>&gt; </c>).</summary>
    private static string Unquote(string text)
    {
        var span = text.AsSpan().TrimEnd('\r');
        while (true)
        {
            var trimmed = span.TrimStart();
            if (trimmed.StartsWith(">", StringComparison.Ordinal))
            {
                span = trimmed[1..];
                continue;
            }

            span = trimmed;
            break;
        }

        return span.Length == text.Length ? text : span.ToString();
    }

    /// <summary>journalctl's own notes (<c>-- Boot 3f2a... --</c>, <c>-- No entries --</c>).</summary>
    private static bool IsJournalNote(string content) =>
        content.StartsWith("-- ", StringComparison.Ordinal) && content.EndsWith(" --", StringComparison.Ordinal);

    private static int LevelWord(ReadOnlySpan<char> message) =>
        message.StartsWith("error: ", StringComparison.Ordinal) || message.StartsWith("fatal: ", StringComparison.Ordinal) ? 7
        : message.StartsWith("verbose: ", StringComparison.Ordinal) ? 9
        : 0;
}
