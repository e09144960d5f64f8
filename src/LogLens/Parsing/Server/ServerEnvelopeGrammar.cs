using System.Globalization;
using Sprache;

namespace LogLens.Parsing.Server;

/// <summary>What a log system wrote before sshd's message: time, host, program and PID; and where the message starts.</summary>
internal readonly record struct ServerEnvelope(DateTimeOffset? Time, string? Host, string? Program, int? Pid, int MessageStart);

/// <summary>
/// The envelope of an sshd log line, as the log systems write it:
/// <list type="bullet">
/// <item>journalctl's default and classic syslog (<c>/var/log/secure</c>, older <c>auth.log</c>): <c>Dec  2 07:18:09 host sshd[1234]: </c>;</item>
/// <item><c>journalctl -o short-iso</c> and rsyslog's RFC 3339 (Debian 12 <c>auth.log</c>): <c>2026-12-02T07:18:09.123456+00:00 host sshd[1234]: </c>;</item>
/// <item>a tag with no time (<c>sshd[1234]: </c>), as some tools print it;</item>
/// <item>nothing at all: <c>sshd -E FILE</c> and <c>sshd -d</c> write the message alone.</item>
/// </list>
/// Classic timestamps carry no year: the current one is assumed.
/// </summary>
internal static class ServerEnvelopeGrammar
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private static readonly Parser<string> Digits = Parse.Digit.AtLeastOnce().Text();

    private static readonly Parser<string> Fraction =
        from dot in Parse.Char('.')
        from digits in Digits
        select "." + digits;

    private static readonly Parser<string> Clock =
        (from hours in Digits
         from c1 in Parse.Char(':')
         from minutes in Digits
         from c2 in Parse.Char(':')
         from seconds in Digits
         from fraction in Fraction.Optional()
         select $"{hours}:{minutes}:{seconds}{fraction.GetOrElse(string.Empty)}").Named("time of day");

    private static readonly Parser<int> Month =
        Parse.Letter.Repeat(3).Text().Select(m => Array.IndexOf(Months, m) + 1).Where(m => m > 0).Named("month");

    /// <summary><c>Dec  2 07:18:09</c> (syslog pads the day with a space; journalctl writes <c>Dec 02</c>).</summary>
    private static readonly Parser<DateTimeOffset?> Classic =
        from month in Month
        from gap in Parse.Char(' ').AtLeastOnce()
        from day in Digits
        from space in Parse.Char(' ')
        from clock in Clock
        select Stamp($"{DateTime.UtcNow.Year:D4}-{month:D2}-{int.Parse(day, CultureInfo.InvariantCulture):D2}T{clock}");

    private static readonly Parser<string> Date =
        (from year in Parse.Digit.Repeat(4).Text()
         from d1 in Parse.Char('-')
         from month in Parse.Digit.Repeat(2).Text()
         from d2 in Parse.Char('-')
         from day in Parse.Digit.Repeat(2).Text()
         from t in Parse.Chars('T', ' ')
         select $"{year}-{month}-{day}").Named("date");

    private static readonly Parser<string> Zone =
        Parse.String("Z").Text().Or(
            from sign in Parse.Chars('+', '-')
            from hours in Parse.Digit.Repeat(2).Text()
            from colon in Parse.Char(':').Optional()
            from minutes in Parse.Digit.Repeat(2).Text()
            select $"{sign}{hours}:{minutes}");

    /// <summary><c>2026-12-02T07:18:09+0000</c>, <c>2026-12-02T07:18:09.123456+00:00</c>, <c>...Z</c>.</summary>
    private static readonly Parser<DateTimeOffset?> Iso =
        from date in Date
        from clock in Clock
        from zone in Zone.Optional()
        select Stamp(date + "T" + clock + zone.GetOrElse(string.Empty));

    private static readonly Parser<string> Host =
        Parse.CharExcept(' ').AtLeastOnce().Text().Named("host name");

    private static readonly Parser<string> ProgramName =
        Parse.Char(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or '(' or ')', "program name").AtLeastOnce().Text();

    private static readonly Parser<int?> Pid =
        from open in Parse.Char('[')
        from digits in Digits
        from close in Parse.Char(']')
        select int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : (int?)null;

    private static readonly Parser<(string Program, int? Pid)> Tag =
        from program in ProgramName
        from pid in Pid.Optional()
        from colon in Parse.Char(':')
        from space in Parse.Char(' ').Optional()
        select (program, pid.GetOrDefault());

    private static readonly Parser<ServerEnvelope> Stamped =
        from time in Classic.Or(Iso)
        from s1 in Parse.Char(' ').AtLeastOnce()
        from host in Host
        from s2 in Parse.Char(' ')
        from tag in Tag
        select new ServerEnvelope(time, host, tag.Program, tag.Pid, 0);

    private static readonly Parser<ServerEnvelope> TagOnly =
        from tag in Tag.Where(t => t.Pid is not null)
        select new ServerEnvelope(null, null, tag.Program, tag.Pid, 0);

    private static readonly Parser<ServerEnvelope> Envelope = Stamped.Or(TagOnly);

    /// <summary>Reads the envelope of a line; a line without one is all message.</summary>
    public static ServerEnvelope Read(string line)
    {
        if (line.Length < 8 || !char.IsAsciiLetterOrDigit(line[0]))
        {
            return new ServerEnvelope(null, null, null, null, 0);
        }

        var result = Envelope.TryParse(line);
        return result.WasSuccessful ? result.Value with { MessageStart = result.Remainder.Position } : new ServerEnvelope(null, null, null, null, 0);
    }

    /// <summary>Whether a program tag is sshd's: <c>sshd</c>, <c>sshd-session</c> and <c>sshd-auth</c> (9.8+), or a path to one.</summary>
    public static bool IsSshd(string? program) =>
        program is null || program.StartsWith("sshd", StringComparison.Ordinal) || program.EndsWith("/sshd", StringComparison.Ordinal);

    private static DateTimeOffset? Stamp(string iso) =>
        DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
}
