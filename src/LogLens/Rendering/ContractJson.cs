using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using LogLens.Analysis;
using LogLens.Events;
using LogLens.Findings;

namespace LogLens.Rendering;

/// <summary>
/// <see cref="JsonSerializer"/> options that speak LogLens's JSON contracts: a <see cref="Report"/>, a <see cref="SessionReport"/> and a
/// <see cref="Finding"/> as in <c>loglens.report/1</c> (what <see cref="ReportWriter.WriteJson"/> writes; they read back too), an
/// <see cref="SshEvent"/> as a line of <c>loglens events</c> (camelCase, enums as strings, a <c>type</c> field; events are written
/// only: to get them again, read the log again). Source-generated and converter-based: safe under trimming and Native AOT.
/// </summary>
public static class ContractJson
{
    /// <summary>The options (read-only): <c>JsonSerializer.Serialize(report, ContractJson.Options)</c>.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(EventJsonContext.Default.Options)
        {
            // Keep log text readable ("+", "<", "'" as they are): the outputs are JSON documents, not HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new Resolver(),
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>The contract's converters for the report types; the source-generated metadata for events.</summary>
    private sealed class Resolver : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) =>
            type == typeof(Report) ? JsonMetadataServices.CreateValueInfo<Report>(options, new Converter<Report>(ReportJsonWriter.WriteReport, ReportReader.Read))
            : type == typeof(SessionReport) ? JsonMetadataServices.CreateValueInfo<SessionReport>(options, new Converter<SessionReport>(ReportJsonWriter.WriteSession, ReportReader.ReadSession))
            : type == typeof(Finding) ? JsonMetadataServices.CreateValueInfo<Finding>(options, new Converter<Finding>(ReportJsonWriter.WriteFinding, ReportReader.ReadFinding))
            : ((IJsonTypeInfoResolver)EventJsonContext.Default).GetTypeInfo(type, options);
    }

    /// <summary>Writes a value with the contract's writer and reads it with the contract's reader.</summary>
    private sealed class Converter<T>(Action<Utf8JsonWriter, T> write, Func<JsonElement, T> read) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            try
            {
                return read(document.RootElement);
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new JsonException($"not {ReportJsonWriter.Schema}: {e.Message}", e);
            }
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => write(writer, value);
    }
}

/// <summary>The System.Text.Json source-generated metadata for events (Native AOT safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SshEvent))]
internal sealed partial class EventJsonContext : JsonSerializerContext;
