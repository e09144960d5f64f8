using System.Runtime.CompilerServices;
using LogLens.Findings;

namespace LogLens.Analysis;

/// <summary>
/// How a record's findings decide its outcome, the same for ssh's sessions and sshd's records: findings in root-cause order
/// (severity, then confidence); a cause the log states makes a failure, a likely one (the log stops before it says how it
/// ended) leaves the outcome open, and no cause with a login is a success.
/// </summary>
/// <param name="Ordered">The findings, root cause first.</param>
/// <param name="Cause">The root cause, or <see langword="null"/>.</param>
/// <param name="Outcome">The outcome.</param>
internal readonly record struct Verdict(Finding[] Ordered, Finding? Cause, Outcome Outcome)
{
    // Keyed by the title's instance: the titles are mostly the rules' literals, and an entry goes with its title.
    private static readonly ConditionalWeakTable<string, string> Sentences = [];

    public static Verdict Of(IEnumerable<Finding> findings, bool authenticated)
    {
        // A stable sort by severity, then confidence (as OrderBy/ThenBy): an insertion sort, for the few findings of a record.
        // An array of their exact size: the report keeps it.
        var ordered = findings.ToArray();
        for (var i = 1; i < ordered.Length; i++)
        {
            var finding = ordered[i];
            var j = i - 1;
            for (; j >= 0 && Before(finding, ordered[j]); j--)
            {
                ordered[j + 1] = ordered[j];
            }

            ordered[j + 1] = finding;
        }

        var cause = Array.Find(ordered, f => f.Severity == Severity.Error);
        var outcome = cause switch
        {
            { Confidence: Confidence.Certain } => Outcome.Failed,
            null when authenticated => Outcome.Succeeded,
            _ => Outcome.Inconclusive,
        };
        return new Verdict(ordered, cause, outcome);
    }

    /// <summary>The summary of a failed record: its cause's title as a sentence, one string per title (a report keeps one per record).</summary>
    public static string Sentence(Finding cause) => Sentences.GetValue(cause.Title, title => title + ".");

    /// <summary>Whether a finding goes strictly before another: a more severe one, or as severe and more certain.</summary>
    private static bool Before(Finding a, Finding b) => a.Severity != b.Severity ? a.Severity < b.Severity : a.Confidence < b.Confidence;
}
