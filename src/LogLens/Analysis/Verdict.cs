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
internal readonly record struct Verdict(List<Finding> Ordered, Finding? Cause, Outcome Outcome)
{
    public static Verdict Of(IEnumerable<Finding> findings, bool authenticated)
    {
        // A stable sort by severity, then confidence (as OrderBy/ThenBy): an insertion sort, for the few findings of a record.
        var ordered = new List<Finding>(findings);
        for (var i = 1; i < ordered.Count; i++)
        {
            var finding = ordered[i];
            var j = i - 1;
            for (; j >= 0 && Before(finding, ordered[j]); j--)
            {
                ordered[j + 1] = ordered[j];
            }

            ordered[j + 1] = finding;
        }

        var cause = ordered.Find(f => f.Severity == Severity.Error);
        var outcome = cause switch
        {
            { Confidence: Confidence.Certain } => Outcome.Failed,
            null when authenticated => Outcome.Succeeded,
            _ => Outcome.Inconclusive,
        };
        return new Verdict(ordered, cause, outcome);
    }

    /// <summary>Whether a finding goes strictly before another: a more severe one, or as severe and more certain.</summary>
    private static bool Before(Finding a, Finding b) => a.Severity != b.Severity ? a.Severity < b.Severity : a.Confidence < b.Confidence;
}
