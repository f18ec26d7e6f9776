using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace CaseFlow.EventStore.Serialization;

/// <summary>
/// System.Text.Json converters for the NodaTime types CaseFlow stores. NodaTime.Serialization.SystemTextJson is not
/// served by our package source, so these few converters stand in for it, using NodaTime's own ISO patterns.
/// </summary>
public static class NodaTimeJson
{
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new LocalDateConverter());
        options.Converters.Add(new InstantConverter());
        options.Converters.Add(new LocalDateTimeConverter());
        return options;
    }

    private sealed class LocalDateConverter : JsonConverter<LocalDate>
    {
        public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString() ?? throw new JsonException("A date is required.");
            var result = LocalDatePattern.Iso.Parse(text);
            return result.Success ? result.Value : throw new JsonException($"'{text}' is not a date of the form YYYY-MM-DD.");
        }

        public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
            writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
    }

    private sealed class InstantConverter : JsonConverter<Instant>
    {
        public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString() ?? throw new JsonException("An instant is required.");
            var result = InstantPattern.ExtendedIso.Parse(text);
            return result.Success ? result.Value : throw new JsonException($"'{text}' is not an ISO instant.");
        }

        public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
            writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
    }

    private sealed class LocalDateTimeConverter : JsonConverter<LocalDateTime>
    {
        public override LocalDateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString() ?? throw new JsonException("A date and time is required.");
            var result = LocalDateTimePattern.ExtendedIso.Parse(text);
            return result.Success ? result.Value : throw new JsonException($"'{text}' is not an ISO local date-time.");
        }

        public override void Write(Utf8JsonWriter writer, LocalDateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(LocalDateTimePattern.ExtendedIso.Format(value));
    }
}
