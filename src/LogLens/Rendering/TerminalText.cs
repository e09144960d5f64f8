using System.Text;

namespace LogLens.Rendering;

/// <summary>Makes text from a log safe to print on a terminal: control characters are shown, never sent.</summary>
internal static class TerminalText
{
    public static string Escape(string text)
    {
        var clean = true;
        foreach (var c in text)
        {
            if (char.IsControl(c) && c != '\t')
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (char.IsControl(c) && c != '\t')
            {
                builder.Append(c <= 0xFF ? $"\\x{(int)c:x2}" : $"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
