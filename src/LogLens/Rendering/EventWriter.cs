using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LogLens.Events;

namespace LogLens.Rendering;

/// <summary>
/// Writes events the way <c>loglens events</c> does: one JSON object per line (line, type, level, function, session, then the
/// event's own fields; see <see cref="ContractJson"/>), or one readable line (number, session, type, level, the message, with
/// control characters shown escaped).
/// </summary>
public static class EventWriter
{
    private static readonly JsonTypeInfo<SshEvent> TypeInfo = (JsonTypeInfo<SshEvent>)ContractJson.Options.GetTypeInfo(typeof(SshEvent));

    /// <summary>Writes one event as one line of JSON.</summary>
    /// <param name="e">The event.</param>
    /// <param name="output">Where to write.</param>
    public static void WriteJson(SshEvent e, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(ToJson(e));
    }

    /// <summary>One event as JSON on one line.</summary>
    /// <param name="e">The event.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(SshEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return JsonSerializer.Serialize(e, TypeInfo);
    }

    /// <summary>Writes one event as one readable line.</summary>
    /// <param name="e">The event.</param>
    /// <param name="output">Where to write.</param>
    public static void WriteText(SshEvent e, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(output);
        var level = e.Level is { } l ? $"debug{(int)l}" : "-";
        output.WriteLine($"{e.Line,6} s{e.Session} {e.GetType().Name,-26} {level,-6} {TerminalText.Escape(e.Message)}");
    }
}
