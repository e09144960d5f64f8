using LogLens.Events;
using LogLens.Parsing.Grammar;

namespace LogLens.Parsing;

/// <summary>Turns one unwrapped line into its typed event: envelope first, then the message table.</summary>
internal static class EventParser
{
    public static SshEvent Parse(string content)
    {
        var envelope = EnvelopeGrammar.Read(content);
        var message = envelope.MessageStart == 0 ? content : content[envelope.MessageStart..];
        var table = MessageTable.Default;
        var found = table.Match(message, envelope.Function);
        var start = envelope.MessageStart;
        string? function = envelope.Function;
        if (found is null && function is not null)
        {
            // What looked like a function prefix may be part of the message (old hand-written prefixes).
            var whole = envelope.Level is null ? content : content[LevelLength(content)..];
            found = table.Match(whole, null);
            if (found is not null)
            {
                start = content.Length - whole.Length;
                function = null;
            }
        }

        var result = found ?? (envelope.Level is null && function is null ? new Text() : new UnknownMessage());
        result.Level = envelope.Level;
        result.Function = function;
        result.SetContent(content, start);
        return result;
    }

    private static int LevelLength(string content)
    {
        // "debugN:" plus the space after it, when present.
        return content.Length > 7 && content[7] == ' ' ? 8 : 7;
    }
}
