using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;

namespace LogLens.Parsing;

/// <summary>
/// Takes off what a paste wraps around ssh's own text: indentation, <c>&gt; </c> quoting, VS Code's
/// <c>[hh:mm:ss.mmm] stderr&gt; </c>, CI timestamps, Markdown backticks, a shell prompt glued in front of
/// the line (bash's <c>user@host:~$</c>, RHEL's <c>[user@host ~]$</c>, zsh's <c>user@Mac ~ %</c>, PowerShell's and cmd's <c>C:\Users\me&gt;</c>)
/// or in front of a <c>debugN:</c> line after other text, an array dump of the output lines (PHP's <c>var_dump</c> and <c>print_r</c> of what
/// <c>exec</c> returned: <c>12 =&gt; string 'LINE' (length=N)</c>, <c>[12] =&gt; LINE</c>); and splits lines that carry several ssh lines as escaped <c>\r\n</c>
/// (Ansible's JSON <c>msg</c>, Python byte strings).
/// </summary>
internal static partial class LineUnwrapper
{
    /// <summary>What ends a shell prompt: a prompt is looked for only in lines that hold one of these near their start.</summary>
    private static readonly SearchValues<char> PromptEnds = SearchValues.Create("$#%>");

    /// <summary>
    /// What a program that captured ssh's output puts in front of a line: VS Code's stream, Ansible's, and Windows PowerShell 5.1's
    /// <c>ssh : </c> in front of the first line it turned into an error record (<c>ssh -v host 2&gt;&amp;1 &gt; log.txt</c>).
    /// </summary>
    private static readonly string[] StreamTags = ["stderr> ", "stdout> ", "stderr: ", "stdout: ", "Got stderr from ssh: ", "ssh : ", "ssh.exe : "];
    private static readonly SearchValues<char> TimestampChars = SearchValues.Create("0123456789:.-/ TZ+,");
    private static readonly SearchValues<char> IsoTimestampChars = SearchValues.Create("0123456789:.,-TZ+ ");
    private static readonly string[] TimeOfDayFormats = ["hh\\:mm\\:ss\\.fff", "hh\\:mm\\:ss", "hh\\:mm\\:ss\\.ffffff"];
    private static readonly string[] EmbeddedStarts = ["via ssh: ", "b'", "b\"", "\"stderr\": \"", "\"msg\": \""];

    /// <summary>
    /// What web pages, chat tools and word processors put in place of ssh's plain characters when a log is copied from them: no-break and
    /// other fixed-width spaces for spaces, curly quotes for straight ones. ssh itself prints none of them.
    /// </summary>
    private static readonly SearchValues<char> Lookalikes = SearchValues.Create("\u00A0\u2007\u202F\u2018\u2019\u201C\u201D");

    /// <summary>The HTML entities a copied page's source puts in place of ssh's characters.</summary>
    private static readonly (string Entity, string Text)[] Entities =
        [("&quot;", "\""), ("&#34;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&apos;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&nbsp;", " "), ("&amp;", "&")];

