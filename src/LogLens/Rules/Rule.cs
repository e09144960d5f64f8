using System.Buffers;
using System.Collections.Frozen;
using LogLens.Analysis;
using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rules;

/// <summary>What a rule reports, known before it runs: its stable ID, slug, default severity, phase and title.</summary>
/// <param name="Id">The stable ID (<c>LLnnnn</c>).</param>
/// <param name="Slug">The stable slug from the findings contract.</param>
/// <param name="Severity">The severity when it is the cause of a failure.</param>
/// <param name="Phase">The phase it belongs to.</param>
/// <param name="Title">A one-line title.</param>
public sealed record RuleDescriptor(string Id, string Slug, Severity Severity, Phase Phase, string Title)
{
    /// <summary>The rule's help page, relative to the repository root.</summary>
    public string Help => $"docs/rules/{Id}.md";

    /// <summary>The rule's help page on the web, a stable URL (<c>https://github.com/loglens/loglens/blob/main/docs/rules/LL5001.md</c>).</summary>
    public Uri HelpUri => HelpPages.Uri(Id);

    /// <summary>The rule's help page (Markdown), as shipped in the library: what ssh prints, what it means, how to fix it.</summary>
    /// <returns>The page's text.</returns>
    public string HelpPage() => HelpPages.Text(Id);
}

/// <summary>The findings' help pages: their stable web address, and their text embedded in the library.</summary>
internal static class HelpPages
{
    /// <summary>Where the pages are published (the repository's docs/rules, on its main branch).</summary>
    public const string BaseUri = "https://github.com/loglens/loglens/blob/main/docs/rules/";

    // One address per known rule, made once (a report asks for every finding's); an ID the catalog does not know (a
    // finding a caller made) gets a new one.
    private static readonly FrozenDictionary<string, Uri> Known =
        RuleCatalog.Every.ToFrozenDictionary(d => d.Id, d => Make(d.Id), StringComparer.Ordinal);

    public static Uri Uri(string id) => Known.TryGetValue(id, out var uri) ? uri : Make(id);

    private static Uri Make(string id) => new(BaseUri + id + ".md");

    public static string Text(string id)
    {
        using var page = typeof(HelpPages).Assembly.GetManifestResourceStream($"LogLens.rules.{id}.md")
            ?? throw new InvalidOperationException($"the help page of {id} is missing from this build of LogLens");
        using var reader = new StreamReader(page);
        return reader.ReadToEnd();
    }
}

/// <summary>What a rule sees: the session, and the findings of the rules that ran before it (the likelier root causes).</summary>
internal sealed class RuleContext(SessionView session, IReadOnlyList<Finding> earlier)
{
    public SessionView Session { get; } = session;

    public IReadOnlyList<Finding> Earlier { get; } = earlier;

    /// <summary>Whether an earlier rule already reported an error (a root cause).</summary>
    public bool HasCause
    {
        get
        {
            // Asked by most rules of every session, of a list of a few findings: a plain loop, no enumerator or delegate.
            for (var i = 0; i < Earlier.Count; i++)
            {
                if (Earlier[i].Severity == Severity.Error)
                {
                    return true;
                }
            }

            return false;
        }
    }

    public bool Found(string slug)
    {
        for (var i = 0; i < Earlier.Count; i++)
        {
            if (Earlier[i].Slug == slug)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>What every rule shares, client's or server's: its descriptor and how it builds its finding.</summary>
internal abstract class FindingRule(RuleDescriptor descriptor)
{
    /// <summary>The characters a shell word may hold unquoted.</summary>
    private static readonly SearchValues<char> ShellSafe = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@%_+=:,./-~");

    public RuleDescriptor Descriptor { get; } = descriptor;

    /// <summary>Builds this rule's finding.</summary>
    protected Finding Report(
        MessageText message,
        IEnumerable<SshEvent?> evidence,
        IEnumerable<Fix> fixes,
        Severity? severity = null,
        string? title = null,
        Confidence confidence = Confidence.Certain) =>
        new(Descriptor.Id, Descriptor.Slug, severity ?? Descriptor.Severity, Descriptor.Phase, title ?? Descriptor.Title, message,
            // Arrays of their exact size: a list, or the wrapper a collection expression makes, would be two more objects
            // per finding for a report that keeps it.
            evidence.OfType<SshEvent>().DistinctBy(e => (e.Line, e.Content)).OrderBy(e => e.Line).Select(Proof).ToArray(),
            fixes.ToArray())
        {
            Confidence = confidence,
        };

    /// <summary>The evidence line for an event: the input line, or the part of it when one line carried several; sshd's lines say they are the server's.</summary>
    protected static Evidence Proof(SshEvent e) =>
        new(e.Line, e.Raw.Contains(e.Content, StringComparison.Ordinal) ? e.Raw.TrimEnd() : e.Content)
        {
            Source = e is ServerEvent ? EvidenceSource.Server : EvidenceSource.Client,
        };

    /// <summary>Quotes a value for a POSIX shell when it needs it.</summary>
    internal static string Shell(string value) =>
        value.Length > 0 && !value.AsSpan().ContainsAnyExcept(ShellSafe) && !value.StartsWith('~')
            ? value
            : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

/// <summary>
/// One finding's rule: a small class that looks at a session and reports at most one finding. Rules run in
/// root-cause order (see <see cref="RuleCatalog"/>): a rule may stay quiet when an earlier one explains the failure.
/// </summary>
internal abstract class Rule(RuleDescriptor descriptor) : FindingRule(descriptor)
{
    public abstract Finding? Evaluate(RuleContext context);

    /// <summary>The <c>user@host</c> (and <c>-p PORT</c>) to put in a suggested ssh command.</summary>
    protected static string Destination(SessionView session)
    {
        var target = session.Target;
        var host = target?.Host ?? "HOST";
        var user = target?.User is { Length: > 0 } u ? u + "@" : string.Empty;
        var port = target?.Port is { } p && p != 22 ? $"-p {p} " : string.Empty;
        return port + user + host;
    }
}
