using LogLens.Analysis;

namespace LogLens.Rendering;

/// <summary>
/// Renders reports the way the <c>loglens</c> command does: the text report for people (control characters
/// from the log are shown escaped, never sent to a terminal) and the <c>loglens.report/1</c> JSON contract.
/// </summary>
public static class ReportWriter
{
    /// <summary>Writes the text report: headline, phase timeline, findings with evidence, fixes and help pages.</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="color">Whether to colour it with ANSI escapes (only for a terminal).</param>
    public static void WriteText(Report report, TextWriter output, bool color)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        new ReportTextWriter(output, color).Write(report);
    }

    /// <summary>Writes the text report, without colour.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The text.</returns>
    public static string ToText(Report report)
    {
        using var output = new StringWriter();
        WriteText(report, output, color: false);
        return output.ToString();
    }

    /// <summary>Writes the report as one <c>loglens.report/1</c> JSON object (docs/cli.md).</summary>
    /// <param name="report">The report; its <see cref="Report.Sessions"/> are written as the <c>sessions</c> array.</param>
    /// <param name="output">Where to write.</param>
    public static void WriteJson(Report report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var json = new ReportJsonWriter(output, asArray: false);
        json.Write(report);
    }

    /// <summary>The report as a <c>loglens.report/1</c> JSON object.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(Report report)
    {
        using var output = new StringWriter();
        WriteJson(report, output);
        return output.ToString();
    }

    /// <summary>
    /// Writes reports as one SARIF 2.1.0 log for CI systems and code-scanning tools: one run whose rules are the whole catalog
    /// (each with its <c>helpUri</c>), one result per finding located at its evidence lines in the report's source.
    /// </summary>
    /// <param name="reports">The reports, one per input.</param>
    /// <param name="output">Where to write.</param>
    public static void WriteSarif(IEnumerable<Report> reports, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(output);
        SarifWriter.Write(output, reports);
    }

    /// <summary>One report as a SARIF 2.1.0 log.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The SARIF text.</returns>
    public static string ToSarif(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var output = new StringWriter();
        WriteSarif([report], output);
        return output.ToString();
    }
}