    /// <summary>The printable ASCII characters but <c>&amp;</c>: a line of only these has no lookalike, colour code or entity.</summary>
    private static readonly SearchValues<char> PlainText = SearchValues.Create(
        " !\"#$%'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    /// <summary>Returns the line's text without its wrappers, and without the prefix learned for it (<see cref="RawLine.Prefix"/>).</summary>
    public static string Strip(RawLine line) => Strip(line.Prefix > 0 ? line.Text[line.Prefix..] : line.Text);

    /// <summary>Returns the line without its wrappers (the same instance when there are none).</summary>
    public static string Strip(string raw)
    {
        // Most lines are ssh's own debug lines, unwrapped: no wrapper starts with "debug", so only their end may need trimming, and
        // of what a copy changes in them only a no-break space after the level matters (it hides the message). Any other line is
        // searched once for a character that is not plain ASCII text, or is '&'; most have none.
        var debug = raw.StartsWith("debug", StringComparison.Ordinal);
        if (debug ? raw.Length > 7 && raw[7] == '\u00A0' : raw.AsSpan().IndexOfAnyExcept(PlainText) >= 0)
        {
            raw = WithoutLookalikesAndEscapes(raw);
        }

        var span = debug ? raw.AsSpan() : SkipWrappers(raw);
        if (span.Length > 0 && span[^1] is ' ' or '\t' or '\r' or '`' or ']')
        {
            span = WithoutClosingForumTag(span).TrimEnd(" \t\r`");
        }

        return span.Length == raw.Length ? raw : span.ToString();
    }

    /// <summary>The line with its lookalike characters made plain, and without colour codes and HTML entities (see <see cref="Strip(string)"/>).</summary>
    private static string WithoutLookalikesAndEscapes(string raw)
    {
        // these characters all lie between U+00A0 and U+202F, where ssh's own text never goes
        if (raw.AsSpan().IndexOfAnyInRange('\u00A0', '\u202F') >= 0 && raw.AsSpan().IndexOfAny(Lookalikes) >= 0)
        {
            raw = Plain(raw);
        }

        return WithoutEscapes(raw);
    }

    /// <summary>
    /// The line without a terminal's colour codes, and with HTML's entities for quotes, angle brackets, spaces and ampersands decoded. ssh
    /// prints neither.
    /// </summary>
    private static string WithoutEscapes(string raw)
    {
        var text = raw;
        if (text.Contains('\u001B', StringComparison.Ordinal))
        {
            text = TerminalEscape().Replace(text, string.Empty);
        }

        if (text.Contains('&', StringComparison.Ordinal) && text.Contains(';', StringComparison.Ordinal))
        {
            foreach (var (entity, plain) in Entities)
            {
                text = text.Replace(entity, plain, StringComparison.Ordinal);
            }
        }

        // Replace gives back the same instance when it changes nothing.
        return text;
    }

    /// <summary>
    /// A terminal's colour code (SGR, <c>ESC [ 1;33 m</c>) or erase-to-end-of-line (<c>ESC [ K</c>): what coloured CI logs and terminal captures hold.
    /// Other sequences (titles, cursor moves, clearing the screen) are left to be shown as text: a server that sends them is worth seeing.
    /// </summary>
    [GeneratedRegex(@"\u001B\[[0-9;]*[mK]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TerminalEscape();

    /// <summary>The line with its lookalike characters (<see cref="Lookalikes"/>) made ssh's plain ones again.</summary>
    private static string Plain(string raw) => string.Create(raw.Length, raw, static (chars, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            chars[i] = source[i] switch
            {
                '\u00A0' or '\u2007' or '\u202F' => ' ',
                '\u2018' or '\u2019' => '\'',
                '\u201C' or '\u201D' => '"',
                var c => c,
            };
        }
    });

    private static ReadOnlySpan<char> SkipWrappers(ReadOnlySpan<char> span)
    {
        var changed = true;
        while (changed)
        {
            // A letter starts no wrapper but a stream tag (stderr>, stdout:, Got stderr ...) or a syslog stamp (Dec  3 10:22:00):
            // ssh's own text (OpenSSH_9.6p1 ...).
            if (span.Length > 0 && char.IsAsciiLetter(span[0]) && span[0] is not ('s' or 'G'))
            {
                var afterStamp = SkipSyslogStamp(span);
                if (afterStamp.Length == span.Length)
                {
                    break;
                }

                span = afterStamp;
                continue;
            }

            changed = false;
            var before = span.Length;
            span = span.TrimStart(" \t\uFEFF`");
            if (span.Length > 0 && span[0] == '>' && (span.Length == 1 || span[1] is ' ' or '>' or '\t'))
            {
                span = span[1..];
            }

            span = SkipBracketedTimestamp(span);
            span = SkipIsoTimestamp(span);
            span = SkipArrayElement(span);
            span = SkipLineNumber(span);
            span = SkipForumTag(span);
            foreach (var tag in StreamTags)
            {
                if (span.StartsWith(tag.AsSpan()))
                {
                    span = span[tag.Length..];
                }
            }

            changed = span.Length != before;
        }

        return SkipToGluedDebug(SkipGluedPrompt(span));
    }

    /// <summary>
    /// A shell prompt in front of the line: ssh wrote while the shell showed its prompt (a background job, output that crossed the
    /// prompt), or a paste kept it. Only a line with a prompt's last character near its start is matched against the prompt shapes.
    /// </summary>
    private static ReadOnlySpan<char> SkipGluedPrompt(ReadOnlySpan<char> span)
    {
        if (span[..Math.Min(span.Length, 160)].IndexOfAny(PromptEnds) < 0)
        {
            return span;
        }

        foreach (var match in ShellPrompt().EnumerateMatches(span[..Math.Min(span.Length, 200)]))
        {
            return match.Length < span.Length ? span[match.Length..] : span;
        }

        return span;
    }

    /// <summary>
    /// Shell prompts: bash's <c>user@host:~/dir$</c> (Debian, Ubuntu, Git Bash's second line is a bare <c>$</c>), RHEL's <c>[user@host dir]$</c>,
    /// zsh's <c>user@MacBook-Pro ~ %</c>, old macOS bash's <c>MacBook:~ user$</c>, PowerShell's <c>PS C:\Users\me&gt;</c> and cmd's
    /// <c>C:\Users\me&gt;</c>; with a conda or virtualenv <c>(name)</c> in front.
    /// </summary>
    [GeneratedRegex(
        @"^(?:\([\w.-]+\)\s)?(?:(?:[\w.+-]+@[\w.-]+:[^\s$#>]*[$#]|\[[\w.+-]+@[\w.-]+[^\]]{0,80}\][$#]|[\w.+-]+@[\w.-]+\s[^\s%$#]{1,80}\s[%$#]" +
        @"|[\w.-]+:[^\s$#]{0,80}\s[\w.+-]+[$#]|[$#%])\s+|(?:PS\s)?[A-Za-z]:\\[^>]{0,120}>\s*)",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ShellPrompt();

    /// <summary>
    /// Reads the time a wrapper put in front of the line: VS Code's <c>[16:25:29.721]</c> (a time of day, on
    /// day one) or an ISO 8601 stamp (<c>2024-05-04T10:22:33.123Z</c>). Only differences between lines matter.
    /// </summary>
    public static bool TryReadTimestamp(string raw, out DateTimeOffset time)
    {
        time = default;
        if (raw.Length == 0 || char.IsAsciiLetter(raw[0]))
        {
            // Most lines (debug1: ...): a stamp starts with a bracket, a digit or a space.
            return false;
        }

        var span = raw.AsSpan().TrimStart();
        if (span.Length > 12 && span[0] == '[' && span.IndexOf(']') is > 8 and < 40 and var close &&
            TimeSpan.TryParseExact(span[1..close], TimeOfDayFormats, CultureInfo.InvariantCulture, out var ofDay))
        {
            time = new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero) + ofDay;
            return true;
        }

        if (span.Length > 20 && char.IsAsciiDigit(span[0]) && span[4] == '-' && span.IndexOfAny(' ', '\t') is > 18 and var end &&
            DateTimeOffset.TryParse(span[..end], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time))
        {
            return true;
        }

        return false;
    }

    /// <summary>Whether a line carries several ssh lines as escaped line breaks (never a <see cref="RawLine.Plain"/> one).</summary>
    public static bool HasEscapedLines(RawLine line) => !line.Plain && HasEscapedLines(line.Text);

    /// <summary>Whether a line carries several ssh lines as escaped line breaks.</summary>
    public static bool HasEscapedLines(string content) =>
        content.Contains('\\', StringComparison.Ordinal) &&
        (content.Contains("\\r\\n", StringComparison.Ordinal) ||
        (content.Contains("debug1: ", StringComparison.Ordinal) && content.Contains("\\n", StringComparison.Ordinal)));

    /// <summary>Splits a line with escaped line breaks into the lines it carries, unescaped and stripped.</summary>
    public static List<string> SplitEscaped(string content)
    {
        var parts = content.Replace("\\r\\n", "\n", StringComparison.Ordinal)
            .Replace("\\n", "\n", StringComparison.Ordinal)
            .Split('\n');
        var result = new List<string>(parts.Length);
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (i == 0)
            {
                part = AfterEmbeddedStart(part);
            }

            if (i == parts.Length - 1)
            {
                part = part.TrimEnd(' ', ',', ')', '}').TrimEnd('"', '\'');
            }

            part = part.Replace("\\\"", "\"", StringComparison.Ordinal)
                .Replace("\\\\", "\\", StringComparison.Ordinal)
                .Replace("\\t", "\t", StringComparison.Ordinal);
            result.Add(Strip(part));
        }

        return result;
    }

    private static string AfterEmbeddedStart(string part)
    {
        var best = -1;
        foreach (var marker in EmbeddedStarts)
        {
            var at = part.LastIndexOf(marker, StringComparison.Ordinal);
            if (at >= 0 && (best < 0 || at + marker.Length > best))
            {
                best = at + marker.Length;
            }
        }

        return best < 0 ? part : part[best..];
    }

    /// <summary>
    /// An element of a dumped array of lines: <c>12 =&gt; string 'LINE' (length=N)</c> (var_dump) or <c>[12] =&gt; LINE</c>
    /// (print_r); the line is what is left.
    /// </summary>
    private static ReadOnlySpan<char> SkipArrayElement(ReadOnlySpan<char> span)
    {
        var bracketed = span.Length > 0 && span[0] == '[';
        var digits = span[(bracketed ? 1 : 0)..];
        var count = digits.IndexOfAnyExceptInRange('0', '9');
        if (count <= 0)
        {
            return span;
        }

        var rest = digits[count..];
        if (bracketed)
        {
            if (rest.Length == 0 || rest[0] != ']')
            {
                return span;
            }

            rest = rest[1..];
        }

        rest = rest.TrimStart(' ');
        if (!rest.StartsWith("=>", StringComparison.Ordinal))
        {
            return span;
        }

        rest = rest[2..].TrimStart(' ');
        const string Quoted = "string '";
        if (!rest.StartsWith(Quoted, StringComparison.Ordinal))
        {
            return rest;
        }

        rest = rest[Quoted.Length..];
        var close = rest.LastIndexOf("' (length=", StringComparison.Ordinal);
        return close >= 0 ? rest[..close] : rest;
    }

    /// <summary>
    /// A syslog stamp (<c>Dec  3 10:22:00</c>: <c>ssh -y</c>'s lines in the system log, or moreutils' <c>ts</c>), with the host and
    /// <c>ssh[PID]:</c> tag that the system log adds.
    /// </summary>
    private static ReadOnlySpan<char> SkipSyslogStamp(ReadOnlySpan<char> span)
    {
        if (span.Length < 16 || span[3] != ' ' || !char.IsAsciiLetterUpper(span[0]) || span[9] != ':' && span[8] != ':')
        {
            return span;
        }

        foreach (var match in SyslogStamp().EnumerateMatches(span))
        {
            return span[match.Length..];
        }

        return span;
    }

    /// <summary><c>Mmm dd hh:mm:ss[.ffffff] </c>, then the system log's <c>host ssh[PID]: </c> when there is one.</summary>
    [GeneratedRegex(@"^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ 0-3]?\d \d\d:\d\d:\d\d(?:\.\d+)? +(?:\S+ ssh(?:\[\d+\])?: )?",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SyslogStamp();

    /// <summary>
    /// A line number in front of the line: <c>cat -n</c>'s <c>     12\t</c>, or <c>12 </c>, <c>12: </c>, <c>12. </c>, <c>12) </c>, <c>12 | </c> from an
    /// editor or a paste site. ssh's own lines never start with a number followed by one of these.
    /// </summary>
    private static ReadOnlySpan<char> SkipLineNumber(ReadOnlySpan<char> span)
    {
        var digits = span.IndexOfAnyExceptInRange('0', '9');
        if (digits is < 1 or > 6)
        {
            return span;
        }

        var rest = span[digits..];
        return rest switch
        {
            ['\t', ..] => rest[1..],
            [':' or '.' or ')' or '|', ' ', ..] => rest[2..],
            [' ', '|', ' ', ..] => rest[3..],
            [' ', ..] => rest.TrimStart(' '),
            _ => span,
        };
    }

    /// <summary>A forum's code or quote tag in front of the line (<c>[code]</c>, <c>[CODE=text]</c>, <c>[quote="name"]</c>, <c>[/quote]</c>).</summary>
    private static ReadOnlySpan<char> SkipForumTag(ReadOnlySpan<char> span)
    {
        return span.Length < 6 || span[0] != '[' ? span : span[ForumTagLength(span)..];
    }

    /// <summary>The line without a forum's closing tag at its end (<c>[/code]</c>, <c>[/quote]</c>).</summary>
    private static ReadOnlySpan<char> WithoutClosingForumTag(ReadOnlySpan<char> span)
    {
        var open = span.LastIndexOf('[');
        return open >= 0 && span[^1] == ']' && ForumTagLength(span[open..]) == span.Length - open ? span[..open] : span;
    }

    /// <summary>The length of the forum tag at the start of the text, or 0.</summary>
    private static int ForumTagLength(ReadOnlySpan<char> text)
    {
        var name = text[1..].TrimStart('/');
        if (!name.StartsWith("code", StringComparison.OrdinalIgnoreCase) && !name.StartsWith("quote", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        var close = text[..Math.Min(text.Length, 80)].IndexOf(']');
        var nameLength = name.StartsWith("code", StringComparison.OrdinalIgnoreCase) ? 4 : 5;
        var after = name[nameLength..];
        return close > 0 && (after.Length == 0 || after[0] is ']' or '=' or ' ') ? close + 1 : 0;
    }

    private static ReadOnlySpan<char> SkipBracketedTimestamp(ReadOnlySpan<char> span)
    {
        if (span.Length < 3 || span[0] != '[')
        {
            return span;
        }

        var close = span[..Math.Min(span.Length, 48)].IndexOf(']');
        if (close < 2)
        {
            return span;
        }

        var inside = span[1..close];
        if (inside.IndexOfAnyExcept(TimestampChars) >= 0 || inside.IndexOf(':') < 0)
        {
            return span;
        }

        return span[(close + 1)..];
    }

    private static ReadOnlySpan<char> SkipIsoTimestamp(ReadOnlySpan<char> span)
    {
        // 2024-05-04T10:22:33.1234567Z debug1: ... (GitHub Actions, journald exports)
        if (span.Length < 20 || span[4] != '-' || span[7] != '-' || span[10] is not ('T' or ' ') || span[13] != ':' ||
            !char.IsAsciiDigit(span[0]) || !char.IsAsciiDigit(span[3]))
        {
            return span;
        }

        var end = span[11..].IndexOfAny(' ', '\t');
        if (end < 0)
        {
            return span;
        }

        var stamp = span[..(11 + end)];
        if (stamp.IndexOfAnyExcept(IsoTimestampChars) >= 0)
        {
            return span;
        }

        // Python's logging puts "2024-05-04 10:22:33,123 - " in front of a line
        var rest = span[(11 + end)..].TrimStart(' ');
        return rest is ['-' or '|', ' ', ..] ? rest[2..] : rest;
    }

    private static ReadOnlySpan<char> SkipToGluedDebug(ReadOnlySpan<char> span)
    {
        if (span.StartsWith("debug", StringComparison.Ordinal))
        {
            return span;
        }

        var from = 0;
        while (true)
        {
            var at = span[from..].IndexOf("debug", StringComparison.Ordinal);
            if (at < 0)
            {
                return span;
            }

            at += from;
            if (at + 8 <= span.Length && span[at + 5] is '1' or '2' or '3' && span[at + 6] == ':' && span[at + 7] == ' ')
            {
                return span[at..];
            }

            from = at + 5;
        }
    }
}
