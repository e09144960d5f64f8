using System.Buffers;
using System.Text;

namespace LogLens.Parsing;

/// <summary>A physical input line: its 1-based number, its text, and whether it was cut at the length limit.</summary>
/// <param name="Number">The 1-based line number.</param>
/// <param name="Text">The line's text.</param>
/// <param name="Truncated">Whether the line was cut at the length limit.</param>
/// <param name="Plain">
/// Known to hold neither a NUL nor a backslash, so neither binary data nor escaped line breaks (<see cref="LineUnwrapper.HasEscapedLines(string)"/>):
/// the reader learns it in the search for the line's end, and the parser then skips both checks. <see langword="false"/> when not known.
/// </param>
/// <param name="Prefix">
/// How many characters at the start are a prefix that the program or paste put in front of ssh's text, learned from the lines before
/// (<see cref="PastePrefix"/>); 0 when none is known.
/// </param>
internal readonly record struct RawLine(int Number, string Text, bool Truncated, bool Plain = false, int Prefix = 0);

/// <summary>
/// Splits a character stream into lines the way a paste needs: <c>\n</c>, <c>\r\n</c> and a lone
/// <c>\r</c> all end a line; a line longer than <see cref="MaxLineLength"/> is cut and the rest of it
/// skipped without being held in memory. Each line also gets the length of the prefix that the paste put in front of ssh's text,
/// as far as the lines before it show one (<see cref="PastePrefix"/>).
/// </summary>
internal sealed class LineReader
{
    /// <summary>The longest line kept, in characters; the rest of a longer line is dropped.</summary>
    public const int MaxLineLength = 64 * 1024;

    /// <summary>How many first lines may wait for a line that shows the paste's prefix.</summary>
    internal const int HeadLines = 32;

    private const int BufferLength = 80 * 1024;

    /// <summary>What ends a line, and the two characters that make a line not <see cref="RawLine.Plain"/>.</summary>
    private static readonly SearchValues<char> LineEndsAndOddities = SearchValues.Create("\n\r\0\\");

    private readonly TextReader reader;
    private readonly int maxLineLength;
    /// <summary>
    /// Larger than what a <see cref="StreamReader"/> with a 64 KiB buffer decodes at once (<see cref="OpenStream"/>): it then decodes
    /// straight into this buffer instead of into its own and copying.
    /// </summary>
    private readonly char[] buffer = new char[BufferLength];

    private readonly StringBuilder line = new();
    private readonly PastePrefix prefixes = new();

    /// <summary>The first lines, read until one settles the paste's prefix (see <see cref="TryRead"/>); <see langword="null"/> once all are taken.</summary>
    private Queue<RawLine>? head = new(HeadLines);
    private bool settled;
    private int position;
    private int length;
    private int number;

    public LineReader(TextReader reader, int maxLineLength = MaxLineLength)
    {
        this.reader = reader;
        this.maxLineLength = maxLineLength;
    }

    /// <summary>Opens a byte stream as lenient UTF-8 (invalid bytes become U+FFFD; a UTF-16 BOM is honoured).</summary>
    public static StreamReader OpenStream(Stream stream, bool leaveOpen = false) =>
        new(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false),
            detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: leaveOpen);

    public IEnumerable<RawLine> ReadAll()
    {
        while (TryRead(out var raw))
        {
            yield return raw;
        }
    }

    /// <summary>
    /// Reads the next line. The first lines wait until one shows where ssh's text starts (a debug line, ssh's first line), up to
    /// <see cref="HeadLines"/>: a prefix learned there comes off the lines above it too (ssh warns about a missing <c>-i</c> file before its
    /// first line, and a program that prefixes ssh's lines prints its own lines first).
    /// </summary>
    public bool TryRead(out RawLine result)
    {
        if (head is null)
        {
            return TryReadLine(out result);
        }

        while (!settled && head.Count < HeadLines && TryReadLine(out var next))
        {
            head.Enqueue(next);
            settled = next.Text.StartsWith("debug", StringComparison.Ordinal) || prefixes.Seen;
        }

        settled = true;
        if (head.TryDequeue(out result))
        {
            if (result.Prefix == 0 && prefixes.Before(result.Text) is > 0 and var prefix)
            {
                result = result with { Prefix = prefix };
            }

            return true;
        }

        head = null;
        return TryReadLine(out result);
    }

    private bool TryReadLine(out RawLine result)
    {
        if (position < length)
        {
            // Fast path: the whole line is in the buffer; its string is the only allocation. One search finds its end and
            // tells whether it is plain.
            var span = buffer.AsSpan(position, length - position);
            var plain = true;
            var stop = span.IndexOfAny(LineEndsAndOddities);
            if (stop >= 0 && span[stop] is '\0' or '\\')
            {
                plain = false;
                stop = span.IndexOfAny('\n', '\r');
            }

            if (stop >= 0 && stop <= maxLineLength && (span[stop] == '\n' || stop + 1 < span.Length))
            {
                position += stop + 1;
                if (span[stop] == '\r' && span[stop + 1] == '\n')
                {
                    position++;
                }

                number++;
                var whole = stop == 0 ? string.Empty : new string(span[..stop]);
                result = new RawLine(number, whole, false, plain, prefixes.Of(whole));
                return true;
            }
        }

        line.Clear();
        var truncated = false;
        var sawAny = false;
        while (true)
        {
            if (position == length)
            {
                length = reader.Read(buffer, 0, buffer.Length);
                position = 0;
                if (length <= 0)
                {
                    length = 0;
                    if (!sawAny)
                    {
                        result = default;
                        return false;
                    }

                    break;
                }
            }

            sawAny = true;
            var span = buffer.AsSpan(position, length - position);
            var stop = span.IndexOfAny('\n', '\r');
            var take = stop < 0 ? span.Length : stop;
            var room = maxLineLength - line.Length;
            if (take > room)
            {
                truncated = true;
                if (room > 0)
                {
                    line.Append(span[..room]);
                }
            }
            else
            {
                line.Append(span[..take]);
            }

            if (stop < 0)
            {
                position = length;
                continue;
            }

            position += stop + 1;
            if (span[stop] == '\r')
            {
                SkipLineFeedAfterCarriageReturn();
            }

            break;
        }

        number++;
        var text = line.ToString();
        result = new RawLine(number, text, truncated, text.AsSpan().IndexOfAny('\0', '\\') < 0, prefixes.Of(text));
        return true;
    }

    private void SkipLineFeedAfterCarriageReturn()
    {
        if (position == length)
        {
            length = reader.Read(buffer, 0, buffer.Length);
            position = 0;
            if (length <= 0)
            {
                length = 0;
                return;
            }
        }

        if (buffer[position] == '\n')
        {
            position++;
        }
    }
}
