using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Json.Serialization;
using LogLens.Rendering;
using LogLens.Events;

namespace LogLens.Cli.Output;

/// <summary>Writes events one by one.</summary>
internal interface IEventWriter
{
    void Write(string source, SshEvent e);
}

/// <summary>One JSON object per event: line, type, level, function, session, then the event's own fields.</summary>
internal sealed class EventJsonWriter(TextWriter output) : IEventWriter
{
    private static readonly JsonTypeInfo<SshEvent> TypeInfo = (JsonTypeInfo<SshEvent>)new JsonSerializerOptions(EventJsonContext.Default.Options)
    {
        // Keep log text readable ("+", "<", "'" as they are); the output is JSON lines, not HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = EventJsonContext.Default,
    }.GetTypeInfo(typeof(SshEvent));

    public void Write(string source, SshEvent e)
    {
        output.WriteLine(JsonSerializer.Serialize(e, TypeInfo));
    }
}

/// <summary>One readable line per event: number, session, type, level and function, the message.</summary>
internal sealed class EventTextWriter(TextWriter output) : IEventWriter
{
    public void Write(string source, SshEvent e)
    {
        var level = e.Level is { } l ? $"debug{(int)l}" : "-";
        output.WriteLine($"{e.Line,6} s{e.Session} {e.GetType().Name,-26} {level,-6} {TerminalText.Escape(e.Message)}");
    }
}

/// <summary>The System.Text.Json source-generated metadata for events (Native AOT safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SshEvent))]
internal sealed partial class EventJsonContext : JsonSerializerContext;
