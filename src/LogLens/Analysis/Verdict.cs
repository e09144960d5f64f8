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
        var ordered = findings.OrderBy(f => f.Severity).ThenBy(f => f.Confidence).ToList();
        var cause = ordered.FirstOrDefault(f => f.Severity == Severity.Error);
        var outcome = cause switch
        {
            { Confidence: Confidence.Certain } => Outcome.Failed,
            null when authenticated => Outcome.Succeeded,
            _ => Outcome.Inconclusive,
        };
        return new Verdict(ordered, cause, outcome);
    }
}
