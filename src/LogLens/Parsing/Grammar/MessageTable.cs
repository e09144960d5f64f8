using LogLens.Events;
using Sprache;

namespace LogLens.Parsing.Grammar;

/// <summary>
/// All message rules, indexed so that a line runs only the parsers that can match it: the rules for its
/// function prefix, then those for its first word, then the few keyed by a literal the line contains.
/// </summary>
internal sealed class MessageTable
{
    private readonly SpanTable<MessageRule[]> byFunction;
    private readonly (string Prefix, MessageRule Rule)[] byFunctionPrefix;
    private readonly SpanTable<MessageRule[]> byKey;
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

        byFunction = new(functions.Select(p => KeyValuePair.Create(p.Key, p.Value.ToArray())));
        byFunctionPrefix = [.. prefixes];
        byKey = new(keys.Select(p => KeyValuePair.Create(p.Key, p.Value.ToArray())));
        anchored = [.. anchors];
    }

    /// <summary>The table of every grammar family.</summary>
    public static MessageTable Default { get; } = new(
    [
        .. ConfigGrammar.Rules, .. ConnectGrammar.Rules, .. VersionGrammar.Rules, .. KexGrammar.Rules,
        .. HostKeyGrammar.Rules, .. KeyGrammar.Rules, .. AuthGrammar.Rules, .. SessionGrammar.Rules,
    ]);

    /// <summary>The event for a message, or <see langword="null"/> when no rule knows it (runs the rules' span matchers).</summary>
    public SshEvent? Match(ReadOnlySpan<char> message, string? function) => Match(message, function, skip: null, out _);

    /// <summary>
    /// The event for a message, or <see langword="null"/> when no rule knows it; or, when the message makes an event of one of
    /// the <paramref name="skip"/> types, <see langword="null"/> and that type (<paramref name="skipped"/>): a template that
    /// makes one is only matched, not built. The same rules are tried in the same order either way.
    /// </summary>
    public SshEvent? Match(ReadOnlySpan<char> message, string? function, Type[]? skip, out Type? skipped)
    {
        skipped = null;
        if (function is not null)
        {
            if (byFunction.TryGetValue(function, out var forFunction) && TryRules(forFunction, message, skip, out var byName, out skipped))
            {
                return byName;
            }

            foreach (var (prefix, rule) in byFunctionPrefix)
            {
                if (function.StartsWith(prefix, StringComparison.Ordinal) && TryRule(rule, message, skip, out var byPrefix, out skipped))
                {
                    return byPrefix;
                }
            }
        }

        var end = message.IndexOfAny(' ', ':');
        var first = end < 0 ? message : message[..end];
        if (byKey.TryGetValue(first, out var keyed) && TryRules(keyed, message, skip, out var byWord, out skipped))
        {
            return byWord;
        }

        foreach (var rule in anchored)
        {
            if (message.IndexOf(rule.Anchor.AsSpan()) >= 0 && TryRule(rule, message, skip, out var byAnchor, out skipped))
            {
                return byAnchor;
            }
        }

        return null;
    }

    /// <summary>The rules the dispatcher tries on a message, in order (for tests that compare the rules' two forms).</summary>
    public IEnumerable<MessageRule> Candidates(string message, string? function)
    {
        if (function is not null)
        {
            if (byFunction.TryGetValue(function, out var forFunction))
            {
                foreach (var rule in forFunction)
                {
                    yield return rule;
                }
            }

            foreach (var (prefix, rule) in byFunctionPrefix)
            {
                if (function.StartsWith(prefix, StringComparison.Ordinal))
                {
                    yield return rule;
                }
            }
        }

        var end = message.AsSpan().IndexOfAny(' ', ':');
        var first = end < 0 ? message : message[..end];
        if (byKey.TryGetValue(first, out var keyed))
        {
            foreach (var rule in keyed)
            {
                yield return rule;
            }
        }

        foreach (var rule in anchored)
        {
            if (message.Contains(rule.Anchor!, StringComparison.Ordinal))
            {
                yield return rule;
            }
        }
    }

    /// <summary>What the rule's Sprache parser makes of the whole message, or <see langword="null"/> when it does not match.</summary>
    public static SshEvent? TryDefinition(MessageRule rule, string message)
    {
        var result = rule.Parser.TryParse(message);
        return result.WasSuccessful && result.Remainder.AtEnd ? result.Value : null;
    }

    private static bool TryRules(MessageRule[] rules, ReadOnlySpan<char> message, Type[]? skip, out SshEvent? found, out Type? skipped)
    {
        foreach (var rule in rules)
        {
            if (TryRule(rule, message, skip, out found, out skipped))
            {
                return true;
            }
        }

        (found, skipped) = (null, null);
        return false;
    }

    /// <summary>Whether the rule matches the message: then its event, or (a <paramref name="skip"/> type) only that type.</summary>
    private static bool TryRule(MessageRule rule, ReadOnlySpan<char> message, Type[]? skip, out SshEvent? found, out Type? skipped)
    {
        (found, skipped) = (null, null);
        if (skip is not null && rule is { Produces: { } type, Matches: { } matches } && Skips(skip, type))
        {
            skipped = matches(message) ? type : null;
            return skipped is not null;
        }

        found = rule.Fast(message);
        if (found is not null && skip is not null && Skips(skip, found.GetType()))
        {
            skipped = found.GetType();
            found = null;
            return true;
        }

        return found is not null;
    }

    /// <summary>Whether <paramref name="type"/> is one of <paramref name="skip"/> (a type is one object: no equality comparer needed).</summary>
    private static bool Skips(Type[] skip, Type type)
    {
        foreach (var t in skip)
        {
            if (ReferenceEquals(t, type))
            {
                return true;
            }
        }

        return false;
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
