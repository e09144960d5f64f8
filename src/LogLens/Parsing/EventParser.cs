using LogLens.Events;
using LogLens.Parsing.Grammar;

namespace LogLens.Parsing;

/// <summary>Turns one unwrapped line into its typed event: envelope first, then the message table.</summary>
/// <remarks>
/// The hot path runs the span forms of the grammar (<see cref="EnvelopeGrammar.Scan"/>, <see cref="MessageRule.Fast"/>);
/// a line no rule knows costs its event and nothing else. <see cref="ParseWithDefinitions"/> runs the Sprache
/// definitions instead, so tests can prove both give the same events.
/// </remarks>
internal static class EventParser
{
    /// <summary>The line's event; a line known to hold no NUL (<paramref name="plain"/>: see <see cref="RawLine.Plain"/>) is not searched for one.</summary>
    public static SshEvent Parse(string content, bool plain = false) => Parse(content, plain, skip: null, out _, out _)!;

    /// <summary>
    /// The line's event; or, when it would be of one of the <paramref name="skip"/> types, <see langword="null"/> and that type
    /// (<paramref name="skipped"/>), without building it (see <see cref="MessageTable.Match(ReadOnlySpan{char}, string?, Type[], out Type?)"/>).
    /// <paramref name="hasLevel"/> says whether the line has a debug level. A line known to hold no NUL (<paramref name="plain"/>:
    /// see <see cref="RawLine.Plain"/>) is not searched for one.
    /// </summary>
    public static SshEvent? Parse(string content, bool plain, Type[]? skip, out Type? skipped, out bool hasLevel)
    {
        skipped = null;
        hasLevel = false;
        if (!plain && NotSsh(content) is { } text)
        {
            return text;
        }

        if (OtherProgramsLine(content) is { } own)
        {
            return own;
        }

        var envelope = EnvelopeGrammar.Scan(content);
        hasLevel = envelope.Level is not null;
        var table = MessageTable.Default;
        var found = table.Match(content.AsSpan(envelope.MessageStart), envelope.Function, skip, out skipped);
        var start = envelope.MessageStart;
        string? function = envelope.Function;
        if (found is null && skipped is null && function is not null)
        {
            // What looked like a function prefix may be part of the message (old hand-written prefixes).
            var wholeStart = envelope.Level is null ? 0 : LevelLength(content);
            found = table.Match(content.AsSpan(wholeStart), null, skip, out skipped);
            if (found is not null)
            {
                start = wholeStart;
                function = null;
            }
        }

        return skipped is not null ? null : Finish(found, envelope, content, start, function);
    }

    /// <summary>The same as <see cref="Parse(string, bool)"/>, but through the Sprache definitions of the envelope and of every rule.</summary>
    public static SshEvent ParseWithDefinitions(string content)
    {
        if ((NotSsh(content) ?? OtherProgramsLine(content)) is { } text)
        {
            return text;
        }

        var envelope = EnvelopeGrammar.Read(content);
        var message = envelope.MessageStart == 0 ? content : content[envelope.MessageStart..];
        var table = MessageTable.Default;
        var found = MatchWithDefinitions(table, message, envelope.Function);
        var start = envelope.MessageStart;
        string? function = envelope.Function;
        if (found is null && function is not null)
        {
            var whole = envelope.Level is null ? content : content[LevelLength(content)..];
            found = MatchWithDefinitions(table, whole, null);
            if (found is not null)
            {
                start = content.Length - whole.Length;
                function = null;
            }
        }

        return Finish(found, envelope, content, start, function);
    }

    private static SshEvent? MatchWithDefinitions(MessageTable table, string message, string? function)
    {
        foreach (var rule in table.Candidates(message, function))
        {
            if (MessageTable.TryDefinition(rule, message) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static SshEvent Finish(SshEvent? found, Envelope envelope, string content, int start, string? function)
    {
        if (found is IdentificationFailed { Detail: var sent } && envelope.Level is not null)
        {
            // Before 8.0 ssh printed each line the server sent ahead of its banner as "debug1: ssh_exchange_identification: TEXT":
            // the prefix of its identification errors, which carry no level.
            found = new PreBannerLine(null, sent);
        }

        var result = found ?? (envelope.Level is null && function is null ? new Text { Program = OtherPrograms.ByContent(content) } : new UnknownMessage());
        result.Level = envelope.Level;
        result.Function = function;
        result.SetContent(content, start);
        return result;
    }

    /// <summary>A line of the program that ran ssh (git, rsync, scp, Ansible): never ssh's, whatever ssh message it resembles.</summary>
    private static Text? OtherProgramsLine(string content)
    {
        if (OtherPrograms.ByStart(content) is not { } program)
        {
            return null;
        }

        var text = new Text { Program = program };
        text.SetContent(content, 0);
        return text;
    }

    /// <summary>ssh never prints a NUL: such a line comes from a binary file or a corrupted capture.</summary>
    private static Text? NotSsh(string content)
    {
        if (!content.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var text = new Text();
        text.SetContent(content, 0);
        return text;
    }

    /// <summary>Events that only carry a line's text: a cut line often lands in one of them, the whole line in something better.</summary>
    internal static bool IsGeneric(SshEvent e) =>
        e is UnknownMessage or Text or AuthStep or ConnectStep or KexStep or ChannelStep or KnownHostsLookup or ClientNote or KeyNote
            or AgentStatus or HostKeyUpdate or MultiplexStep or HostnameCanonicalization;

    internal static int LevelLength(ReadOnlySpan<char> content)
    {
        // "debugN:" plus the space after it, when present.
        return content.Length > 7 && content[7] == ' ' ? 8 : 7;
    }
}
