using LogLens.Events;
using Sprache;

namespace LogLens.Parsing.Grammar;

/// <summary>
/// All message rules, indexed so that a line runs only the parsers that can match it: the rules for its
/// function prefix, then those for its first word, then the few keyed by a literal the line contains.
/// </summary>
internal sealed class MessageTable
{
    private readonly Dictionary<string, MessageRule[]> byFunction;
    private readonly (string Prefix, MessageRule Rule)[] byFunctionPrefix;
    private readonly Dictionary<string, MessageRule[]> byKey;
    private readonly Dictionary<string, MessageRule[]>.AlternateLookup<ReadOnlySpan<char>> byKeySpan;
    private readonly MessageRule[] anchored;

    public MessageTable(IEnumerable<MessageRule> rules)
    {
        var functions = new Dictionary<string, List<MessageRule>>(StringComparer.Ordinal);
        var prefixes = new List<(string, MessageRule)>();
        var keys = new Dictionary<string, List<MessageRule>>(StringComparer.Ordinal);
        var anchors = new List<MessageRule>();
        foreach (var rule in rules)
        {
            if (rule.Functions is { } names)
            {
                foreach (var name in names)
                {
                    if (name.EndsWith('*'))
                    {
                        prefixes.Add((name[..^1], rule));
                    }
                    else
                    {
                        Add(functions, name, rule);
                    }
                }
            }
            else if (rule.Key is { } key)
            {
                Add(keys, key, rule);
            }
            else
            {
                anchors.Add(rule);
            }
        }

        byFunction = functions.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        byFunctionPrefix = [.. prefixes];
        byKey = keys.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        byKeySpan = byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        anchored = [.. anchors];
    }

    /// <summary>The table of every grammar family.</summary>
    public static MessageTable Default { get; } = new(
    [
        .. ConfigGrammar.Rules, .. ConnectGrammar.Rules, .. VersionGrammar.Rules, .. KexGrammar.Rules,
        .. HostKeyGrammar.Rules, .. KeyGrammar.Rules, .. AuthGrammar.Rules, .. SessionGrammar.Rules,
    ]);

    /// <summary>The event for a message, or <see langword="null"/> when no rule knows it.</summary>
    public SshEvent? Match(string message, string? function)
    {
        if (function is not null)
        {
            if (byFunction.TryGetValue(function, out var forFunction) && TryRules(forFunction, message) is { } byName)
            {
                return byName;
            }

            foreach (var (prefix, rule) in byFunctionPrefix)
            {
                if (function.StartsWith(prefix, StringComparison.Ordinal) && TryRule(rule, message) is { } byPrefix)
                {
                    return byPrefix;
                }
            }
        }

        var span = message.AsSpan();
        var end = span.IndexOfAny(' ', ':');
        var first = end < 0 ? span : span[..end];
        if (byKeySpan.TryGetValue(first, out var keyed) && TryRules(keyed, message) is { } byWord)
        {
            return byWord;
        }

        foreach (var rule in anchored)
        {
            if (message.Contains(rule.Anchor!, StringComparison.Ordinal) && TryRule(rule, message) is { } byAnchor)
            {
                return byAnchor;
            }
        }

        return null;
    }

    private static SshEvent? TryRules(MessageRule[] rules, string message)
    {
        foreach (var rule in rules)
        {
            if (TryRule(rule, message) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static SshEvent? TryRule(MessageRule rule, string message)
    {
        var result = rule.Parser.TryParse(message);
        return result.WasSuccessful && result.Remainder.AtEnd ? result.Value : null;
    }

    private static void Add(Dictionary<string, List<MessageRule>> index, string key, MessageRule rule)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(rule);
    }
}
